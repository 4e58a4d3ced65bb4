import {
  comparableTimes,
  findField,
  findSection,
  headerValue,
  holdsPlaceholder,
  incidentFacts,
  isEmptyAnswer,
  parseDuration,
  postmortemDocument,
  readParagraphFields,
  readTimeline,
  sectionFieldValue,
  sectionContent,
  templateDateReading,
  valuePlace,
  type Duration,
  type DurationField,
  type Field,
  type HeaderValue,
  type TemplatePlaceholders,
  type Timeline
} from 'mdast-util-postmortem'
import type {Root} from 'mdast'
import {
  defineRule,
  numberOption,
  remarkRule,
  templateOption,
  type ConfiguredOptions,
  type Report
} from 'postmortem-rule-core'
import type {Point, Position} from 'unist'

const readable = 'a duration such as `8 minutes` or `1h 5m`'
/** `None`, `No downtime`, `Zero`, and as German, French, Spanish and Portuguese say it (`Keine`, `Aucune`, `Ninguno`, `Nenhum`). */
const statesNone = /^(?:none|nil|zero|no|keine?|aucune?|ningun[oa]?|nenhuma?)(?![\p{L}\d])/iu

/** A duration as stated in the document. */
interface Stated {
  role: DurationField
  text: string
  duration: Duration
  place: Position | Point | undefined
}

export const timelineDuration = defineRule({
  id: 'timeline-duration',
  description: 'Stated durations agree with the timeline',
  options: {template: templateOption, toleranceMinutes: numberOption(1, 0)},
  check(tree, {options}) {
    const role = options.template.roles.timeline
    const document = postmortemDocument(tree)
    const section = role && findSection(document, role.section.text)
    if (!role || !section) return []

    const content = sectionContent(document, section)
    const fields = readParagraphFields(content)
    const reports: Report[] = []
    const stated: Stated[] = []

    for (const durationField of options.template.roles.durations) {
      const read =
        durationField.where === 'timeline'
          ? timelineDurationOf(findField(fields, durationField.label), durationField, options.template)
          : headerDurationOf(durationField, statedValue(tree, durationField))
      if (read && 'reason' in read) reports.push(read)
      else if (read) stated.push(read)
    }

    const span = timelineSpan(readTimeline(tree, role, templateDateReading(options.template)))
    const totals = stated.filter((item) => item.role.total)

    if (span) {
      const describeSpan = `${formatMinutes(span.minutes)} from \`${span.first}\` to \`${span.last}\` in the timeline`
      for (const total of totals) {
        const {minutes, maxMinutes} = total.duration
        if (span.minutes >= minutes - options.toleranceMinutes && span.minutes <= maxMinutes + options.toleranceMinutes) continue
        reports.push({
          reason: `Unexpected ${total.role.where === 'header' ? 'header ' : ''}${total.role.label} \`${total.text}\`, expected ${describeSpan}`,
          place: total.place,
          actual: total.text
        })
      }
    }

    // Parts (downtime, time to recovery) are compared with the timeline's own total, else the header's.
    const total = totals.find((item) => item.role.where === 'timeline') ?? totals[0]
    for (const part of stated) {
      if (part.role.total || !total || part.duration.minutes <= total.duration.maxMinutes) continue
      reports.push({
        reason: `Unexpected ${part.role.label} \`${part.duration.text}\` longer than the ${total.role.label} \`${total.duration.text}\`, expected at most ${formatMinutes(total.duration.maxMinutes)}`,
        place: part.place,
        actual: part.duration.text
      })
    }

    return reports
  },
  templateSummary(template) {
    const {timeline, durations} = template.roles
    if (!timeline || durations.length === 0) return undefined
    const labels = durations.map((item) => `\`${item.label}\` (${item.where}${item.total ? ', total' : ''})`)
    return `${labels.join(', ')} against the timeline in \`${timeline.section.text}\``
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof timelineDuration.options>

export default remarkRule(timelineDuration)

/** A duration field under the timeline: read, or the report of why it cannot be (this rule owns it). */
function timelineDurationOf(field: Field | undefined, role: DurationField, placeholders: TemplatePlaceholders): Stated | Report | undefined {
  // A placeholder left there (`[N minutes]`) is `no-placeholders`' to report: one defect, one message.
  if (!field || field.value === '' || holdsPlaceholder(field.value, placeholders)) return undefined
  // A part of the incident there was none of (`**Downtime**: None`) cannot be longer than the whole.
  if (!role.total && (isEmptyAnswer(field.value) || statesNone.test(field.value.trim()))) return undefined
  const duration = parseDuration(field.value)
  if (duration) return {role, text: duration.text, duration, place: field.place}
  return {
    reason: `Unexpected ${field.label} \`${field.value}\`, expected ${readable}`,
    place: field.place,
    actual: field.value
  }
}

/** The value of a duration field of the header, or of the section of fields that stands for it (`## Overview`). */
function statedValue(tree: Root, role: DurationField): HeaderValue | undefined {
  return role.section === undefined ? headerValue(incidentFacts(tree), role.label) : sectionFieldValue(tree, role.section, role.label)
}

/** A duration of the header, or of the section that stands for it: `metadata` reports it when unreadable, so it is only read here. */
function headerDurationOf(role: DurationField, value: HeaderValue | undefined): Stated | undefined {
  const duration = value && parseDuration(value.text)
  return value && duration && {role, text: value.text, duration, place: valuePlace(value)}
}

/**
 * Last minus first time of a fully readable timeline; nothing when any time
 * is unreadable, the first or last row is a date alone, or the rows run
 * backwards (`timeline-order` reports those).
 */
function timelineSpan(timeline: Timeline) {
  if (timeline.kind !== 'table' && timeline.kind !== 'list') return undefined
  const first = timeline.rows[0]
  const last = timeline.rows.at(-1)
  if (!first || !last || timeline.rows.some((row) => row.instant === undefined)) return undefined
  if (!first.time || !last.time || first.time.kind === 'date' || last.time.kind === 'date' || !comparableTimes(first.time, last.time)) return undefined
  const minutes = ((last.instant ?? 0) - (first.instant ?? 0)) / 60_000
  return minutes < 0 ? undefined : {minutes, first: first.text, last: last.text}
}

function formatMinutes(minutes: number): string {
  if (minutes < 1 && minutes > 0) return `${Math.round(minutes * 60)} seconds`
  const rounded = Math.round(minutes * 10) / 10
  // Two hours and more read as hours (`24 hours 8 minutes`, not `1448 minutes`).
  if (rounded >= 120) {
    const hours = Math.floor(rounded / 60)
    const rest = Math.round((rounded - hours * 60) * 10) / 10
    return `${hours} hours${rest > 0 ? ` ${rest} ${rest === 1 ? 'minute' : 'minutes'}` : ''}`
  }

  return `${rounded} ${rounded === 1 ? 'minute' : 'minutes'}`
}
