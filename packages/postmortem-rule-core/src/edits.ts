import type {Nodes, Parent} from 'mdast'
import type {Field} from 'mdast-util-postmortem'
import type {Point, Position} from 'unist'
import {location} from 'vfile-location'

/** The document a check reads, for fixes that must replace exactly the text at a place. */
export interface SourceText {
  value: string
  /** The text between two points; `undefined` when either is outside the document. */
  slice(start: Point, end: Point): string | undefined
}

let last: SourceText | undefined

/** The source of a document; the last one is kept, since every rule of a run asks for the same. */
export function sourceText(value: string): SourceText {
  if (last?.value === value) return last
  const index = location(value)
  const slice = (start: Point, end: Point) => {
    const from = index.toOffset(start)
    const to = index.toOffset(end)
    return from === undefined || to === undefined || to < from ? undefined : value.slice(from, to)
  }

  last = {value, slice}
  return last
}

/** From the first child's start to the last child's end: a cell's or heading's text without its pipes or `#`s. */
export function contentPosition(node: Parent): Position | undefined {
  const start = node.children[0]?.position?.start
  const end = node.children.at(-1)?.position?.end
  return start && end ? {start, end} : undefined
}

/**
 * The position of `node`'s content when that content is plain text alone
 * (no emphasis, code or links), so that replacing it with a corrected value
 * loses nothing.
 */
export function plainTextPosition(node: Parent): Position | undefined {
  const [only, ...others] = node.children as Nodes[]
  return only?.type === 'text' && others.length === 0 ? only.position : undefined
}

/** The place of `text` ending at `end`, when the source there is exactly `text`. */
export function positionEndingAt(source: SourceText, end: Point, text: string): Position | undefined {
  if (end.column <= text.length) return undefined
  const start = {line: end.line, column: end.column - text.length}
  return source.slice(start, end) === text ? {start, end} : undefined
}

/** The start of `point`'s line: where whole lines are inserted. */
export function lineStart(point: Point): Point {
  return {line: point.line, column: 1}
}

/** The place of a field's value, when the value is plain text on the field's line. */
export function fieldValuePosition(field: Pick<Field, 'nodes' | 'place' | 'value'>, source: SourceText): Position | undefined {
  return field.nodes.every((node) => node.type === 'text') ? positionEndingAt(source, field.place.end, field.value) : undefined
}

/** The place of a field's value and the edit that replaces it with `corrected`, when the value is plain text. */
export function fieldValueEdit(
  field: Pick<Field, 'nodes' | 'place' | 'value'>,
  corrected: string,
  source: SourceText
): {place: Position; expected: string[]} | undefined {
  const place = fieldValuePosition(field, source)
  return place && {place, expected: [corrected]}
}
