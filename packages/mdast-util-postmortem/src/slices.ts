import {headingKey, headingMatches} from './normalize.js'

/** A part of a document's text and the line it starts on. */
export interface Slice {
  text: string
  /** 1-based line of the document the slice starts on. */
  line: number
}

/** An ATX heading (`## Title`) outside code: its rank, normalised text, and line index. */
interface HeadingLine {
  depth: number
  normalized: string
  index: number
}

/**
 * The ATX headings of `text` outside fenced code, found line by line
 * without parsing: what a reader that needs only a section or the header
 * can skip the rest of the document by. Setext headings and headings with
 * markup are not recognised; callers parse the whole document when a
 * heading they need is not found.
 */
function headingLines(lines: readonly string[]): HeadingLine[] {
  const headings: HeadingLine[] = []
  let fence: string | undefined

  lines.forEach((line, index) => {
    const indented = /^ {0,3}/.exec(line)?.[0].length ?? 0
    const rest = line.slice(indented)
    const marker = /^(`{3,}|~{3,})/.exec(rest)?.[1]
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && rest.slice(marker.length).trim() === '') fence = undefined
      return
    }

    if (marker) {
      fence = marker
      return
    }

    const hashes = /^#{1,6}(?=[ \t]|$)/.exec(rest)?.[0]
    if (!hashes) return
    let content = rest.slice(hashes.length).trim()
    // A closing sequence of `#` after a space is not part of the text.
    let end = content.length
    while (end > 0 && content.charAt(end - 1) === '#') end--
    if (end === 0 || content.charAt(end - 1) === ' ' || content.charAt(end - 1) === '\t') content = content.slice(0, end).trim()
    headings.push({depth: hashes.length, normalized: headingKey(content), index})
  })

  return headings
}

/** The lines of `text`, each with its line ending. */
function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/)
}

/** The header of a post-mortem: everything before its first `##` (or lower) heading, front matter included. */
export function headerSlice(text: string): Slice {
  const lines = linesOf(text)
  const first = headingLines(lines).find((heading) => heading.depth >= 2)
  return {text: first ? lines.slice(0, first.index).join('') : text, line: 1}
}

/** The section of `text` whose heading matches `normalized` (a template heading's key), with its subsections; `undefined` when no ATX heading is. */
export function sectionSlice(text: string, normalized: string): Slice | undefined {
  const lines = linesOf(text)
  const headings = headingLines(lines)
  const start = headings.findIndex((heading) => headingMatches(normalized, heading.normalized))
  const heading = headings[start]
  if (!heading) return undefined
  const next = headings.slice(start + 1).find((item) => item.depth <= heading.depth)
  return {text: lines.slice(heading.index, next?.index).join(''), line: heading.index + 1}
}

/** The normalised text of every ATX heading of `text` outside code. */
export function headingTexts(text: string): string[] {
  return headingLines(linesOf(text)).map((heading) => heading.normalized)
}
