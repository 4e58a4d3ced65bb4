import type {
  AlignType,
  BlockContent,
  Code,
  Definition,
  Heading,
  Image,
  ImageReference,
  Link,
  LinkReference,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text
} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {decodeString} from 'micromark-util-decode-string'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import type {Point, Position} from 'unist'

/**
 * Building the rules' mdast from the micromark tokens markdownlint has
 * already made, instead of parsing the document a second time.
 *
 * The tree must be the one `parseForRules` makes (CommonMark, GFM tables
 * and task list items, YAML front matter), node for node and position for
 * position. markdownlint parses with other extensions (directives, math,
 * footnotes, autolink literals) and without task list items, so the
 * conversion undoes or redoes those where it can and gives up where it
 * cannot: any token it does not know makes it throw `UnsupportedConstruct`,
 * and the document is parsed again.
 */
class UnsupportedConstruct extends Error {}

function unsupported(construct: string): never {
  throw new UnsupportedConstruct(construct)
}

/**
 * A token as markdownlint hands it to rules (`MicromarkToken`), with its
 * type as a plain string: extensions add types the base type map lacks.
 */
interface MicromarkToken {
  readonly type: string
  readonly startLine: number
  readonly startColumn: number
  readonly endLine: number
  readonly endColumn: number
  readonly text: string
  readonly children: readonly MicromarkToken[]
}

/** The parts of markdownlint's `RuleParams` the conversion reads. */
export interface MicromarkDocument {
  readonly tokens: readonly MicromarkToken[]
  readonly lines: readonly string[]
  readonly frontMatterLines: readonly string[]
}

interface Context {
  /** Offset of each line of the whole file (front matter included), 0-based by line. */
  readonly lineStarts: readonly number[]
  /** Lines of front matter before the tokens' line 1. */
  readonly lineDelta: number
  /** Inside a table: `\|` in code means `|` (as in GFM's table cells). */
  inTable: boolean
}

/** Tokens that carry no content of their own in the tree. */
const layout = new Set([
  'lineEnding',
  'lineEndingBlank',
  'linePrefix',
  'lineSuffix',
  'whitespace',
  'blockQuotePrefix',
  'listItemIndent'
])

/**
 * The mdast of the document markdownlint has tokenized, or the construct
 * that keeps the tokens from being turned into it faithfully.
 */
export function treeFromMicromark(
  document: MicromarkDocument,
  value: string
): {tree: Root; unsupported?: undefined} | {tree?: undefined; unsupported: string} {
  const lineStarts = [0]
  for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  const context: Context = {lineStarts, lineDelta: document.frontMatterLines.length, inTable: false}
  try {
    return {tree: root(context, document)}
  } catch (error) {
    if (error instanceof UnsupportedConstruct) return {unsupported: error.message}
    throw error
  }
}

function root(context: Context, document: MicromarkDocument): Root {
  const children: RootContent[] = []
  const yaml = frontMatter(context, document)
  if (yaml) children.push(yaml)
  else if (document.lines[0]?.startsWith('---') || document.lines[0]?.charCodeAt(0) === 0xfe_ff) {
    // Front matter markdownlint did not strip, or a byte order mark: the
    // parser may read either otherwise.
    unsupported('front matter markdownlint left in')
  }

  // The parser reads NUL as U+FFFD; the tokens' text keeps it.
  if (document.lines.some((line) => line.includes('\0'))) unsupported('NUL character')

  // markdownlint appends its own tokens for undefined references last.
  const tokens = document.tokens.filter((token) => !token.type.startsWith('undefinedReference'))
  children.push(...flow(context, tokens, false))
  // The parser's root ends with its second-to-last event: the end of the
  // last top-level token's last child, or of that token when it is a leaf.
  const last = tokens.at(-1)
  const lastChild = last && last.type !== 'htmlFlow' ? last.children.at(-1) : undefined
  const start = yaml || !tokens[0] ? point(context, 1 - context.lineDelta, 1) : point(context, tokens[0].startLine, tokens[0].startColumn)
  let end: Point
  if (lastChild) end = point(context, lastChild.endLine, lastChild.endColumn)
  else if (last) end = point(context, last.endLine, last.endColumn)
  else end = yaml ? point(context, 1, 1) : start
  return {type: 'root', children, position: {start, end}}
}

