import type {List, ListItem, Paragraph, Root, RootContent, Table, TableRow} from 'mdast'
import type {Position} from 'unist'
import {plainText} from './text.js'
import {isDateHeader, isTimeHeader} from './columns.js'
import {findSection, postmortemDocument, sectionContent, sectionOwnContent, type PostmortemDocument, type Section} from './document.js'
import {paragraphLines, type Segment} from './fields.js'
import {incidentDate} from './header.js'
import {perObject, perObjects} from './memo.js'
import {normalizeText} from './normalize.js'
import {placeholderContent, placeholderTokens} from './placeholders.js'
import {cellText, findColumn, readTable, rowCell, sectionTable, tableWithHeader, type SectionTable, type TableModel} from './table.js'
import type {TimelineRole} from './template.js'
import {isoDateFormat, isoDateReading, monthDayIn, parseTime, unstatedDateFormat, withoutNotes, timeInstant, type CalendarDate, type DateFormat, type DateReading, type TimeValue} from './values.js'

const dayMs = 86_400_000
const halfDayMs = dayMs / 2

/** One row of the timeline table, or one item of the timeline list. */
export interface TimelineRow {
  /** 1-based number among the body rows or the list's items. */
  number: number
  /** The table row, the list item, or the paragraph whose line it is. */
  node: TableRow | ListItem | Paragraph
  /** Where the time is (the cell, or the start of the item); the row or item when it has none. */
  place: Position | undefined
  /** The time as written; empty when the cell is empty or the item does not start with a time. */
  text: string
  time: TimeValue | undefined
  /**
   * Milliseconds since the epoch when the row has a date (its own, the
   * nearest dated row's above, or the header `Date`); else seconds of the day
   * in milliseconds; for a relative time (`T+0:15`), milliseconds from its
   * moment. A date alone is the start of its day. `undefined` when the time
   * is unreadable.
   */
  instant: number | undefined
  /** The last moment the row may stand for: the end of its day for a date alone, else `instant`. */
  latest: number | undefined
}

/** The timeline as read, or why it cannot be. */
export type Timeline =
  | {kind: 'missing'}
  | Exclude<SectionTable, {kind: 'table'}>
  | {kind: 'no-list'; heading: Section['heading']}
  /** Written in a code block, as a template may show its list: code is not read. */
  | {kind: 'code'}
  | {kind: 'table'; section: string; table: TableModel; rows: TimelineRow[]}
  | {kind: 'list'; section: string; list: List | Paragraph; rows: TimelineRow[]}

/** The start of a list item's text as a timeline time. */
export interface ItemTime {
  /** The time as written, `HH:MM` placeholders included; empty when the item starts with none. */
  text: string
  place: Position | undefined
}

/** Characters before a time that are not part of it: bullets, emoji, a dash. */
const beforeTime = /^[^\p{L}\p{N}~≈]+/u
/** Separators after a time: `14:02 — event`, `14:02: event`, `14:02 | event`; the bracket the template's `[HH:MM]` left (`[14:02] event`). */
const afterTime = /[\s:,;|—–\-\])]+$/u
/** An angle placeholder of a time: `<HH:MM>`, `<YYYY-MM-DD HH:MM UTC>`, `<time>`. */
const angledTime = /^<[^<>\n]{0,40}(?:\bHH:?MM|\bYYYY\b|\btime(?:stamp)?\b)[^<>\n]{0,40}>$/i
/** A short bracketed or curly placeholder an item starts with (`[Time]`, `{{event_time}}`, `{timestamp}`). */
const leadingPlaceholder = /^(?:\[[^[\]\n]{1,30}\]|\{\{[^{}\n]{1,30}\}\}|\{[^{}\n]{1,30}\})/
/**
 * A placeholder's words that name a time (`event_time`, `Date/Time`,
 * `Zeitpunkt`), `_` separating words as a space does. Not a date alone
 * (`[Due date]` starts an action) nor `when` (`[When it started]` is a prompt).
 */
const namesTime = /(?<![\p{L}\d])(?:time(?:stamp)?|datetime|zeit(?:punkt|stempel)?|uhrzeit|heure|hora)(?![\p{L}\d])/iu
/** A word that is an attempt at a time: digits with a colon, or a placeholder such as `HH:MM`. */
const timeLike = /\d.*[:.h]|[:.]\d|^[hx]{1,2}:[mx]{1,2}/i

