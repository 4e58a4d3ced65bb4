import type {Html, Nodes, Paragraph, Root, TableRow, Text} from 'mdast'
import {
  allMatches,
  angledPattern,
  curlyPattern,
  ellipsisValue,
  exampleLeadIn,
  findSection,
  genericPlaceholder,
  isEmptyAnswer,
  isHtmlTag,
  isPlaceholderValue,
  normalizeText,
  paragraphText,
  perObject,
  placeholderTokens,
  plainText,
  postmortemDocument,
  readFields,
  readParagraphAndListFields,
  readPlainFields,
  sectionContent,
  sectionOwnContent,
  todoMarker,
  type TemplateExample,
  type TemplateModel
} from 'mdast-util-postmortem'
import {defineRule, remarkRule, templateOption, type ConfiguredOptions, type Report} from 'postmortem-rule-core'
import type {Point} from 'unist'

const bracketed = /\[[^[\]\n]{1,200}\]/g
const blank = /_{3,}/g
/** Bare URLs, which GFM may or may not have turned into links: never inspected either way. */
const bareUrl = /\b(?:https?:\/\/|www\.)[^\s<>]+/g

/** Nodes never inspected: code, links and references, front matter. */
const uninspected = new Set(['code', 'inlineCode', 'link', 'linkReference', 'definition', 'yaml', 'toml'])

