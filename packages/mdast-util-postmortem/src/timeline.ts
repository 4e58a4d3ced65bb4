import type {Root, TableCell, TableRow} from 'mdast'
import {findSection, postmortemDocument} from './document.js'
import {incidentFacts} from './header.js'
import {perObject} from './memo.js'
import {cellText, findColumn, rowCell, sectionTable, type SectionTable, type TableModel} from './table.js'
import {parseTime, timeInstant, type CalendarDate, type TimeValue} from './values.js'

/** Name of the section that holds the timeline. */
export const timelineSection = 'Incident Timeline'

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
   * in milliseconds. `undefined` when the time is unreadable.
   */
  instant: number | undefined
}

/** The timeline as read, or why it cannot be. */
export type Timeline =
  | {kind: 'missing'}
  | Exclude<SectionTable, {kind: 'table'}>
  | {kind: 'table'; table: TableModel; rows: TimelineRow[]}

/**
 * The first table under `Incident Timeline`: its time column (header starting
 * with `Time`, else the first column) read row by row. Time-only rows take
 * the date and offset of the nearest dated row above, else the header `Date`;
 * there is no implicit midnight rollover. Computed once per tree.
 */
export const readTimeline: (tree: Root) => Timeline = perObject((tree: Root): Timeline => {
  const document = postmortemDocument(tree)
  const section = findSection(document, timelineSection)
  if (!section) return {kind: 'missing'}
  const found = sectionTable(document, section)
  if (found.kind !== 'table') return found

  const {table} = found
  const column = Math.max(
    0,
    findColumn(table, (header) => header.startsWith('time'))
  )
  let date: CalendarDate | undefined = incidentFacts(tree).date
  let offsetMinutes = 0

  const rows = table.rows.map((row, index): TimelineRow => {
    const cell = rowCell(row, column)
    const text = cellText(cell)
    const time = parseTime(text)
    if (time?.kind === 'date-time') {
      date = time.date
      offsetMinutes = time.offsetMinutes
    }

    return {number: index + 1, row, cell, text, time, instant: time && timeInstant(time, date, offsetMinutes)}
  })

  return {kind: 'table', table, rows}
})
