import remarkLint from 'remark-lint'
import remarkLintPostmortemActionItems from 'remark-lint-postmortem-action-items'
import {templateModel} from 'mdast-util-postmortem'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemActionItems]
const id = ' [postmortem-action-items]'

async function messagesOf(path: string, plugins: PluggableList = rule) {
  return summary(await lint(fixture(path), plugins))
}

describe('remark-lint-postmortem-action-items', () => {
  it('passes the clean post-mortem and the template', async () => {
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md')).toEqual([])
    expect(await messagesOf('templates/postmortem-template.md')).toEqual([])
  })

  it('leaves action items written as an HTML table unread, not missing', async () => {
    expect(await messagesOf('timeline-order/html-tables.md')).toEqual([])
  })

  it('reads the table with the template\'s action column when the section holds another before it', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const withCounts = clean.replace('## Action Items\n\n', '## Action Items\n\n| Open | Done |\n| --- | --- |\n| 2 | 3 |\n\n')
    expect(summary(await lint(withCounts, rule))).toEqual([])
    expect(summary(await lint(withCounts.replace('| @developer | 2025-12-12 |', '| developer | 2025-12-12 |'), rule))).toEqual([
      expect.stringMatching(/^141:\d+: Unexpected owner `developer` in action item 1, expected one or more `@handle`/)
    ])
  })

  it('reads the action tables of every tier the template splits its action items into (`### Immediate`, `### Short-Term`), a tier left without one included', async () => {
    const team: PluggableList = [[remarkLintPostmortemActionItems, {template: 'fixtures/templates/tiered-tables.md'}]]
    const clean = String(fixture('teams/tiered-tables/2026-02-08-checkout.md').value)
    expect(summary(await lint(clean, team))).toEqual([])
    // A row of the second tier is action item 2.
    expect(summary(await lint(clean.replace('| SRE Team | 2026-02-15 | 🟡 In Progress |', '| SRE Team | 2026-02-01 | 🟡 In Progress |'), team))).toEqual([
      '107:55: Unexpected due date `2026-02-01` in action item 2, expected it on or after the incident date `2026-02-08`' + id
    ])
    const immediate = /### Immediate \(Complete within 24-48 hours\)\n\n[^#]+/
    const withoutImmediate = clean.replace(immediate, '### Immediate (Complete within 24-48 hours)\n\nNone: the rollback was the immediate action.\n\n')
    expect(summary(await lint(withoutImmediate, team))).toEqual([])
    // No tier with a table: no action items.
    const withoutTables = clean.replace(/\n\| Action \| Owner[^#]+/g, '\nNone.\n\n')
    expect(summary(await lint(withoutTables, team))).toEqual([
      expect.stringMatching(/^\d+:1: Unexpected missing table in `Action Items`, expected a table of actions/)
    ])
  })

  it('accepts team owners, GitLab and Slack handles (`@li.wei`, `@john_doe`), owners joined by `/` or `+`, with a note or after their name (`Dana Lee (@dlee)`), a due date with a note, link-text and marked-up tickets, mojibake statuses and other header names', async () => {
    expect(await messagesOf('action-items/variants-ok.md')).toEqual([])
  })

  it('accepts a role or a name before an owner (`backup @kim`, `lead: @sam`, `Sam Lee @slee`), not words after the last one', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const labelled = clean
      .replace('| @developer |', '| Sam (@sam), backup @kim |')
      .replace('| @devops |', '| lead: @sam, support: @acme/sre |')
      .replace('| @acme/sre |', '| Sam Lee @slee |')
    expect(summary(await lint(labelled, rule))).toEqual([])
    const unlabelled = clean
      .replace('| @developer |', '| @sam, backup |')
      .replace('| @devops |', '| someone from the DBA team |')
      .replace('| @acme/sre |', '| Dana Lee, Sam Park and Kim Ode @kode |')
    expect(summary(await lint(unlabelled, rule))).toEqual([
      expect.stringMatching(/^137:\d+: Unexpected owner `@sam, backup` in action item 1/),
      expect.stringMatching(/^138:\d+: Unexpected owner `someone from the DBA team` in action item 2/),
      expect.stringMatching(/^139:\d+: Unexpected owner `Dana Lee, Sam Park and Kim Ode @kode` in action item 3/)
    ])
  })

  it('reports each bad cell on the cell, quoting it', async () => {
    expect(await messagesOf('action-items/bad-rows.md')).toEqual(
      [
        '137:45: Unexpected owner `Sam` in action item 1, expected one or more `@handle` or `@org/team`',
        '138:5: Unexpected empty action in action item 2, expected what will be done',
        '138:20: Unexpected due date `2025-12-32` in action item 2, expected a date as `YYYY-MM-DD`',
        '138:50: Unexpected ticket `infra 477` in action item 2, expected a ticket matching `^[A-Z][A-Z0-9]+-\\d+$`',
        '139:45: Unexpected owner `@acme/sre, bob` in action item 3, expected one or more `@handle` or `@org/team`',
        '139:62: Unexpected due date `2025-12-01` in action item 3, expected it on or after the incident date `2025-12-10`',
        '139:75: Unexpected status `Maybe` in action item 3, expected `Done`, `In Progress`, `Planned`, `Blocked` or `Cancelled`',
        '140:3: Unexpected duplicate ID `3` in action item 4, expected unique IDs (first in action item 3)'
      ].map((line) => line + id)
    )
  })

  it('reports a missing column once, not per row', async () => {
    expect(await messagesOf('action-items/missing-column.md')).toEqual([
      '135:1: Unexpected action items table without `Owner` column, expected headers `ID`, `Action`, `Owner`, `Due Date`, `Status` and `Ticket`' +
        id
    ])
  })

  it('reports a table without rows', async () => {
    expect(await messagesOf('action-items/no-rows.md')).toEqual([
      '135:1: Unexpected action items table without rows in `Action Items`, expected at least one action' + id
    ])
  })

  it('accepts several tickets in a cell and a ticket\'s address, each by its key, also for the prevention cross-check', async () => {
    const value = String(fixture('examples/2025-12-10-v1.2.4.md').value)
      .replace('| INFRA-477 |', '| INFRA-477, INFRA-478 |')
      .replace('| INFRA-480 |', '| https://jira.example.com/browse/INFRA-480 |')
    expect(value).toContain('INFRA-477, INFRA-478')
    expect(summary(await lint(value, rule))).toEqual([])
    expect(summary(await lint(value.replace('| INFRA-477, INFRA-478 |', '| INFRA-477, soon |'), rule))).toEqual([
      '138:93: Unexpected ticket `INFRA-477, soon` in action item 2, expected a ticket matching `^[A-Z][A-Z0-9]+-\\d+$`' + id
    ])
  })

  it('reports a planned prevention ticket without an action item, on the prevention item', async () => {
    expect(await messagesOf('action-items/prevention-missing.md')).toEqual([
      '132:1: Unexpected ticket `INFRA-482` in `Long-Term Prevention (Planned)` without an action item, expected a row for it in `Action Items`' +
        id
    ])
  })

  it('reads a status written as the template\'s emoji alone (`✅` for its `✅ Done`) as that status, and no other emoji', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const row = '| 2025-12-12 | ✅ Done | INFRA-476 |'
    expect(clean).toContain(row)
    for (const emoji of ['✅', ' ✅ ', '🔄', '⏸️', '⏸']) {
      expect(summary(await lint(clean.replace(row, `| 2025-12-12 | ${emoji} | INFRA-476 |`), rule))).toEqual([])
    }

    for (const other of ['❌', '✅✅', '👍']) {
      expect(summary(await lint(clean.replace(row, `| 2025-12-12 | ${other} | INFRA-476 |`), rule))).toEqual([
        expect.stringMatching(new RegExp(`^137:\\d+: Unexpected status \`${other}\` in action item 1, expected \`Done\``))
      ])
    }

    // An emoji the template shows with two statuses stands for neither.
    const twice = String(fixture('templates/postmortem-template.md').value).replace('‚è∏Ô∏è Planned | INFRA-482', '‚úÖ Planned | INFRA-482')
    expect(twice).not.toBe(String(fixture('templates/postmortem-template.md').value))
    expect(templateModel(twice, 'two.md').roles.actionItems).toMatchObject({statusEmoji: {'🔄': 'In Progress', '⏸': 'Planned'}})
    expect(templateModel(twice, 'two.md').roles.actionItems).not.toHaveProperty('statusEmoji.✅')
  })

  it('follows `statuses`, `ownerPattern` and `ticketPattern`', async () => {
    const messages = await messagesOf('examples/2025-12-10-v1.2.4.md', [
      [
        remarkLintPostmortemActionItems,
        {statuses: ['Done', 'Open'], ownerPattern: '^@(developer|devops|qa)$', ticketPattern: /^INFRA-47\d$/g}
      ]
    ])
    expect(messages).toEqual(
      [
        '138:76: Unexpected status `🔄 In Progress` in action item 2, expected `Done` or `Open`',
        '139:45: Unexpected owner `@acme/sre` in action item 3, expected one or more owners matching `^@(developer|devops|qa)$`',
        '139:70: Unexpected status `⏸️ Planned` in action item 3, expected `Done` or `Open`',
        '139:83: Unexpected ticket `INFRA-480` in action item 3, expected a ticket matching `^INFRA-47\\d$`',
        '140:70: Unexpected status `⏸️ Planned` in action item 4, expected `Done` or `Open`',
        '140:83: Unexpected ticket `INFRA-481` in action item 4, expected a ticket matching `^INFRA-47\\d$`'
      ].map((line) => line + id)
    )
  })

  it('accepts due dates as a month and day (`March 10`, `Mar 12`) where the template\'s due cells show them so, and only there', async () => {
    const team: PluggableList = [[remarkLintPostmortemActionItems, {template: 'fixtures/templates/month-day.md'}]]
    const written = String(fixture('action-items/month-day-dues.md').value)
    expect(summary(await lint(written, team))).toEqual([])
    expect(summary(await lint(written.replace('| Mar 12 |', '| soon |').replace('| March 10 |', '| Feb 30 |'), team))).toEqual([
      '30:44: Unexpected due date `Feb 30` in action item 1, expected a date as `YYYY-MM-DD` or a month and day (`March 3`) [postmortem-action-items]',
      '31:50: Unexpected due date `soon` in action item 2, expected a date as `YYYY-MM-DD` or a month and day (`March 3`) [postmortem-action-items]'
    ])
    // The seed template shows `YYYY-MM-DD`: a month and day is no due date there.
    const seed = String(fixture('examples/2025-12-10-v1.2.4.md').value).replace('| 2025-12-12 |', '| Dec 12 |')
    expect(summary(await lint(seed, rule))).toEqual([expect.stringMatching(/^137:\d+: Unexpected due date `Dec 12` in action item 1, expected a date as `YYYY-MM-DD` \[/)])
  })

  it('takes its statuses from the template\'s status cell when it offers a choice, unless `statuses` is given', async () => {
    const template = 'fixtures/templates/cet-stats.md'
    const document = (status: string) =>
      `# T\n\n**Date**: 2025-11-05\n\n## Maßnahmen (Measures)\n\n| Task | Assignee | ETA | State |\n| --- | --- | --- | --- |\n| a | @b | 2025-11-20 | ${status} |\n`
    expect(summary(await lint(document('✅ Open'), [[remarkLintPostmortemActionItems, {template}]]))).toEqual([])
    expect(summary(await lint(document('Planned'), [[remarkLintPostmortemActionItems, {template}]]))).toEqual([
      '9:25: Unexpected status `Planned` in action item 1, expected `Open` or `Done`' + id
    ])
    expect(summary(await lint(document('Planned'), [[remarkLintPostmortemActionItems, {template, statuses: ['Planned']}]]))).toEqual([])
  })

  it('reads a cell without the invisible characters copied around its text (`@developer` and a zero-width space)', async () => {
    const value = String(fixture('examples/2025-12-10-v1.2.4.md').value).replace('| @developer |', '| @developer\u200B |').replace('| INFRA-476 |', '| \u2060INFRA-476 |')
    expect(value).toContain('@developer\u200B')
    expect(summary(await lint(value, rule))).toEqual([])
  })

  it('reports an empty owner cell as empty, saying what the template asks for', async () => {
    const document = '# T\n\n**Date**: 2025-12-10\n\n## Action Items\n\n| ID | Action | Owner | Due Date | Status | JIRA Ticket |\n|---|---|---|---|---|---|\n| 1 | a |  | 2025-12-12 | Done | INFRA-1 |\n'
    expect(summary(await lint(document, rule))).toEqual([
      '9:9: Unexpected empty owner in action item 1, expected one or more `@handle` or `@org/team`' + id
    ])
  })

  it('reports empty cells as empty, also the last cell of a document that ends with the table, which remark-lint would drop', async () => {
    const document = '# T\n\n**Date**: 2025-12-10\n\n## Action Items\n\n| ID | Action | Owner | Due Date | JIRA Ticket | Status |\n|---|---|---|---|---|---|\n| 1 | a | @sam | | INFRA-1 | |'
    const messages = await lint(document, [remarkLint, ...rule])
    expect(summary(messages)).toEqual([
      '9:16: Unexpected empty due date in action item 1, expected a date as `YYYY-MM-DD`' + id,
      '9:1: Unexpected empty status in action item 1, expected `Done`, `In Progress`, `Planned`, `Blocked` or `Cancelled`' + id
    ])
    // Shown from the start of its row, the last cell's finding no longer points at the text its menu of statuses would replace.
    expect(messages[1]?.place).toMatchObject({start: {line: 9, column: 1}, end: {line: 9, column: 31}})
    expect(messages[1]?.expected).toBeUndefined()
    // Anywhere else, an empty status keeps its place and its menu.
    const [inside] = (await lint(document + '\n\nMore text.\n', [remarkLint, ...rule])).filter((message) => message.reason.includes('status'))
    expect([inside?.column, inside?.expected?.length]).toEqual([28, 5])
  })

  it('leaves a placeholder in a cell to `no-placeholders`', async () => {
    const document = '# T\n\n**Date**: 2025-12-10\n\n## Action Items\n\n| ID | Action | Owner | Due Date | Status | JIRA Ticket |\n|---|---|---|---|---|---|\n| 1 | a | @<owner> | YYYY-MM-DD | Done | INFRA-1 |\n'
    expect(summary(await lint(document, rule))).toEqual([])
  })

  it.each([
    [{statuses: []}, 'unexpected value `[]` for option `statuses`, expected a non-empty array of non-empty strings'],
    [{statuses: 'Done'}, 'unexpected value `"Done"` for option `statuses`'],
    [{ticketPattern: '(['}, 'unexpected value `"(["` for option `ticketPattern`, expected a regular expression'],
    [{ownerPattern: 5}, 'unexpected value `5` for option `ownerPattern`']
  ])('fails on the bad option %j', async (options, reason) => {
    const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [[remarkLintPostmortemActionItems, options]])
    expect(message?.reason).toContain('remark-lint-postmortem-action-items: ' + reason)
    expect(message?.fatal).toBe(true)
  })
})
