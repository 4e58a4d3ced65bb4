import {readTimeline, type TimelineRole, type TimelineRow} from 'mdast-util-postmortem'
import {
  defineRule,
  missingTableReport,
  remarkRule,
  templateOption,
  type ConfiguredOptions,
  type Report
} from 'postmortem-rule-core'

const readable = '`HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)'

export const timelineOrder = defineRule({
  id: 'timeline-order',
  description: 'The incident timeline has readable times in chronological order',
  options: {template: templateOption},
  check(tree, {options}) {
    const role = options.template.roles.timeline
    if (!role) return []
    const timeline = readTimeline(tree, role)
    if (timeline.kind === 'missing') return []
    if (timeline.kind !== 'table') return [missingTableReport(timeline, role.section.text, 'times and events')]

    if (timeline.rows.length === 0) {
      return [
        {
          reason: `Unexpected timeline table without rows in \`${timeline.section}\`, expected at least one event`,
          place: timeline.table.node.position
        }
      ]
    }

    return rowReports(timeline.rows)
  },
  templateSummary(template) {
    const role = template.roles.timeline
    return role ? `table in ${quote(role.section.text)}, time column ${timeColumn(role)}` : undefined
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof timelineOrder.options>

export default remarkRule(timelineOrder)

function rowReports(rows: readonly TimelineRow[]): Report[] {
  const reports: Report[] = []
  let previous: TimelineRow | undefined

  for (const row of rows) {
    const place = (row.cell ?? row.row).position
    if (row.instant === undefined || row.latest === undefined) {
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

    if (previous?.instant !== undefined && row.latest < previous.instant) {
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

function timeColumn(role: TimelineRole): string {
  return role.timeColumn === undefined ? 'the first column' : quote(role.timeColumn)
}

function quote(text: string): string {
  return '`' + text + '`'
}
