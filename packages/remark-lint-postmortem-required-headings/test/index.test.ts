import remarkLint from 'remark-lint'
import remarkLintPostmortemRequiredHeadings from 'remark-lint-postmortem-required-headings'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemRequiredHeadings]
const clean = 'examples/2025-12-10-v1.2.4.md'

async function messagesOf(path: string, plugins: PluggableList = rule) {
  return summary(await lint(fixture(path), plugins))
}

describe('remark-lint-postmortem-required-headings', () => {
  it('passes the clean post-mortem and the unfilled template', async () => {
    expect(await messagesOf(clean)).toEqual([])
    expect(await messagesOf('templates/postmortem-template.md')).toEqual([])
  })

  it('passes with front matter, CRLF line endings and a BOM', async () => {
    expect(await messagesOf('required-headings/front-matter-crlf-bom.md')).toEqual([])
  })

  it('matches headings typed with straight quotes and dashes to a template\'s typographic ones (`How’d We Do?`)', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/typographic.md'}]]
    const document = (howd: string, didnt: string, whys: string) =>
      `# Postmortem: queue stall\n\n**Date**: 2026-05-02\n\n## Overview\n\nThe queue stalled.\n\n## ${howd}\n\n### What Went Well\n\n- Alerts\n\n### ${didnt}\n\n- Paging\n\n## ${whys}\n\n1. Config\n`
    expect(summary(await lint(document("How'd We Do?", "What Didn't Go So Well", '"Five Whys" - Root Cause'), team))).toEqual([])
    expect(summary(await lint(document('How’d We Do?', 'What Didn’t Go So Well', '“Five Whys” — Root Cause'), team))).toEqual([])
  })

  it('matches a heading with an invisible character copied into it (`Action Items` and a zero-width space)', async () => {
    const value = String(fixture(clean).value).replace('## Action Items', '## Action Items\u200B').replace('## Lessons Learned', '## \u2060Lessons Learned')
    expect(value).toContain('Action Items\u200B')
    expect(summary(await lint(value, rule))).toEqual([])
  })

  it('matches sections with an anchor (`## Root Cause Analysis <a id="rca"></a>`), a closing `##` or bold text, and names them without it', async () => {
    const value = String(fixture(clean).value)
      .replace('## Root Cause Analysis', '## Root Cause Analysis <a id="rca"></a>')
      .replace('## Incident Timeline', '## Incident Timeline ##')
      .replace('## Action Items', '## **Action Items**')
    expect(value).toContain('<a id="rca"></a>')
    expect(summary(await lint(value, rule))).toEqual([])
    const messages = summary(await lint(value.replace('### What Happened?', '## What Happened?'), rule))
    expect(messages).toContain('50:1: Unexpected empty section `Root Cause Analysis`, expected content before the next heading [postmortem-required-headings]')
    expect(messages.filter((message) => message.includes('<a'))).toEqual([])
  })

  it('matches sections with the attributes a site generator reads (`## Incident Timeline {#timeline}`, `{: .no_toc}`)', async () => {
    const value = String(fixture(clean).value)
      .replace('## Incident Timeline', '## Incident Timeline {#timeline}')
      .replace('## Action Items', '## Action Items {: .no_toc}')
    expect(value).toContain('{#timeline}')
    expect(summary(await lint(value, rule))).toEqual([])
    // A near miss's fix replaces the words and keeps the attributes.
    const [nearMiss] = await lint(value.replace('## Lessons Learned', '## Lessons Learnt {#lessons}'), rule)
    expect(nearMiss?.reason).toBe('Unexpected section `Lessons Learnt`, expected `Lessons Learned`')
    expect([nearMiss?.place, nearMiss?.actual, nearMiss?.expected]).toEqual([
      {start: {line: 142, column: 4}, end: {line: 142, column: 18}},
      'Lessons Learnt',
      ['Lessons Learned']
    ])
  })

  it('offers a new rank or a missing section as a fix only where applying it moves no other section from under its parent', async () => {
    const value = String(fixture(clean).value)
    // `### Lessons Learned` back to `##` takes its subsections back: offered.
    const demoted = (await lint(value.replace('## Lessons Learned', '### Lessons Learned'), rule)).find((message) => message.reason.startsWith('Unexpected rank'))
    expect([demoted?.reason, demoted?.expected]).toEqual(['Unexpected rank 3 for section `Lessons Learned`, expected rank 2 (## Lessons Learned)', ['##']])
    // With the next section demoted too, `Detection and Response` made `##` would adopt `### Impact Assessment`: not offered;
    // `Impact Assessment` made `##` takes its own subsections back: offered.
    const flattened = (
      await lint(value.replace('## Detection and Response', '### Detection and Response').replace('## Impact Assessment', '### Impact Assessment'), rule)
    ).filter((message) => message.reason.startsWith('Unexpected rank'))
    expect(flattened.map((message) => [message.reason, message.expected])).toEqual([
      ['Unexpected rank 3 for section `Detection and Response`, expected rank 2 (## Detection and Response)', undefined],
      ['Unexpected rank 3 for section `Impact Assessment`, expected rank 2 (## Impact Assessment)', ['##']]
    ])
    // A missing rank 2 section inserted above a rank 3 one would adopt it: reported there, not offered.
    const withoutSummary = value.replace(/## Executive Summary\n[\s\S]*?(?=## Constitutional Compliance)/, '').replace('## Constitutional Compliance', '### Constitutional Compliance')
    const missing = (await lint(withoutSummary, rule)).find((message) => message.reason.startsWith('Unexpected missing section'))
    expect([missing?.reason, missing?.line, missing?.expected]).toEqual(['Unexpected missing section `Executive Summary`, expected it as the first section', 10, undefined])
  })

  it('matches sections whatever their numbers (`1. Executive Summary`, `3) …`, `4.2 …`), in the document or the template', async () => {
    const value = String(fixture(clean).value)
      .replace('## Executive Summary', '## 1. Executive Summary')
      .replace('## Root Cause Analysis', '## 3) Root Cause Analysis')
      .replace('### Why Did It Happen?', '### 4.2 Why Did It Happen?')
    expect(value).toContain('### 4.2 Why Did It Happen?')
    expect(summary(await lint(value, rule))).toEqual([])
    // The lists team numbers its template's sections; a post-mortem that renumbers them still has them.
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/lists.md'}]]
    const renumbered = String(fixture('teams/lists/2025-11-03-v2.14.0.md').value).replace(/^## (\d+)\. /gm, (_, n: string) => `## ${Number(n) + 1}. `)
    expect(renumbered).toContain('## 2. Summary')
    expect(summary(await lint(renumbered, team))).toEqual([])
    expect(summary(await lint(renumbered.replace('## 2. Summary', '## 2. Sumary'), team))).toEqual([
      expect.stringMatching(/Unexpected section `2\. Sumary`, expected `1\. Summary`/)
    ])
  })

  it('takes the template\'s labels over `---` (a heading by accident) as written fields, and names the fields left out', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/setext-fields.md'}]]
    const written = String(fixture('teams/setext-fields/2024-05-02-db.md').value)
    expect(summary(await lint(written, team))).toEqual([])
    // Written as a paragraph of fields, without the `---` that made them a heading.
    expect(summary(await lint(written.replace('Status: resolved\n---\n', 'Status: resolved\n'), team))).toEqual([])
    expect(summary(await lint(written.replace('Status: resolved\n', ''), team))).toEqual([
      '2:1: Unexpected missing field `Status`, expected `Status: …` as the template\'s `Date: Authors: Status:` asks [postmortem-required-headings]'
    ])
    expect(summary(await lint(written.replace('Authors: kim, lou\nStatus: resolved\n---\n', ''), team))).toEqual([
      '2:1: Unexpected missing field `Authors`, expected `Authors: …` as the template\'s `Date: Authors: Status:` asks [postmortem-required-headings]',
      '2:1: Unexpected missing field `Status`, expected `Status: …` as the template\'s `Date: Authors: Status:` asks [postmortem-required-headings]'
    ])
  })

  it('asks nothing below a heading the template leaves empty but for its placeholder (`## Customer refund owed: [yes/no]`)', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/heading-answers.md'}]]
    const value = [
      '# Incident review',
      '## Incident:\n\nINC-42, card payments failing',
      '## Date:\n\n2026-02-03',
      '## Root cause:\n\nA pool size of 1.',
      '## Metrics\n\n14 minutes of errors.',
      '## Customer refund owed: no',
      '## Action items:\n\n1. Check pool sizes in CI\n'
    ].join('\n\n')
    expect(summary(await lint(value, team))).toEqual([])
    // A label heading (`## Date:`) may hold its answer: `## Date: 2026-02-03`.
    expect(summary(await lint(value.replace('## Incident:\n\nINC-42, card payments failing', '## Incident: INC-42').replace('## Date:\n\n2026-02-03', '## Date: 2026-02-03'), team))).toEqual([])
    // A section the template leaves empty without a placeholder still asks for content.
    expect(summary(await lint(value.replace('14 minutes of errors.', ''), team))).toEqual([
      '15:1: Unexpected empty section `Metrics`, expected content before the next heading [postmortem-required-headings]'
    ])
  })

  it('matches a template heading with a placeholder (`## Postmortem: <title>`) to the heading that fills it in', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/heading-placeholder.md'}]]
    const value = String(fixture('teams/heading-placeholder/cache-stampede.md').value)
    expect(value).toContain('## Postmortem: cache stampede on deploy\n')
    expect(summary(await lint(value, team))).toEqual([])
    expect(summary(await lint(value.replace('## Postmortem: cache stampede on deploy', '## Postmortem:'), team))).toEqual([
      '6:1: Unexpected section `Summary` under `Postmortem:`, expected it under `Postmortem: <title>` [postmortem-required-headings]',
      '10:1: Unexpected section `Timeline` under `Postmortem:`, expected it under `Postmortem: <title>` [postmortem-required-headings]',
      '17:1: Unexpected section `Action items` under `Postmortem:`, expected it under `Postmortem: <title>` [postmortem-required-headings]',
      '22:1: Unexpected missing section `Postmortem: <title>`, expected it as the first section [postmortem-required-headings]'
    ])
  })

  it('matches a heading that is a placeholder alone (`### YYYY-MM-DD`) at its rank and under its parent only', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/day-tables.md'}]]
    const value = String(fixture('teams/day-tables/2026-02-11-billing.md').value)
    expect(value).toContain('### 2026-02-11\n')
    expect(value).toContain('### 2026-02-12\n')
    expect(summary(await lint(value, team))).toEqual([])
    // `## Root causes` took the place of the day heading, and was not the near miss it is.
    expect(summary(await lint(value.replace('## Root cause\n', '## Root causes\n'), team))).toEqual([
      '29:4: Unexpected section `Root causes`, expected `Root cause` [postmortem-required-headings]'
    ])
    // A subsection of another section before the timeline is an extra one, not the first day under the wrong parent.
    expect(summary(await lint(value.replace('## Timeline\n', '### Detail\n\nx\n\n## Timeline\n'), team))).toEqual([])
  })

  it('leaves a repeated placeholder heading kept as written (`### [Date and time]`, one per event) to no-placeholders, in any place', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/heading-events.md'}]]
    const value = String(fixture('teams/heading-events/2026-02-11--archive-uploads.md').value)
    expect(summary(await lint(value, team))).toEqual([])
    expect(summary(await lint(value.replace('### 2026-02-11 10:05', '### [Date and time]'), team))).toEqual([])
    expect(summary(await lint(value.replace('### 2026-02-11 10:48', '### [Date and time]'), team))).toEqual([])
  })

  it('allows as many titles as a template has (an introduction above its example\'s own title), and reports one more', async () => {
    const team: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/filled-example.md'}]]
    const value = String(fixture('teams/filled-example/2026-01-21-search.md').value)
    expect(value).toContain('# Example post-mortem\n')
    expect(value).toContain('# Search outage (incident #131)\n')
    expect(summary(await lint(value, team))).toEqual([])
    expect(summary(await lint(value.replace('## Action Items\n', '# Follow-up\n\n## Action Items\n'), team))).toEqual([
      '16:1: Unexpected title `Follow-up`, expected at most 2 rank 1 headings, as the template has (first on line 1) [postmortem-required-headings]'
    ])
  })

  it('reads a rank 1 heading that names a template section (`# Appendix`) as that section at the wrong rank, not a second title and a missing section', async () => {
    const value = String(fixture(clean).value).replace('## Appendix', '# Appendix')
    expect(value).toContain('\n# Appendix\n')
    const messages = await lint(value, rule)
    expect(summary(messages)).toEqual(['162:1: Unexpected rank 1 for section `Appendix`, expected rank 2 (## Appendix) [postmortem-required-headings]'])
    expect(messages[0]).toMatchObject({place: {start: {line: 162, column: 1}, end: {line: 162, column: 2}}, expected: ['##']})
    // A rank 1 heading no template section has is still a second title.
    expect(summary(await lint(value.replace('## Recommendations', '# Next steps'), rule))).toEqual([
      '157:1: Unexpected second title `Next steps`, expected one rank 1 heading (first on line 1) [postmortem-required-headings]',
      '162:1: Unexpected rank 1 for section `Appendix`, expected rank 2 (## Appendix) [postmortem-required-headings]',
      '162:1: Unexpected missing section `Recommendations`, expected it after `Lessons Learned` [postmortem-required-headings]'
    ])
  })

  it('takes a title from front matter (`title: …`), as site generators show it and markdownlint\'s MD041 reads it', async () => {
    expect(await messagesOf('required-headings/front-matter-title.md')).toEqual([])
    const body = String(fixture(clean).value).replace(/^# .*\n/, '')
    expect(summary(await lint(`---\ntitle: ""\nauthor: sam\n---\n${body}`, rule))).toEqual([
      '6:1: Unexpected missing title, expected one rank 1 heading (`# …`) at the start [postmortem-required-headings]'
    ])
    expect(summary(await lint(body, rule))).toEqual(['2:1: Unexpected missing title, expected one rank 1 heading (`# …`) at the start [postmortem-required-headings]'])
  })

  it('sets rule id, source, url and a position on every message', async () => {
    const [message] = await lint(fixture('required-headings/missing-section.md'), rule)
    expect(message).toMatchObject({
      ruleId: 'postmortem-required-headings',
      source: 'remark-lint',
      url: 'https://www.npmjs.com/package/remark-lint-postmortem-required-headings#readme'
    })
    expect(message?.place).toBeDefined()
  })

  it.each([
    [
      'missing-section.md',
      '92:1: Unexpected missing section `Impact Assessment`, expected it after `Detection and Response` [postmortem-required-headings]'
    ],
    [
      'wrong-rank.md',
      '28:1: Unexpected rank 3 for section `Incident Timeline`, expected rank 2 (## Incident Timeline) [postmortem-required-headings]'
    ],
    [
      'out-of-order.md',
      '142:1: Unexpected position of section `Recommendations`, expected it after `Lessons Learned` [postmortem-required-headings]'
    ],
    [
      'duplicated.md',
      '142:1: Unexpected duplicate section `Action Items`, expected it once (first on line 133) [postmortem-required-headings]'
    ],
    [
      'near-miss.md',
      '142:4: Unexpected section `Lessons Learnt`, expected `Lessons Learned` [postmortem-required-headings]'
    ],
    [
      'empty-section.md',
      '99:1: Unexpected empty section `Business Impact`, expected content before the next heading [postmortem-required-headings]'
    ],
    [
      'missing-title.md',
      '1:1: Unexpected missing title, expected one rank 1 heading (`# …`) at the start [postmortem-required-headings]'
    ],
    [
      'headings-in-code.md',
      '173:1: Unexpected missing section `Appendix`, expected it after `Recommendations` [postmortem-required-headings]'
    ]
  ])('reports %s with exactly one message', async (name, expected) => {
    expect(await messagesOf('required-headings/' + name)).toEqual([expected])
  })

  it('allows extra sections by default and reports them with `allowExtra: false`', async () => {
    expect(await messagesOf('required-headings/extra-section.md')).toEqual([])
    expect(
      await messagesOf('required-headings/extra-section.md', [[remarkLintPostmortemRequiredHeadings, {allowExtra: false}]])
    ).toEqual([
      '157:1: Unexpected section `Customer Communication`, expected only the template\'s sections [postmortem-required-headings]'
    ])
  })

  it('accepts empty sections with `allowEmpty: true`', async () => {
    expect(
      await messagesOf('required-headings/empty-section.md', [[remarkLintPostmortemRequiredHeadings, {allowEmpty: true}]])
    ).toEqual([])
  })

  it('follows a team template given by `template`, relative to the file cwd', async () => {
    const teamRule: PluggableList = [
      [remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/team-template.md'}]
    ]
    expect(await messagesOf('required-headings/team-template-ok.md', teamRule)).toEqual([])
    expect(await messagesOf('required-headings/team-template-ok.md')).toContain(
      '26:1: Unexpected missing section `Executive Summary`, expected it as the first section [postmortem-required-headings]'
    )
    expect(await messagesOf(clean, teamRule)).toEqual([
      '193:1: Unexpected missing section `Summary`, expected it as the first section [postmortem-required-headings]',
      '193:1: Unexpected missing section `Timeline`, expected it after `Summary` [postmortem-required-headings]',
      '193:1: Unexpected missing section `Follow-Up`, expected it after `Timeline` [postmortem-required-headings]',
      '193:1: Unexpected missing section `Compliance`, expected it after `Follow-Up` [postmortem-required-headings]'
    ])
  })

  it('matches headings with emoji, mangled emoji, other case and trailing punctuation', async () => {
    const file = fixture(clean)
    file.value = String(file.value)
      .replace('## Incident Timeline', '## 🕒 incident   TIMELINE:')
      .replace('### What Went Well?', '### ‚úÖ What went well')
    expect(summary(await lint(file, rule))).toEqual([])
  })

  it('matches a heading that adds or drops a note in parentheses (`Incident Timeline (all times UTC)`), where no other heading has the same words', async () => {
    const file = fixture(clean)
    file.value = String(file.value).replace('## Incident Timeline\n', '## Incident Timeline (all times UTC)\n').replace('### What Went Well?\n', '### What Went Well? (team view)\n')
    expect(summary(await lint(file, rule))).toEqual([])

    const bilingual: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/cet-stats.md'}]]
    const written = String(fixture('teams/cet-stats/lager-sync.md').value)
    expect(written).toContain('\n## Maßnahmen (Measures)\n')
    expect(summary(await lint(written, bilingual))).toEqual([])
    expect(summary(await lint(written.replace('\n## Maßnahmen (Measures)\n', '\n## Maßnahmen\n'), bilingual))).toEqual([])

    // Two template headings with the same words and other notes: a heading without a note is neither.
    const twice = '# T\n\n## Impact (customers)\n\nx\n\n## Impact (internal)\n\nx\n'
    const twoImpacts: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/required-headings/two-impacts.md'}]]
    expect(summary(await lint(twice, twoImpacts))).toEqual([])
    expect(summary(await lint(twice.replace('## Impact (internal)', '## Impact'), twoImpacts))).toEqual([
      '10:1: Unexpected missing section `Impact (internal)`, expected it after `Impact (customers)` [postmortem-required-headings]'
    ])
  })

  it('matches a heading in upper case, where `ß` is written `SS` (`MASSNAHMEN` for the template\'s `Maßnahmen`)', async () => {
    const german: PluggableList = [[remarkLintPostmortemRequiredHeadings, {template: 'fixtures/templates/de.md'}]]
    const document = String(fixture('teams/de/2026-02-17-v3.8.0.md').value)
    expect(document).toContain('\n## Maßnahmen\n')
    expect(summary(await lint(document.replace(/^## (.+)$/gm, (_, text: string) => `## ${text.toUpperCase()}`), german))).toEqual([])
  })

  it('is silenced by `<!--lint disable postmortem-required-headings-->`', async () => {
    const file = fixture('required-headings/missing-section.md')
    file.value = '<!--lint disable postmortem-required-headings-->\n\n' + String(file.value)
    expect(summary(await lint(file, [remarkLint, ...rule]))).toEqual([])
  })

  it.each([
    [{allowExtra: 'yes'}, 'unexpected value `"yes"` for option `allowExtra`, expected `true` or `false`'],
    [{allowEmpty: 1}, 'unexpected value `1` for option `allowEmpty`, expected `true` or `false`'],
    [{template: 'no-such-file.md'}, 'cannot read `no-such-file.md`'],
    [{template: ''}, 'unexpected value `""` for option `template`'],
    [{allowextra: false}, 'unexpected option `allowextra`, expected `template`, `allowExtra`, `allowEmpty`'],
    ['yes', 'unexpected options `"yes"`, expected an object']
  ])('fails on the bad option %j, whatever the severity', async (options, reason) => {
    const messages = await lint(fixture(clean), [[remarkLintPostmortemRequiredHeadings, ['warn', options]]])
    expect(messages).toHaveLength(1)
    expect(messages[0]?.reason).toContain('remark-lint-postmortem-required-headings: ' + reason)
    expect(messages[0]?.fatal).toBe(true)
  })
})
