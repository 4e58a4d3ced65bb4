import type {Root} from 'mdast'
import type {SemVer} from 'semver'
import type {Point, Position} from 'unist'
import {findSection, postmortemDocument, sectionOwnContent} from './document.js'
import {frontMatterLabel, frontMatterNode, frontMatterNodeValues, type FrontMatterValue} from './front-matter.js'
import {findField, readFields, readGroupFields, readListFields, readPlainFields, readTableFields, type Field} from './fields.js'
import {perObject, perObjects} from './memo.js'
import {normalizeText} from './normalize.js'
import {dayIn, isoDateFormat, parseDuration, parseTime, parseVersion, possibleDays, withoutNotes, type CalendarDate, type DateReading} from './values.js'

/** A header value: from a `**Label**: value` field, from front matter, or both. */
export interface HeaderValue {
  field: Field | undefined
  frontMatter: FrontMatterValue | undefined
  /** The value used: the field's when there is one, else the front matter's. */
  text: string
  /** `false` when both a field and front matter give it, differently. */
  agrees: boolean
}

/**
 * What the header says about the incident, for the rules that compare
 * against it. `date` and the versions are `undefined` when missing, invalid,
 * or given differently in the header and the front matter: `metadata`
 * reports that, and the other rules stay silent about comparisons with them.
 */
export interface IncidentFacts {
  /**
   * Header fields before the first rank 2 heading: `**Label**: value` lines,
   * plain `Label: value` lines of paragraphs without bold labels, lists and
   * two-column tables of fields.
   */
  fields: Field[]
  /** Front matter values by normalised key (`failed_version` → `failed version`). */
  frontMatter: Map<string, FrontMatterValue>
  /** Why the front matter could not be read, if it could not. */
  frontMatterError: string | undefined
  date: CalendarDate | undefined
  failedVersion: SemVer | undefined
}

/** The incident's header facts; computed once per tree. */
export const incidentFacts: (tree: Root) => IncidentFacts = perObject((tree: Root) => {
  const {header} = postmortemDocument(tree)
  const fields = [
    ...readFields(header),
    ...readPlainFields(header),
    ...header.flatMap((node) => (node.type === 'list' ? readListFields(node) : node.type === 'table' ? readTableFields(node) : []))
  ]
  const node = frontMatterNode(tree)
  const {values: frontMatter, error: frontMatterError} = node
    ? frontMatterNodeValues(node)
    : {values: new Map<string, FrontMatterValue>(), error: undefined}
  const facts: IncidentFacts = {
    fields,
    frontMatter,
    frontMatterError,
    date: undefined,
    failedVersion: undefined
  }
  // The day of a date-time (`2025-12-10T10:00:00Z`) is the incident's date, as a date alone is.
  facts.date = agreed(facts, 'Date', (text) => dayIn(text, isoDateFormat))
  facts.failedVersion = agreed(facts, 'Failed Version', parseVersion)
  return facts
})

/**
 * The incident's date, in the field and as the team writes dates (`reading`),
 * for the rules that compare with it; `undefined` as for `incidentFacts`.
 */
export const incidentDate: (tree: Root, reading: DateReading) => CalendarDate | undefined = perObjects(
  (tree: Root, reading: DateReading) => {
    const day = (value: string) => dayIn(value, reading.format)
    if (reading.incidentSection === undefined) return agreed(incidentFacts(tree), reading.incidentLabel, day)
    const value = sectionFieldValue(tree, reading.incidentSection, reading.incidentLabel)
    return value && day(withoutNotes(value.text))
  }
)

/**
 * The field labelled `label` in the section `section` of fields (its lists,
 * label/value tables and field paragraphs: `## Incident details`, `## Overview`).
 */
export function sectionFieldValue(tree: Root, section: string, label: string): HeaderValue | undefined {
  const document = postmortemDocument(tree)
  const found = findSection(document, section)
  const field = found && findField(readGroupFields(sectionOwnContent(document, found)), label)
  return field && {field, frontMatter: undefined, text: field.value, agrees: true}
}

