import type {Root} from 'mdast'
import type {SemVer} from 'semver'
import type {Point} from 'unist'
import {isMap, isScalar, parseDocument} from 'yaml'
import {postmortemDocument} from './document.js'
import {readFields, type Field} from './fields.js'
import {perObject} from './memo.js'
import {normalizeText} from './normalize.js'
import {parseDate, parseVersion, type CalendarDate} from './values.js'

/** A value given in YAML front matter. */
export interface FrontMatterValue {
  key: string
  value: string
  /** Where the key stands in the file. */
  place: Point | undefined
}

/** A header value: from a `**Label**: value` field, from front matter, or both. */
export interface HeaderValue {
  field: Field | undefined
  frontMatter: FrontMatterValue | undefined
  /** The value used: the field's when there is one, else the front matter's. */
  text: string
}

/**
 * What the header says about the incident, for the rules that compare
 * against it. `date` and the versions are `undefined` when missing, invalid,
 * or given differently in the header and the front matter: `metadata`
 * reports that, and the other rules stay silent about comparisons with them.
 */
export interface IncidentFacts {
  /** Header fields before the first rank 2 heading. */
  fields: Field[]
  /** Front matter values by normalised key (`failed_version` → `failed version`). */
  frontMatter: Map<string, FrontMatterValue>
  /** Why the front matter could not be read, if it could not. */
  frontMatterError: string | undefined
  date: CalendarDate | undefined
  failedVersion: SemVer | undefined
  rolledBackTo: SemVer | undefined
}

/** The incident's header facts; computed once per tree. */
export const incidentFacts: (tree: Root) => IncidentFacts = perObject((tree: Root) => {
  const fields = readFields(postmortemDocument(tree).header)
  const {values: frontMatter, error: frontMatterError} = readFrontMatter(tree)
  const facts: IncidentFacts = {
    fields,
    frontMatter,
    frontMatterError,
    date: undefined,
    failedVersion: undefined,
    rolledBackTo: undefined
  }
  facts.date = agreed(facts, 'Date', parseDate, (a, b) => a.day === b.day)
  facts.failedVersion = agreed(facts, 'Failed Version', parseVersion, (a, b) => a.compare(b) === 0)
  facts.rolledBackTo = agreed(facts, 'Rolled Back To', parseVersion, (a, b) => a.compare(b) === 0)
  return facts
})

/** The header value labelled `label`, from the fields or the front matter. */
export function headerValue(facts: IncidentFacts, label: string): HeaderValue | undefined {
  const normalized = normalizeText(label)
  const field = facts.fields.find((item) => item.normalized === normalized)
  const frontMatter = facts.frontMatter.get(normalized)
  if (!field && !frontMatter) return undefined
  return {field, frontMatter, text: field ? field.value : (frontMatter?.value ?? '')}
}

/** Parse a header value; `undefined` when missing, unreadable, or when field and front matter disagree. */
function agreed<Value>(
  facts: IncidentFacts,
  label: string,
  parse: (text: string) => Value | undefined,
  same: (a: Value, b: Value) => boolean
): Value | undefined {
  const value = headerValue(facts, label)
  if (!value) return undefined
  const fromField = value.field && parse(value.field.value)
  const fromFrontMatter = value.frontMatter && parse(value.frontMatter.value)
  if (value.field && value.frontMatter) {
    return fromField !== undefined && fromFrontMatter !== undefined && same(fromField, fromFrontMatter)
      ? fromField
      : undefined
  }

  return fromField ?? fromFrontMatter
}

/** A front matter key as a label: `failed_version`, `failed-version` and `Failed Version` are one. */
export function frontMatterLabel(key: string): string {
  return normalizeText(key.replace(/[_-]+/g, ' '))
}

function readFrontMatter(tree: Root): {values: Map<string, FrontMatterValue>; error: string | undefined} {
  const values = new Map<string, FrontMatterValue>()
  const yamlNode = tree.children.find((node) => node.type === 'yaml')
  if (!yamlNode) return {values, error: undefined}

  const document = parseDocument(yamlNode.value, {uniqueKeys: false})
  const [firstError] = document.errors
  if (firstError) return {values, error: firstError.message.split('\n')[0]}
  if (document.contents === null) return {values, error: undefined}
  if (!isMap(document.contents)) return {values, error: 'it is not a mapping of keys to values'}

  const start = yamlNode.position?.start
  const lineStarts = [0]
  for (let index = 0; index < yamlNode.value.length; index++) {
    if (yamlNode.value.charCodeAt(index) === 10) lineStarts.push(index + 1)
  }

  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue
    const key = String(pair.key.value)
    const value = pair.value.value
    const offset = pair.key.range?.[0]
    values.set(frontMatterLabel(key), {
      key,
      value: value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
      place: start && offset !== undefined ? pointAt(lineStarts, offset, start.line + 1) : undefined
    })
  }

  return {values, error: undefined}
}

/** Line and column of `offset` in the front matter, whose first line is `firstLine` of the file. */
function pointAt(lineStarts: readonly number[], offset: number, firstLine: number): Point {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((lineStarts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }

  return {line: firstLine + low, column: offset - (lineStarts[low] ?? 0) + 1}
}
