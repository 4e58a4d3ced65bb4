import {perObject} from './memo.js'
import {emojiOf, normalizeText, stripEmoji} from './normalize.js'
import {isPlaceholderValue, placeholderContent} from './placeholders.js'
import type {SemVer} from 'semver'
// The one function used, not the whole package: its index loads some 40 modules on every start.
import parseSemver from 'semver/functions/parse.js'

const dayMs = 86_400_000

/** A calendar date; `day` counts days since 1970-01-01 for comparisons. */
export interface CalendarDate {
  text: string
  year: number
  month: number
  date: number
  day: number
}

/** A time of day without a date (`10:05`, `10:05:30`, `10:05 UTC`). */
export interface TimeOfDay {
  kind: 'time'
  text: string
  seconds: number
  /** Minutes east of UTC when the value names its zone (`Z`, `UTC`, `+02:00`, `CET`). */
  offsetMinutes?: number
  /** The month and day written before it without a year (`Dec 10 14:05`): a timeline dates it in its own year. */
  monthDay?: {month: number; day: number}
}

/** A date with a time (`2025-12-10T10:00:00Z`, `2025-12-10 10:00 CET`); `instant` is milliseconds since the epoch. */
export interface DateTime {
  kind: 'date-time'
  text: string
  date: CalendarDate
  instant: number
  offsetMinutes: number
}

/** A date alone (`2025-12-10`): a timeline row that fits anywhere within its day. */
export interface DateOnly {
  kind: 'date'
  text: string
  date: CalendarDate
}

/**
 * A time counted from a moment the timeline names (`T+0:15`, `T-10m`,
 * `T+1h05m`, `T0`), as teams write timelines relative to detection or to
 * the deploy; `seconds` is negative before that moment.
 */
export interface RelativeTime {
  kind: 'relative'
  text: string
  seconds: number
}

export type TimeValue = TimeOfDay | DateTime | DateOnly | RelativeTime

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
/**
 * An optional date (then `T` or spaces), a clock (24 h, or 12 h with `AM`
 * or `PM`), an optional zone. Every part is bounded or followed by a
 * different character class, so the pattern cannot backtrack on long inputs.
 */
const timePattern =
  /^(?:(\d{4}-\d{2}-\d{2})(?:[Tt]|,?[ \t]+))?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[ \t]{0,3}([AaPp])\.?[Mm]\.?)?[ \t]*(?:([Zz])|([+-]\d{2}:?\d{2})|((?:UTC|GMT)(?:([+-]\d{1,2})(?::?(\d{2}))?)?)|([A-Z]{2,5}))?$/
/** A `~` after an estimated time (`10:45~`). */
const approximatelyAfter = /[ \t]{0,3}~$/
/** `~`, `≈` and `about`, `approx.`, `roughly`…, which teams put before estimated times and durations. */
const approximately = /^(?:[~≈]|(?:about|approx\.?|approximately|roughly|around|circa|ca\.|etwa|environ|aprox\.?)[ \t])[ \t]*/i

