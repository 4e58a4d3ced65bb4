import type {List, ListItem, Paragraph, PhrasingContent, RootContent, Strong, Table, Text} from 'mdast'
import type {Point, Position} from 'unist'
import {plainText} from './text.js'
import {perObject} from './memo.js'
import {normalizeText} from './normalize.js'
import {withoutNotes} from './values.js'

/** A `**Label**: value` line of a paragraph. */
export interface Field {
  label: string
  normalized: string
  /** Value text without markup, trimmed; empty when nothing follows the colon. */
  value: string
  /** The inline nodes of the value (links, code, emphasis, text). */
  nodes: PhrasingContent[]
  /** The bold label; `undefined` for a plain one (`- Category: value`). */
  strong: Strong | undefined
  /** From the label to the end of the value. */
  place: Position
}

/** A run of a paragraph's line: one of its nodes, or the part of a text node on that line. */
export interface Segment {
  node: PhrasingContent
  text: string
  start: Point | undefined
  end: Point | undefined
}

/**
 * Every field in the paragraphs among `nodes` (not inside lists or quotes).
 * Lines may end in hard breaks or plain line endings; the colon may stand
 * after or inside the strong label (`**Label**:` or `**Label:**`).
 */
export function readFields(nodes: readonly RootContent[]): Field[] {
  const fields: Field[] = []
  for (const node of nodes) if (node.type === 'paragraph') fields.push(...boldFieldsOf(node))
  return fields
}

/**
 * The bold-label fields of one paragraph, read once per paragraph for all
 * the rules of a run (every rule asks of the same paragraphs).
 */
const boldFieldsOf = perObject((paragraph: Paragraph): readonly Field[] =>
  // Every field starts with a bold label: prose is skipped without splitting it into lines.
  paragraph.children.some((child) => child.type === 'strong') ? paragraphLines(paragraph).flatMap((line) => lineField(line) ?? []) : []
)

/**
 * The plain `Label: value` lines of the paragraphs among `nodes` that have no
 * bold label (`Incident ID: #123`), as some teams write a header's fields.
 */
export function readPlainFields(nodes: readonly RootContent[]): Field[] {
  const fields: Field[] = []
  for (const node of nodes) if (node.type === 'paragraph') fields.push(...plainFieldsOf(node))
  return fields
}

const plainFieldsOf = perObject((paragraph: Paragraph): readonly Field[] =>
  paragraph.children.some((child) => child.type === 'strong') ? [] : paragraphLines(paragraph).flatMap((line) => plainLineField(line) ?? [])
)

/** The `Label: value` lines of the paragraphs among `nodes`, with bold labels (`**Author**: …`) or plain (`Reviewed by: …`). */
export function readParagraphFields(nodes: readonly RootContent[]): Field[] {
  return [...readFields(nodes), ...readPlainFields(nodes)]
}

/**
 * The first field labelled `label` (normalised); else the first whose label
 * is the same once a note in parentheses is left out of either: a team's
 * `**Date (UTC)**:` for the template's `Date`, `Start` for `Start (UTC)`.
 */
export function findField(fields: readonly Field[], label: string): Field | undefined {
  const normalized = normalizeText(label)
  const exact = fields.find((field) => field.normalized === normalized)
  if (exact) return exact
  const bare = withoutNotes(normalized)
  return bare === '' ? undefined : fields.find((field) => withoutNotes(field.normalized) === bare)
}

/** The lines of `paragraph` (text line endings, hard breaks) as segments, up to `maxLines` of them (the rest is not split). */
export function paragraphLines(paragraph: Paragraph, maxLines = Number.POSITIVE_INFINITY): Segment[][] {
  const lines: Segment[][] = [[]]

  for (const node of paragraph.children) {
    if (node.type === 'break') {
      if (lines.length === maxLines) break
      lines.push([])
      continue
    }

    if (node.type !== 'text') {
      // A comment is the template's note to the writer (`**Incident**: <!-- link -->`), and a `<br>` ends a line as a
      // hard break does (`Status: final<br>`): no part of the value.
      const text = node.type === 'html' && (/^<!--[\s\S]*-->$/.test(node.value) || /^<br\s*\/?>$/i.test(node.value)) ? '' : plainText(node)
      lines.at(-1)?.push({node, text, start: node.position?.start, end: node.position?.end})
      continue
    }

    if (!pushTextLines(node, lines, maxLines)) break
  }

  return lines
}

