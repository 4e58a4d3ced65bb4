import type {Root} from 'mdast'
import {
  cellText,
  findField,
  findSection,
  firstTable,
  holdsPlaceholder,
  incidentDate,
  normalizeText,
  postmortemDocument,
  readFields,
  readTable,
  sectionOwnContent,
  templateDateFormat,
  templateDateReading,
  withoutNotes,
  type PostmortemDocument,
  type Section,
  type SignOffRole,
  type TemplateModel
} from 'mdast-util-postmortem'
import {
  type ConfiguredOptions,
  contentPosition,
  defineRule,
  fieldValueEdit,
  numberOption,
  remarkRule,
  type Report,
  requiredFieldReports,
  type SourceText,
  templateOption
} from 'postmortem-rule-core'
import type {Position} from 'unist'

/** A sign-off date as written, where it is and how to correct it. */
interface StatedDate {
  /** How messages name it: `Date Completed`, `Date for Reviewer`. */
  name: string
  value: string
  place: Position | undefined
  /** Whether it is the completion date, due within `maxHours` of the incident. */
  completion: boolean
  /** The edit replacing the value with `corrected`, where one can. */
  edit?: (corrected: string) => Pick<Report, 'expected' | 'place'> | undefined
}

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

    const {reports, dates} = role.table
      ? tableSignOff(document, section, role, role.table)
      : fieldSignOff(document, section, role, source)
    for (const date of dates) {
      // A placeholder left there (`[YYYY-MM-DD]`) is `no-placeholders`' to report: one defect, one message.
      if (date.value === '' || holdsPlaceholder(date.value, options.template.placeholders)) continue
      const report = dateReport(tree, date, options)
      if (report) reports.push(report)
    }

    return reports
  },
  templateSummary(template) {
    const role = template.roles.signOff
    if (!role) return undefined
    const fields = role.labels.map((label) => `\`${label}\``).join(', ')
    if (role.table) {
      const columns = role.table.columns.map((column) => `\`${column}\``).join(', ')
      const dates = role.table.date ? `; \`${role.table.date}\` dates not before the incident, \`${role.completed ?? ''}\`'s within \`maxHours\` of it` : ''
      return `table in \`${role.section.text}\`: rows ${fields}, each with ${columns}${dates}`
    }

    const completed = role.completed ? `; \`${role.completed}\` a date within \`maxHours\` of the incident` : ''
    return `fields ${fields} in \`${role.section.text}\`${completed}`
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof signOff.options>

export default remarkRule(signOff)

/** `**Author**: …` fields: each present and filled; the completion date read. */
function fieldSignOff(
  document: PostmortemDocument,
  section: Section,
  role: SignOffRole,
  source: SourceText
): {reports: Report[]; dates: StatedDate[]} {
  const fields = readFields(sectionOwnContent(document, section))
  const lookup = (label: string) => {
    const field = findField(fields, label)
    return field && {field, frontMatter: undefined, text: field.value}
  }

  const reports = requiredFieldReports(role.labels, lookup, `\`${role.section.text}\``, section.heading.position)
  const completed = role.completed === undefined ? undefined : findField(fields, role.completed)
  const dates: StatedDate[] = completed
    ? [
        {
          name: role.completed ?? completed.label,
          value: completed.value,
          place: completed.place,
          completion: true,
          edit: (corrected) => fieldValueEdit(completed, corrected, source)
        }
      ]
    : []
  return {reports, dates}
}

/** A table of signers: each of the template's rows present, its cells filled, its date read. */
function tableSignOff(
  document: PostmortemDocument,
  section: Section,
  role: SignOffRole,
  {columns, date}: NonNullable<SignOffRole['table']>
): {reports: Report[]; dates: StatedDate[]} {
  const node = firstTable(sectionOwnContent(document, section))
  const table = node && readTable(node)
  const where = `\`${role.section.text}\``
  const reports: Report[] = []
  const dates: StatedDate[] = []
  const missingColumns = table ? columns.filter((column) => !table.normalizedHeaders.includes(normalizeText(column))) : []

  if (table && missingColumns.length > 0) {
    reports.push({
      reason: `Unexpected sign-off table without ${missingColumns.map((column) => `\`${column}\``).join(', ')} in ${where}, expected the template's columns`,
      place: table.node.children[0]?.position
    })
  }

  for (const label of role.labels) {
    const row = table?.rows.find((item) => normalizeText(cellText(item.children[0])) === normalizeText(label))
    if (!table || !row) {
      reports.push({
        reason: `Unexpected missing \`${label}\` row in ${where}, expected \`| ${label} | … |\``,
        place: (node ?? section.heading).position
      })
      continue
    }

    for (const column of columns) {
      const cell = row.children[table.normalizedHeaders.indexOf(normalizeText(column))]
      if (missingColumns.includes(column)) continue
      const value = cellText(cell)
      if (value === '') {
        reports.push({reason: `Unexpected empty ${column} for \`${label}\` in ${where}, expected a value`, place: row.position})
      } else if (column === date && cell) {
        dates.push({name: `${column} for ${label}`, value, place: contentPosition(cell) ?? row.position, completion: label === role.completed})
      }
    }
  }

  return {reports, dates}
}

/** A date that is no date in the team's format, before the incident, or (the completion date) too long after it. */
function dateReport(
  tree: Root,
  {name, value, place, completion, edit}: StatedDate,
  options: {template: TemplateModel; maxHours: number}
): Report | undefined {
  const dateFormat = templateDateFormat(options.template)
  const date = dateFormat.parse(withoutNotes(value))
  if (!date) {
    const corrected = dateFormat.correct(value)
    return {
      reason: `Unexpected ${name} \`${value}\`, expected a date as \`${dateFormat.text}\``,
      place,
      actual: value,
      ...(corrected === undefined ? undefined : edit?.(corrected))
    }
  }

  const incident = incidentDate(tree, templateDateReading(options.template))
  if (!incident) return undefined
  const days = date.day - incident.day
  const allowedDays = Math.floor(options.maxHours / 24)

  if (days < 0) {
    return {
      reason: `Unexpected ${name} \`${value}\` before the incident date \`${incident.text}\`, expected a date on or after it`,
      place,
      actual: value
    }
  }

  if (completion && days > allowedDays) {
    const late = days - allowedDays
    return {
      reason: `Unexpected ${name} \`${value}\`, ${days} days after the incident on \`${incident.text}\`, expected within ${options.maxHours} hours (Article XIII): ${late} ${late === 1 ? 'day' : 'days'} late`,
      place,
      actual: value
    }
  }

  return undefined
}