/**
 * The YAML (`---`) or TOML (`+++`) node for front matter markdownlint
 * stripped, in the one shape both parsers agree on: fence lines around it,
 * blank lines after it.
 */
function frontMatter(context: Context, document: MicromarkDocument): RootContent | undefined {
  const lines = document.frontMatterLines
  if (lines.length === 0) return undefined
  const fence = lines[0] === '---' || lines[0] === '+++' ? lines[0] : undefined
  const close = fence === undefined ? -1 : lines.indexOf(fence, 1)
  if (fence === undefined || close === -1 || lines.slice(close + 1).some((line) => line !== '')) {
    unsupported('front matter')
  }

  const inside = lines.slice(1, close)
  if (inside.some((line) => line.trimEnd() === fence)) unsupported('front matter')
  return {
    type: fence === '+++' ? 'toml' : 'yaml',
    value: inside.join('\n'),
    position: {
      start: point(context, 1 - context.lineDelta, 1),
      end: point(context, close + 1 - context.lineDelta, 4)
    }
  }
}

function point(context: Context, line: number, column: number): Point {
  const fileLine = line + context.lineDelta
  return {line: fileLine, column, offset: (context.lineStarts[fileLine - 1] ?? 0) + column - 1}
}

function startOf(context: Context, token: MicromarkToken): Point {
  return point(context, token.startLine, token.startColumn)
}

function endOf(context: Context, token: MicromarkToken): Point {
  return point(context, token.endLine, token.endColumn)
}

function positionOf(context: Context, token: MicromarkToken): Position {
  return {start: startOf(context, token), end: endOf(context, token)}
}

function childOf(token: MicromarkToken, type: string): MicromarkToken | undefined {
  return token.children.find((child) => child.type === type)
}

/** Block content; `nested` is true inside a list or block quote, where a token's raw text holds the container's prefixes. */
function flow(context: Context, tokens: readonly MicromarkToken[], nested: boolean): RootContent[] {
  const nodes: RootContent[] = []
  for (const token of tokens) {
    switch (token.type) {
      case 'atxHeading': {
        const text = childOf(token, 'atxHeadingText')
        const sequence = childOf(token, 'atxHeadingSequence')
        nodes.push(heading(context, token, sequence?.text.length ?? 1, text))
        break
      }

      case 'setextHeading': {
        const line = childOf(token, 'setextHeadingLine')
        nodes.push(heading(context, token, line?.text.trim().startsWith('=') ? 1 : 2, childOf(token, 'setextHeadingText')))
        break
      }

      case 'content': {
        for (const child of token.children) {
          if (child.type === 'paragraph') nodes.push(paragraph(context, child))
          else if (child.type === 'definition') nodes.push(definition(context, child))
          else if (!layout.has(child.type)) unsupported(child.type)
        }

        break
      }

      case 'thematicBreak': {
        nodes.push({type: 'thematicBreak', position: positionOf(context, token)})
        break
      }

      case 'blockQuote': {
        const children = flow(context, token.children, true) as BlockContent[]
        nodes.push({type: 'blockquote', children, position: positionOf(context, token)})
        break
      }

      case 'listOrdered':
      case 'listUnordered': {
        nodes.push(list(context, token))
        break
      }

      case 'codeFenced':
      case 'codeIndented': {
        // An indent that takes part of a tab leaves the parser spaces the tokens' text does not have.
        const indented = nested || token.type === 'codeIndented' || token.startColumn > 1
        if (indented && token.text.includes('\t')) unsupported('tab in indented code')
        nodes.push(code(context, token))
        break
      }

      case 'htmlFlow': {
        nodes.push({type: 'html', value: htmlFlowValue(token, nested), position: positionOf(context, token)})
        break
      }

      case 'table': {
        nodes.push(table(context, token))
        break
      }

      default: {
        if (!layout.has(token.type)) unsupported(token.type)
      }
    }
  }

  return nodes
}