/**
 * The time an item of a timeline list starts with, inside strong, emphasis
 * or code or not (`**14:02** — deploy`, `14:02 UTC: deploy`): the longest
 * run of its first words (up to four: `2025-12-10 14:02 UTC`) that reads as
 * a time. A first word that looks like a time but is none (`14:6O`,
 * `HH:MM`) is returned as written, to be reported; an item that starts with
 * words gives `''`.
 */
export function itemTime(item: ListItem, format: DateFormat = isoDateFormat): ItemTime {
  const paragraph = item.children[0]
  let first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
  while (first?.type === 'strong' || first?.type === 'emphasis') first = first.children[0]
  if (first?.type === 'inlineCode') {
    // A template's time placeholder in code (`` `<TIME>` ``) is one as HTML is.
    const text = angledTime.test(first.value) ? first.value : (leadingTime(first.value, format)?.text ?? '')
    return {text, place: first.position}
  }
  // Markdown reads an angle placeholder of a time (`<HH:MM>`, `<YYYY-MM-DD HH:MM UTC>`) as HTML.
  if (first?.type === 'html' && angledTime.test(first.value)) {
    return {text: first.value, place: first.position}
  }
  if (first?.type !== 'text') return {text: '', place: first?.position ?? item.position}
  const found = leadingTime(first.value, format)
  return found
    ? {text: found.text, place: placeAt(first.position, found.offset, found.text.length)}
    : {text: '', place: first.position}
}

/** The time (or time-like word) `value` starts with, and its offset in `value`. */
function leadingTime(value: string, format: DateFormat): {text: string; offset: number} | undefined {
  const placeholder = leadingPlaceholder.exec(value)?.[0]
  if (placeholder !== undefined && namesTime.test(placeholder)) return {text: placeholder, offset: 0}
  const offset = beforeTime.exec(value)?.[0].length ?? 0
  // The template's time slot kept before the time written (`- T1: 09:19 alert` for `- T1:`).
  const slot = timeSlotLabel.exec(value.slice(offset))?.[0]
  // A slot left as the template has it (`- T1:`) has no time.
  if (slot !== undefined && value.slice(offset + slot.length).trim() === '') return undefined
  const afterSlot = slot === undefined ? undefined : readableTimeAt(value, offset + slot.length, format)
  if (afterSlot) return afterSlot
  const readable = readableTimeAt(value, offset, format)
  if (readable) return readable

  const words = timeWords(value, offset)
  const word = (words[0] ?? '').replace(afterTime, '')
  if (timeLike.test(word)) return {text: word, offset}
  // A date or date-time placeholder (`**YYYY-MM-DD HH:MM:** event`): its words.
  const pair = words.slice(0, 2).join('').replace(afterTime, '')
  const token = placeholderTokens(pair)[0]
  return token && token.index === 0 ? {text: token.text, offset} : undefined
}

/** A template's numbered moment of the incident, for a time to write, and its separator: `T0`, `T1: `, `T2 - `. */
export const timeSlotLabel = /^T\d{1,2}(?![\p{L}\d])[ \t]*(?:[:—–-][ \t]*)?/u

/** The first words of `value` from `offset`: a time is short, and reading a bounded start keeps a long first line linear. */
function timeWords(value: string, offset: number): string[] {
  return value.slice(offset, offset + 80).split('\n', 1)[0]?.split(/(?<=\S)(?=\s)/u, 6) ?? []
}

/** The readable time `value` has at `offset`, the most words first. */
function readableTimeAt(value: string, offset: number, format: DateFormat): {text: string; offset: number} | undefined {
  const words = timeWords(value, offset)
  for (let count = words.length; count > 0; count--) {
    const text = words.slice(0, count).join('').replace(afterTime, '')
    const time = parseTime(text, format)
    if (!time) continue
    // A date and then a clock time that is no time (`2026-06-02 25:40`) is that unreadable date-time, not the date alone.
    const next = words[count] ?? ''
    return time.kind === 'date' && /^\s*\d{1,2}:\d/.test(next) ? {text: (text + next).replace(afterTime, ''), offset} : {text, offset}
  }

  return undefined
}

