import {
  findField,
  findSection,
  incidentFacts,
  normalizeText,
  parseDate,
  postmortemDocument,
  readFields,
  sectionOwnContent
} from 'mdast-util-postmortem'
import {
  type ConfiguredOptions,
  defineRule,
  numberOption,
  remarkRule,
  type Report,
  requiredFieldReports,
  templateOption
} from 'postmortem-rule-core'

const sectionName = 'Sign-Off'
const completedLabel = 'Date Completed'

export const signOff = defineRule({
  id: 'sign-off',
  description: 'Sign-off fields are filled and the post-mortem was completed within 48 hours',
  options: {
    template: templateOption,
    maxHours: numberOption(48, 0)
  },
  check(tree, {options}) {
    const document = postmortemDocument(tree)
    const section = findSection(document, sectionName)
    if (!section) return []

    const labels =
      options.template.fields.find(
        (group) => group.section !== undefined && normalizeText(group.section) === section.normalized
      )?.labels ?? []
    const fields = readFields(sectionOwnContent(document, section))
    const lookup = (label: string) => {
      const field = findField(fields, label)
      return field && {field, frontMatter: undefined, text: field.value}
    }

    const reports: Report[] = requiredFieldReports(labels, lookup, `\`${sectionName}\``, section.heading.position)
    const completed = findField(fields, completedLabel)
    if (!completed || completed.value === '') return reports

    const date = parseDate(completed.value)
    if (!date) {
      reports.push({
        reason: `Unexpected ${completedLabel} \`${completed.value}\`, expected a date as \`YYYY-MM-DD\``,
        place: completed.place,
        actual: completed.value
      })
      return reports
    }

    const incident = incidentFacts(tree).date
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
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof signOff.options>

export default remarkRule(signOff)
