import {
  findField,
  findSection,
  holdsPlaceholder,
  incidentDate,
  postmortemDocument,
  readFields,
  sectionOwnContent,
  templateDateFormat,
  templateDateReading,
  withoutNotes
} from 'mdast-util-postmortem'
import {
  type ConfiguredOptions,
  defineRule,
  fieldValueEdit,
  numberOption,
  remarkRule,
  type Report,
  requiredFieldReports,
  templateOption
} from 'postmortem-rule-core'

export const signOff = defineRule({
  id: 'sign-off',
  description: 'Sign-off fields are filled and the post-mortem was completed within 48 hours',
  options: {
    template: templateOption,
    maxHours: numberOption(48, 0)
  },
  check(tree, {options, source}) {
    const role = options.template.roles.signOff
    const document = postmortemDocument(tree)
    const section = role && findSection(document, role.section.text)
    if (!role || !section) return []

    const sectionName = role.section.text
    const fields = readFields(sectionOwnContent(document, section))
    const lookup = (label: string) => {
      const field = findField(fields, label)
      return field && {field, frontMatter: undefined, text: field.value}
    }

    const reports: Report[] = requiredFieldReports(role.labels, lookup, `\`${sectionName}\``, section.heading.position)
    const completedLabel = role.completed
    const completed = completedLabel === undefined ? undefined : findField(fields, completedLabel)
    // A placeholder left there (`[YYYY-MM-DD]`) is `no-placeholders`' to report: one defect, one message.
    if (!completed || completed.value === '' || holdsPlaceholder(completed.value, options.template.placeholders)) return reports

    const dateFormat = templateDateFormat(options.template)
    const date = dateFormat.parse(withoutNotes(completed.value))
    if (!date) {
      const corrected = dateFormat.correct(completed.value)
      reports.push({
        reason: `Unexpected ${completedLabel} \`${completed.value}\`, expected a date as \`${dateFormat.text}\``,
        place: completed.place,
        actual: completed.value,
        ...(corrected === undefined ? undefined : fieldValueEdit(completed, corrected, source))
      })
      return reports
    }

    const incident = incidentDate(tree, templateDateReading(options.template))
    if (!incident) return reports
    const days = date.day - incident.day
    const allowedDays = Math.floor(options.maxHours / 24)

    if (days < 0) {
      reports.push({
        reason: `Unexpected ${completedLabel} \`${completed.value}\` before the incident date \`${incident.text}\`, expected a date on or after it`,
        place: completed.place,
        actual: completed.value
      })
    } else if (days > allowedDays) {
      const late = days - allowedDays
      reports.push({
        reason: `Unexpected ${completedLabel} \`${completed.value}\`, ${days} days after the incident on \`${incident.text}\`, expected within ${options.maxHours} hours (Article XIII): ${late} ${late === 1 ? 'day' : 'days'} late`,
        place: completed.place,
        actual: completed.value
      })
    }

    return reports
  },
  templateSummary(template) {
    const role = template.roles.signOff
    if (!role) return undefined
    const fields = role.labels.map((label) => `\`${label}\``).join(', ')
    const completed = role.completed ? `; \`${role.completed}\` a date within \`maxHours\` of the incident` : ''
    return `fields ${fields} in \`${role.section.text}\`${completed}`
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof signOff.options>

export default remarkRule(signOff)