/** `length` characters from `offset` into a node that starts on one line there. */
function placeAt(position: Position | undefined, offset: number, length: number): Position | undefined {
  if (!position) return undefined
  const {start} = position
  const at = (shift: number) => ({
    line: start.line,
    column: start.column + shift,
    ...(start.offset === undefined ? {} : {offset: start.offset + shift})
  })
  return {start: at(offset), end: at(offset + length)}
}

/**
 * The template's timeline in `tree`: the first table of its section, its
 * time column (the template's time header, else the first time-like header,
 * else the first column) read row by row; or, for a list-shaped timeline,
 * the first list of its section, read item by item. A time of day takes the
 * date and offset of the nearest dated row above, else the header `Date`; a
 * time of day that jumps back by more than 12 hours from the row before it
 * crosses midnight. Dates are read as the team writes them (`reading`,
 * `templateDateReading`), or as `YYYY-MM-DD`. Computed once per tree, role and reading.
 */
export function readTimeline(tree: Root, role: TimelineRole, reading: DateReading = isoDateReading): Timeline {
  return timelines(tree, role)(reading)
}

const timelines = perObjects((tree: Root, role: TimelineRole) => perObject((reading: DateReading) => timelineOf(tree, role, reading)))

function timelineOf(tree: Root, role: TimelineRole, reading: DateReading): Timeline {
  const document = postmortemDocument(tree)
  const section = findSection(document, role.section.text)
  if (!section) return {kind: 'missing'}
  return role.shape === 'list'
    ? listTimeline(tree, document, section, reading)
    : tableTimeline(tree, document, section, role.timeColumn, reading)
}

function tableTimeline(
  tree: Root,
  document: PostmortemDocument,
  section: Section,
  timeColumn: string | undefined,
  reading: DateReading
): Timeline {
  const own = sectionOwnContent(document, section).find((node): node is Table => node.type === 'table')
  const days = own ? [] : dayContent(document, section, reading.format, (node): node is Table => node.type === 'table')
  const first = days[0]
  if (!first) {
    const found = sectionTable(document, section)
    if (found.kind !== 'table') return found
    // A timeline section may hold another table before it (`| Detected | Mitigated | Resolved |`, key figures).
    const table = tableWithHeader(document, section, timeColumn) ?? found.table
    return {kind: 'table', section: section.text.trim(), table, rows: timedRows(tree, tableEntries(table, timeColumn), reading)}
  }

  const tables = days.map(({node, day}) => ({table: readTable(node), day}))
  const entries = tables.flatMap(({table, day}) => tableEntries(table, timeColumn).map((entry) => ({...entry, day})))
  return {kind: 'table', section: section.text.trim(), table: tables[0]?.table ?? readTable(first.node), rows: timedRows(tree, entries, reading)}
}

/**
 * The rows of a timeline table with their times: the time column is the
 * template's time header, else the first time-like header, else the first
 * column; `| Date | Time (UTC) | Event |` has the day in one column and
 * the time of day in the next.
 */
function tableEntries(table: TableModel, timeColumn: string | undefined): Array<Pick<TimelineRow, 'node' | 'place' | 'text'>> {
  const wanted = timeColumn === undefined ? undefined : normalizeText(timeColumn)
  const byName = wanted === undefined ? -1 : findColumn(table, (header) => header === wanted)
  const column = byName === -1 ? Math.max(0, findColumn(table, isTimeHeader)) : byName
  const clock = isDateHeader(table.normalizedHeaders[column] ?? '')
    ? table.normalizedHeaders.findIndex((header, index) => index !== column && isTimeHeader(header) && !isDateHeader(header))
    : -1
  return table.rows.map((row) => {
    const cell = rowCell(row, column)
    const time = clock === -1 ? '' : cellText(rowCell(row, clock))
    const day = cellText(cell)
    return {node: row, place: (cell ?? row).position, text: day !== '' && time !== '' ? `${day} ${time}` : day || time}
  })
}

function listTimeline(tree: Root, document: PostmortemDocument, section: Section, reading: DateReading): Timeline {
  const content = sectionOwnContent(document, section)
  const own = content.find(isTimedBlock)
  const days = own ? [] : dayContent(document, section, reading.format, isTimedBlock)
  const block = own ?? days[0]?.node ?? sectionContent(document, section).find(isTimedBlock)
  if (!block) return sectionContent(document, section).some((node) => node.type === 'code') ? {kind: 'code'} : {kind: 'no-list', heading: section.heading}
  const blocks = days.length > 0 ? days : timedRun(own ? content : sectionContent(document, section), block).map((node) => ({node, day: undefined}))
  const rows = timedRows(
    tree,
    blocks.flatMap(({node, day}) => blockEntries(node, reading.format).map((entry) => ({...entry, day}))),
    reading
  )
  return {kind: 'list', section: section.text.trim(), list: block, rows}
}

