import {remark} from 'remark'
import remarkLintPostmortemTimelineOrder from 'remark-lint-postmortem-timeline-order'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemTimelineOrder]
const id = ' [postmortem-timeline-order]'
const readable = 'expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)'

async function messagesOf(path: string) {
  return summary(await lint(fixture(path), rule))
}

describe('remark-lint-postmortem-timeline-order', () => {
  it('passes the clean post-mortem and the template', async () => {
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md')).toEqual([])
    expect(await messagesOf('templates/postmortem-template.md')).toEqual([])
  })

  it('leaves a timeline written as an HTML table unread, not missing', async () => {
    expect(await messagesOf('timeline-order/html-tables.md')).toEqual([])
    const value = String(fixture('timeline-order/html-tables.md').value).replace(/<table>[^]*?<\/table>/, 'No table.')
    expect(summary(await lint(value, rule))).toEqual([
      '28:1: Unexpected missing table in `Incident Timeline`, expected a table of times and events [postmortem-timeline-order]'
    ])
  })

  it('accepts ISO date-times with offsets, mixed rows, equal times and marked-up values', async () => {
    expect(await messagesOf('timeline-order/iso-mixed-ok.md')).toEqual([])
  })

  it('names both rows and both times when a row is earlier than the one before', async () => {
    expect(await messagesOf('timeline-order/out-of-order.md')).toEqual([
      '39:1: Unexpected time `10:04:30` in timeline row 6, earlier than `10:05:00` in row 5, expected rows in chronological order' +
        id
    ])
  })

  it('reads a time-only timeline that jumps back by more than 12 hours as crossing midnight', async () => {
    expect(await messagesOf('timeline-order/midnight.md')).toEqual([])
    const jumpBack = '# T\n\n**Date**: 2025-12-10\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:00 | a |\n| 23:50 | b |\n| 00:10 | c |\n| 00:05 | d |\n'
    expect(summary(await lint(jumpBack, rule))).toEqual([
      '12:1: Unexpected time `00:05` in timeline row 4, earlier than `00:10` in row 3, expected rows in chronological order' + id
    ])
  })

  it('reads 12-hour times (`11:50 AM`, `1:05 pm`) across noon', async () => {
    const table = (rows: string[]) =>
      `# T\n\n**Date**: 2025-12-10\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n${rows.map((row) => `| ${row} | e |\n`).join('')}`
    expect(summary(await lint(table(['11:50 AM', '12:05 PM', '1:05 pm', '1:30 p.m.']), rule))).toEqual([])
    expect(summary(await lint(table(['11:50 AM', '1:05 PM', '12:30 PM']), rule))).toEqual([
      '11:1: Unexpected time `12:30 PM` in timeline row 3, earlier than `1:05 PM` in row 2, expected rows in chronological order' + id
    ])
  })

  it('reads a time left in the brackets of the template\'s placeholder (`[9:05 AM]` for `[hh:mm AM/PM]`), in a table or a list', async () => {
    const table = (rows: string[]) =>
      `# T\n\n**Date**: 2025-12-10\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n${rows.map((row) => `| ${row} | e |\n`).join('')}`
    expect(summary(await lint(table(['[9:05 AM]', '[9:40 AM]', '10:02 AM']), rule))).toEqual([])
    expect(summary(await lint(table(['[9:05 AM]', '[9:40 AM]', '[8:02 AM]']), rule))).toEqual([
      '11:1: Unexpected time `[8:02 AM]` in timeline row 3, earlier than `[9:40 AM]` in row 2, expected rows in chronological order' + id
    ])
    const list: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/setext-plain.md'}]]
    const items = (times: string[]) => `# T\n\nDate: 2026-02-11\n\n## Timeline\n\n${times.map((time) => `- [${time}] - event\n`).join('')}`
    expect(summary(await lint(items(['09:12', '09:15']), list))).toEqual([])
    expect(summary(await lint(items(['09:15', '09:12']), list))).toEqual([
      '8:4: Unexpected time `09:12` in timeline item 2, earlier than `09:15` in item 1, expected items in chronological order' + id
    ])
  })

  it('reads date-times with the month by name (`Dec 10, 2025 14:05`), with their year or without it', async () => {
    const table = (rows: string[]) =>
      `# T\n\n**Date**: 2025-12-10\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n${rows.map((row) => `| ${row} | e |\n`).join('')}`
    expect(summary(await lint(table(['10 Dec 2025 10:00', 'December 10, 10:01', 'Dec 10 10:02 UTC', '10-Dec-2025 10:03', 'Wed Dec 10 10:04']), rule))).toEqual([])
    expect(summary(await lint(table(['Dec 10, 2025 23:50', 'Dec 11, 2025 00:10', 'Dec 10, 2025 23:55']), rule))).toEqual([
      '11:1: Unexpected time `Dec 10, 2025 23:55` in timeline row 3, earlier than `Dec 11, 2025 00:10` in row 2, expected rows in chronological order' + id
    ])
    // Without the year, the day still counts: dated in the header date's year, not read across midnight.
    expect(summary(await lint(table(['Dec 10 23:50', 'Dec 11 00:10', 'Dec 12 09:00', 'Dec 12 10:00']), rule))).toEqual([])
    expect(summary(await lint(table(['Dec 10 23:50', 'Dec 12 09:00', 'Dec 11 23:00']), rule))).toEqual([
      '11:1: Unexpected time `Dec 11 23:00` in timeline row 3, earlier than `Dec 12 09:00` in row 2, expected rows in chronological order' + id
    ])
  })

  it('finds a timeline list whose template items count from a moment with a placeholder (`- T+X: Mitigation started`)', async () => {
    const team: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/relative-steps.md'}]]
    const written = String(fixture('timeline-order/relative-steps.md').value)
    expect(summary(await lint(written, team))).toEqual([])
    expect(summary(await lint(written.replace('T+31m: Rollback', 'T+3m: Rollback'), team))).toEqual([
      '16:3: Unexpected time `T+3m` in timeline item 3, earlier than `T+6m` in item 2, expected items in chronological order' + id
    ])
  })

  it('finds a timeline of numbered time slots (`- T0:`, `- T1:`) and reads the time written after a slot kept', async () => {
    const team: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/time-slots.md'}]]
    const written = String(fixture('teams/time-slots/2026-09-09-queue.md').value)
    expect(written).toContain('- 16:31: Queue depth alert')
    expect(summary(await lint(written.replace('- 16:31: Queue depth alert', '- 16:10: Queue depth alert'), team))).toEqual([
      '19:3: Unexpected time `16:10` in timeline item 2, earlier than `16:20` in item 1, expected items in chronological order' + id
    ])
    const slotted = written.replace('- 16:20: ', '- T0: 16:20 ').replace('- 16:31: ', '- T1: 16:31 ').replace('- 16:42: ', '- T2 - 16:42 ')
    expect(summary(await lint(slotted, team))).toEqual([])
    expect(summary(await lint(slotted.replace('- T1: 16:31 ', '- T1: 16:10 '), team))).toEqual([
      '19:7: Unexpected time `16:10` in timeline item 2, earlier than `16:20` in item 1, expected items in chronological order' + id
    ])
    // A slot left as the template has it holds no time.
    expect(summary(await lint(slotted.replace('- T1: 16:31 Queue depth alert', '- T1:'), team))).toEqual([
      '19:3: Unexpected timeline item 2 without a time, expected it to start with `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)' + id
    ])
  })

  it('reads times counted from a moment (`T+0:15`, `T-10m`), as a team template writes them, apart from clock times', async () => {
    const relative: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/relative.md'}]]
    const clean = String(fixture('teams/relative/2026-03-04-payments.md').value)
    expect(clean).toContain('| T-0:12 | Deploy of v3.8.0 started |')
    expect(summary(await lint(clean, relative))).toEqual([])
    expect(summary(await lint(clean.replace('| T+0:04 |', '| T+25m |'), relative))).toEqual([
      '26:1: Unexpected time `T+0:22` in timeline row 4, earlier than `T+25m` in row 3, expected rows in chronological order' + id
    ])
    expect(summary(await lint(clean.replace('| T+0:04 |', '| T+a bit |'), relative))).toEqual([
      "25:1: Unexpected time `T+a bit` in timeline row 3, expected a time counted from the timeline's moment (`T+0:15`, `T-5m`, `T+1h 05m`)" + id
    ])
    // A clock time among relative ones counts from another origin: neither before nor after them.
    expect(summary(await lint(clean.replace('| T-0:12 |', '| 13:58 UTC |'), relative))).toEqual([])

    const list = (items: string[]) => `# T\n\n## What Happened\n\n${items.map((item) => `- ${item} — e\n`).join('')}`
    const listRule: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/timeline-order/list-template.md'}]]
    expect(summary(await lint(list(['T-5m', 'T0', 'T+1h', 'T+1h 05m']), listRule))).toEqual([])
    expect(summary(await lint(list(['T0', 'T+10m', 'T+5m']), listRule))).toEqual([
      '7:3: Unexpected time `T+5m` in timeline item 3, earlier than `T+10m` in item 2, expected items in chronological order' + id
    ])
  })

  it('reads a timeline grouped by day in tables (`### 2026-02-11`, a table each) table after table', async () => {
    const days: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/day-tables.md'}]]
    const clean = String(fixture('teams/day-tables/2026-02-11-billing.md').value)
    expect(summary(await lint(clean, days))).toEqual([])
    const swapped = clean.replace('| 00:05 | Rollback to v4.0.3 started |\n| 00:15 | Rollback complete, previews correct |', '| 00:15 | Rollback complete, previews correct |\n| 00:05 | Rollback to v4.0.3 started |')
    expect(summary(await lint(swapped, days))).toEqual([
      '27:1: Unexpected time `00:05` in timeline row 4, earlier than `00:15` in row 3, expected rows in chronological order' + id
    ])
    expect(summary(await lint(clean.replace('### 2026-02-12', '### 2026-02-10'), days))).toEqual([
      '26:1: Unexpected time `00:05` in timeline row 3, earlier than `23:52` in row 2, expected rows in chronological order' + id
    ])
    // A day heading with a trailing colon (`### 2026-02-11:`) names its day all the same.
    expect(summary(await lint(swapped.replace(/^(### 2026-02-1[12])$/gm, '$1:'), days))).toEqual([
      '27:1: Unexpected time `00:05` in timeline row 4, earlier than `00:15` in row 3, expected rows in chronological order' + id
    ])
  })

  it('reads the timeline under a heading with a note the template leaves out (`## Incident Timeline (all times UTC)`)', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value).replace('## Incident Timeline\n', '## Incident Timeline (all times UTC)\n')
    expect(summary(await lint(clean, rule))).toEqual([])
    expect(summary(await lint(clean.replace('| 10:00:00 | Deployment triggered |', '| 10:59:00 | Deployment triggered |'), rule))).toEqual([
      '35:1: Unexpected time `10:01:30` in timeline row 2, earlier than `10:59:00` in row 1, expected rows in chronological order' + id
    ])
  })

  it('reads the table with the template\'s time column when the section holds another before it', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const withFigures = clean.replace('All times are UTC on 2025-12-10.\n', 'All times are UTC on 2025-12-10.\n\n| Figure | Value |\n| --- | --- |\n| Error rate | 12% |\n')
    expect(summary(await lint(withFigures, rule))).toEqual([])
    expect(summary(await lint(withFigures.replace('| 10:00:00 | Deployment triggered |', '| 10:59:00 | Deployment triggered |'), rule))).toEqual([
      '39:1: Unexpected time `10:01:30` in timeline row 2, earlier than `10:59:00` in row 1, expected rows in chronological order' + id
    ])
  })

  it('reads a time range (`09:00 - 11:00`) as lasting from its first time to its second, and an estimate written `10:45~`', async () => {
    const table = (rows: string[]) =>
      `# T\n\n**Date**: 2025-12-10\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n${rows.map((row) => `| ${row} | e |\n`).join('')}`
    expect(summary(await lint(table(['08:00', '2025-12-10 09:00 - 11:00', '10:30', '10:45~', '11:30', '23:30–00:30', '00:15']), rule))).toEqual([])
    expect(summary(await lint(table(['09:00 to 09:30', '08:50']), rule))).toEqual([
      '10:1: Unexpected time `08:50` in timeline row 2, earlier than `09:00 to 09:30` in row 1, expected rows in chronological order' + id
    ])
    // A time with its offset is no range: `12:00-05:00` is 17:00 UTC.
    expect(summary(await lint(table(['2025-12-10 16:00Z', '2025-12-10 12:00-05:00', '2025-12-10 17:10Z']), rule))).toEqual([])
    expect(summary(await lint(table(['2025-12-10 17:30Z', '2025-12-10 12:00-05:00']), rule))).toEqual([
      '10:1: Unexpected time `2025-12-10 12:00-05:00` in timeline row 2, earlier than `2025-12-10 17:30Z` in row 1, expected rows in chronological order' + id
    ])
  })

  it('reads every day of a timeline grouped under day headings with a note (`### 2026-01-21 (all times UTC)`)', async () => {
    const team: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/filled-example.md'}]]
    const clean = String(fixture('teams/filled-example/2026-01-21-search.md').value)
    expect(clean).toContain('### 2026-01-22 (all times UTC)\n\n- 00:04 Probe alert fires')
    expect(summary(await lint(clean, team))).toEqual([])
    expect(summary(await lint(clean.replace('- 00:16 OUTAGE ENDS', '- 00:01 OUTAGE ENDS'), team))).toEqual([
      '43:3: Unexpected time `00:01` in timeline item 4, earlier than `00:04` in item 3, expected items in chronological order' + id
    ])
  })

  it('finds a timeline list whose template items start with a time placeholder in code (`` `<TIME>` - event ``)', async () => {
    const team: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/timeline-order/code-time-template.md'}]]
    const document = (times: string[]) => `# Cache - POSTMORTEM\n\n## Timeline\n\n${times.map((time) => `* \`${time}\` - event\n`).join('')}`
    expect(summary(await lint(document(['10:01', '10:05']), team))).toEqual([])
    expect(summary(await lint(document(['10:05', '10:01']), team))).toEqual([
      '6:3: Unexpected time `10:01` in timeline item 2, earlier than `10:05` in item 1, expected items in chronological order' + id
    ])
  })

  it('reads a timeline written as lines (`10:02 - release published<br>`), each line an item, under day headings or not', async () => {
    const team: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/templates/braces.md'}]]
    const clean = String(fixture('teams/braces/2025-09-14-docs-build.md').value)
    expect(clean).toContain('### 2025-09-14\n\n10:02 - release 5.1.0 published<br>\n10:20 - readers')
    expect(summary(await lint(clean, team))).toEqual([])
    expect(summary(await lint(clean.replace('10:20 - readers', '09:20 - readers'), team))).toEqual([
      '16:1: Unexpected time `09:20` in timeline item 2, earlier than `10:02` in item 1, expected items in chronological order' + id
    ])
    const undated = clean.replace('### 2025-09-14\n\n', '')
    expect(summary(await lint(undated.replace('10:41 - cache', '10:4x - cache'), team))).toEqual([
      "15:1: Unexpected time `10:4x` in timeline item 3, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)" + id
    ])
  })

  it('reports unreadable and empty times on their cells, and leaves a `TBD` there to no-placeholders', async () => {
    expect(String(fixture('timeline-order/unreadable.md').value).split('\n')[40]).toMatch(/^\| TBD \|/)
    expect(await messagesOf('timeline-order/unreadable.md')).toEqual([
      `40:1: Unexpected time \`10:61:00\` in timeline row 7, ${readable}${id}`,
      `42:1: Unexpected empty time in timeline row 9, ${readable}${id}`
    ])
  })

  it('reports a table without rows and a timeline without a table', async () => {
    expect(await messagesOf('timeline-order/no-rows.md')).toEqual([
      '32:1: Unexpected timeline table without rows in `Incident Timeline`, expected at least one event' + id
    ])
    expect(await messagesOf('timeline-order/no-table.md')).toEqual([
      '28:1: Unexpected missing table in `Incident Timeline`, expected a table of times and events' + id
    ])
  })

  it('says that remark-gfm must be enabled when the table was not parsed', async () => {
    const file = await remark().use(rule).process(fixture('examples/2025-12-10-v1.2.4.md'))
    expect(summary(file.messages)).toEqual([
      '32:1: Unexpected paragraph starting with `|` in `Incident Timeline`, expected a table: the table was not parsed, enable `remark-gfm`' +
        id
    ])
  })

  it('stays silent when the timeline section is missing', async () => {
    expect(summary(await lint('# Post-mortem\n\n## Executive Summary\n\nShort.\n', rule))).toEqual([])
  })

  describe('a template whose timeline is a list', () => {
    const listRule: PluggableList = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/timeline-order/list-template.md'}]]

    it('reads the time each item starts with, bold, code, emoji or zone around it, and skips nested notes', async () => {
      expect(summary(await lint(fixture('timeline-order/list.md'), listRule))).toEqual([
        '13:3: Unexpected time `2025-12-11T00:15:00Z` in timeline item 6, earlier than `2025-12-11 00:20` in item 5, expected items in chronological order' +
          id
      ])
    })

    it('reports an item without a time, a time that is none, and a section without a list', async () => {
      const document = (items: string) => `# T\n\n**Date**: 2025-12-10\n\n## What Happened\n\n${items}\n## Next Steps\n\n- a (@b)\n`
      // `HH:MM` left in is `no-placeholders`' to report.
      expect(summary(await lint(document('- 10:00 — a\n- We waited\n- 1O:15 — b\n- HH:MM — c\n'), listRule))).toEqual([
        `8:3: Unexpected timeline item 2 without a time, expected it to start with ${readable.replace('expected ', '')}${id}`,
        `9:3: Unexpected time \`1O:15\` in timeline item 3, ${readable}${id}`
      ])
      expect(summary(await lint(document('We deployed at 10:00 and rolled back at 10:20.\n'), listRule))).toEqual([
        '5:1: Unexpected missing list in `What Happened`, expected a list of events, each starting with its time' + id
      ])
    })

    it('reads a date and a broken clock as that unreadable date-time, and a joined range as a range, not a zone', async () => {
      const document = (items: string) => `# T\n\n**Date**: 2025-12-10\n\n## What Happened\n\n${items}\n## Next Steps\n\n- a (@b)\n`
      expect(summary(await lint(document('- 2025-12-10 10:00 a\n- 2025-12-10 25:40 b\n'), listRule))).toEqual([
        `8:3: Unexpected time \`2025-12-10 25:40\` in timeline item 2, ${readable}${id}`
      ])
      // `-14:30` is no zone's offset: `14:05-14:30` lasts until 14:30, so 14:40 comes after it.
      expect(summary(await lint(document('- 2025-12-10 14:05-14:30 a\n- 2025-12-10 14:40 b\n'), listRule))).toEqual([])
    })

    it('stays silent when the template names a timeline but holds neither a table nor a list of times', async () => {
      const prose = [[remarkLintPostmortemTimelineOrder, {template: 'fixtures/timeline-order/prose-template.md'}]] satisfies PluggableList
      expect(summary(await lint('# T\n\n## Timeline\n\n- Deploy started, then we looked around\n', prose))).toEqual([])
    })
  })

  it('has only the `template` option', async () => {
    const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [
      [remarkLintPostmortemTimelineOrder, {rollover: true}]
    ])
    expect(message?.reason).toBe('remark-lint-postmortem-timeline-order: unexpected option `rollover`, expected `template`')
  })
})
