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

  it('reports unreadable and empty times on their cells', async () => {
    expect(await messagesOf('timeline-order/unreadable.md')).toEqual([
      `40:1: Unexpected time \`10:61:00\` in timeline row 7, ${readable}${id}`,
      `41:1: Unexpected time \`TBD\` in timeline row 8, ${readable}${id}`,
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

  it('has only the `template` option', async () => {
    const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [
      [remarkLintPostmortemTimelineOrder, {rollover: true}]
    ])
    expect(message?.reason).toBe('remark-lint-postmortem-timeline-order: unexpected option `rollover`, expected `template`')
  })
})
