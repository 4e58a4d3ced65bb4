import {
  comparableTimes,
  isoDateFormat,
  holdsPlaceholder,
  readTimeline,
  templateDateFormat,
  templateDateReading,
  type DateFormat,
  type TemplatePlaceholders,
  type TimelineRow
} from 'mdast-util-postmortem'
import {
  defineRule,
  missingTableReport,
  remarkRule,
  templateOption,
  type ConfiguredOptions,
  type Report
} from 'postmortem-rule-core'

/** The times a timeline may hold, with a date as the team writes dates; counted from a moment where its other times are. */
function readableTimes(format: DateFormat, relative: boolean): string {
  if (relative) return 'a time counted from the timeline\'s moment (`T+0:15`, `T-5m`, `T+1h 05m`)'
  return format.text === isoDateFormat.text
    ? '`HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)'
    : `\`HH:MM\`, \`HH:MM:SS\` or a date-time such as \`${format.text} HH:MM\``
}

export const timelineOrder = defineRule({
  id: 'timeline-order',
  description: 'The incident timeline has readable times in chronological order',
  options: {template: templateOption},
  check(tree, {options}) {
    const role = options.template.roles.timeline
    if (!role) return []
    const dateFormat = templateDateFormat(options.template)
    const timeline = readTimeline(tree, role, templateDateReading(options.template))
    // Code and HTML tables are not read: neither is reported as missing.
    if (timeline.kind === 'missing' || timeline.kind === 'code' || timeline.kind === 'html') return []
    if (timeline.kind === 'no-list') {
      return [
        {
          reason: `Unexpected missing list in \`${role.section.text}\`, expected a list of events, each starting with its time`,
          place: timeline.heading.position
        }
      ]
    }

    if (timeline.kind === 'list') return rowReports(timeline.rows, 'item', dateFormat, options.template)
    if (timeline.kind !== 'table') return [missingTableReport(timeline, role.section.text, 'times and events')]

    if (timeline.rows.length === 0) {
      return [
        {
          reason: `Unexpected timeline table without rows in \`${timeline.section}\`, expected at least one event`,
          place: timeline.table.node.position
        }
      ]
    }

    return rowReports(timeline.rows, 'row', dateFormat, options.template)
  },
  templateSummary(template) {
    const role = template.roles.timeline
    if (!role) return undefined
    return role.shape === 'list'
      ? `list in ${quote(role.section.text)}, each item starting with its time`
      : `table in ${quote(role.section.text)}, time column ${role.timeColumn === undefined ? 'the first column' : quote(role.timeColumn)}`
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof timelineOrder.options>

export default remarkRule(timelineOrder)

/** Reports on the times of table rows or list items (`noun`), in order. */
function rowReports(rows: readonly TimelineRow[], noun: 'row' | 'item', format: DateFormat, placeholders: TemplatePlaceholders): Report[] {
  const readable = readableTimes(format, rows.some((row) => row.time?.kind === 'relative'))
  const reports: Report[] = []
  let previous: TimelineRow | undefined

  for (const row of rows) {
    const {place} = row
    if (row.instant === undefined || row.latest === undefined) {
      // A placeholder left as the time (`HH:mm`, `[hh:mm AM/PM]`) is `no-placeholders`' to report: one defect, one message.
      if (holdsPlaceholder(row.text, placeholders)) continue
      reports.push({
        reason:
          row.text === ''
            ? noun === 'row'
              ? `Unexpected empty time in timeline row ${row.number}, expected ${readable}`
              : `Unexpected timeline item ${row.number} without a time, expected it to start with ${readable}`
            : `Unexpected time \`${row.text}\` in timeline ${noun} ${row.number}, expected ${readable}`,
        place,
        ...(row.text === '' ? {} : {actual: row.text})
      })
      continue
    }

    if (previous?.instant !== undefined && previous.time && row.time && comparableTimes(previous.time, row.time) && row.latest < previous.instant) {
      reports.push({
        reason: `Unexpected time \`${row.text}\` in timeline ${noun} ${row.number}, earlier than \`${previous.text}\` in ${noun} ${previous.number}, expected ${noun}s in chronological order`,
        place,
        actual: row.text
      })
    }

    previous = row
  }

  return reports
}

function quote(text: string): string {
  return '`' + text + '`'
}
