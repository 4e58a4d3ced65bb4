import {choicesIn, dateFormatIn, dayIn, headingKey, headingMatches, holdsPlaceholder, listItemDue, ownerText, showsDateTime, showsDuration, shownVersion, valueShape, withoutNotes, isoDateFormat, normalizeText, parseDate, unstatedDateFormat, parseDuration, parseTime, parseVersion, repairMojibake, stripEmoji, timeInstant} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'
import {cpuMilliseconds} from '../../../test/util.js'

describe('normalizeText', () => {
  it.each([
    ['What Went Well?', 'what went well'],
    ['  Lessons   LEARNED: ', 'lessons learned'],
    ['✅ Done', 'done'],
    ['‚úÖ Done', 'done'],
    ['\u{F8FF}üîÑ In Progress', 'in progress'],
    ['‚è∏Ô∏è Planned', 'planned'],
    ['🕒 Incident Timeline', 'incident timeline'],
    ['Café Résumé', 'café résumé'],
    ['Action Items\u200B', 'action items'],
    ['\uFEFFRoot Cause\u2060 Analysis', 'root cause analysis'],
    ['Lessons Learned\u00AD', 'lessons learned'],
    ['How’d We Do?', "how'd we do"],
    ['“Blameless” review – notes', '"blameless" review - notes'],
    ['MASSNAHMEN (MEASURES)', 'massnahmen (measures)'],
    ['Maßnahmen (Measures)', 'massnahmen (measures)'],
    ['GROẞE ÄNDERUNG', 'grosse änderung']
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('repairs mojibake without touching real accented text', () => {
    expect(repairMojibake('‚úÖ ok, café')).toBe('✅ ok, café')
    expect(stripEmoji('⏸️ Planned')).toBe(' Planned')
  })

  it('is linear on long runs of trailing punctuation and mangled characters', async () => {
    const time = await cpuMilliseconds(() => {
      normalizeText('?:'.repeat(200_000) + 'x')
      normalizeText('‚'.repeat(200_000))
    })
    expect(time).toBeLessThan(2000)
  })
})

describe('parseDate', () => {
  it('reads real calendar dates only', () => {
    expect(parseDate('2025-12-10')).toMatchObject({year: 2025, month: 12, date: 10})
    expect(parseDate(' 2024-02-29 ')).toBeDefined()
    expect(parseDate('2025-02-30')).toBeUndefined()
    expect(parseDate('2025-13-01')).toBeUndefined()
    expect(parseDate('10/12/2025')).toBeUndefined()
    expect(parseDate('[YYYY-MM-DD]')).toBeUndefined()
  })
})

describe('dateFormatIn', () => {
  it('reads the date format a template writes, and `YYYY-MM-DD` as the default one', () => {
    expect(dateFormatIn('[YYYY-MM-DD]')).toBe(isoDateFormat)
    expect(dateFormatIn('due DD/MM/YYYY')?.text).toBe('DD/MM/YYYY')
    expect(dateFormatIn('mm/dd/yyyy')?.text).toBe('MM/DD/YYYY')
    expect(dateFormatIn('[DD.MM.YYYY]')?.text).toBe('DD.MM.YYYY')
    expect(dateFormatIn('[TT.MM.JJJJ]')?.text).toBe('TT.MM.JJJJ')
    expect(dateFormatIn('JJ/MM/AAAA')?.text).toBe('JJ/MM/AAAA')
    for (const text of ['[Date]', 'DD/MM/DD', 'YYYY/MM-DD', 'HH:MM', 'XDD/MM/YYYY']) expect(dateFormatIn(text), text).toBeUndefined()
  })

  it.each([
    ['DD/MM/YYYY', '10/12/2025', '2025-12-10'],
    ['DD/MM/YYYY', '4/4/2025', '2025-04-04'],
    ['DD/MM/YYYY', '2025-12-10', '2025-12-10'],
    ['MM/DD/YYYY', '12/10/2025', '2025-12-10'],
    ['DD.MM.YYYY', '10.12.2025', '2025-12-10'],
    ['YYYY/MM/DD', '2025/12/10', '2025-12-10'],
    ['DD-MM-YYYY', '10-12-2025', '2025-12-10'],
    ['TT.MM.JJJJ', '10.12.2025', '2025-12-10'],
    ['JJ/MM/AAAA', '10/12/2025', '2025-12-10']
  ])('reads %s: %s is %s', (format, value, iso) => {
    const date = dateFormatIn(format)?.parse(value)
    expect(date && `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.date).padStart(2, '0')}`).toBe(iso)
    expect(date?.text).toBe(value)
    expect(date?.day).toBe(parseDate(iso)?.day)
  })

  it.each(['31/04/2025', '10/13/2025', '10/12/25', '10-12/2025', '2025/12/10 10:00'])('rejects %s as DD/MM/YYYY', (value) => {
    expect(dateFormatIn('DD/MM/YYYY')?.parse(value)).toBeUndefined()
  })

  it.each([
    ['December 10, 2025', '2025-12-10'],
    ['10 Dec 2025', '2025-12-10'],
    ['Wed, 10 December 2025', '2025-12-10'],
    ['Sept. 3rd 2025', '2025-09-03'],
    ['2025-12-10', '2025-12-10'],
    ['February 30, 2025', undefined],
    ['Decembre 10, 2025', undefined],
    ['De 10, 2025', undefined],
    ['10/12/2025', undefined]
  ])('reads %s where a template shows no format', (value, iso) => {
    const date = unstatedDateFormat.parse(value)
    expect(date?.day).toBe(iso === undefined ? undefined : parseDate(iso)?.day)
    if (date) expect(date.text).toBe(value)
  })

  it('reads timeline date-times and dates in the format', () => {
    const format = dateFormatIn('DD/MM/YYYY')
    expect(parseTime('10/12/2025 14:05 UTC', format)).toMatchObject({kind: 'date-time', instant: Date.UTC(2025, 11, 10, 14, 5)})
    expect(parseTime('10/12/2025 2:05 PM +01:00', format)).toMatchObject({kind: 'date-time', instant: Date.UTC(2025, 11, 10, 13, 5)})
    expect(parseTime('10/12/2025, 14:05', format)).toMatchObject({kind: 'date-time', instant: Date.UTC(2025, 11, 10, 14, 5)})
    expect(parseTime('10/12/2025', format)).toMatchObject({kind: 'date', date: {month: 12, date: 10}})
    expect(parseTime('2025-12-10T14:05Z', format)).toMatchObject({kind: 'date-time'})
    expect(parseTime('10/12/2025 14:05')).toBeUndefined()
    expect(parseTime('10/12/2025 later', format)).toBeUndefined()
  })
})

describe('headingKey', () => {
  it.each([
    ['1. Summary', 'summary'],
    ['2) Customer Impact', 'customer impact'],
    ['3.1 Technical Details', 'technical details'],
    ['3.1. Technical Details', 'technical details'],
    ['🕒 4. Timeline (UTC)', 'timeline (utc)'],
    ['Summary', 'summary'],
    ['2025-12-10 Rollback', '2025-12-10 rollback'],
    ['v1.2.4 Rollback', 'v1.2.4 rollback'],
    ['10:00 Deploy', '10:00 deploy'],
    ['1.', '1.'],
    ['Date: Authors: Status:', 'date: <value> authors: <value> status: <value>'],
    ['Note: read this', 'note: read this'],
    ['Incident Timeline {#timeline}', 'incident timeline'],
    ['Action Items {: .no_toc}', 'action items'],
    ['Impact {#impact .wide data-x=1}', 'impact'],
    ['Outage of {service}', 'outage of {service}'],
    ['Timeline {#}', 'timeline {#}']
  ])('%j is matched as %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key)
  })
})

describe('dayIn and showsDateTime', () => {
  it('reads the day of a date or of a date-time, as the team writes dates', () => {
    expect(dayIn('2026-06-02 17:05 UTC', isoDateFormat)).toMatchObject({year: 2026, month: 6, date: 2})
    expect(dayIn('2026-06-02', isoDateFormat)).toMatchObject({date: 2})
    const format = dateFormatIn('DD/MM/YYYY')
    expect(format && dayIn('03/06/2026 09:00', format)).toMatchObject({month: 6, date: 3})
    expect(dayIn('17:05', isoDateFormat)).toBeUndefined()
    expect(dayIn('T+0:15', isoDateFormat)).toBeUndefined()
  })

  it('tells a date-time placeholder or example from a date and from a time', () => {
    expect(['YYYY-MM-DD HH:MM UTC', '[YYYY-MM-DD HH:MM]', '<DD/MM/YYYY hh:mm>', '[e.g., 2026-01-09 14:02]'].map(showsDateTime)).toEqual([true, true, true, true])
    expect(['YYYY-MM-DD', 'HH:MM', '[Name]', 'at HH:MM on YYYY-MM-DD'].map(showsDateTime)).toEqual([false, false, false, false])
  })
})

describe('parseTime', () => {
  it('reads times of day and ISO 8601 date-times', () => {
    expect(parseTime('10:05')).toEqual({kind: 'time', text: '10:05', seconds: 36_300})
    expect(parseTime('10:05:30')).toMatchObject({seconds: 36_330})
    expect(parseTime('2025-12-10T10:00:00Z')).toMatchObject({instant: Date.UTC(2025, 11, 10, 10)})
    expect(parseTime('2025-12-10 12:00:00+02:00')).toMatchObject({instant: Date.UTC(2025, 11, 10, 10)})
    expect(parseTime('2025-12-10T10:00:00.123Z')).toMatchObject({instant: Date.UTC(2025, 11, 10, 10)})
  })

  it.each([
    ['2025-05-03 14:09', Date.UTC(2025, 4, 3, 14, 9)],
    ['2025-05-03     14:09', Date.UTC(2025, 4, 3, 14, 9)],
    ['2025-05-03t14:09z', Date.UTC(2025, 4, 3, 14, 9)],
    ['2025-05-03 14:09 UTC', Date.UTC(2025, 4, 3, 14, 9)],
    ['2025-05-03 14:09 UTC+2', Date.UTC(2025, 4, 3, 12, 9)],
    ['2025-05-03 14:09 CET', Date.UTC(2025, 4, 3, 13, 9)],
    ['2025-05-03 14:09 -05:00', Date.UTC(2025, 4, 3, 19, 9)],
    ['~2025-05-03 14:09', Date.UTC(2025, 4, 3, 14, 9)],
    ['2025-05-03, 14:09', Date.UTC(2025, 4, 3, 14, 9)],
    ['≈ 2025-05-03T14:09:30Z', Date.UTC(2025, 4, 3, 14, 9, 30)]
  ])('reads the date-time %j', (value, instant) => {
    const time = parseTime(value)
    expect(time && timeInstant(time)).toBe(instant)
  })

  it.each([
    ['Dec 10, 2025 14:05', Date.UTC(2025, 11, 10, 14, 5)],
    ['10 Dec 2025 14:05 UTC', Date.UTC(2025, 11, 10, 14, 5)],
    ['10-Dec-2025 14:05', Date.UTC(2025, 11, 10, 14, 5)],
    ['December 10, 2025 at 2:05 PM', Date.UTC(2025, 11, 10, 14, 5)],
    ['Wed, Dec 10, 2025 14:05 CET', Date.UTC(2025, 11, 10, 13, 5)]
  ])('reads the date-time with its month by name %j', (value, instant) => {
    const time = parseTime(value)
    expect(time?.kind).toBe('date-time')
    expect(time && timeInstant(time)).toBe(instant)
  })

  it.each([
    ['Dec 10 14:05', 50_700],
    ['December 10, 14:05', 50_700],
    ['Wed Dec 10 14:05 UTC', 50_700],
    ['Feb 29 09:00', 32_400]
  ])('reads a month-and-day date-time without its year %j as its time of day, with its month and day', (value, seconds) => {
    expect(parseTime(value)).toMatchObject({kind: 'time', text: value, seconds})
    expect(parseTime(value)).toHaveProperty('monthDay.month')
  })

  it.each(['Dec 32 14:05', 'Step 3 14:05', 'Dec 10 25:05', 'Feb 30, 2025 10:00'])('rejects the named-month date-time %j', (value) => {
    expect(parseTime(value)).toBeUndefined()
  })

  it('reads a date alone as its whole day, and a time of day with its own zone', () => {
    expect(parseTime('2025-05-03')).toMatchObject({kind: 'date', date: {year: 2025, month: 5, date: 3}})
    const time = parseTime('23:52 UTC')
    expect(time).toEqual({kind: 'time', text: '23:52 UTC', seconds: 85_920, offsetMinutes: 0})
    expect(time && timeInstant(time, parseDate('2025-11-02'), 60)).toBe(Date.UTC(2025, 10, 2, 23, 52))
  })

  it.each(['10:61:00', '24:00', 'TBD', '', '2025-02-30T10:00Z', '10h5', '25h05', '10h05m', '20255-06-12 09:40', '2025-05-?? HH:mm', '--:--', '13:05 PM', '0:30 AM', '10:05 XYZ', '14:05-14:30', '10:00+14:30', '14:05hx', '2025-05-03,14:09'])('rejects %j', (value) => {
    expect(parseTime(value)).toBeUndefined()
  })

  it.each([
    ['10:05 AM', 36_300],
    ['2:05 PM', 50_700],
    ['2:05pm', 50_700],
    ['2:05:30 p.m.', 50_730],
    ['12:10 AM', 600],
    ['12:10 PM', 43_800],
    ['11:59 PM UTC', 86_340]
  ])('reads the 12-hour time %j', (value, seconds) => {
    expect(parseTime(value)).toMatchObject({kind: 'time', seconds})
  })

  it.each([
    ['T+0', 0],
    ['T0', 0],
    ['T+0:15', 900],
    ['T-0:10', -600],
    ['T+1:05:30', 3930],
    ['T+15m', 900],
    ['T + 15 min', 900],
    ['T−5m', -300],
    ['T+1h 05m', 3900],
    ['t+1h05m', 3900],
    ['T+90s', 90],
    ['T+15', 900],
    ['~T+20m', 1200]
  ])('reads the relative time %j', (value, seconds) => {
    expect(parseTime(value)).toEqual({kind: 'relative', text: value, seconds})
  })

  it.each(['T+soon', 'T+', 'T10:00', 'T5m', 'T+0:75', 'T+1 fortnight'])('rejects the relative time %j', (value) => {
    expect(parseTime(value)).toBeUndefined()
  })

  it.each([
    ['14h05', 50_700],
    ['9h05', 32_700],
    ['14:05 Uhr', 50_700],
    ['14h05 UTC', 50_700],
    ['14:05h', 50_700],
    ['14:05:30h', 50_730]
  ])('reads the French, Dutch or German clock %j', (value, seconds) => {
    expect(parseTime(value)).toMatchObject({kind: 'time', text: value, seconds})
    expect(parseTime(`2026-03-04 ${value}`)).toMatchObject({kind: 'date-time', instant: Date.UTC(2026, 2, 4) + seconds * 1000})
  })

  it('reads a 12-hour date-time with its zone', () => {
    const time = parseTime('2025-05-03 2:09 PM EST')
    expect(time && timeInstant(time)).toBe(Date.UTC(2025, 4, 3, 19, 9))
  })

  it('gives a time of day the date and offset of its row', () => {
    const time = parseTime('10:00')
    const date = parseDate('2025-12-10')
    expect(time && timeInstant(time, date, 120)).toBe(Date.UTC(2025, 11, 10, 8))
  })
})

describe('parseDuration', () => {
  it.each([
    ['8 minutes', 8],
    ['3 min', 3],
    ['90 seconds', 1.5],
    ['1 hour 5 minutes', 65],
    ['1h 5m', 65],
    ['1.5 hours', 90],
    ['0 minutes', 0],
    ['1 hour, 5 minutes', 65],
    ['1 hour and 5 minutes', 65],
    ['8 minutes (deploy start to rollback complete)', 8],
    ['1 day', 1440],
    ['2 days 3 hours', 3060],
    ['1d 2h', 1560],
    ['PT8M', 8],
    ['P1DT2H', 1560],
    ['PT1H30M15S', 90.25],
    ['~8 minutes', 8],
    ['about 8 minutes', 8],
    ['Approx. 1h 5m', 65],
    ['roughly 90 seconds', 1.5],
    ['≈ 8 minutes', 8],
    ['8 min.', 8],
    ['34 Minuten', 34],
    ['2 Std. 5 Min.', 125],
    ['1,5 Stunden', 90],
    ['ca. 8 Minuten', 8],
    ['1 heure et 5 minutes', 65],
    ['2 horas', 120],
    ['14:02 - 14:41', 39],
    ['14:02–14:41 UTC', 39],
    ['23:50 to 00:20', 30],
    ['14h02 à 14h41', 39],
    ['14:02 bis 14:41 Uhr', 39],
    ['2026-04-09T14:02Z - 2026-04-09T16:10Z', 128],
    ['14:02 - 14:41 (39 minutes)', 39],
    ['most of the morning (about 3 hours)', 180],
    ['00:47:00', 47],
    ['0:47', 47],
    ['1:05', 65],
    ['~01:30:30', 90.5],
    ['00:47:00 (deploy start to rollback complete)', 47],
    ['about an hour', 60],
    ['an hour and 5 minutes', 65],
    ['one day', 1440],
    ['half an hour', 30],
    ['eine Stunde', 60],
    ['une heure', 60],
    ['una hora', 60],
    ['1h05', 65],
    ['1 h 05', 65],
    ['1 hora e 20 minutos', 80],
    ['35 分钟', 35],
    ['1小时20分钟', 80],
    ['2時間', 120],
    ['90分', 90],
    ['1시간 20분', 80],
    ['35분', 35]
  ])('%j is %d minutes', (value, minutes) => {
    expect(parseDuration(value)?.minutes).toBe(minutes)
  })

  it.each([
    ['7-9 minutes', 7, 9],
    ['7–9 min', 7, 9],
    ['~7 - 9 minutes (deploy start to rollback completion)', 7, 9],
    ['1 to 2 hours', 60, 120],
    ['5-10m', 5, 10],
    ['1,5-2 Stunden', 90, 120],
    ['8 minutes', 8, 8]
  ])('%j spans %d to %d minutes', (value, minutes, maxMinutes) => {
    expect(parseDuration(value)).toMatchObject({minutes, maxMinutes})
  })

  it('keeps the note', () => {
    expect(parseDuration('0 minutes (rollback before traffic)')?.note).toBe('rollback before traffic')
    // The duration stated in parentheses after words that are none: those words are the note.
    expect(parseDuration('most of the morning (about 3 hours)')?.note).toBe('most of the morning')
  })

  it.each([
    '',
    'soon',
    '8',
    'minutes',
    '8 parsecs',
    '[Time from deploy start to rollback completion]',
    'P',
    'PT',
    'P1DT',
    'XXX minutes',
    '8 Parsec',
    '[Start Time] - [End Time] (X hours Y minutes)',
    '2026-04-09T16:10Z - 2026-04-09T14:02Z',
    '14:02 - later',
    '0:7',
    '1:75',
    '00:47:00:00',
    'a while',
    'a few minutes',
    'an hour or so',
    '9-7 minutes',
    '7-9 parsecs'
  ])(
    'rejects %j',
    (value) => {
      expect(parseDuration(value)).toBeUndefined()
    }
  )
})

describe('parseVersion', () => {
  it('reads semver with an optional v', () => {
    expect(parseVersion('v1.2.4')?.version).toBe('1.2.4')
    expect(parseVersion('2.0.0-rc.1')?.version).toBe('2.0.0-rc.1')
    expect(parseVersion('[e.g., v1.2.4]')).toBeUndefined()
    expect(parseVersion('1.2')).toBeUndefined()
  })
})

describe('valueShape', () => {
  it.each([
    ['[YYYY-MM-DD]', 'date'],
    ['<YYYY-MM-DD>', 'date'],
    ['{{ DD/MM/YYYY }}', 'date'],
    ['YYYY-MM-DD', 'date'],
    ['[e.g., 2025-12-10]', 'date'],
    ['vX.Y.Z', 'version'],
    ['[e.g., v1.2.4]', 'version'],
    ['[z. B. v2.4.1]', 'version'],
    ['[TT.MM.JJJJ]', 'date'],
    ['<x.y.z>', 'version'],
    ['1.2.3', 'version'],
    ['v2.0.0-rc.1', 'version'],
    ['[Name]', undefined],
    ['YYYY-MM-DD HH:MM', undefined],
    ['[Date of the incident]', undefined],
    ['[Time from deploy start to rollback completion]', undefined],
    ['Q1 2025', undefined]
  ])('%s is %s', (value, shape) => {
    expect(valueShape(value)).toBe(shape)
  })
})

describe('showsDuration and shownVersion: what a template value shows', () => {
  it.each([
    ['[X Minuten]', true],
    ['N minutes', true],
    ['<N> min', false],
    ['8 minutes', true],
    ['[Time from deploy start to rollback completion]', false],
    ['X', false],
    ['10:00', false],
    ['[e.g., 10:00:00]', false]
  ])('%s shows a duration: %s', (value, shows) => {
    expect(showsDuration(value)).toBe(shows)
  })

  it('reads the example version after any lead-in, and nothing without its v', () => {
    expect(shownVersion('[z. B. v2.4.0]')?.version).toBe('2.4.0')
    expect(shownVersion('[e.g., v1.2.3]')?.version).toBe('1.2.3')
    expect(shownVersion('1.2.3')).toBeUndefined()
    expect(shownVersion('vX.Y.Z')).toBeUndefined()
  })
})

describe('headingMatches: a template heading with a placeholder stands for the headings that fill it in', () => {
  it.each([
    ['postmortem: <title>', 'postmortem: cache stampede', true],
    ['postmortem: <title>', 'postmortem: <title>', true],
    ['postmortem: <title>', 'postmortem', false],
    ['postmortem: <title>', 'summary', false],
    ['[service] rollback of {{version}}', 'checkout rollback of v4.2.0', true],
    ['[service] rollback of {{version}}', 'rollback of v4.2.0', false],
    ['<a> and <b>', 'x and y and z', true],
    ['summary', 'summary', true],
    ['summary', 'summaries', false],
    ['yyyy-mm-dd', '2026-01-09', true],
    ['day dd/mm/yyyy', 'day 09/01/2026', true],
    ['release vx.y.z', 'release v8.1.0', true],
    ['incident xxx', 'incident 4411', true],
    ['yyyy-mm-dd', 'yyyy-mm-dd', true],
    ['2015-10-21 (all times utc)', '2026-01-21 (all times utc)', true],
    ['2015-10-21 (all times utc)', 'notes', false],
    [headingKey('Date: Authors: Status:'), headingKey('Date: 2024-05-02 Authors: kim, lou Status: resolved'), true],
    [headingKey('Date: Authors: Status:'), headingKey('Date: 2024-05-02 Authors: kim'), false]
  ])('%j matches %j: %s', (template, heading, matches) => {
    expect(headingMatches(template, heading)).toBe(matches)
  })

  it('is linear on long headings and many placeholders', async () => {
    const time = await cpuMilliseconds(() => {
      headingMatches('<a> x <b> x <c> x <d> y', 'x '.repeat(100_000))
      headingMatches('[a]' + ' b[c]'.repeat(20), ' b'.repeat(100_000))
    })
    expect(time).toBeLessThan(2000)
  })
})

describe('listItemDue', () => {
  it.each([
    ['Pin timeouts — @sam — due 2025-12-20', '2025-12-20'],
    ['Pin timeouts (owner: @sam, due: 20/12/2025, ticket: OPS-1)', '20/12/2025'],
    ['Pin timeouts, Due date: 2025-12-20.', '2025-12-20'],
    ['Pin timeouts, due by 2025-12-20', '2025-12-20'],
    ['Retry due to the outage', undefined],
    ['Backfill what the outage of 2025-12-09 lost', undefined],
    ['Pin timeouts — due soon', undefined]
  ])('%s: %s', (text, due) => {
    expect(listItemDue(text)).toBe(due)
  })
})

describe('holdsPlaceholder', () => {
  const template = {placeholders: ['[GitHub Issue #]', '[Time from deploy start to rollback completion]'], valueMarkers: ['TODO']}
  it.each([
    ['[YYYY-MM-DD]', true],
    ['[GitHub Issue #]', true],
    ['[e.g., v1.2.4]', true],
    ['<owner>', true],
    ['<例: 約 18 分>', true],
    ['XXX', true],
    ['T+X', true],
    ['T + N min', true],
    ['T+5m', false],
    ['#123', false],
    ['[see the runbook]', false],
    ['vX.Y.Z', true],
    ['x.y.z', true],
    ['v2.4.1', false],
    ['TBD', true],
    ['Q1 (FIXME)', true],
    ['TODO', false],
    ['Todo', false]
  ])('%s: %s', (value, holds) => {
    expect(holdsPlaceholder(value, template)).toBe(holds)
  })
})

describe('ownerText', () => {
  it.each([
    ['Dana Lee (@dlee)', '@dlee'],
    ['Dana Lee (@dlee), @sre', '@dlee, @sre'],
    ['@sam (platform)', '@sam'],
    ['@acme/sre', '@acme/sre'],
    ['Sam', 'Sam'],
    ['Dana Lee (platform lead)', 'Dana Lee']
  ])('%s: %s', (text, owners) => {
    expect(ownerText(text)).toBe(owners)
  })

  it('is linear on long words and runs of spaces before a parenthesis', async () => {
    const time = await cpuMilliseconds(() => {
      ownerText('a'.repeat(200_000) + ' (x')
      ownerText('ab '.repeat(70_000) + '(@x')
      withoutNotes(' '.repeat(200_000) + '(x')
      listItemDue('due '.repeat(50_000))
    })
    expect(time).toBeLessThan(2000)
  })
})

describe('holdsPlaceholder: handles that name a part, not a person; a number left as a letter', () => {
  it.each([
    ['@handle', true],
    ['@Owner', true],
    ['@sam, @someone', true],
    ['Dana Lee (@assignee)', true],
    ['@owner-team', false],
    ['@owners', false],
    ['@name.surname', false],
    ['@acme/owner', false],
    ['ops@owner.example', false],
    ['@sam', false],
    ['@author', true],
    ['N minutes', true],
    ['X hours', true],
    ['Plan X minutes ahead', true],
    ['Plan B minutes', false],
    ['N/A', false]
  ])('%s: %s', (value, held) => {
    expect(holdsPlaceholder(value, {placeholders: [], valueMarkers: []})).toBe(held)
  })
})

describe('choicesIn: a value that offers a choice, not an example that holds a slash', () => {
  it.each([
    ['SEV1 / SEV2 / SEV3', ['SEV1', 'SEV2', 'SEV3']],
    ['[Draft | Final]', ['Draft', 'Final']],
    ['例外 / 通常', ['例外', '通常']],
    ['e.g., checkout API / payments', undefined],
    ['例: 約 5,000 人 / 全体の 10%', undefined],
    ['例：検索 / おすすめ', undefined],
    ['z. B. Suche / Empfehlungen', undefined],
    ['assets/img/covers/post-mortem_template.png', undefined],
    ['https://status.example.com/incidents', undefined],
    ['./runbooks/db', undefined],
    ['v1.2/v1.3', ['v1.2', 'v1.3']],
    [`${'‡ÄÄ'.repeat(200)} / Done`, undefined],
    // Kinds of value say what to write, not which to pick.
    ['[Number/Percentage]', undefined],
    ['Date / time', undefined],
    ['a name or an email', undefined],
    ['[Number/Percentage/Unknown]', ['Number', 'Percentage', 'Unknown']],
    // An unspaced slash in a phrase joins two words, not the whole.
    ['[Link to Issue/PR]', undefined],
    ['[Link to runbook/dashboard/alert]', undefined],
    ['[Open/In Progress/Done]', ['Open', 'In Progress', 'Done']],
    ['[Free/Pro/Enterprise]', ['Free', 'Pro', 'Enterprise']],
    ['Draft / Under Review / Approved', ['Draft', 'Under Review', 'Approved']]
  ])('%s', (value, choices) => {
    expect(choicesIn(value)).toEqual(choices)
  })

  it('reads an example lead-in in any of these languages before a shown value', () => {
    expect(valueShape('例：2026-01-09')).toBe('date')
    expect(valueShape('예: v2.4.1')).toBe('version')
  })
})