function heading(
  context: Context,
  token: MicromarkToken,
  depth: number,
  text: MicromarkToken | undefined
): Heading {
  if (depth < 1 || depth > 6) unsupported('heading depth')
  return {
    type: 'heading',
    depth: depth as Heading['depth'],
    children: text ? phrasing(context, text.children) : [],
    position: positionOf(context, token)
  }
}

function paragraph(context: Context, token: MicromarkToken): Paragraph {
  return {type: 'paragraph', children: phrasing(context, token.children), position: positionOf(context, token)}
}

/** `[label]: destination "title"`. */
function definition(context: Context, token: MicromarkToken): Definition {
  const label = childOf(childOf(token, 'definitionLabel') ?? token, 'definitionLabelString')
  const destination = childOf(token, 'definitionDestination')?.children[0]
  const destinationString = destination && childOf(destination, 'definitionDestinationString')
  const titleString = childOf(childOf(token, 'definitionTitle') ?? token, 'definitionTitleString')
  if (!label) unsupported('definition without a label')
  return {
    type: 'definition',
    identifier: identifierOf(label),
    label: plainText(label.children),
    url: destinationString ? plainText(destinationString.children) : '',
    title: titleString ? plainText(titleString.children) : null,
    position: positionOf(context, token)
  }
}

/** How a label is matched: case-folded, whitespace collapsed, from its raw text (on one line: across lines the raw text holds prefixes). */
function identifierOf(label: MicromarkToken): string {
  if (label.startLine !== label.endLine) unsupported('label across lines')
  return normalizeIdentifier(label.text).toLowerCase()
}

/** Text of a fenced or indented code block: its lines between the fences, without the line ending around them. */
function code(context: Context, token: MicromarkToken): Code {
  const fence = childOf(token, 'codeFencedFence')
  const info = fence && childOf(fence, 'codeFencedFenceInfo')
  const rest = fence && childOf(fence, 'codeFencedFenceMeta')
  const lines = literalText(token.children, 'codeFlowValue', fences)
  return {
    type: 'code',
    lang: info ? plainText(info.children) : null,
    meta: rest ? plainText(rest.children) : null,
    value: token.type === 'codeFenced' ? lines.replace(/^\n|\n$/g, '') : lines.replace(/\n$/, ''),
    position: positionOf(context, token)
  }
}

const fences = new Set(['codeFencedFence'])
const codeTextMarkers = new Set(['codeTextSequence', 'codeTextPadding'])
const noMarkers = new Set<string>()

/**
 * The value of a literal (code, HTML): its `dataType` tokens' text, line
 * endings as `\n`; `markers` (fences, backticks) and layout are not text.
 */
function literalText(tokens: readonly MicromarkToken[], dataType: string, markers: ReadonlySet<string> = noMarkers): string {
  let value = ''
  for (const token of tokens) {
    if (token.type === dataType) value += token.text
    else if (token.type === 'lineEnding') value += '\n'
    else if (!markers.has(token.type) && !layout.has(token.type)) unsupported(token.type)
  }

  return value
}

/**
 * markdownlint replaces the children of HTML that is not a comment by a
 * parse of its lines; the raw text is the value then, unless container
 * prefixes are in it.
 */
function htmlFlowValue(token: MicromarkToken, nested: boolean): string {
  if (token.children.every((child) => child.type === 'htmlFlowData' || child.type === 'lineEnding')) {
    return literalText(token.children, 'htmlFlowData')
  }

  if (nested && token.startLine !== token.endLine) unsupported('HTML across container lines')
  return token.text.replace(/\r\n?/g, '\n')
}