export const noPlaceholders = defineRule({
  id: 'no-placeholders',
  description: 'No template placeholders, guidance, examples or TODO markers are left',
  options: {template: templateOption},
  check(tree, {options}) {
    const {template} = options
    const {placeholders, valueMarkers, guidance, codePlaceholders} = lookupsOf(template)
    const reports: Report[] = [...exampleRowReports(tree, template), ...promptListReports(tree, template), ...answerReports(tree, template)]
    // A header may write its fields without bold (`Date: YYYY-MM-DD`): those lines are values too.
    const plainFieldParagraphs = new Set(postmortemDocument(tree).header.filter((node) => readPlainFields([node]).length > 0))
    // A stack, not recursion: deeply nested documents must not overflow it. Two arrays
    // (node, and whether it is inside a value) rather than an object per node.
    const nodes: Nodes[] = [tree]
    const inValues: boolean[] = [false]

    for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
      let inValue = inValues.pop() ?? false
      // The type read once: every node of every document passes here, in many shapes.
      const type = node.type
      if (type === 'text') {
        if (mayHoldFinding(node.value)) reports.push(...textReports(node, placeholders, inValue, valueMarkers))
        continue
      }

      // Code is never read, except a value in code that is the template's placeholder as it wrote it (`` `HH:MM` ``): prose may name a pattern.
      if (type === 'inlineCode' && inValue && codePlaceholders.has(node.value.trim())) {
        reports.push({reason: `Unexpected template placeholder \`${node.value.trim()}\`, expected a value`, place: node.position, actual: node.value})
      }

      if (uninspected.has(type)) continue

      if (type === 'html') {
        const report = angleReport(node, placeholders, inValue)
        if (report) reports.push(report)
        continue
      }

      if (type === 'paragraph') {
        const report = paragraphReport(node, guidance)
        if (report) {
          reports.push(report)
          continue
        }

        // The values of `**Label**: value` fields are values, as are cells and list items.
        if (!inValue && (plainFieldParagraphs.has(node) || readFields([node]).length > 0)) inValue = true
      } else if (type === 'tableCell' || type === 'listItem') {
        inValue = true
      }

      const children = 'children' in node ? node.children : undefined
      if (children) {
        for (let index = children.length - 1; index >= 0; index--) {
          const child = children[index]
          if (child) {
            nodes.push(child)
            inValues.push(inValue)
          }
        }
      }
    }

    return reports
  },
  templateSummary(template) {
    const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
    const parts = [
      counted(template.placeholders.length + template.codePlaceholders.length, 'placeholder'),
      counted(template.guidance.length, 'guidance paragraph'),
      counted(template.promptLists.length, 'prompt list'),
      counted(template.promptFields.length, 'prompt field'),
      counted(template.examples.length, 'example row'),
      'placeholder tokens (`XXX`, `HH:mm`, `YYYY-MM-DD`, `<…>`, `@handle`) in values',
      '`TODO`/`TBD`/`FIXME`'
    ]
    return parts.join(', ')
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof noPlaceholders.options>

export default remarkRule(noPlaceholders)

/**
 * Rows of the template's example rows with only their placeholders filled:
 * the sample text (an event, an action) is still the template's.
 */
function exampleRowReports(tree: Root, template: TemplateModel): Report[] {
  const document = postmortemDocument(tree)
  const reports: Report[] = []

  for (const example of template.examples) {
    const section = findSection(document, example.section.text)
    if (!section) continue
    for (const node of sectionContent(document, section)) {
      if (node.type !== 'table') continue
      for (const row of node.children.slice(1)) {
        if (!isFilledExample(row, example)) continue
        reports.push({
          reason: `Unexpected template example row \`${shorten(example.text)}\` in \`${example.section.text}\` with only its placeholders filled in, expected your own`,
          place: row.position,
          actual: plainText(row)
        })
      }
    }
  }

  return reports
}

/**
 * A section whose content is still the template's list of prompts (`- What
 * led to the incident?`) and nothing else but the template's lead-in
 * (`Start with the following:`): unanswered. The action items' and
 * the timeline's lists are their rules' to read.
 */
function promptListReports(tree: Root, template: TemplateModel): Report[] {
  if (template.promptLists.length === 0) return []
  const document = postmortemDocument(tree)
  const read = new Set([template.roles.actionItems?.section.normalized, template.roles.timeline?.section.normalized])
  const reports: Report[] = []

  for (const prompts of template.promptLists) {
    const section = read.has(prompts.section.normalized) ? undefined : findSection(document, prompts.section.text)
    const content = section ? sectionOwnContent(document, section) : []
    const list = content.at(-1)
    // The template's lead-in may stay or go; any other text before the list answers the questions.
    const onlyLeadIn = content.slice(0, -1).every((node) => node.type === 'paragraph' && prompts.leadIn.includes(normalizeText(plainText(node))))
    if (list?.type !== 'list' || !onlyLeadIn || list.children.length !== prompts.items.length) continue
    if (list.children.every((item, index) => normalizeText(plainText(item)) === prompts.items[index])) {
      reports.push({
        reason: `Unexpected template guidance \`${shorten(prompts.text)}\` as the content of \`${prompts.section.text}\`, expected your own text`,
        place: list.position,
        actual: plainText(list)
      })
    }
  }

  return reports
}

function isFilledExample(row: TableRow, example: TemplateExample): boolean {
  const written = row.children.map((cell) => plainText(cell))
  let verbatim = 0
  for (const [index, expected] of example.cells.entries()) {
    const actual = normalizeText(written[index] ?? '')
    if (example.placeholders[index]) {
      // A placeholder still there is reported as such.
      if (actual === expected || isPlaceholderValue(written[index] ?? '')) return false
    } else if (actual === expected) {
      if (expected !== '') verbatim++
    } else {
      return false
    }
  }

  return verbatim > 0
}

/**
 * `N/A` and the like where the template asks for a value (its field holds a
 * placeholder), and the template's question or description left as the
 * answer (`Data Loss: Was there any data loss or corruption?`, `Impact:
 * (services/users affected)`).
 */
function answerReports(tree: Root, template: TemplateModel): Report[] {
  const {asked, prompted} = lookupsOf(template)
  const reports: Report[] = []
  for (const field of readParagraphAndListFields(tree.children)) {
    if (asked.has(field.normalized) && isEmptyAnswer(field.value)) {
      reports.push({
        reason: `Unexpected \`${field.value}\` for \`${field.label}\`, expected a value: the template asks for one`,
        place: field.place,
        actual: field.value
      })
    } else if (prompted.size > 0 && (field.value.includes('?') || field.value.startsWith('(')) && prompted.has(`${field.normalized}\0${normalizeText(field.value)}`)) {
      reports.push({
        reason: `Unexpected template guidance \`${shorten(field.value)}\` as the value of \`${field.label}\`, expected your own text`,
        place: field.place,
        actual: field.value
      })
    }
  }

  return reports
}

/** An inline `<…>` that is the template's placeholder, or in a value not a real HTML tag. */
function angleReport(node: Html, placeholders: ReadonlySet<string>, inValue: boolean): Report | undefined {
  const value = node.value.trim()
  const isPlaceholder = placeholders.has(value) || (inValue && /^<[A-Za-z@][^<>\n]{0,79}>$/.test(value) && !isHtmlTag(value))
  return isPlaceholder
    ? {reason: `Unexpected template placeholder \`${value}\`, expected a value`, place: node.position, actual: value}
    : undefined
}

/** The template's guidance paragraphs, and the keys that tell most paragraphs apart from them without normalising. */
interface Guidance {
  texts: ReadonlySet<string>
  keys: ReadonlySet<number>
}

/** What the rule looks up in the template, as sets: made once per template, not once per document. */
interface TemplateLookups {
  placeholders: ReadonlySet<string>
  valueMarkers: ReadonlySet<string>
  codePlaceholders: ReadonlySet<string>
  guidance: Guidance
  /** Fields whose template value is a placeholder: they ask for a value. */
  asked: ReadonlySet<string>
  /** The template's prompt fields, as `label\0value`. */
  prompted: ReadonlySet<string>
}

const lookupsOf = perObject(
  (template: TemplateModel): TemplateLookups => ({
    placeholders: new Set(template.placeholders),
    valueMarkers: new Set(template.valueMarkers),
    codePlaceholders: new Set(template.codePlaceholders),
    guidance: {texts: new Set(template.guidance), keys: new Set(template.guidance.map(guidanceKey))},
    asked: new Set(template.placeholderFields),
    prompted: new Set(template.promptFields.map((field) => `${field.label}\0${field.value}`))
  })
)

/**
 * A hash of the first letters and digits of a text, lower case: equal for a
 * text and its normalised form (emoji and marks dropped). Only the start is
 * looked at, so that a long paragraph without letters costs nothing; a number
 * and not a string, since every paragraph of every document gets one. Two
 * texts whose keys collide are told apart by normalising them.
 */
function guidanceKey(text: string): number {
  let hash = 0x811c9dc5
  let length = 0
  for (let index = 0; index < Math.min(text.length, 200) && length < 16; index++) {
    let code = text.charCodeAt(index)
    if (code < 128) {
      if (code >= 65 && code <= 90) code += 32
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        hash = Math.imul(hash ^ code, 0x01000193)
        length++
      }
    } else {
      // Outside ASCII, lower case may be an ASCII letter (the Kelvin sign `K` is `k`) or more than one code unit (`İ`).
      const character = text.charAt(index).toLowerCase()
      if ((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9')) {
        for (let unit = 0; unit < character.length; unit++) hash = Math.imul(hash ^ character.charCodeAt(unit), 0x01000193)
        length += character.length
      }
    }
  }

  return hash
}

/** A guidance paragraph copied from the template, or an `Example:` lead-in. */
function paragraphReport(paragraph: Paragraph, guidance: Guidance): Report | undefined {
  const text = paragraphText(paragraph).trim()
  // A cheap test first: most paragraphs are neither guidance nor an example's lead-in (`Example:`, `Exemplo:`, `Beispiel:`).
  if (!guidance.keys.has(guidanceKey(text)) && !/^\W{0,12}(?:ex[ae]mpl|ejempl|beispiel|esempi)/i.test(text)) return undefined
  const normalized = normalizeText(text)

  if (guidance.texts.has(normalized)) {
    return {
      reason: `Unexpected template guidance \`${shorten(text)}\`, expected your own text`,
      place: paragraph.position,
      actual: text
    }
  }

  if (exampleLeadIn.test(normalized)) {
    return {
      reason: `Unexpected template lead-in \`${text}\`, expected your own text instead of the template's example`,
      place: paragraph.position,
      actual: text
    }
  }

  return undefined
}

/**
 * What every finding of `textReports` starts with: text without any of these
 * has none. Two patterns, characters then words: one alternation of both
 * tries every word at every position, and every text of every document is tested.
 */
const triggerCharacter = /[[_<?{@…]/
const triggerWord = /TODO|TBD|FIXME|TBA|XXX|YYY|ZZZ|X\.Y\.Z|x\.y\.z|HH:|20[xX]{2}|\b[NX] [mhsd]|MM[/.]|T ?\+ ?[NXYZ]\b|\.\.\./

function mayHoldFinding(value: string): boolean {
  return triggerCharacter.test(value) || triggerWord.test(value)
}

/** What may join two placeholder tokens of one value: a date's or a time's separators. */
const tokenJoint = /^[ \t\-:/.T]{1,3}$/

/** The findings in a text that `mayHoldFinding`. */
function textReports(node: Text, placeholders: ReadonlySet<string>, inValue: boolean, valueMarkers: ReadonlySet<string>): Report[] {
  const found = new Map<number, {text: string; reason: string}>()

  for (const pattern of [bracketed, angledPattern, curlyPattern]) {
    for (const match of allMatches(pattern, node.value)) {
      if (placeholders.has(match[0])) {
        found.set(match.index, {text: match[0], reason: `Unexpected template placeholder \`${match[0]}\`, expected a value`})
      }
    }
  }

  // The template's ellipsis for an answer (`1. ...`, `- Team: ...`) still there, written with three dots or one character.
  const ellipsis = ellipsisValue(node.value)
  if (ellipsis && (placeholders.has('...') || placeholders.has('…')) && (inValue || node.value.trim() === ellipsis.text)) {
    found.set(ellipsis.index, {text: ellipsis.text, reason: `Unexpected template placeholder \`${ellipsis.text}\`, expected a value`})
  }

  for (const match of allMatches(genericPlaceholder, node.value)) {
    if (!found.has(match.index)) {
      found.set(match.index, {text: match[0], reason: `Unexpected template placeholder \`${match[0]}\`, expected a value`})
    }
  }

  if (inValue) {
    // Tokens inside a bracketed placeholder (`[YYYY-MM-DD]`) are that placeholder; both lists ascend.
    const spans = [...found].map(([start, {text}]) => [start, start + text.length] as const).sort((a, b) => a[0] - b[0])
    let span = 0
    let run: {start: number; end: number} | undefined
    for (const token of placeholderTokens(node.value)) {
      while (span < spans.length && (spans[span]?.[1] ?? 0) <= token.index) span++
      const current = spans[span]
      if (current && token.index >= current[0]) continue
      // Tokens joined by separators are one unknown value (`2022-05-?? HH:mm`, `??:??`): one message.
      const joined = run !== undefined && tokenJoint.test(node.value.slice(run.end, token.index))
      run = {start: joined && run ? run.start : token.index, end: token.index + token.text.length}
      const text = node.value.slice(run.start, run.end)
      found.set(run.start, {text, reason: `Unexpected placeholder \`${text}\`, expected a value`})
    }
  }

  for (const match of allMatches(blank, node.value)) {
    found.set(match.index, {text: match[0], reason: `Unexpected blank \`${match[0]}\`, expected it filled in or removed`})
  }

  for (const match of allMatches(todoMarker, node.value)) {
    // A marker the template itself writes as a value (`**TODO**` in its status cells) is the team's word for one.
    if (inValue && valueMarkers.has(match[0])) continue
    found.set(match.index, {text: match[0], reason: `Unexpected \`${match[0]}\` marker, expected the work done or the line removed`})
  }

  // Most texts that `mayHoldFinding` (a question, an `@owner`) hold nothing: no URL to look for.
  if (found.size === 0) return []
  const urls = allMatches(bareUrl, node.value).map((match) => [match.index, match.index + match[0].length] as const)
  let url = 0
  const sorted = [...found]
    .sort((a, b) => a[0] - b[0])
    .filter(([offset]) => {
      // Both lists ascend: one pass over the URLs for all findings.
      while (url < urls.length && (urls[url]?.[1] ?? 0) <= offset) url++
      const span = urls[url]
      return !(span && offset >= span[0])
    })
  const points = pointsIn(node, sorted.map(([offset]) => offset))
  return sorted.map(([, {text, reason}], index) => {
    const start = points[index]
    return {
      reason,
      place: start && {start, end: {line: start.line, column: start.column + text.length}},
      actual: text
    }
  })
}

/**
 * The points of ascending `offsets` in a text node, in one pass. Exact on
 * the node's first line; on later lines the column counts from the start of
 * the line's text, since mdast drops the indentation of continuation lines.
 */
function pointsIn(node: Text, offsets: readonly number[]): Array<Point | undefined> {
  const start = node.position?.start
  let line = 0
  let lineStart = 0
  let index = 0

  return offsets.map((offset) => {
    for (; index < offset; index++) {
      const code = node.value.charCodeAt(index)
      // A line ends at LF, at CR, and once at CR+LF.
      if (code === 10 || (code === 13 && node.value.charCodeAt(index + 1) !== 10)) {
        line++
        lineStart = index + 1
      }
    }

    if (!start) return undefined
    return line === 0
      ? {line: start.line, column: start.column + offset}
      : {line: start.line + line, column: offset - lineStart + 1}
  })
}

/** `text` on one line (its lines joined by a space), cut to 60 characters. */
function shorten(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ')
  return line.length > 60 ? line.slice(0, 57) + '…' : line
}
