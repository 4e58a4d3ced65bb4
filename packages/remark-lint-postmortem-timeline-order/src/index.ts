import {readTimeline, timelineSection, type TimelineRow} from 'mdast-util-postmortem'
import {defineRule, missingTableReport, remarkRule, type ConfiguredOptions, type Report} from 'postmortem-rule-core'

const readable = '`HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)'

export const timelineOrder = defineRule({
  id: 'timeline-order',
  description: 'The incident timeline has readable times in chronological order',
  options: {},
  check(tree) {
    const timeline = readTimeline(tree)
    if (timeline.kind === 'missing') return []
    if (timeline.kind !== 'table') return [missingTableReport(timeline, timelineSection, 'times and events')]

    if (timeline.rows.length === 0) {
      return [
        {
          reason: `Unexpected timeline table without rows in \`${timelineSection}\`, expected at least one event`,
          place: timeline.table.node.position
        }
      ]
    }

    const reports: Report[] = []
    let previous: TimelineRow | undefined

    for (const row of timeline.rows) {
      const place = (row.cell ?? row.row).position
      if (row.instant === undefined) {
        reports.push({
          reason:
            row.text === ''
              ? `Unexpected empty time in timeline row ${row.number}, expected ${readable}`
              : `Unexpected time \`${row.text}\` in timeline row ${row.number}, expected ${readable}`,
          place,
          actual: row.text
        })
        continue
      }

      if (previous?.instant !== undefined && row.instant < previous.instant) {
        reports.push({
          reason: `Unexpected time \`${row.text}\` in timeline row ${row.number}, earlier than \`${previous.text}\` in row ${previous.number}, expected rows in chronological order`,
          place,
          actual: row.text
        })
      }

      previous = row
    }

    return reports
  }
})

/** Options as configured: this rule has none. */
export type Options = ConfiguredOptions<typeof timelineOrder.options>

export default remarkRule(timelineOrder)