/**
 * A list (the timeline's, whatever its items start with: each is read), or
 * a paragraph whose first line starts with a time: a timeline written as
 * lines (`14:44 - deploy<br>`).
 */
function isTimedBlock(node: RootContent): node is List | Paragraph {
  if (node.type === 'list') return true
  if (node.type !== 'paragraph') return false
  const [first] = paragraphLines(node, 1)
  return first !== undefined && lineTime(first, isoDateFormat) !== undefined
}

/** A timed paragraph and the timed paragraphs right after it (`**14:30** - deploy`, a blank line, `**14:38** - alert`); a list alone. */
function timedRun(nodes: readonly RootContent[], block: List | Paragraph): Array<List | Paragraph> {
  if (block.type === 'list') return [block]
  const run: Paragraph[] = []
  for (const node of nodes.slice(nodes.indexOf(block))) {
    if (node.type !== 'paragraph' || !isTimedBlock(node)) break
    run.push(node)
  }

  return run
}

/** The timeline entries of a list (an item each) or of a paragraph of timed lines (a line each). */
function blockEntries(block: List | Paragraph, format: DateFormat): Array<Pick<TimelineRow, 'node' | 'place' | 'text'>> {
  if (block.type === 'list') return block.children.filter((item) => !isEllipsisItem(item)).map((item) => ({node: item, ...itemTime(item, format)}))
  return paragraphLines(block).flatMap((line) => {
    const [first] = line
    if (!first) return []
    const found = lineTime(line, format)
    const lineStart = first.start && {start: first.start, end: first.end ?? first.start}
    return [{node: block, text: found?.text ?? '', place: found?.place ?? lineStart}]
  })
}

/** An item that says "and so on" (`- ...`, `- …`): a template's, no event; `no-placeholders` reports one a document keeps. */
export function isEllipsisItem(item: ListItem): boolean {
  const text = plainText(item).trim()
  return text === '...' || text === '…'
}

/** The times each line of a paragraph starts with, as written (`''` for a line that starts with none): a template's timeline written as lines. */
export function lineTimes(paragraph: Paragraph): string[] {
  return paragraphLines(paragraph)
    .filter((line) => line.length > 0)
    .map((line) => lineTime(line, isoDateFormat)?.text ?? '')
}

/** The time a paragraph's line starts with, bold or emphasised or not (`**14:30** - deploy`), and where it is. */
function lineTime(line: readonly Segment[], format: DateFormat): ItemTime | undefined {
  const first = line[0]
  let node = first?.node
  while (node?.type === 'strong' || node?.type === 'emphasis') node = node.children[0]
  if (node?.type !== 'text') return undefined
  // A plain line's text is the segment's (one line of a text node); a bold time's is the text inside it.
  const text = first?.node.type === 'text' ? first.text : node.value
  const origin = first?.node.type === 'text' ? first.start : node.position?.start
  const found = leadingTime(text, format)
  if (!found) return undefined
  const at = (shift: number) => origin && {line: origin.line, column: origin.column + shift, ...(origin.offset === undefined ? {} : {offset: origin.offset + shift})}
  const start = at(found.offset)
  const end = at(found.offset + found.text.length)
  return {text: found.text, place: start && end ? {start, end} : undefined}
}

/**
 * A timeline grouped by day: the first list or table (`wanted`) under each
 * of the section's subsections whose heading is a date (`### 2026-01-09`,
 * `### Friday, 9 January 2026`), with its day; a subsection of any other
 * name (`### Notes`) is not the timeline's.
 */
function dayContent<Wanted extends RootContent>(
  document: PostmortemDocument,
  section: Section,
  format: DateFormat,
  wanted: (node: RootContent) => node is Wanted
): Array<{node: Wanted; day: CalendarDate}> {
  const found: Array<{node: Wanted; day: CalendarDate}> = []
  for (const subsection of document.sections) {
    if (subsection.parent !== section) continue
    // A note after the day is no part of it (`### 2026-01-21 (all times UTC)`), nor is a heading's trailing colon (`### 2026-01-21:`).
    const text = withoutNotes(subsection.text).replace(/[ \t]*[:：]$/, '')
    const day = format.parse(text) ?? unstatedDateFormat.parse(text)
    const node = day && sectionOwnContent(document, subsection).find(wanted)
    if (day && node) found.push({node, day})
  }

  return found
}