/**
 * Add a text node to `lines`, a segment per line it spans; `false` when
 * `maxLines` are complete before the node's end.
 */
function pushTextLines(node: Text, lines: Segment[][], maxLines: number): boolean {
  const start = node.position?.start
  const lineEnding = /\r\n|\r|\n/g
  let from = 0

  for (let index = 0; ; index++) {
    const match = lineEnding.exec(node.value)
    const part = node.value.slice(from, match?.index)
    const partStart = start && (index === 0 ? start : {line: start.line + index, column: 1})
    const partEnd = match ? partStart && {line: partStart.line, column: partStart.column + part.length} : node.position?.end
    lines.at(-1)?.push({node: {type: 'text', value: part}, text: part, start: partStart, end: partEnd})
    if (!match) return true
    if (lines.length === maxLines) return false
    lines.push([])
    from = match.index + match[0].length
  }
}

/** A colon that ends a label: ASCII, or the full-width one of Chinese and Japanese text (`事件编号：`). */
export const labelColon = /[:：]/

function isColon(character: string | undefined): boolean {
  return character !== undefined && labelColon.test(character)
}

function lineField(line: Segment[]): Field | undefined {
  let index = 0
  while (index < line.length && line[index]?.node.type === 'text' && line[index]?.text.trim() === '') index++
  const labelSegment = line[index]
  if (!labelSegment || labelSegment.node.type !== 'strong') return undefined

  const strong = labelSegment.node
  let label = labelSegment.text.trim()
  const rest = line.slice(index + 1)

  if (isColon(label.at(-1))) {
    label = label.slice(0, -1).trim()
  } else {
    const first = rest[0]
    const afterLabel = first?.node.type === 'text' ? first.text.trimStart() : ''
    if (!first || !isColon(afterLabel[0])) return undefined
    rest[0] = {...first, node: {type: 'text', value: afterLabel.slice(1)}, text: afterLabel.slice(1)}
  }

  return fieldOf(label, rest, strong, labelSegment)
}

/** A field from its label, the segments of its value and the segment it starts with. */
function fieldOf(
  label: string,
  rest: readonly Segment[],
  strong: Strong | undefined,
  first: Segment
): Field {
  const start = first.start ?? {line: 1, column: 1}
  const end = rest.at(-1)?.end ?? first.end ?? start
  return {
    label,
    normalized: normalizeText(label),
    value: rest
      .map((segment) => segment.text)
      .join('')
      .trim(),
    nodes: rest.map((segment) => segment.node),
    strong,
    place: {start, end}
  }
}

/** A list right after a paragraph that is just `**Label**:`. */
export interface LabelledList {
  label: string
  normalized: string
  paragraph: Paragraph
  list: List
}

/** Every labelled list among `nodes`. */
export function readLabelledLists(nodes: readonly RootContent[]): LabelledList[] {
  const lists: LabelledList[] = []

  nodes.forEach((node, index) => {
    const next = nodes[index + 1]
    if (node.type !== 'paragraph' || next?.type !== 'list') return
    const lines = paragraphLines(node, 2)
    const field = lines.length === 1 && lines[0] ? lineField(lines[0]) : undefined
    if (field && field.value === '') {
      lists.push({label: field.label, normalized: field.normalized, paragraph: node, list: next})
    }
  })

  return lists
}

/** One item of a list, read as a checklist entry. */
export interface ChecklistItem {
  item: ListItem
  /** `true` for `[x]`/`[X]`, `false` for `[ ]`, `null` without a checkbox. */
  checked: boolean | null
  /** Text of the item's first paragraph (nested lists excluded). */
  text: string
  normalized: string
}

/** The items of `list` as checklist entries. */
export function checklistItems(list: List): ChecklistItem[] {
  return list.children.map((item) => {
    const first = item.children[0]
    const text = first?.type === 'paragraph' ? plainText(first).trim() : ''
    return {item, checked: item.checked ?? null, text, normalized: normalizeText(text)}
  })
}

/**
 * A plain `Label: value` at the start of a list item: a short label starting
 * with a letter, not a URL scheme, nor the hours of a time (`HH:MM — event`,
 * `T+00:05`); its colon ASCII or full-width (`时长：35 分钟`, never a time's).
 */
const plainLabel = /^\s*(\p{L}[^:：\n]{0,59}?)\s*(?::(?!\/\/|\d\d\b|mm\b|MM\b)|：)/u

