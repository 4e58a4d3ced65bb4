import {
  findField,
  findSection,
  headerValue,
  incidentFacts,
  parseDuration,
  postmortemDocument,
  readFields,
  readTimeline,
  sectionContent,
  timelineSection,
  valuePlace,
  type Duration,
  type Field
} from 'mdast-util-postmortem'
import type {Point, Position} from 'unist'
import {
  type ConfiguredOptions,
  defineRule,
  numberOption,
  remarkRule,
  type Report
} from 'postmortem-rule-core'

const readable = 'a duration such as `8 minutes` or `1h 5m`'

export const timelineDuration = defineRule({
  id: 'timeline-duration',
  description: 'Stated durations agree with the timeline',
  options: {toleranceMinutes: numberOption(1, 0)},
  check(tree, {options}) {
    const document = postmortemDocument(tree)
    const section = findSection(document, timelineSection)
    if (!section) return []

    const fields = readFields(sectionContent(document, section))
    const total = readDuration(findField(fields, 'Total Duration'))
    const downtime = readDuration(findField(fields, 'Downtime'))
    const reports = [total, downtime].flatMap((read) => (read?.kind === 'unreadable' ? [read.report] : []))
    const span = timelineSpan(readTimeline(tree))

    if (span) {
      const describeSpan = `${formatMinutes(span.minutes)} from \`${span.first}\` to \`${span.last}\` in the timeline`
      const agrees = (duration: Duration) => Math.abs(duration.minutes - span.minutes) <= options.toleranceMinutes

      if (total?.kind === 'read' && !agrees(total.duration)) {
        reports.push({
          reason: `Unexpected Total Duration \`${total.duration.text}\`, expected ${describeSpan}`,
          place: total.place,
          actual: total.duration.text
        })
      }

      const header = headerValue(incidentFacts(tree), 'Duration')
      const headerDuration = header && parseDuration(header.text)
      if (header && headerDuration && !agrees(headerDuration)) {
        reports.push({
          reason: `Unexpected header Duration \`${header.text}\`, expected ${describeSpan}`,
          place: valuePlace(header),
          actual: header.text
        })
      }
    }

    if (downtime?.kind === 'read' && total?.kind === 'read' && downtime.duration.minutes > total.duration.minutes) {
      reports.push({
        reason: `Unexpected Downtime \`${downtime.duration.text}\` longer than the Total Duration \`${total.duration.text}\`, expected at most ${formatMinutes(total.duration.minutes)}`,
        place: downtime.place,
        actual: downtime.duration.text
      })
    }

    return reports
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof timelineDuration.options>

export default remarkRule(timelineDuration)

/** A duration field, read or with the report of why it cannot be; nothing when it is absent or empty. */
type DurationField = {kind: 'read'; duration: Duration; place: Position | Point} | {kind: 'unreadable'; report: Report}

function readDuration(field: Field | undefined): DurationField | undefined {
  if (!field || field.value === '') return undefined
  const duration = parseDuration(field.value)
  if (duration) return {kind: 'read', duration, place: field.place}
  return {
    kind: 'unreadable',
    report: {
      reason: `Unexpected ${field.label} \`${field.value}\`, expected ${readable}`,
      place: field.place,
      actual: field.value
    }
  }
}

/**
 * Last minus first time of a fully readable timeline; nothing when any time
 * is unreadable or the rows run backwards (`timeline-order` reports those).
 */
function timelineSpan(timeline: ReturnType<typeof readTimeline>) {
  if (timeline.kind !== 'table') return undefined
  const first = timeline.rows[0]
  const last = timeline.rows.at(-1)
  if (!first || !last || timeline.rows.some((row) => row.instant === undefined)) return undefined
  const minutes = ((last.instant ?? 0) - (first.instant ?? 0)) / 60_000
  return minutes < 0 ? undefined : {minutes, first: first.text, last: last.text}
}

function formatMinutes(minutes: number): string {
  if (minutes < 1 && minutes > 0) return `${Math.round(minutes * 60)} seconds`
  const rounded = Math.round(minutes * 10) / 10
  return `${rounded} ${rounded === 1 ? 'minute' : 'minutes'}`
}