function table(context: Context, token: MicromarkToken): Table {
  const rows: TableRow[] = []
  let align: AlignType[] = []
  context.inTable = true
  for (const part of token.children) {
    if (part.type !== 'tableHead' && part.type !== 'tableBody') {
      if (layout.has(part.type)) continue
      unsupported(part.type)
    }

    for (const row of part.children) {
      if (row.type === 'tableRow') rows.push(tableRow(context, row))
      else if (row.type === 'tableDelimiterRow') align = alignOf(row)
      else if (!layout.has(row.type)) unsupported(row.type)
    }
  }

  context.inTable = false
  return {type: 'table', align, children: rows, position: positionOf(context, token)}
}

function alignOf(row: MicromarkToken): AlignType[] {
  return row.children
    .filter((cell) => cell.type === 'tableDelimiter')
    .map((cell) => {
      const parts = childOf(cell, 'tableContent')?.children ?? []
      const left = parts[0]?.type === 'tableDelimiterMarker'
      const right = parts.length > 1 && parts.at(-1)?.type === 'tableDelimiterMarker'
      if (left && right) return 'center'
      if (left) return 'left'
      return right ? 'right' : null
    })
}

function tableRow(context: Context, token: MicromarkToken): TableRow {
  const cells: TableCell[] = []
  for (const cell of token.children) {
    if (cell.type === 'tableHeader' || cell.type === 'tableData') {
      const content = childOf(cell, 'tableContent')
      cells.push({
        type: 'tableCell',
        children: content ? phrasing(context, content.children) : [],
        position: positionOf(context, cell)
      })
    } else if (!layout.has(cell.type)) unsupported(cell.type)
  }

  return {type: 'tableRow', children: cells, position: positionOf(context, token)}
}

/**
 * A list and its items. Items start at each `listItemPrefix`; an item ends
 * before the line endings that follow its content; a blank line inside an
 * item makes it spread, one between items makes the list spread.
 */
function list(context: Context, token: MicromarkToken): List {
  const tokens = token.children
  const items: ListItem[] = []
  let spread = false
  let from = tokens.findIndex((child) => child.type === 'listItemPrefix')
  if (from !== 0) unsupported('list without a marker')
  while (from < tokens.length) {
    let to = from + 1
    while (to < tokens.length && tokens[to]!.type !== 'listItemPrefix') to++
    const next = tokens[to]
    const {item, blankBetween} = listItem(context, tokens, from, to, next ? endOf(context, next) : endOf(context, token))
    spread ||= blankBetween
    items.push(item)
    from = to
  }

  const ordered = token.type === 'listOrdered'
  const value = ordered ? childOf(tokens[0]!, 'listItemValue') : undefined
  return {
    type: 'list',
    ordered,
    start: value ? Number.parseInt(value.text, 10) : null,
    spread,
    children: items,
    position: positionOf(context, token)
  }
}

const trailing = new Set(['linePrefix', 'blockQuotePrefix', 'listItemIndent'])
const atMarker = new Set(['linePrefix', 'listItemPrefix'])

function listItem(
  context: Context,
  tokens: readonly MicromarkToken[],
  from: number,
  to: number,
  endWithoutLineEnding: Point
): {item: ListItem; blankBetween: boolean} {
  let firstLineEnding = -1
  let lineEndings = 0
  for (let index = to - 1; index > from; index--) {
    const type = tokens[index]!.type
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      lineEndings++
      firstLineEnding = index
    } else if (!trailing.has(type)) break
  }

  let firstBlank = -1
  let afterMarker = true
  for (let index = from + 1; index < to; index++) {
    const type = tokens[index]!.type
    if (type === 'lineEndingBlank') {
      if (!afterMarker && firstBlank === -1) firstBlank = index
      afterMarker = false
    } else if (!atMarker.has(type)) afterMarker = false
  }

  const body = tokens.slice(from + 1, to)
  const children = flow(context, body, true) as ListItem['children']
  const item: ListItem = {
    type: 'listItem',
    spread: firstBlank !== -1 && (firstLineEnding === -1 || firstBlank < firstLineEnding),
    checked: null,
    children,
    position: {
      start: startOf(context, tokens[from]!),
      end: firstLineEnding === -1 ? endWithoutLineEnding : startOf(context, tokens[firstLineEnding]!)
    }
  }
  taskListItem(item, body)
  return {item, blankBetween: lineEndings > 1}
}