/**
 * The `Label: value` items of `list` (`- Category: XXX`, `- **Owner**: @sam`):
 * the first line of each item's first paragraph, label plain or bold.
 */
export const readListFields = perObject((list: List): readonly Field[] => {
  const fields: Field[] = []

  for (const item of list.children) {
    const paragraph = item.children[0]
    if (paragraph?.type !== 'paragraph' || !mayStartWithLabel(paragraph)) continue
    const line = paragraphLines(paragraph, 1)[0] ?? []
    const field = lineField(line) ?? plainLineField(line)
    if (field) fields.push(field)
  }

  return fields
})

/**
 * The fields of the items among `nodes`' lists that hold their label and
 * nothing else (`- **Detection Time**:`): no value, no second line, nothing
 * nested under it.
 */
export function bareListFields(nodes: readonly RootContent[]): Field[] {
  const fields: Field[] = []
  for (const node of nodes) {
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const [paragraph, ...more] = item.children
      if (paragraph?.type !== 'paragraph' || more.length > 0 || !mayStartWithLabel(paragraph)) continue
      const lines = paragraphLines(paragraph).filter((line) => line.some((segment) => segment.text.trim() !== ''))
      const field = lines.length === 1 && lines[0] ? (lineField(lines[0]) ?? plainLineField(lines[0])) : undefined
      if (field && field.value === '') fields.push(field)
    }
  }

  return fields
}

/**
 * Whether `paragraph` may start with a field's label: a bold one, or a colon
 * on its first line of text. Most list items are prose, left without
 * splitting them into lines.
 */
function mayStartWithLabel(paragraph: Paragraph): boolean {
  const [first, second] = paragraph.children
  if (first?.type === 'strong') return true
  if (first?.type !== 'text') return false
  const lineEnd = first.value.search(/[\r\n]/)
  const firstLine = lineEnd === -1 ? first.value : first.value.slice(0, lineEnd)
  return labelColon.test(firstLine) || (firstLine.trim() === '' && second?.type === 'strong')
}

/** The `**Label**: value` fields of the paragraphs and the fields of the lists among `nodes` (a document's top level: its header and sections). */
export function readParagraphAndListFields(nodes: readonly RootContent[]): Field[] {
  return [...readFields(nodes), ...nodes.flatMap((node) => (node.type === 'list' ? readListFields(node) : []))]
}

/** The fields of the lists of `Label: value` items, the label/value tables and the field paragraphs (bold labels or plain) among `nodes`: what a template's field groups are made of. */
export function readGroupFields(nodes: readonly RootContent[]): Field[] {
  return nodes.flatMap((node) =>
    node.type === 'list' ? readListFields(node) : node.type === 'table' ? readTableFields(node) : node.type === 'paragraph' ? readParagraphFields([node]) : []
  )
}

/**
 * The rows of a two-column table of labels and values (`| Date | 2025-12-10 |`),
 * as a header may hold its fields: the first cell is the label (bold or not,
 * a trailing colon dropped), the second the value. Other tables have none.
 */
export function readTableFields(table: Table): Field[] {
  const [head, ...rows] = table.children
  if (head?.children.length !== 2) return []
  const fields: Field[] = []

  for (const row of rows) {
    const [labelCell, valueCell] = row.children
    const label = labelCell ? plainText(labelCell).trim().replace(/\s*:$/, '') : ''
    const start = labelCell?.children[0]?.position?.start ?? labelCell?.position?.start
    if (!valueCell || label === '' || !start) continue
    const nodes = valueCell.children
    const end = nodes.at(-1)?.position?.end ?? valueCell.position?.end ?? start
    const strong = labelCell?.children.length === 1 && labelCell.children[0]?.type === 'strong' ? labelCell.children[0] : undefined
    fields.push({
      label,
      normalized: normalizeText(label),
      value: plainText(valueCell).trim(),
      nodes,
      strong,
      place: {start, end}
    })
  }

  return fields
}

function plainLineField(line: Segment[]): Field | undefined {
  const first = line[0]
  if (first?.node.type !== 'text') return undefined
  const match = plainLabel.exec(first.text)
  if (!match) return undefined
  const label = (match[1] ?? '').trim()
  const restText = first.text.slice(match[0].length)
  const rest = [{...first, node: {type: 'text' as const, value: restText}, text: restText}, ...line.slice(1)]
  return fieldOf(label, rest, undefined, first)
}