/** The header value labelled `label`, from the fields or the front matter. */
export function headerValue(facts: IncidentFacts, label: string): HeaderValue | undefined {
  const normalized = normalizeText(label)
  const field = findField(facts.fields, label)
  const frontMatter = facts.frontMatter.get(frontMatterLabel(label))
  if (!field && !frontMatter) return undefined
  return {
    field,
    frontMatter,
    // A site generator's front matter dates its page with a date-time (`date: 2025-12-10T18:00:00Z`): its day is the date.
    text: field ? field.value : /\bdate\b/.test(normalized) ? dayOfDateTime(frontMatter?.value ?? '') : (frontMatter?.value ?? ''),
    agrees: !field || !frontMatter || sameValue(normalized, field.value, frontMatter.value)
  }
}

/** The version a header field gives (`Rolled Back To`, a team's `Restored release`); `undefined` as for `incidentFacts`. */
export function headerVersion(facts: IncidentFacts, label: string): SemVer | undefined {
  return agreed(facts, label, parseVersion)
}

/** Parse a header value; `undefined` when missing, unreadable, or given differently in two places. */
function agreed<Value>(facts: IncidentFacts, label: string, parse: (text: string) => Value | undefined) {
  const value = headerValue(facts, label)
  // A note after the value (`2025-12-10 (Wednesday)`, `v1.2.4 (build 5521)`) is not part of it.
  return value?.agrees ? parse(withoutNotes(value.text)) : undefined
}

/**
 * Whether two writings of a header value say the same: dates, versions and
 * durations are compared as values (`v1.2.4` is `1.2.4`), the rest as text.
 */
function sameValue(normalizedLabel: string, a: string, b: string): boolean {
  switch (normalizedLabel) {
    case 'date': {
      // The header may write the team's format (`10/12/2025`) where front matter has `2025-12-10`,
      // or a site generator's date-time (`2025-12-10T18:00:00Z`): its day is the date.
      const days = possibleDays(dayOfDateTime(b))
      const agreeing = possibleDays(dayOfDateTime(a)).some((day) => days.includes(day))
      return agreeing || (days.length === 0 && normalizeText(a) === normalizeText(b))
    }

    case 'failed version':
    case 'rolled back to': {
      return same(parseVersion(a)?.version, parseVersion(b)?.version, a, b)
    }

    case 'duration': {
      return same(durationKey(a), durationKey(b), a, b)
    }

    default: {
      return normalizeText(a) === normalizeText(b)
    }
  }
}

/** The date a date-time is written on (`2025-12-10` of `2025-12-10T18:00:00Z` or `2025-12-10 09:30:00 +0100`), else the text. */
function dayOfDateTime(text: string): string {
  const time = parseTime(text)
  return time?.kind === 'date-time' ? time.date.text : text
}

/** A duration as a comparable value: its range of minutes (one minute count when it is not a range). */
function durationKey(text: string): string | undefined {
  const duration = parseDuration(text)
  return duration && `${duration.minutes}-${duration.maxMinutes}`
}

/** Parsed values equal, or, when either does not parse, the texts. */
function same(left: unknown, right: unknown, a: string, b: string): boolean {
  return left === undefined || right === undefined ? normalizeText(a) === normalizeText(b) : left === right
}

/** What the checks need of a value: where it comes from and its text. */
export type LabelledValue = Pick<HeaderValue, 'field' | 'frontMatter' | 'text'>

/** Where a header value stands: its field, else its front matter key. */
export function valuePlace(value: LabelledValue): Position | Point | undefined {
  return value.field?.place ?? value.frontMatter?.place
}

/** The front matter key site generators read a page's title from (`title: …`): the same as a document's rank 1 heading. */
const titleLabel = frontMatterLabel('title')

/** Whether a front matter key (as `frontMatterLabel` gives it) is the title's: a rank 1 heading gives it as well. */
export function isTitleKey(label: string): boolean {
  return frontMatterLabel(label) === titleLabel
}

/** Whether the document gives its title in its front matter (`title: …`), standing for a rank 1 heading. */
export function hasFrontMatterTitle(tree: Root): boolean {
  return (incidentFacts(tree).frontMatter.get(titleLabel)?.value.trim() ?? '') !== ''
}

/** Whether the document gives its title as a rank 1 heading in its header, standing for a front matter `title`. */
export function hasTitleHeading(tree: Root): boolean {
  return postmortemDocument(tree).header.some((node) => node.type === 'heading' && node.depth === 1)
}
