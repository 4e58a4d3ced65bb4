import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import remarkLintPostmortemNoPlaceholders from 'remark-lint-postmortem-no-placeholders'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, root, scratchFolder, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemNoPlaceholders]
const id = ' [postmortem-no-placeholders]'

async function messagesOf(path: string) {
  return summary(await lint(fixture(path), rule))
}

describe('remark-lint-postmortem-no-placeholders', () => {
  it('passes the clean post-mortem', async () => {
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md')).toEqual([])
  })

  it('never inspects code, HTML comments, link text or URLs, nor brackets that are not template-shaped', async () => {
    expect(await messagesOf('no-placeholders/not-inspected-ok.md')).toEqual([])
  })

  it('reports each leftover on its own node, quoting it', async () => {
    expect(await messagesOf('no-placeholders/leftovers.md')).toEqual(
      [
        '12:1: Unexpected template guidance `Brief 2-3 sentence summary of what happened, the root cau…`, expected your own text',
        '56:1: Unexpected template lead-in `Example:`, expected your own text instead of the template\'s example',
        '61:12: Unexpected `TODO` marker, expected the work done or the line removed',
        '80:14: Unexpected blank `____________________`, expected it filled in or removed',
        '175:3: Unexpected `FIXME` marker, expected the work done or the line removed',
        '189:18: Unexpected template placeholder `[SRE Lead, Engineering Manager]`, expected a value'
      ].map((line) => line + id)
    )
  })

  it('reports the unfilled template throughout', async () => {
    const messages = await messagesOf('templates/postmortem-template.md')
    expect(messages).toContain('4:11: Unexpected template placeholder `[YYYY-MM-DD]`, expected a value' + id)
    expect(messages).toContain('67:1: Unexpected template lead-in `Example (5 Whys):`, expected your own text instead of the template\'s example' + id)
    expect(messages).toContain('291:25: Unexpected template placeholder `[Name]`, expected a value' + id)
    // A value in code that holds placeholders (the storage path to fill in).
    expect(messages).toContain(
      '305:23: Unexpected template placeholder `contexts/retrospectives/deployment-rollbacks/[YYYY-MM-DD]-[failed-version].md`, expected a value' + id
    )
    expect(messages).toHaveLength(53)
  })

  it('reports a time counted from the moment left as its placeholder (`T+X`), not one filled in (`T+31m`)', async () => {
    const team: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/relative-steps.md'}]]
    const written = String(fixture('timeline-order/relative-steps.md').value)
    expect(summary(await lint(written, team))).toEqual([])
    expect(summary(await lint(written.replace('T+31m: Rollback', 'T+X: Rollback'), team))).toEqual([
      '16:3: Unexpected placeholder `T+X`, expected a value' + id
    ])
  })

  it('reports a version left as its placeholder in a value (`vX.Y.Z`, `x.y.z`), not a version written', async () => {
    const header = (failed: string, restored: string) => `# T\n\n**Date**: 2025-12-10\n**Failed Version**: ${failed}\n**Rolled Back To**: ${restored}\n`
    expect(summary(await lint(header('v2.4.1', 'v2.4.0'), rule))).toEqual([])
    expect(summary(await lint(header('vX.Y.Z', 'x.y.z'), rule))).toEqual(
      ['4:21: Unexpected placeholder `vX.Y.Z`, expected a value', '5:21: Unexpected placeholder `x.y.z`, expected a value'].map((line) => line + id)
    )
  })

  it('reports the template\'s ellipsis for an answer left in (`1. ...`, `- ...`, `Team attribution: ...`), and no ellipsis in prose', async () => {
    const team: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/ellipsis.md'}]]
    const written = String(fixture('no-placeholders/ellipsis-answered.md').value)
    expect(summary(await lint(written, team))).toEqual([])
    const unanswered = written
      .replace('2. Team attribution: Runner team', '2. Team attribution: ...')
      .replace('   1. 6 minutes.', '   1. ...')
      .replace('- Canary the manager on one shard first.', '- …')
      .replace('The rollback took 4 minutes.', 'The rollback took 4 minutes... then it worked.')
    expect(summary(await lint(unanswered, team))).toEqual([
      '6:22: Unexpected template placeholder `...`, expected a value' + id,
      '22:7: Unexpected template placeholder `...`, expected a value' + id,
      '34:3: Unexpected template placeholder `…`, expected a value' + id
    ])
    // A template without the ellipsis placeholder: an ellipsis is anyone's.
    expect(summary(await lint(unanswered, rule)).filter((line) => line.includes('`...`') || line.includes('`…`'))).toEqual([])
  })

  it('reads a template that keeps trailing spaces on its lines as the same template (`<Root cause.>   `)', async () => {
    const template = readFileSync(join(root, 'fixtures/templates/relative.md'), 'utf8')
    expect(template).toContain('\n<Root cause.>\n')
    const spaced = join(scratchFolder('no-placeholders-'), 'template.md')
    writeFileSync(spaced, template.replace(/([^ \n])\n/g, '$1   \n'))
    const written = String(fixture('teams/relative/2026-05-14-search.md').value)
    const reported = '32:1: Unexpected template placeholder `<Root cause.>`, expected a value' + id
    expect(summary(await lint(written, [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/relative.md'}]]))).toContain(reported)
    expect(summary(await lint(written, [[remarkLintPostmortemNoPlaceholders, {template: spaced}]]))).toContain(reported)
  })

  it('reports the template\'s guidance lines kept with hard breaks (two trailing spaces, `\\`) as the lines they are', async () => {
    const team: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/prompts.md'}]]
    const written = String(fixture('teams/prompts/2026-03-03-deploy.md').value)
    const lines = '*Who was affected? (Users, Developers, CI)*\n*How long did it last?*\n'
    expect(written).toContain(lines)
    const reported = '11:1: Unexpected template guidance `Who was affected? (Users, Developers, CI) How long did it…`, expected your own text' + id
    expect(summary(await lint(written, team))).toContain(reported)
    for (const hardBreak of ['  \n', '\\\n']) {
      expect(summary(await lint(written.replace(lines, lines.replace('*\n*', `*${hardBreak}*`)), team))).toContain(reported)
    }
  })

  it('reports a section left as the template\'s questions (`- What led to the incident?`), not one that answers them', async () => {
    const team: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/bullet-questions.md'}]]
    const written = String(fixture('teams/bullet-questions/inc-2026-017.md').value)
    const rootCause = /## Root Cause\n\n[^#]+/
    const withRootCause = (content: string) => written.replace(rootCause, `## Root Cause\n\n${content}\n\n`)
    expect(summary(await lint(written, team))).toEqual([])
    expect(summary(await lint(withRootCause('- What led to the incident?'), team))).toEqual([
      '20:1: Unexpected template guidance `What led to the incident?` as the content of `Root Cause`, expected your own text' + id
    ])
    // Answered in the list, or below the question kept as a heading of sorts.
    expect(summary(await lint(withRootCause('- What led to the incident? A retry cap read in seconds.'), team))).toEqual([])
    expect(summary(await lint(withRootCause('- What led to the incident?\n\nA retry cap read in seconds.'), team))).toEqual([])
    // A list of links (`- [Blameless RCA Guideline](…)`) is a reference every document keeps: no question list.
    const references: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/questions.md'}]]
    const guidelines = String(fixture('teams/questions/2026-06-02-registry.md').value)
    expect(guidelines).toContain('[Blameless RCA Guideline]')
    expect(summary(await lint(guidelines, references))).toEqual([])
  })

  it('reports the template\'s questions left under its lead-in (`Start with the following:`), not questions with text of the document\'s own before them', async () => {
    const team: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/incident-review.md'}]]
    const written = String(fixture('teams/incident-review/2026-03-04-checkout.md').value)
    const questions = String(fixture('templates/incident-review.md').value).match(/1\. How was the incident detected\?[^#]+/)?.[0].trim() ?? ''
    expect(questions.split('\n')).toHaveLength(7)
    const response = /## Detection & Response\n\n[^#]+/
    const withResponse = (content: string) => written.replace(response, `## Detection & Response\n\n${content}\n\n`)
    const unanswered = '29:1: Unexpected template guidance `How was the incident detected?; How could detection time …` as the content of `Detection & Response`, expected your own text' + id
    expect(summary(await lint(written, team))).toEqual([])
    expect(summary(await lint(withResponse(`Start with the following:\n\n${questions}`), team))).toEqual([unanswered])
    // Without the lead-in the questions are still the template's.
    expect(summary(await lint(withResponse(questions), team))).toEqual([unanswered.replace('29:1', '27:1')])
    // Text of the document's own before the list answers them.
    expect(summary(await lint(withResponse(`The SLO alert paged the on-call in six minutes, and the rollback runbook covered the rest.\n\n${questions}`), team))).toEqual([])
  })

  it('reports an action row kept as the template\'s sample with only its placeholders filled, not a timeline\'s sample event with its time', async () => {
    const footer: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/footer.md'}]]
    const payments = String(fixture('teams/footer/2025-02-12-payments.md').value)
    expect(summary(await lint(payments, footer))).toEqual([])
    expect(
      summary(await lint(payments.replace('| Count rows in the BIN import | @dana | 2025-02-26 | In Progress |', '| Add a check that would have caught this | @team | 2025-02-26 | Backlog |'), footer))
    ).toEqual([
      '29:1: Unexpected template example row `| TASK-01 | Add a check that would have caught this | @te…` in `5. Action Items` with only its placeholders filled in, expected your own' + id
    ])
    // `| HH:MM | First error spike in logs | System |`: what real timelines say too.
    const tiers: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/tiered-tables.md'}]]
    const checkout = String(fixture('teams/tiered-tables/2026-02-08-checkout.md').value)
    expect(checkout).toContain('| 14:27 | First error spike in logs | System |')
    expect(summary(await lint(checkout, tiers))).toEqual([])
  })

  it('reports a field left with the template\'s question as its value (`Data Loss: Was there any data loss or corruption?`), not one answered', async () => {
    const team: PluggableList = [[remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/numbered-sections.md'}]]
    const written = String(fixture('teams/numbered-sections/2026-10-02-ledger.md').value)
    const dataLoss = /- \*\*Data Loss:\*\* .*/
    expect(summary(await lint(written.replace(dataLoss, '- **Data Loss:** Was there any data loss or corruption?'), team))).toEqual([
      '22:3: Unexpected template guidance `Was there any data loss or corruption?` as the value of `Data Loss`, expected your own text' + id
    ])
    expect(summary(await lint(written.replace(dataLoss, '- **Data Loss:** Was there any data loss or corruption? None.'), team))).toEqual([])
    // The same question under another label is no leftover of that label.
    expect(summary(await lint(written.replace(dataLoss, '- **Notes:** Was there any data loss or corruption?'), team))).toEqual([])
  })

  it('knows the generic placeholder shapes of any template', async () => {
    const messages = summary(
      await lint('**Owner**: [Name]\n\nDone by [e.g., Friday] in [X minutes or less], on [YYYY-MM-DD].\n', [
        [remarkLintPostmortemNoPlaceholders, {template: 'fixtures/templates/team-template.md'}]
      ])
    )
    expect(messages).toEqual(
      [
        '1:12: Unexpected template placeholder `[Name]`, expected a value',
        '3:9: Unexpected template placeholder `[e.g., Friday]`, expected a value',
        '3:27: Unexpected template placeholder `[X minutes or less]`, expected a value',
        '3:51: Unexpected template placeholder `[YYYY-MM-DD]`, expected a value'
      ].map((line) => line + id)
    )
  })

  it('reports placeholder tokens joined into one unknown value once (`2022-05-?? HH:mm`), tokens apart one by one', async () => {
    const table = (cells: string[]) =>
      `# T\n\n**Date**: 2025-12-10\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n${cells.map((cell) => `| ${cell} | e |\n`).join('')}`
    expect(summary(await lint(table(['2022-05-?? HH:mm', '??:??', '2021/22-??-?? HH:mm', 'HH:mm or XXX']), rule))).toEqual(
      [
        '9:11: Unexpected placeholder `?? HH:mm`, expected a value',
        '10:3: Unexpected placeholder `??:??`, expected a value',
        '11:11: Unexpected placeholder `??-?? HH:mm`, expected a value',
        '12:3: Unexpected placeholder `HH:mm`, expected a value',
        '12:12: Unexpected placeholder `XXX`, expected a value'
      ].map((line) => line + id)
    )
  })
})
