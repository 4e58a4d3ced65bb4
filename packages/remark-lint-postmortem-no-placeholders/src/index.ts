import type {Paragraph, Text} from 'mdast'
import {normalizeText} from 'mdast-util-postmortem'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import {
  type ConfiguredOptions,
  defineRule,
  remarkRule,
  type Report,
  templateOption
} from 'postmortem-rule-core'
import {SKIP, visit} from 'unist-util-visit'


/** Placeholder shapes of any template: `[YYYY-MM-DD]`, `[Name]`, `[e.g., …]`, `[X minutes …]`. */
const genericPlaceholder = /\[(?:YYYY-MM-DD|Name|e\.g\.,?[^[\]\n]{0,200}|X [^[\]\n]{0,200})\]/g
const bracketed = /\[[^[\]\n]{1,200}\]/g
const marker = /\b(?:TODO|TBD|FIXME)\b/g
const blank = /_{3,}/g
const exampleLeadIn = /^example(?: \([^)]{0,200}\))?$/
/** Bare URLs, which GFM may or may not have turned into links: never inspected either way. */
const bareUrl = /\b(?:https?:\/\/|www\.)[^\s<>]+/g

export const noPlaceholders = defineRule({
  id: 'no-placeholders',
  description: 'No template placeholders, guidance, examples or TODO markers are left',
  options: {template: templateOption},
  check(tree, {options}) {
    const reports: Report[] = []
    const placeholders = new Set(options.template.placeholders)
    const guidance = new Set(options.template.guidance)

    visit(tree, function (node) {
      // Code, HTML (comments included), links and references are never inspected.
      if (
        node.type === 'code' ||
        node.type === 'inlineCode' ||
        node.type === 'html' ||
        node.type === 'link' ||
        node.type === 'linkReference' ||
        node.type === 'definition' ||
        node.type === 'yaml'
      ) {
        return SKIP
      }

      if (node.type === 'paragraph') {
        const report = paragraphReport(node, guidance)
        if (report) {
          reports.push(report)
          return SKIP
        }
      }

      if (node.type === 'text') reports.push(...textReports(node, placeholders))
      return undefined
    })

    return reports
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof noPlaceholders.options>

export default remarkRule(noPlaceholders)

/** A guidance paragraph copied from the template, or an `Example:` lead-in. */
function paragraphReport(paragraph: Paragraph, guidance: ReadonlySet<string>): Report | undefined {
  const text = toString(paragraph).trim()
  const normalized = normalizeText(text)

  if (guidance.has(normalized)) {
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

function textReports(node: Text, placeholders: ReadonlySet<string>): Report[] {
  const found = new Map<number, {text: string; reason: string}>()
  const urls = [...node.value.matchAll(bareUrl)].map((match) => [match.index, match.index + match[0].length] as const)

  for (const match of node.value.matchAll(bracketed)) {
    if (placeholders.has(match[0])) {
      found.set(match.index, {text: match[0], reason: `Unexpected template placeholder \`${match[0]}\`, expected a value`})
    }
  }

  for (const match of node.value.matchAll(genericPlaceholder)) {
    if (!found.has(match.index)) {
      found.set(match.index, {text: match[0], reason: `Unexpected template placeholder \`${match[0]}\`, expected a value`})
    }
  }

  for (const match of node.value.matchAll(blank)) {
    found.set(match.index, {text: match[0], reason: `Unexpected blank \`${match[0]}\`, expected it filled in or removed`})
  }

  for (const match of node.value.matchAll(marker)) {
    found.set(match.index, {text: match[0], reason: `Unexpected \`${match[0]}\` marker, expected the work done or the line removed`})
  }

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

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}
