import remarkLintPostmortemTimelineDuration from 'remark-lint-postmortem-timeline-duration'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemTimelineDuration]
const id = ' [postmortem-timeline-duration]'

async function messagesOf(path: string, plugins: PluggableList = rule) {
  return summary(await lint(fixture(path), plugins))
}

describe('remark-lint-postmortem-timeline-duration', () => {
  it('passes the clean post-mortem, an ISO timeline and durations within the tolerance', async () => {
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md')).toEqual([])
    expect(await messagesOf('clean-variants/2025-12-10-v1.2.4.md')).toEqual([])
    expect(await messagesOf('timeline-duration/within-tolerance-ok.md')).toEqual([])
  })

  it('reads a duration written as a clock writes it (`00:08:00`, `0:08`)', async () => {
    expect(await messagesOf('timeline-duration/clock-ok.md')).toEqual([])
    expect(await messagesOf('timeline-duration/clock-mismatch.md')).toEqual([
      '7:1: Unexpected header Duration `00:18:00 (deploy start to rollback completion)`, expected 8 minutes from `10:00:00` to `10:08:00` in the timeline' + id
    ])
  })

  it.each([
    [
      'total-mismatch.md',
      '47:1: Unexpected Total Duration `12 minutes (deploy start to rollback complete)`, expected 8 minutes from `10:00:00` to `10:08:00` in the timeline'
    ],
    [
      'header-mismatch.md',
      '7:1: Unexpected header Duration `20 minutes (deploy start to rollback completion)`, expected 8 minutes from `10:00:00` to `10:08:00` in the timeline'
    ],
    [
      'downtime-longer.md',
      '48:1: Unexpected Downtime `10 minutes` longer than the Total Duration `8 minutes (deploy start to rollback complete)`, expected at most 8 minutes'
    ],
    [
      'unreadable.md',
      '47:1: Unexpected Total Duration `about eight minutes (deploy start to rollback complete)`, expected a duration such as `8 minutes` or `1h 5m`'
    ]
  ])('reports %s', async (name, expected) => {
    expect(await messagesOf('timeline-duration/' + name)).toEqual([expected + id])
  })

  it('says a span of two hours or more in hours (a timeline over two days: `24 hours 8 minutes`, not `1448 minutes`)', async () => {
    expect(await messagesOf('timeline-duration/days-apart.md')).toEqual(
      [
        '7:1: Unexpected header Duration `8 minutes (deploy start to rollback completion)`, expected 24 hours 8 minutes from `10:00:00` to `10:08:00` in the timeline',
        '55:1: Unexpected Total Duration `8 minutes (deploy start to rollback complete)`, expected 24 hours 8 minutes from `10:00:00` to `10:08:00` in the timeline'
      ].map((message) => message + id)
    )
  })

  it('reads a part there was none of (`**Downtime**: None`, `No downtime`, `N/A`) as no longer than the whole, not a total', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const downtime = '**Downtime**: 0 minutes (rollback completed before traffic routing)'
    expect(clean).toContain(downtime)
    for (const none of ['None', 'none (rollback completed before traffic routing)', 'No downtime', 'N/A', 'Zero', 'Keine']) {
      expect(summary(await lint(clean.replace(downtime, `**Downtime**: ${none}`), rule))).toEqual([])
    }

    expect(summary(await lint(clean.replace(downtime, '**Downtime**: Not measured'), rule))).toEqual([
      '48:1: Unexpected Downtime `Not measured`, expected a duration such as `8 minutes` or `1h 5m`' + id
    ])
    expect(summary(await lint(clean.replace('**Total Duration**: 8 minutes (deploy start to rollback complete)', '**Total Duration**: None'), rule))).toEqual([
      '47:1: Unexpected Total Duration `None`, expected a duration such as `8 minutes` or `1h 5m`' + id
    ])
  })

  it('reads an estimate stated as a range (`7-9 minutes`): the timeline within it, or within the tolerance of its ends', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const header = '**Duration**: 8 minutes (deploy start to rollback completion)'
    const total = '**Total Duration**: 8 minutes (deploy start to rollback complete)'
    const downtime = '**Downtime**: 0 minutes (rollback completed before traffic routing)'
    const stated = (headerValue: string, totalValue: string, downtimeValue = '0 minutes') =>
      clean.replace(header, `**Duration**: ${headerValue}`).replace(total, `**Total Duration**: ${totalValue}`).replace(downtime, `**Downtime**: ${downtimeValue}`)
    expect(summary(await lint(stated('7-9 minutes', '~8–10 min'), rule))).toEqual([])
    expect(summary(await lint(stated('9-12 minutes', '5 to 10 minutes'), rule))).toEqual([])
    expect(summary(await lint(stated('10-12 minutes', '1-6 minutes', '5-15 minutes'), rule))).toEqual(
      [
        '7:1: Unexpected header Duration `10-12 minutes`, expected 8 minutes from `10:00:00` to `10:08:00` in the timeline',
        '47:1: Unexpected Total Duration `1-6 minutes`, expected 8 minutes from `10:00:00` to `10:08:00` in the timeline'
      ].map((message) => message + id)
    )
    expect(summary(await lint(stated('8 minutes', '7-9 minutes', '10-15 minutes'), rule))).toEqual([
      '48:1: Unexpected Downtime `10-15 minutes` longer than the Total Duration `7-9 minutes`, expected at most 9 minutes' + id
    ])
  })

  it('follows `toleranceMinutes`', async () => {
    expect(
      await messagesOf('timeline-duration/total-mismatch.md', [[remarkLintPostmortemTimelineDuration, {toleranceMinutes: 5}]])
    ).toEqual([])
    expect(
      await messagesOf('timeline-duration/within-tolerance-ok.md', [
        [remarkLintPostmortemTimelineDuration, {toleranceMinutes: 0}]
      ])
    ).toHaveLength(2)
  })

  it('stays silent when the timeline is unreadable or out of order', async () => {
    expect(await messagesOf('timeline-order/unreadable.md')).toEqual([])
    expect(await messagesOf('timeline-order/out-of-order.md')).toEqual([])
    expect(await messagesOf('timeline-order/midnight.md')).toEqual([])
  })

  it('measures a timeline written as a list, when the template writes it so', async () => {
    const listRule: PluggableList = [[remarkLintPostmortemTimelineDuration, {template: 'fixtures/timeline-duration/list-template.md'}]]
    const document = (duration: string) =>
      `# Incident: cache\n\n**Date**: 2025-12-10  \n**Duration**: ${duration}\n\n## Timeline\n\n- **23:50** — deploy\n- **00:20** — rollback done\n\n## Follow-ups\n\n- a (@b)\n`
    expect(summary(await lint(document('30 minutes'), listRule))).toEqual([])
    expect(summary(await lint(document('45 minutes'), listRule))).toEqual([
      '4:1: Unexpected header Duration `45 minutes`, expected 30 minutes from `23:50` to `00:20` in the timeline' + id
    ])
  })

  it('measures a timeline of relative times (`T-0:10` to `T+0:20`), and none that mixes them with clock times', async () => {
    const listRule: PluggableList = [[remarkLintPostmortemTimelineDuration, {template: 'fixtures/timeline-duration/list-template.md'}]]
    const document = (duration: string, first = 'T-0:10') =>
      `# Incident: cache\n\n**Date**: 2025-12-10  \n**Duration**: ${duration}\n\n## Timeline\n\n- **${first}** — deploy\n- **T+0:20** — rollback done\n\n## Follow-ups\n\n- a (@b)\n`
    expect(summary(await lint(document('30 minutes'), listRule))).toEqual([])
    expect(summary(await lint(document('20 minutes'), listRule))).toEqual([
      '4:1: Unexpected header Duration `20 minutes`, expected 30 minutes from `T-0:10` to `T+0:20` in the timeline' + id
    ])
    expect(summary(await lint(document('20 minutes', '23:50'), listRule))).toEqual([])
  })

  it('reads a duration wherever the team template states it: a plain line under the timeline, a first section of fields', async () => {
    const lists: PluggableList = [[remarkLintPostmortemTimelineDuration, {template: 'fixtures/templates/lists.md'}]]
    const clean = String(fixture('teams/lists/2025-11-03-v2.14.0.md').value)
    expect(clean).toContain('\nTotal time to rollback: 18 minutes\r\n')
    expect(summary(await lint(clean, lists))).toEqual([])
    expect(summary(await lint(clean.replace('rollback: 18 minutes', 'rollback: 25 minutes'), lists))).toEqual([
      '29:1: Unexpected Total time to rollback `25 minutes`, expected 18 minutes from `14:02` to `14:20` in the timeline' + id
    ])
    expect(summary(await lint(clean.replace('rollback: 18 minutes', 'rollback: soon'), lists))).toEqual([
      '29:1: Unexpected Total time to rollback `soon`, expected a duration such as `8 minutes` or `1h 5m`' + id
    ])

    const overview: PluggableList = [[remarkLintPostmortemTimelineDuration, {template: 'fixtures/templates/overview.md'}]]
    expect(await messagesOf('teams/overview/2025-12-15-auth.md', overview)).toEqual([
      '8:1: Unexpected Duration `55 minutes`, expected 25 minutes from `13:10` to `13:35` in the timeline' + id
    ])
  })
})