/**
 * GFM's task list item: `[ ]`, `[x]` or `[X]` opening the item's first
 * paragraph, followed by whitespace and more text or by a line ending.
 * markdownlint does not parse it, so its `[`, value and `]` are text here.
 */
function taskListItem(item: ListItem, body: readonly MicromarkToken[]): void {
  const content = body.find((token) => !layout.has(token.type))
  const first = item.children[0]
  if (content?.type !== 'content' || first?.type !== 'paragraph') return
  // After a blank line, the parser's rule for a first paragraph differs.
  if (content !== body[0]) {
    if (content.text.startsWith('[')) unsupported('task after a blank line')
    return
  }

  const raw = content.text
  if (!/^\[[ xX]\]/.test(raw)) {
    if (/^\[[\t\r\n]/.test(raw)) unsupported('task with a tab or line ending')
    return
  }

  const after = raw.charAt(3)
  const isTask = after === '\n' || after === '\r' || ((after === ' ' || after === '\t') && /[^ \t\r\n]/.test(raw.slice(3)))
  const head = first.children[0]
  if (!isTask) return
  if (head?.type !== 'text' || !head.value.startsWith(raw.slice(0, 3))) unsupported('task')
  item.checked = raw.charAt(1) !== ' '
  const rest = head.value.slice(4)
  if (head.value.length === 3 || rest === '') {
    first.children.shift()
    return
  }

  // The text after the box starts at its first character, which goes: a
  // space, or the line ending after whitespace (which is not text).
  const afterBox = head.value.charAt(3) === '\n' ? 3 + (/^[ \t]*/.exec(raw.slice(3))?.[0].length ?? 0) : 3
  head.value = rest
  const start = head.position!.start
  head.position!.start = {line: start.line, column: start.column + afterBox + 1, offset: start.offset! + afterBox + 1}
  first.position!.start = {...head.position!.start}
}

/** Characters that may start or end inline markup. */
const markup = /[*_~`<>[\]&\\!$]/

/** Inline content, adjacent text merged into one node as the parser does. */
function phrasing(context: Context, tokens: readonly MicromarkToken[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = []
  let atHardBreak = false

  function text(value: string, token: MicromarkToken): void {
    const tail = nodes.at(-1)
    if (tail?.type === 'text') {
      tail.value += value
      tail.position!.end = endOf(context, token)
    } else {
      const node: Text = {type: 'text', value, position: positionOf(context, token)}
      nodes.push(node)
    }
  }

  for (const token of tokens) {
    switch (token.type) {
      case 'data': {
        text(token.text, token)
        break
      }

      case 'characterEscape': {
        text(token.text.slice(1), token)
        break
      }

      case 'characterReference': {
        text(decodeString(token.text), token)
        break
      }

      case 'lineEnding': {
        // A token that runs on over a container's prefix (`\n> `) ends where
        // the parser's does only sometimes, depending on what was tried before.
        if (token.text.length > 2 || (token.text.length === 2 && token.text !== '\r\n')) unsupported('line ending over a prefix')
        const tail = nodes.at(-1)
        if (atHardBreak && tail) tail.position!.end = endOf(context, token)
        else text('\n', token)
        atHardBreak = false
        break
      }

      case 'hardBreakEscape':
      case 'hardBreakTrailing': {
        nodes.push({type: 'break', position: positionOf(context, token)})
        atHardBreak = true
        break
      }

      case 'emphasis':
      case 'strong': {
        const inner = childOf(token, token.type + 'Text')
        const children = inner ? phrasing(context, inner.children) : []
        const position = positionOf(context, token)
        nodes.push(token.type === 'strong' ? {type: 'strong', children, position} : {type: 'emphasis', children, position})
        break
      }

      case 'codeText': {
        let value = literalText(token.children, 'codeTextData', codeTextMarkers)
        if (context.inTable) value = value.replace(/\\([\\|])/g, (escaped, character: string) => (character === '|' ? character : escaped))
        nodes.push({type: 'inlineCode', value, position: positionOf(context, token)})
        break
      }

      case 'htmlText': {
        nodes.push({type: 'html', value: literalText(token.children, 'htmlTextData'), position: positionOf(context, token)})
        break
      }

      case 'link':
      case 'image': {
        nodes.push(linkOrImage(context, token))
        break
      }

      case 'autolink': {
        const protocol = childOf(token, 'autolinkProtocol')
        const email = childOf(token, 'autolinkEmail')
        const target = protocol ?? email
        if (!target) unsupported('autolink')
        nodes.push({
          type: 'link',
          title: null,
          url: protocol ? target.text : 'mailto:' + target.text,
          children: [{type: 'text', value: target.text, position: positionOf(context, target)}],
          position: positionOf(context, token)
        })
        break
      }

      case 'directiveText': {
        // `:00` in `10:00:00` is a directive to markdownlint, text to the rules.
        const bare = token.children.every((child) => child.type === 'directiveTextMarker' || child.type === 'directiveTextName')
        if (!bare || token.text.includes('_')) unsupported('directive with a label or attributes')
        text(token.text, token)
        break
      }

      case 'mathText': {
        // `$5 and $10` is math to markdownlint, text to the rules.
        if (token.startLine !== token.endLine || markup.test(token.text.slice(1, -1))) unsupported('math with markup')
        text(token.text, token)
        break
      }

      case 'literalAutolink': {
        // The rules' parser leaves autolink literals as text; one that holds
        // markup could have been read as something else without them.
        if (markup.test(token.text)) unsupported('autolink literal with markup')
        text(token.text, token)
        break
      }

      default: {
        if (!layout.has(token.type)) unsupported(token.type)
      }
    }
  }

  return nodes
}

/** A link or image: with a resource (`[text](url "title")`), or a reference to a definition (`[text][id]`, `[id][]`, `[id]`). */
function linkOrImage(context: Context, token: MicromarkToken): Link | Image | LinkReference | ImageReference {
  const label = childOf(token, 'label')
  if (!label) unsupported('link without a label')
  const labelText = childOf(label, 'labelText')
  const children = labelText ? phrasing(context, labelText.children) : []
  const position = positionOf(context, token)
  const resource = childOf(token, 'resource')
  if (!resource) {
    const reference = childOf(token, 'reference')
    const referenceString = reference && childOf(reference, 'referenceString')
    const named = referenceString ?? labelText
    if (!named) unsupported('reference without a label')
    const identifier = identifierOf(named)
    const referenceType = referenceString ? 'full' : reference ? 'collapsed' : 'shortcut'
    const labelValue = referenceString ? plainText(referenceString.children) : decodeString(named.text)
    return token.type === 'image'
      ? {type: 'imageReference', identifier, label: labelValue, referenceType, alt: toString(children), position}
      : {type: 'linkReference', identifier, label: labelValue, referenceType, children, position}
  }

  const destination = childOf(resource, 'resourceDestination')
  const destinationString = destination?.children[0] && childOf(destination.children[0], 'resourceDestinationString')
  const titleString = childOf(resource, 'resourceTitle') && childOf(childOf(resource, 'resourceTitle')!, 'resourceTitleString')
  const url = destinationString ? plainText(destinationString.children) : ''
  const title = titleString ? plainText(titleString.children) : null
  if (token.type === 'image') return {type: 'image', title, url, alt: toString(children), position}
  return {type: 'link', title, url, children, position}
}

/** The decoded text of a destination, title, label or info string. */
function plainText(tokens: readonly MicromarkToken[]): string {
  let value = ''
  for (const token of tokens) {
    if (token.type === 'data') value += token.text
    else if (token.type === 'characterEscape') value += token.text.slice(1)
    else if (token.type === 'characterReference') value += decodeString(token.text)
    else if (token.type === 'lineEnding') value += '\n'
    else if (!layout.has(token.type)) unsupported(token.type)
  }

  return value
}
