import type {Root, TableCell, TableRow} from 'mdast'
import {isTimeHeader} from './columns.js'
import {findSection, postmortemDocument} from './document.js'
import {incidentFacts} from './header.js'
import {perObject} from './memo.js'
import {normalizeText} from './normalize.js'
import {cellText, findColumn, rowCell, sectionTable, type SectionTable, type TableModel} from './table.js'
import type {TimelineRole} from './template.js'
import {parseTime, timeInstant, type CalendarDate, type TimeValue} from './values.js'

const dayMs = 86_400_000
const halfDayMs = dayMs / 2

/** One row of the timeline table. */
export interface TimelineRow {
  /** 1-based number among the body rows. */
  number: number
  row: TableRow
  /** The time cell (ragged rows may lack it). */
  cell: TableCell | undefined
  text: string
  time: TimeValue | undefined
  /**
   * Milliseconds since the epoch when the row has a date (its own, the
   * nearest dated row's above, or the header `Date`); else seconds of the day
   * in milliseconds. A date alone is the start of its day. `undefined` when
   * the time is unreadable.
   */
  instant: number | undefined
  /** The last moment the row may stand for: the end of its day for a date alone, else `instant`. */
  latest: number | undefined
}

/** The timeline as read, or why it cannot be. */
export type Timeline =
  | {kind: 'missing'}
  | Exclude<SectionTable, {kind: 'table'}>
  | {kind: 'table'; section: string; table: TableModel; rows: TimelineRow[]}

/**
 * The first table of the template's timeline section in `tree`: its time
 * column (the template's time header, else the first time-like header, else
 * the first column) read row by row. A time of day takes the date and offset
 * of the nearest dated row above, else the header `Date`; a time of day that
 * jumps back by more than 12 hours from the row before it crosses midnight.
 * Computed once per tree and role.
 */
export function readTimeline(tree: Root, role: TimelineRole): Timeline {
  return timelines(tree)(role)
}

const timelines = perObject((tree: Root) => perObject((role: TimelineRole) => timelineOf(tree, role)))

function timelineOf(tree: Root, role: TimelineRole): Timeline {
  const document = postmortemDocument(tree)
  const section = findSection(document, role.section.text)
  if (!section) return {kind: 'missing'}
  const found = sectionTable(document, section)
  if (found.kind !== 'table') return found

  const {table} = found
  const wanted = role.timeColumn === undefined ? undefined : normalizeText(role.timeColumn)
  const byName = wanted === undefined ? -1 : findColumn(table, (header) => header === wanted)
  const column = byName === -1 ? Math.max(0, findColumn(table, isTimeHeader)) : byName
  let date: CalendarDate | undefined = incidentFacts(tree).date
  let offsetMinutes = 0
  let shift = 0
  let previous: number | undefined

  const rows = table.rows.map((row, index): TimelineRow => {
    const cell = rowCell(row, column)
    const text = cellText(cell)
    const time = parseTime(text)
    let instant: number | undefined
    let latest: number | undefined

    if (time?.kind === 'time') {
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

    if (instant !== undefined) previous = instant
    return {number: index + 1, row, cell, text, time, instant, latest}
  })

  return {kind: 'table', section: section.text.trim(), table, rows}
}
