import {headingKey, headingMatches} from './normalize.js'

/** A part of a document's text and the line it starts on. */
export interface Slice {
  text: string
  /** 1-based line of the document the slice starts on. */
  line: number
}

/** An ATX heading (`## Title`) outside code: its rank, normalised text, line index and offset. */
interface HeadingLine {
  depth: number
  normalized: string
  index: number
  offset: number
}

/**
 * The ATX headings of `text` outside fenced code, found line by line
 * without parsing, as far as the caller reads: what a reader that needs only
 * a section or the header can skip the rest of the document by. Setext
 * headings and headings with markup are not recognised; callers parse the
 * whole document when a heading they need is not found.
 */
function* headingLines(text: string): Generator<HeadingLine> {
  let fence: string | undefined
  let index = -1
  let offset = 0

  while (offset < text.length) {
    const newline = text.indexOf('\n', offset)
    const end = newline === -1 ? text.length : newline + 1
    const line = text.slice(offset, end)
    const lineOffset = offset
    offset = end
    index++
    const indented = /^ {0,3}/.exec(line)?.[0].length ?? 0
    const rest = line.slice(indented)
    const marker = /^(`{3,}|~{3,})/.exec(rest)?.[1]
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && rest.slice(marker.length).trim() === '') fence = undefined
      continue
    }

    if (marker) {
      fence = marker
      continue
    }

    const hashes = /^#{1,6}(?=[ \t]|$)/.exec(rest)?.[0]
    if (!hashes) continue
    let content = rest.slice(hashes.length).trim()
    // A closing sequence of `#` after a space is not part of the text.
    let contentEnd = content.length
    while (contentEnd > 0 && content.charAt(contentEnd - 1) === '#') contentEnd--
    if (contentEnd === 0 || content.charAt(contentEnd - 1) === ' ' || content.charAt(contentEnd - 1) === '\t') content = content.slice(0, contentEnd).trim()
    yield {depth: hashes.length, normalized: headingKey(content), index, offset: lineOffset}
  }
}

/** The header of a post-mortem: everything before its first `##` (or lower) heading, front matter included. */
export function headerSlice(text: string): Slice {
  for (const heading of headingLines(text)) {
    if (heading.depth >= 2) return {text: text.slice(0, heading.offset), line: 1}
  }

  return {text, line: 1}
}

/** The section of `text` whose heading matches `normalized` (a template heading's key), with its subsections; `undefined` when no ATX heading is. */
export function sectionSlice(text: string, normalized: string): Slice | undefined {
  let start: HeadingLine | undefined
  for (const heading of headingLines(text)) {
    if (!start) {
      if (headingMatches(normalized, heading.normalized)) start = heading
    } else if (heading.depth <= start.depth) {
      return {text: text.slice(start.offset, heading.offset), line: start.index + 1}
    }
  }

  return start && {text: text.slice(start.offset), line: start.index + 1}
}

/** The normalised text of every ATX heading of `text` outside code. */
export function headingTexts(text: string): string[] {
  return Array.from(headingLines(text), (heading) => heading.normalized)
}