/** A time still in the brackets of the template's placeholder (`[9:05 AM]` for `[hh:mm AM/PM]`): the time. */
function unbracketedTime(text: string, format: DateFormat): string {
  const inner = placeholderContent(text)?.trim()
  return inner !== undefined && parseTime(inner, format) ? inner : text
}

/** Rows with their times read and placed in time, from the first to the last. */
function timedRows(
  tree: Root,
  entries: ReadonlyArray<Pick<TimelineRow, 'node' | 'place' | 'text'> & {day?: CalendarDate | undefined}>,
  reading: DateReading
): TimelineRow[] {
  const {format} = reading
  let date: CalendarDate | undefined = incidentDate(tree, reading)
  let offsetMinutes = 0
  let shift = 0
  let previous: number | undefined
  let headingDay: CalendarDate | undefined

  return entries.map(({node, place, text, day}, index): TimelineRow => {
    // The day a heading names (`### 2026-01-10`) dates the times under it, as a dated row would.
    if (day && day !== headingDay) {
      headingDay = day
      date = day
      shift = 0
    }

    const written = unbracketedTime(withoutNotes(text), format)
    const direct = parseTime(written, format)
    // Only what reads as no single time may be a range: `12:00-05:00` is a time with its offset.
    const range = direct ? undefined : timeRange(written)
    const time = direct ?? (range && parseTime(range.start, format))
    let instant: number | undefined
    let latest: number | undefined

    if (time?.kind === 'relative') {
      // Counted from the timeline's own moment: no date, no midnight.
      instant = timeInstant(time)
      latest = instant
      return {number: index + 1, node, place, text, time, instant, latest}
    }

    // A month and day with the time (`Dec 11 00:10`) is dated in the year of the date it follows: a dated row.
    const dated = time?.kind === 'time' && time.monthDay && date ? monthDayIn(time.monthDay, date.year) : undefined
    if (time?.kind === 'time' && dated) {
      date = dated
      shift = 0
      if (time.offsetMinutes !== undefined) offsetMinutes = time.offsetMinutes
      instant = timeInstant(time, date, offsetMinutes)
      latest = instant
    } else if (time?.kind === 'time') {
      instant = timeInstant(time, date, offsetMinutes) + shift
      if (previous !== undefined && previous - instant > halfDayMs) {
        shift += dayMs
        instant += dayMs
      }

      latest = instant
    } else if (time) {
      date = time.date
      shift = 0
      if (time.kind === 'date-time') offsetMinutes = time.offsetMinutes
      instant = timeInstant(time, date, offsetMinutes)
      latest = time.kind === 'date' ? instant + dayMs - 1 : instant
    }

    // A range (`09:00 - 11:00`) starts at its first time and lasts until its second, the next day when earlier.
    if (range && instant !== undefined && time?.kind !== 'date') latest = instant + range.seconds * 1000
    if (instant !== undefined) previous = instant
    return {number: index + 1, node, place, text, time, instant, latest}
  })
}

/** The end of a time range in a timeline cell: a dash, `to` or `bis`, then a clock (`– 11:00`), at the end of the text. */
const rangeEnd = /[ \t]{0,3}(?:[-–—]|to|bis)[ \t]{0,3}(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/
/** The clock a range's start ends with (`2020-10-06 09:00`). */
const rangeStart = /(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/

/** A time range (`09:00 - 11:00`, `2020-10-06 09:00–11:00`): its start as written, and the seconds it lasts. */
function timeRange(text: string): {start: string; seconds: number} | undefined {
  const end = rangeEnd.exec(text)
  const start = end ? text.slice(0, end.index) : ''
  const from = end && rangeStart.exec(start)
  if (!end || !from) return undefined
  const clock = (match: RegExpExecArray, first: number) => Number(match[first]) * 3600 + Number(match[first + 1]) * 60 + Number(match[first + 2] ?? 0)
  return {start, seconds: (clock(end, 1) - clock(from, 1) + 86_400) % 86_400}
}
