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
  readGroupFields,
  readParagraphFields,
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
  type OptionSpec,
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
  /** Whether `metadata` checks that it is a date (a field of a list it checks): then only its day is this rule's. */
  formChecked?: boolean
}

/** `maxHours`: the deadline the template sets (the seed's 48 hours); none, so no lateness, where it sets none. */
const maxHoursOption: OptionSpec<number | undefined, number> = {
  ...numberOption(48, 0),
  fallback: ({template}) => template?.deadline?.hours
}

export const signOff = defineRule({
  id: 'sign-off',
  description: 'Sign-off fields are filled and the post-mortem was completed within 48 hours',
  options: {
    template: templateOption,
    maxHours: maxHoursOption
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
      if (date.value === '' || holdsPlaceholder(date.value, options.template)) continue
      const report = dateReport(tree, date, options)
      if (report) reports.push(report)
    }

    return reports
  },
  templateSummary(template) {
    const role = template.roles.signOff
    if (!role) return undefined
    const fields = role.labels.map((label) => `\`${label}\``).join(', ')
    const deadline = template.deadline
      ? `${template.deadline.text} of the incident (the template's deadline; \`maxHours\`)`
      : 'not before the incident (the template sets no deadline; `maxHours` sets one)'
    if (role.table) {
      const columns = role.table.columns.map((column) => `\`${column}\``).join(', ')
      const completion = template.deadline ? `, \`${role.completed ?? ''}\`'s ${deadline}` : ' (the template sets no deadline; `maxHours` sets one)'
      const dates = role.table.date ? `; \`${role.table.date}\` dates not before the incident${completion}` : ''
      return `table in \`${role.section.text}\`: rows ${fields}, each with ${columns}${dates}`
    }

    const completed = role.completed ? `; \`${role.completed}\` a date ${deadline}` : ''
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
  // A list of fields is a field group `metadata` checks for presence and form; a paragraph of them is this rule's.
  const fields = role.list ? readGroupFields(sectionOwnContent(document, section)) : readParagraphFields(sectionOwnContent(document, section))
  const lookup = (label: string) => {
    const field = findField(fields, label)
    return field && {field, frontMatter: undefined, text: field.value}
  }

  const written = role.plain ? (label: string) => `${label}: …` : undefined
  const reports = role.list ? [] : requiredFieldReports(role.labels, lookup, `\`${role.section.text}\``, section.heading.position, written)
  const completed = role.completed === undefined ? undefined : findField(fields, role.completed)
  const dates: StatedDate[] = completed
    ? [
        {
          name: role.completed ?? completed.label,
          value: completed.value,
          place: completed.place,
          completion: true,
          edit: (corrected) => fieldValueEdit(completed, corrected, source),
          formChecked: role.list === true
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
    const rows = table?.rows.filter((item) => namesRow(cellText(item.children[0]), label)) ?? []
    if (!table || rows.length === 0) {
      reports.push({
        reason: `Unexpected missing \`${label}\` row in ${where}, expected \`| ${label} | … |\``,
        place: (node ?? section.heading).position
      })
      continue
    }

    for (const row of rows) {
      // Each of several rows for one role (`Reviewer (SRE)`, `Reviewer (Eng)`) by its own name.
      const written = cellText(row.children[0])
      const signer = normalizeText(written) === normalizeText(label) ? label : written
      for (const column of columns) {
        const cell = row.children[table.normalizedHeaders.indexOf(normalizeText(column))]
        if (missingColumns.includes(column)) continue
        const value = cellText(cell)
        if (value === '') {
          reports.push({reason: `Unexpected empty ${column} for \`${signer}\` in ${where}, expected a value`, place: row.position})
        } else if (column === date && cell) {
          dates.push({name: `${column} for ${signer}`, value, place: contentPosition(cell) ?? row.position, completion: label === role.completed})
        }
      }
    }
  }

  return {reports, dates}
}

/** Whether a row's first cell names the template's signer: as written, with a note, in the plural or numbered (`Reviewer (SRE)`, `Reviewers`, `Reviewer 2` for `Reviewer`). */
function namesRow(cell: string, label: string): boolean {
  const wanted = normalizeText(label)
  const written = normalizeText(withoutNotes(cell)).replace(/\s*#?\d{1,2}$/, '')
  return written === wanted || written === `${wanted}s`
}

/** A date that is no date in the team's format, before the incident, or (the completion date) too long after it. */
function dateReport(
  tree: Root,
  {name, value, place, completion, edit, formChecked}: StatedDate,
  options: {template: TemplateModel; maxHours: number | undefined}
): Report | undefined {
  const dateFormat = templateDateFormat(options.template)
  const date = dateFormat.parse(withoutNotes(value))
  if (!date && formChecked) return undefined
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

  if (days < 0) {
    return {
      reason: `Unexpected ${name} \`${value}\` before the incident date \`${incident.text}\`, expected a date on or after it`,
      place,
      actual: value
    }
  }

  const {maxHours, template} = options
  const allowedDays = Math.floor((maxHours ?? Number.POSITIVE_INFINITY) / 24)
  if (completion && maxHours !== undefined && days > allowedDays) {
    const late = days - allowedDays
    // The template's deadline in its words, and what it cites (`Article XIII`), while the deadline is the template's.
    const own = template.deadline?.hours === maxHours ? template.deadline : undefined
    const within = own ? own.text + (own.reference ? ` (${own.reference})` : '') : `within ${maxHours} hours`
    return {
      reason: `Unexpected ${name} \`${value}\`, ${days} days after the incident on \`${incident.text}\`, expected ${within}: ${late} ${late === 1 ? 'day' : 'days'} late`,
      place,
      actual: value
    }
  }

  return undefined
}