/** Minutes east of UTC of the zone abbreviations teams write after times. */
const zoneOffsets: ReadonlyMap<string, number> = new Map([
  ['UT', 0],
  ['WET', 0],
  ['BST', 60],
  ['CET', 60],
  ['WEST', 60],
  ['CEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['IST', 330],
  ['SGT', 480],
  ['HKT', 480],
  ['JST', 540],
  ['KST', 540],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
  ['HST', -600],
  ['AKST', -540],
  ['AKDT', -480],
  ['PST', -480],
  ['PDT', -420],
  ['MST', -420],
  ['MDT', -360],
  ['CST', -360],
  ['CDT', -300],
  ['EST', -300],
  ['EDT', -240]
])

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

/** `YYYY-MM-DD` from a date's parts, zero-padded (`2025`, `4`, `1` → `2025-04-01`). */
function isoDate(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/** The real date of `year`, `month` and `day`, as written in `text` (`10/12/2025`). */
function writtenDate(text: string, year: string, month: string, day: string): CalendarDate | undefined {
  const date = parseDate(isoDate(year, month, day))
  return date && {...date, text}
}

/** How a team writes dates: `YYYY-MM-DD` (the default), or the order and separator its template shows (`DD/MM/YYYY`). */
export interface DateFormat {
  /** As the template writes it (`DD/MM/YYYY`). */
  text: string
  /** A real date written in this form, or as `YYYY-MM-DD` (never ambiguous). */
  parse: (value: string) => CalendarDate | undefined
  /** The value as it should have been written, where that is certain (`2025/12/10` → `2025-12-10`). */
  correct: (value: string) => string | undefined
  /** `date` written in this form (`20/12/2025`). */
  write: (date: CalendarDate) => string
}

/** `date` as `YYYY-MM-DD`. */
function writeIsoDate(date: CalendarDate): string {
  return isoDate(String(date.year), String(date.month), String(date.date))
}

export const isoDateFormat: DateFormat = {text: 'YYYY-MM-DD', parse: parseDate, correct: dateCorrection, write: writeIsoDate}

/** How a team's dates are read: their format, and the header field that holds the incident's date. */
export interface DateReading {
  format: DateFormat
  /** `Date` by default; a team's own (`Date of incident`). */
  incidentLabel: string
  /** The section whose fields hold it (`Incident details`), where the template's header has none. */
  incidentSection?: string | undefined
}

export const isoDateReading: DateReading = {format: isoDateFormat, incidentLabel: 'Date'}

/**
 * The dates of a template that shows no format: `YYYY-MM-DD`, or a date with
 * its month by name (`December 10, 2025`, `10 Dec 2025`), which is never
 * ambiguous either.
 */
export const unstatedDateFormat: DateFormat = {
  text: 'YYYY-MM-DD',
  parse: (value) => parseDate(value) ?? parseNamedMonthDate(value),
  correct: dateCorrection,
  write: writeIsoDate
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** `10 December 2025`, `December 10, 2025`, `Dec. 10th 2025`, after a weekday or not. */
const namedMonthDate =
  /^(?:[A-Za-z]{3,9},?[ \t]+)?(?:(\d{1,2})(?:st|nd|rd|th)?[ \t]+([A-Za-z]{3,9})\.?,?|([A-Za-z]{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?)[ \t]+(\d{4})$/

function parseNamedMonthDate(value: string): CalendarDate | undefined {
  const text = value.trim()
  const match = namedMonthDate.exec(text)
  if (!match) return undefined
  const word = (match[2] ?? match[3] ?? '').toLowerCase()
  const month = monthNames.findIndex((name) => word.length >= 3 && name.startsWith(word))
  if (month === -1) return undefined
  return writtenDate(text, match[5] ?? '', String(month + 1), match[1] ?? match[4] ?? '')
}

/**
 * A date format written as a placeholder: `DD/MM/YYYY`, `MM/DD/YYYY`,
 * `DD.MM.YYYY`, `YYYY/MM/DD`, `YYYY-MM-DD`, also with German, French or
 * Spanish letters (`TT.MM.JJJJ`, `JJ/MM/AAAA`, `DD/MM/AAAA`).
 */
const dateFormatToken = /(?<![A-Za-z])(YYYY|JJJJ|AAAA|MM|DD|TT|JJ)([-/.])(YYYY|JJJJ|AAAA|MM|DD|TT|JJ)\2(YYYY|JJJJ|AAAA|MM|DD|TT|JJ)(?![A-Za-z])/i

/** A date format's part as `YYYY`, `MM` or `DD`, whatever the language of its letters. */
function datePart(part: string): string {
  const upper = part.toUpperCase()
  return upper.length === 4 ? 'YYYY' : upper === 'MM' ? 'MM' : 'DD'
}

/** The date format written in `text` (`[DD/MM/YYYY]`, `[TT.MM.JJJJ]`), if any. */
export function dateFormatIn(text: string): DateFormat | undefined {
  const match = dateFormatToken.exec(text)
  if (!match) return undefined
  const written = [match[1], match[3], match[4]].map((part) => part ?? '')
  const order = written.map(datePart)
  if (new Set(order).size !== 3) return undefined
  const separator = match[2] ?? '-'
  if (order.join(separator) === 'YYYY-MM-DD') return isoDateFormat
  const pattern = new RegExp(
    '^' + order.map((part) => (part === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})')).join(separator === '-' ? '-' : '\\' + separator) + '$'
  )
  return {
    text: written.map((part) => part.toUpperCase()).join(separator),
    parse(value) {
      const text = value.trim()
      const parts = pattern.exec(text)
      if (!parts) return parseDate(text)
      const part = (name: string) => parts[order.indexOf(name) + 1] ?? ''
      return writtenDate(text, part('YYYY'), part('MM'), part('DD'))
    },
    correct: () => undefined,
    write: (date) =>
      order
        .map((part) => (part === 'YYYY' ? String(date.year).padStart(4, '0') : String(part === 'MM' ? date.month : date.date).padStart(2, '0')))
        .join(separator)
  }
}

/**
 * Every day `value` may stand for in any team's format: one for
 * `2025-12-10` or `December 10, 2025`, two for `10/12/2025` (day first or
 * month first), none for what is no date.
 */
export function possibleDays(value: string): number[] {
  const named = unstatedDateFormat.parse(value)
  if (named) return [named.day]
  const parts = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(value.trim())
  if (!parts) return []
  const [first = '', second = '', third = ''] = parts.slice(1)
  const readings =
    first.length === 4 ? [isoDate(first, second, third)] : third.length === 4 ? [isoDate(third, second, first), isoDate(third, first, second)] : []
  return [...new Set(readings.flatMap((iso) => parseDate(iso)?.day ?? []))]
}

/** A date written with other separators or without zero padding (`2025/12/10`, `2025.12.1`), as `YYYY-MM-DD`. */
export function dateCorrection(value: string): string | undefined {
  const match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value.trim())
  if (!match) return undefined
  const corrected = isoDate(match[1] ?? '', match[2] ?? '', match[3] ?? '')
  return corrected !== value.trim() && parseDate(corrected) ? corrected : undefined
}

/**
 * Parse a timeline time: `HH:MM` or `HH:MM:SS` (24 h, or 12 h followed by
 * `AM`/`PM`, `am`, `p.m.`: `2:05 PM`; `14h05`, `14:05h` and `14:05 Uhr` as
 * French, Dutch and German teams write them), with a date before it
 * (`T` or any run of spaces between, after a comma or not; or spaces after a
 * date as `format` writes dates, `10/12/2025 14:05`) or not, and a zone after it or not (`Z`,
 * `UTC`, `UTC+2`, `±HH:MM`, a zone abbreviation such as `CET`); a date
 * alone; or a time relative to the timeline's moment (`T+0:15`). A
 * leading `~` or `≈`, or a trailing `~`, is ignored. A date-time without a
 * zone is read as UTC.
 */
export function parseTime(value: string, format: DateFormat = isoDateFormat): TimeValue | undefined {
  const text = value.trim()
  const bare = text.replace(approximately, '').replace(approximatelyAfter, '')
  const alone = format.parse(bare)
  if (alone) return {kind: 'date', text, date: alone}
  const relative = relativeTime.exec(bare)
  if (relative) return relativeTimeOf(text, relative)

  const match = timePattern.exec(asClock(bare))
  if (!match) return namedMonthDateTime(text, bare) ?? (format === isoDateFormat ? undefined : formatDateTime(text, bare, format))
  const seconds = clock(match[2], match[3], match[4], match[5])
  const offsetMinutes = zoneOffset(match)
  if (seconds === undefined || offsetMinutes === null) return undefined

  if (match[1] === undefined) {
    const time: TimeOfDay = {kind: 'time', text, seconds}
    if (offsetMinutes !== undefined) time.offsetMinutes = offsetMinutes
    return time
  }

  const date = parseDate(match[1])
  if (!date) return undefined
  const offset = offsetMinutes ?? 0
  return {kind: 'date-time', text, date, offsetMinutes: offset, instant: date.day * dayMs + seconds * 1000 - offset * 60_000}
}

/**
 * `T`, a sign (`+`, `-`, `−`) and an amount: a clock of elapsed time
 * (`0:15`, `1:05:30`) or a duration (`15m`, `1h 05m`, `90 s`); `T0` alone.
 */
const relativeTime = /^[Tt][ \t]?(?:([+\-−])[ \t]?(\S[^\n]{0,30})|(0))$/
const elapsedClock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/

function relativeTimeOf(text: string, [, sign, amount = '', zero]: RegExpExecArray): RelativeTime | undefined {
  if (zero !== undefined) return {kind: 'relative', text, seconds: 0}
  const minutes = elapsedMinutes(amount)
  if (minutes === undefined) return undefined
  const seconds = Math.round(minutes * 60)
  return {kind: 'relative', text, seconds: sign === '+' ? seconds : -seconds}
}

/** `0:15`, `1:05:30`, `15` (minutes), `15m`, `1h 05m`, in minutes. */
function elapsedMinutes(amount: string): number | undefined {
  const clock = elapsedClock.exec(amount)
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60
  return /^\d+$/.test(amount) ? Number(amount) : unitMinutes(amount)
}

/** A French clock (`14h05`), a Dutch or German one (`14:05h`, `14:05 Uhr`), as `HH:MM`. */
function asClock(value: string): string {
  return value
    .replace(/(?<![\w:])(\d{1,2})h(\d{2})(?![\w:])/, '$1:$2')
    .replace(/(?<![\w:])(\d{1,2}:\d{2}(?::\d{2})?)h$/, '$1')
    .replace(/[ \t]+Uhr$/, '')
}

/** A date as the team writes dates, then a time of day (`10/12/2025 14:05 UTC`). */
/**
 * A date with its month by name, then a clock time: `Dec 10, 2025 14:05`,
 * `10-Dec-2025 14:05 UTC`, `Wed Dec 10 at 14:05`. Without a year
 * (`Dec 10 14:05`) it is a time of day with its month and day, which a
 * timeline dates in the year of the date above it.
 */
const namedMonthClock =
  /^((?:[A-Za-z]{3,9},?[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)?[ \t-]+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?)(?:,?[ \t-]+\d{4})?),?(?:[ \t]+at)?[ \t]+(\d{1,2}[:h.]\d{2}[^\n]{0,24})$/

function namedMonthDateTime(text: string, bare: string): DateTime | TimeOfDay | undefined {
  const parts = namedMonthClock.exec(bare)
  if (!parts) return undefined
  const written = (parts[1] ?? '').replace(/-/g, ' ')
  const time = parseTime(parts[2] ?? '')
  if (time?.kind !== 'time') return undefined
  const date = parseNamedMonthDate(written)
  if (date) {
    const offset = time.offsetMinutes ?? 0
    return {kind: 'date-time', text, date, offsetMinutes: offset, instant: date.day * dayMs + time.seconds * 1000 - offset * 60_000}
  }

  const monthDay = monthAndDayOf(written)
  return monthDay ? {...time, text, monthDay} : undefined
}

/** The date `monthDay` falls on in `year` (`Dec 10` of 2025); none where it is no date that year (`Feb 29`). */
export function monthDayIn(monthDay: {month: number; day: number}, year: number): CalendarDate | undefined {
  return parseDate(isoDate(String(year), String(monthDay.month), String(monthDay.day)))
}

/** A month by name and a day without a year: `March 3`, `3 Mar`, `Wed Dec 10`. */
const monthAndDay = /^(?:[A-Za-z]{3,9},?[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?)$/

/** The month and day `value` writes without a year (`March 3`), when they are real in some year (`Feb 29` in a leap one). */
function monthAndDayOf(value: string): {month: number; day: number} | undefined {
  const text = value.trim()
  const date = monthAndDay.test(text) ? parseNamedMonthDate(`${text} 2024`) : undefined
  return date && {month: date.month, day: date.date}
}

/** Whether `value` is a real month and day written without its year (`March 3`, `Feb 29`). */
export function isMonthAndDay(value: string): boolean {
  return monthAndDayOf(value) !== undefined
}

function formatDateTime(text: string, bare: string, format: DateFormat): DateTime | undefined {
  const parts = /^(\S+?),?[ \t]+(\S.*)$/.exec(bare)
  const date = parts && format.parse(parts[1] ?? '')
  const time = parts ? parseTime(parts[2] ?? '') : undefined
  if (!date || time?.kind !== 'time') return undefined
  const offset = time.offsetMinutes ?? 0
  return {kind: 'date-time', text, date, offsetMinutes: offset, instant: date.day * dayMs + time.seconds * 1000 - offset * 60_000}
}

/**
 * The instant of a timeline time: a time of day takes `date` and
 * `offsetMinutes` (from the nearest dated row, or the header date) unless it
 * names its own zone, or is compared within one day when there is no date
 * at all; a date alone is the start of its day; a relative time counts
 * from its moment as from 0.
 */
export function timeInstant(value: TimeValue, date?: CalendarDate, offsetMinutes = 0): number {
  if (value.kind === 'date-time') return value.instant
  if (value.kind === 'relative') return value.seconds * 1000
  if (value.kind === 'date') return value.date.day * dayMs - offsetMinutes * 60_000
  const offset = value.offsetMinutes ?? offsetMinutes
  return (date ? date.day * dayMs : 0) + value.seconds * 1000 - offset * 60_000
}

/** Whether two timeline times count from the same origin: both relative (`T+0:15`), or both on the clock or the calendar. */
export function comparableTimes(a: TimeValue, b: TimeValue): boolean {
  return (a.kind === 'relative') === (b.kind === 'relative')
}

/** Seconds into the day; `meridiem` (`a` or `p`, either case) reads `hours` on a 12-hour clock (`12 AM` is midnight). */
function clock(hours = '0', minutes = '0', seconds = '0', meridiem?: string): number | undefined {
  let h = Number(hours)
  const m = Number(minutes)
  const s = Number(seconds)
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return undefined
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  }

  if (h > 23 || m > 59 || s > 59) return undefined
  return h * 3600 + m * 60 + s
}

/** The zone's offset in minutes; `undefined` without a zone, `null` for an impossible one. */
function zoneOffset(match: RegExpExecArray): number | undefined | null {
  const [, , , , , , zulu, numeric, utc, utcHours, utcMinutes, word] = match
  if (zulu !== undefined) return 0
  if (word !== undefined) return zoneOffsets.get(word) ?? null
  if (numeric !== undefined) {
    const digits = numeric.slice(1).replace(':', '')
    return signedOffset(numeric.startsWith('-'), Number(digits.slice(0, 2)), Number(digits.slice(2)))
  }

  if (utc === undefined) return undefined
  if (utcHours === undefined) return 0
  return signedOffset(utcHours.startsWith('-'), Number(utcHours.slice(1)), Number(utcMinutes ?? 0))
}

/** A zone's offset in minutes; `null` beyond the offsets zones have (UTC−12:00 to UTC+14:00): `14:05-14:30` is a range, not an offset. */
function signedOffset(negative: boolean, hours: number, minutes: number): number | null {
  const offset = (negative ? -1 : 1) * (hours * 60 + minutes)
  return minutes > 59 || offset < -12 * 60 || offset > 14 * 60 ? null : offset
}

const durationUnits: ReadonlyMap<string, number> = new Map([
  ['d', 1440],
  ['day', 1440],
  ['days', 1440],
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
  ['seconds', 1 / 60],
  // German, French and Spanish, as teams write their templates (`[X Minuten]`, `2 Std. 5 Min.`).
  ...(['tag', 'tage', 'tagen', 'jour', 'jours', 'día', 'días', 'dia', 'dias'] as const).map((unit) => [unit, 1440] as const),
  ...(['std', 'stunde', 'stunden', 'heure', 'heures', 'hora', 'horas'] as const).map((unit) => [unit, 60] as const),
  ...(['minuten', 'minuto', 'minutos'] as const).map((unit) => [unit, 1] as const),
  ...(['sek', 'sekunde', 'sekunden', 'seconde', 'secondes', 'segundo', 'segundos'] as const).map((unit) => [unit, 1 / 60] as const),
  // Chinese, Japanese and Korean (`35 分钟`, `1小时20分钟`, `2時間`, `1시간 20분`).
  ...(['天', '日', '일'] as const).map((unit) => [unit, 1440] as const),
  ...(['小时', '小時', '時間', '시간'] as const).map((unit) => [unit, 60] as const),
  ...(['分钟', '分鐘', '分', '分間', '분'] as const).map((unit) => [unit, 1] as const),
  ...(['秒', '秒钟', '秒鐘', '초'] as const).map((unit) => [unit, 1 / 60] as const)
])

const durationPart = /\s*(\d+(?:[.,]\d+)?)\s*(\p{L}+)\.?\s*(?:,\s*)?(?:(?:and|und|et|y|e)\b\s*)?/iuy
/** A value without the notes in parentheses teams add to it (`2025-12-20 (tentative)`, `@sam (platform)`). */
export function withoutNotes(value: string): string {
  // Bounded runs: a long run of spaces or letters before a `(` stays linear.
  return value.includes('(') ? value.replace(/\s{0,20}\([^()\n]{0,80}\)/g, '').trim() : value.trim()
}

/** ISO 8601 durations: `PT8M`, `P1DT2H`, `PT1H30M15S`. */
const isoDuration = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i

/** A duration in minutes, and the note in parentheses after it. */
export interface Duration {
  text: string
  /** The minutes, or the shortest a range allows (`7-9 minutes`: 7). */
  minutes: number
  /** The longest a range allows (`7-9 minutes`: 9); `minutes` when the duration is not a range. */
  maxMinutes: number
  note?: string
}

/**
 * Parse a duration: `8 minutes`, `3 min`, `8 min.`, `90 seconds`,
 * `1 hour 5 minutes`, `1h 5m`, `1.5 hours`, `1 day`, `2 days 3 hours`,
 * `1d 2h`, `0 minutes`, a range (`7-9 minutes`), ISO 8601 (`PT8M`, `P1DT2H`), or the times it spans
 * (`14:02 - 14:41`), after an optional `~` or `≈`, optionally followed by a
 * note in parentheses; or the duration in parentheses after the times it
 * spans or other words (`14:02 - 14:41 (39 minutes)`).
 */
export function parseDuration(value: string): Duration | undefined {
  const text = value.trim()
  const noteStart = text.indexOf('(')
  const hasNote = noteStart > 0 && text.endsWith(')')
  const amount = (hasNote ? text.slice(0, noteStart) : text).replace(approximately, '')
  const note = hasNote ? text.slice(noteStart + 1, -1).trim() : undefined
  const range = rangeMinutes(amount.trim())
  const minutes = range?.[0] ?? isoMinutes(amount.trim()) ?? unitMinutes(counted(amount)) ?? spanMinutes(amount.trim()) ?? clockMinutes(amount.trim())
  if (minutes === undefined) {
    const stated = note === undefined || note.includes('(') ? undefined : parseDuration(note)
    return stated && {text, minutes: stated.minutes, maxMinutes: stated.maxMinutes, note: amount.trim()}
  }

  const duration: Duration = {text, minutes, maxMinutes: range?.[1] ?? minutes}
  if (note !== undefined) duration.note = note
  return duration
}

/** A range of one unit, as a team estimates a duration: `7-9 minutes`, `7–9 min`, `1 to 2 hours`, `5-10m`. */
const durationRange = /^(\d{1,6}(?:[.,]\d{1,3})?)[ \t]*(?:[-–—]|to|bis|à)[ \t]*(\d{1,6}(?:[.,]\d{1,3})?)[ \t]*(\p{L}+)\.?$/iu

/** The shortest and longest minutes of a range (`7-9 minutes`), its ends in order. */
function rangeMinutes(amount: string): [number, number] | undefined {
  const match = durationRange.exec(amount)
  const factor = match ? durationUnits.get((match[3] ?? '').toLowerCase()) : undefined
  if (!match || factor === undefined) return undefined
  const low = Number((match[1] ?? '').replace(',', '.')) * factor
  const high = Number((match[2] ?? '').replace(',', '.')) * factor
  return low < high ? [low, high] : undefined
}

/**
 * The minutes from one time to another (`14:02 - 14:41`, `23:50–00:20`,
 * `2026-04-09 14:02 to 2026-04-09 16:10`): times of day alone go past
 * midnight when the second is earlier.
 */
function spanMinutes(amount: string): number | undefined {
  if (amount.length > 80) return undefined
  for (const separator of amount.matchAll(/[ \t]*(?:[-–—]|\bto\b|\bbis\b|(?<=[ \t])à(?=[ \t]))[ \t]*/g)) {
    const start = parseTime(amount.slice(0, separator.index))
    const end = start && parseTime(amount.slice(separator.index + separator[0].length))
    if (start?.kind === 'time' && end?.kind === 'time') {
      const seconds = end.seconds - (end.offsetMinutes ?? 0) * 60 - (start.seconds - (start.offsetMinutes ?? 0) * 60)
      return (seconds < 0 ? seconds + 86_400 : seconds) / 60
    }

    if (start?.kind === 'date-time' && end?.kind === 'date-time' && end.instant >= start.instant) return (end.instant - start.instant) / 60_000
  }

  return undefined
}

/** `an hour`, `a day`, `eine Stunde`, `une heure`, `half an hour`, French `1h05`: the amount in digits and units, for `unitMinutes`. */
function counted(amount: string): string {
  return amount.replace(halfAnHour, '30 minutes').replace(countWord, '1 ').replace(/(\d)[ \t]?h[ \t]?(\d{2})[ \t]*$/i, '$1 h $2 min')
}

const halfAnHour = /(?<![\p{L}])half an hour(?![\p{L}])/giu
const countWord = /(?<![\p{L}])(?:an?|one|eine?|une?|una?|uno)[ \t]+(?=\p{L})/giu

/** Hours and minutes, and seconds, as a clock or an incident tool writes a duration: `0:47`, `00:47:00`, `1:05`. */
function clockMinutes(amount: string): number | undefined {
  const match = clockDuration.exec(amount)
  if (!match) return undefined
  const [, hours = '0', minutes = '0', seconds = '0'] = match
  return Number(hours) * 60 + Number(minutes) + Number(seconds) / 60
}

const clockDuration = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/

function isoMinutes(amount: string): number | undefined {
  const match = isoDuration.exec(amount)
  if (!match || amount.length < 3 || amount.toUpperCase().endsWith('T')) return undefined
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match
  return Number(days) * 1440 + Number(hours) * 60 + Number(minutes) + Number(seconds) / 60
}

/** `1 hour 5 minutes` and the like, in minutes. */
function unitMinutes(amount: string): number | undefined {
  let minutes = 0
  let parts = 0
  durationPart.lastIndex = 0

  while (durationPart.lastIndex < amount.length) {
    const match = durationPart.exec(amount)
    const factor = match ? durationUnits.get((match[2] ?? '').toLowerCase()) : undefined
    if (!match || factor === undefined) return undefined
    minutes += Number((match[1] ?? '').replace(',', '.')) * factor
    parts++
  }

  return parts === 0 ? undefined : minutes
}

/** What a template's field value shows the value to be: a date (`[YYYY-MM-DD]`, `DD/MM/YYYY`), a version (`vX.Y.Z`, `[e.g., v1.2.4]`). */
export type ValueShape = 'date' | 'version'

/**
 * The words that lead in an example (`e.g.`, `for example`), also in
 * German, French, Spanish, Japanese, Chinese and Korean (`z. B.`, `p. ex.`,
 * `p. ej.`, `例:`, `例如`, `예:`): a pattern's source.
 */
export const exampleLeadWords = String.raw`e\.g\.|eg\.?|for example|such as|z\.\s?b\.|bspw\.|p\.\s?ex\.|p\.\s?ej\.|例えば|例如|例|예`
/** A paragraph that leads in the template's example (`Example:`, `Example (5 Whys):`, `Exemplo:`, `Beispiel:`), normalised. */
export const exampleLeadIn = /^(?:example|exemplo|ejemplo|exemple|beispiel|esempio)(?: \([^)]{0,200}\))?$/

/** An example's lead-in inside a placeholder (`[e.g., v1.2.4]`, `[z. B. v2.4.1]`). */
const exampleLead = new RegExp(`^(?:${exampleLeadWords})(?:[,:：]\\s*|\\s+)`, 'i')
/** `vX.Y.Z`, `1.N.N`, also the numbers in brackets after the `v` (`v{X.Y.Z}`, `v[X.Y.Z]`). */
const versionNumbers = String.raw`(?:\d+|[xn])\.(?:\d+|[yn])\.(?:\d+|[zn])`
const versionPlaceholder = new RegExp(String.raw`^v?(?:${versionNumbers}|\[${versionNumbers}\]|\{${versionNumbers}\})$`, 'i')

/**
 * The shape a template's field value shows, read from nothing but that
 * value: a date format or an example date, a version placeholder or an
 * example version. `undefined` for anything else (`[Name]`, `YYYY-MM-DD HH:MM`).
 */
export function valueShape(value: string): ValueShape | undefined {
  const inner = shownValue(value)
  const format = dateFormatIn(inner)
  if ((format && format.text.length === inner.length) || parseDate(inner)) return 'date'
  if (versionPlaceholder.test(inner) || shownVersion(value)) return 'version'
  return undefined
}

/** Whether a template's field value shows a date with a time (`YYYY-MM-DD HH:MM UTC`, `[e.g., 2026-01-09 14:02]`). */
export function showsDateTime(value: string): boolean {
  const inner = shownValue(value)
  if (parseTime(inner)?.kind === 'date-time') return true
  const format = dateFormatIn(inner)
  return format !== undefined && inner.toUpperCase().startsWith(format.text) && /\bHH:?MM\b/i.test(inner)
}

/** The day a value names: a date alone, or the date of a date-time (`2026-06-02 17:05 UTC`), as the team writes dates. */
export function dayIn(value: string, format: DateFormat): CalendarDate | undefined {
  const time = parseTime(value, format)
  return time?.kind === 'date' || time?.kind === 'date-time' ? time.date : undefined
}

/** What a template's value shows: the placeholder's content without its example lead-in (`[e.g., v1.2.4]` → `v1.2.4`). */
function shownValue(value: string): string {
  return (placeholderContent(value) ?? value).trim().replace(exampleLead, '')
}

/** Whether a template's value shows a duration: one (`8 minutes`) or its placeholder (`[X Minuten]`, `N min`). */
export function showsDuration(value: string): boolean {
  const shown = shownValue(value)
  // A time of day (`10:00`) reads as a duration only where a duration is asked for: it does not make a field one.
  return !clockDuration.test(shown) && parseDuration(shown.replace(/\b[XN]\b/g, '1')) !== undefined
}

/** The example version a template's value shows (`[z. B. v2.4.1]`, `v1.2.4`): `v` and all, so `1.2` and dates are none. */
export function shownVersion(value: string): SemVer | undefined {
  const inner = shownValue(value)
  return /^v\d/i.test(inner) ? parseVersion(inner) : undefined
}

/** Parse a semantic version, with an optional `v` prefix. */
export function parseVersion(value: string): SemVer | undefined {
  const text = value.trim().replace(/^v/i, '')
  return parseSemver(text) ?? undefined
}


/**
 * The choices a template's value offers, emoji dropped: `Open / Done`,
 * `[Planned | In Progress | Done]`, `<SEV1 / SEV2>`, `Open or Done`, and
 * with `commas` also `⏸️ Planned, ✅ Done`; `undefined` for one value.
 */
export function choicesIn(text: string, {commas = false} = {}): string[] | undefined {
  // Without a separator the text is one part, never a menu: most cells, read cheaply.
  if (!(commas ? /[/|,]|\bor\b/i : /[/|]|\bor\b/i).test(text)) return undefined
  const inner = text.replace(/^[\s[(<{]+|[\s\])>}]+$/g, '')
  const parts = inner.split(commas ? /\s*(?:\/|\||,|\bor\b)\s*/i : /\s*(?:\/|\||\bor\b)\s*/i)
  // A choice is a few words (emoji aside): a long part makes the text no menu, without reading it further.
  if (parts.some((part) => part.length > 400)) return undefined
  // An example is no choice (`e.g., checkout API / payments`, `例: 約 12,000 人 / 全体の 30%`), nor is a path or an address (`assets/img/cover.png`).
  if (exampleLead.test(inner) || pathLike.test(inner)) return undefined
  const choices = parts
    .map((choice) => stripEmoji(choice).trim())
    .filter((choice) => choice !== '')
  // Kinds of value (`Number/Percentage`, `Date/time`, `Name or email`) say what to write, not which to pick.
  if (choices.every((choice) => valueKinds.test(choice))) return undefined
  // A slash without spaces between words of a phrase joins just those two (`Link to Issue/PR`): no menu. Three
  // short choices are one still (`Open/In Progress/Done`).
  const shortMenu = choices.length >= 3 && choices.every((choice) => choice.split(/\s+/).length <= 2)
  if (!/\s\/|\/\s|\||\bor\b|,/i.test(inner) && !shortMenu && choices.some((choice) => /\s/.test(choice))) return undefined
  return choices.length >= 2 && choices.every((choice) => choice.length <= 40 && !isPlaceholderValue(choice)) ? choices : undefined
}

const valueKinds =
  /^(?:(?:a|an|the|some)\s+)?(?:number|numbers|count|percentage|percent|%|amount|value|date|time|date-?time|timestamp|duration|name|names|text|description|details|link|links|url|email|e-mail|id|handle|username|ticket|version|hours|minutes)$/i

/** A path or an address, whose slashes offer no choice: `https://…`, `/var/log`, `./x`, `assets/img/cover.png`. */
const pathLike = /^(?:[a-z][a-z+.-]{1,20}:\/\/|\.{0,2}\/)|^[^\s/]+(?:\/[^\s/]+)+\.[a-z][a-z0-9]{0,4}$/i

/**
 * The first of `statuses` that `text` contains as words, case and emoji
 * (proper or mangled) ignored: `✅ Done` and `done (merged)` are `Done`.
 */
export function statusOf(text: string, statuses: readonly string[]): string | undefined {
  // Cheap first: a status not even in the raw text (case and spacing aside) is not in it.
  const loose = text.toLowerCase().replace(/\s+/g, ' ')
  const candidates = statusForms(statuses).filter(({looseForm}) => loose.includes(looseForm))
  if (candidates.length === 0) return undefined
  const words = wordsOf(text)
  return candidates.find(({wordForm}) => words.includes(wordForm))?.status
}

/** Each status with the forms `statusOf` looks for, made once per list of statuses (an option's list serves every file). */
const statusForms = perObject((statuses: readonly string[]) =>
  statuses.map((status) => ({status, looseForm: status.toLowerCase().replace(/\s+/g, ' ').trim(), wordForm: wordsOf(status)}))
)

/**
 * The status an action's status cell names: one of `statuses` in its words,
 * or, for an emoji alone, the status the template's example rows show it
 * with (`✅` for `✅ Done`, in `statusEmoji`).
 */
export function cellStatus(text: string, statuses: readonly string[], statusEmoji: Readonly<Record<string, string>>): string | undefined {
  const named = statusOf(text, statuses)
  if (named !== undefined || stripEmoji(text).trim() !== '') return named
  const shown = statusEmoji[emojiOf(text)]
  return shown === undefined ? undefined : statusOf(shown, statuses)
}

/** Normalised words separated by single spaces and padded (`' in progress '`), emoji removed. */
function wordsOf(text: string): string {
  return ' ' + normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() + ' '
}
