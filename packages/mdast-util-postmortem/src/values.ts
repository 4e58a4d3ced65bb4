import semver, {type SemVer} from 'semver'

const dayMs = 86_400_000

/** A calendar date; `day` counts days since 1970-01-01 for comparisons. */
export interface CalendarDate {
  text: string
  year: number
  month: number
  date: number
  day: number
}

/** A time of day without a date (`10:05`, `10:05:30`). */
export interface TimeOfDay {
  kind: 'time'
  text: string
  seconds: number
}

/** An ISO 8601 date-time; `instant` is milliseconds since the epoch. */
export interface DateTime {
  kind: 'date-time'
  text: string
  date: CalendarDate
  instant: number
  offsetMinutes: number
}

export type TimeValue = TimeOfDay | DateTime

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/
const dateTimePattern =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s?(Z|[+-]\d{2}:?\d{2}))?$/i

/** Parse `YYYY-MM-DD` as a real calendar date. */
export function parseDate(value: string): CalendarDate | undefined {
  const text = value.trim()
  const match = datePattern.exec(text)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const date = Number(match[3])
  const time = Date.UTC(year, month - 1, date)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return undefined
  }

  return {text, year, month, date, day: time / dayMs}
}

/**
 * Parse a timeline time: `HH:MM`, `HH:MM:SS` (24 h) or an ISO 8601
 * date-time (`T` or a space between date and time; `Z` or `±HH:MM`; a
 * date-time without an offset is read as UTC).
 */
export function parseTime(value: string): TimeValue | undefined {
  const text = value.trim()
  const time = timePattern.exec(text)

  if (time) {
    const seconds = clock(time[1], time[2], time[3])
    return seconds === undefined ? undefined : {kind: 'time', text, seconds}
  }

  const dateTime = dateTimePattern.exec(text)
  if (!dateTime) return undefined
  const date = parseDate(dateTime[1] ?? '')
  const seconds = clock(dateTime[2], dateTime[3], dateTime[4])
  const offsetMinutes = parseOffset(dateTime[5])
  if (!date || seconds === undefined || offsetMinutes === undefined) return undefined

  return {
    kind: 'date-time',
    text,
    date,
    offsetMinutes,
    instant: date.day * dayMs + seconds * 1000 - offsetMinutes * 60_000
  }
}

/**
 * The instant of a timeline time: a time of day takes `date` and
 * `offsetMinutes` (from the nearest dated row, or the header date), or is
 * compared within one day when there is no date at all.
 */
export function timeInstant(value: TimeValue, date?: CalendarDate, offsetMinutes = 0): number {
  if (value.kind === 'date-time') return value.instant
  return (date ? date.day * dayMs : 0) + value.seconds * 1000 - offsetMinutes * 60_000
}

function clock(hours = '0', minutes = '0', seconds = '0'): number | undefined {
  const h = Number(hours)
  const m = Number(minutes)
  const s = Number(seconds)
  if (h > 23 || m > 59 || s > 59) return undefined
  return h * 3600 + m * 60 + s
}

function parseOffset(offset: string | undefined): number | undefined {
  if (!offset || offset.toUpperCase() === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2))
  if (hours > 23 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes)
}

const durationUnits: ReadonlyMap<string, number> = new Map([
  ['h', 60],
  ['hr', 60],
  ['hrs', 60],
  ['hour', 60],
  ['hours', 60],
  ['m', 1],
  ['min', 1],
  ['mins', 1],
  ['minute', 1],
  ['minutes', 1],
  ['s', 1 / 60],
  ['sec', 1 / 60],
  ['secs', 1 / 60],
  ['second', 1 / 60],
  ['seconds', 1 / 60]
])

const durationPart = /\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*(?:,\s*)?(?:and\b\s*)?/iy

/** A duration in minutes, and the note in parentheses after it. */
export interface Duration {
  text: string
  minutes: number
  note?: string
}

/**
 * Parse a duration: `8 minutes`, `3 min`, `90 seconds`, `1 hour 5 minutes`,
 * `1h 5m`, `1.5 hours`, `0 minutes`, optionally followed by a note in
 * parentheses.
 */
export function parseDuration(value: string): Duration | undefined {
  const text = value.trim()
  const noteStart = text.indexOf('(')
  const hasNote = noteStart > 0 && text.endsWith(')')
  const amount = hasNote ? text.slice(0, noteStart) : text
  let minutes = 0
  let parts = 0
  durationPart.lastIndex = 0

  while (durationPart.lastIndex < amount.length) {
    const match = durationPart.exec(amount)
    const factor = match ? durationUnits.get((match[2] ?? '').toLowerCase()) : undefined
    if (!match || factor === undefined) return undefined
    minutes += Number(match[1]) * factor
    parts++
  }

  if (parts === 0) return undefined
  const duration: Duration = {text, minutes}
  if (hasNote) duration.note = text.slice(noteStart + 1, -1).trim()
  return duration
}

/** Parse a semantic version, with an optional `v` prefix. */
export function parseVersion(value: string): SemVer | undefined {
  const text = value.trim().replace(/^v/i, '')
  return semver.parse(text) ?? undefined
}

