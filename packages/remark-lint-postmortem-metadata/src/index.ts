import type {Root} from 'mdast'
import {
  bareListFields,
  dayIn,
  documentAnchor,
  findField,
  findSection,
  frontMatterNode,
  groupChoices,
  hasTitleHeading,
  headerValue,
  headerVersion,
  holdsPlaceholder,
  incidentFacts,
  isTitleKey,
  isoDateFormat,
  normalizeText,
  parseDuration,
  parseVersion,
  perObject,
  placeholderContent,
  postmortemDocument,
  readGroupFields,
  sectionFieldValue,
  sectionOwnContent,
  templateDateFormat,
  templateHeaderChoices,
  templateHeaderLabels,
  templateHeaderShapes,
  templateIncidentField,
  templateIncidentFormat,
  templateIncidentLabel,
  templateVersionPair,
  valuePlace,
  type DateFormat,
  type Field,
  type IncidentFormat,
  type IncidentFacts,
  type LabelledValue,
  type ListFieldGroup,
  withoutNotes,
  type TemplateModel,
  type ValueShape
} from 'mdast-util-postmortem'
import {
  defineRule,
  fieldValueEdit,
  fieldValuePosition,
  listOf,
  patternOption,
  remarkRule,
  requiredFieldReports,
  templateOption,
  type ConfiguredOptions,
  type Report,
  type SourceText
} from 'postmortem-rule-core'

/** How a value of one label is read, for validity. */
interface ValueKind {
  expected: string
  read: (text: string) => unknown
  /** The value as it should have been written, when that is certain (`2025/12/10` → `2025-12-10`). */
  correct?: (text: string) => string | undefined
}

/** An issue reference as GitHub and GitLab link one: `#123`, `acme/app#123`, `GH-123`, or the issue's URL. */
const defaultIncident = /^(?:(?:[\w.-]+\/[\w.-]+)?#\d+|GH-\d+|https?:\/\/\S+\/(?:issues|pull)\/\d+)$/

const durationKind: ValueKind = {expected: 'a duration such as `8 minutes` or `1h 5m`', read: parseDuration}

/** The date, as the team's template writes dates (`YYYY-MM-DD` by default), alone or with the time (`2025-12-10T10:00:00Z`). */
function dateKind(format: DateFormat): ValueKind {
  return {expected: `a date as \`${format.text}\``, read: (text) => format.parse(text) ?? dayIn(text, format), correct: format.correct}
}

/** How a value is read whose template value shows its shape (`[YYYY-MM-DD]`, `vX.Y.Z`). */
function shapeKind(shape: ValueShape, template: TemplateModel): ValueKind {
  return shape === 'date' ? dateKind(templateDateFormat(template)) : versionKind
}

const versionKind: ValueKind = {expected: 'a semantic version such as `v1.2.4`', read: parseVersion}

/** Letters and digits only, lower case: `Sev-2` and `SEV2` are one choice. */
function compactWords(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * A field whose template value is a choice (`SEV1 / SEV2 / SEV3`): the value
 * names one of them, and only one (the template's list left as it is names all).
 */
function choiceKind(choices: readonly string[]): ValueKind {
  const compact = choices.map(compactWords)
  return {
    expected: `one of ${listOf(choices, 'or')}`,
    read: (text) => {
      const value = compactWords(text)
      return compact.filter((choice) => value.includes(choice)).length === 1 ? text : undefined
    }
  }
}

/** The seed's typed header fields; they apply where a team's template has these labels. */
const kinds: Record<string, ValueKind> = {
  'failed version': versionKind,
  'rolled back to': {...versionKind, expected: 'a semantic version such as `v1.2.3`'}
}

export const metadata = defineRule({
  id: 'metadata',
  description: 'Header fields are present and valid: incident ID, date, versions, duration, impact',
  options: {
    template: templateOption,
    incidentPattern: patternOption(defaultIncident)
  },
  check(tree, {options, source}) {
    const facts = incidentFacts(tree)
    const {template} = options
    const labels = templateHeaderLabels(template)
    const durations = new Set(template.roles.durations.filter((item) => item.where === 'header').map((item) => item.normalized))
    const lookup = (label: string) => headerValue(facts, label)
    const reports: Report[] = []
    const frontMatter = frontMatterNode(tree)
    const incidentLabel = templateIncidentLabel(template)
    const incidentFormat = templateIncidentFormat(template)

    if (facts.frontMatterError !== undefined) {
      reports.push({
        reason:
          frontMatter?.type === 'toml'
            ? `Unexpected front matter that is not TOML (${facts.frontMatterError}), expected \`key = "value"\` lines`
            : `Unexpected front matter that is not YAML (${facts.frontMatterError}), expected \`key: value\` lines`,
        place: frontMatter?.position
      })
    }

    // The template's front matter keys are asked of documents that have front matter, there; the others say it in their header.
    const keys = frontMatterKeys(template)
    const form = headerFieldForm(template)
    reports.push(
      ...requiredFieldReports(
        labels.filter((label) => !keys.has(label)),
        lookup,
        'the header',
        documentAnchor(postmortemDocument(tree)),
        form
      ),
      // Front matter that cannot be read is one defect, reported above: its keys are not also missing.
      ...(frontMatter && facts.frontMatterError === undefined
        ? requiredFieldReports(
            [...keys].filter((key) => !(isTitleKey(key) && hasTitleHeading(tree))),
            lookup,
            'the front matter',
            frontMatter.position,
            (key) => (frontMatter.type === 'toml' ? `${key} = …` : `${key}: …`)
          )
        : [])
    )

    const shapes = templateHeaderShapes(template)
    const choices = templateHeaderChoices(template)
    for (const label of labels) {
      const value = lookup(label)
      if (!value || value.text.trim() === '') continue
      // no-placeholders does not read front matter: a placeholder left there is reported here, once.
      if (!value.field && value.frontMatter && holdsPlaceholder(value.text, template)) {
        reports.push({
          reason: `Unexpected placeholder \`${value.text}\` for \`${value.frontMatter.key}\` in the front matter, expected a value`,
          place: value.frontMatter.place,
          actual: value.text
        })
        continue
      }

      const normalized = normalizeText(label)
      const shape = shapes.get(label)
      const choice = choices.get(label)
      const kind =
        label === incidentLabel
          ? incidentKind(options.incidentPattern, incidentFormat, value.field)
          : normalized === 'date'
            ? dateKind(templateDateFormat(template))
            : (kinds[normalized] ??
              (shape
                ? shapeKind(shape, template)
                : durations.has(normalized)
                  ? durationKind
                  : choice
                    ? choiceKind(choice)
                    : undefined))

      const invalid = kind && invalidValueReport(label, value, kind, {source, template})
      if (invalid) {
        reports.push(invalid)
      } else if (template.versionPrefix && (versionLabels.has(normalized) || shape === 'version') && value.field && /^\d/.test(value.text.trim())) {
        reports.push(versionPrefixReport(label, value.field, source))
      }

      // Which of the two is right is the author's call: no fix.
      if (!value.agrees && value.field && value.frontMatter) {
        reports.push({
          reason: `Unexpected ${label} \`${value.field.value}\` in the header, expected the front matter's \`${value.frontMatter.value}\` (\`${value.frontMatter.key}\`)`,
          place: value.field.place,
          actual: value.field.value
        })
      }
    }

    reports.push(
      ...versionOrder(tree, facts, template, source),
      ...sectionListFieldReports(tree, template, options.incidentPattern, source),
      ...optionalFieldReports(tree, template)
    )
    return reports
  },
  templateSummary(template) {
    const header = templateHeaderLabels(template)
    const lists = template.roles.listFields.filter((group) => group.section !== undefined)
    if (header.length === 0 && lists.length === 0 && template.roles.optionalFields.length === 0) return undefined
    const keys = frontMatterKeys(template)
    const quoted = (labels: readonly string[]) => labels.map((label) => `\`${label}\``).join(', ')
    const fields = header.filter((label) => !keys.has(label))
    const parts = [
      ...(fields.length > 0 ? [`header fields ${quoted(fields)}`] : []),
      ...(keys.size > 0 ? [`front matter keys ${quoted([...keys])} (where a document has front matter)`] : [])
    ]
    const incidentLabel = templateIncidentField(template)?.label
    const incidentFormat = templateIncidentFormat(template)
    if (incidentLabel && incidentFormat) {
      parts.push(
        `\`${incidentLabel}\` ` + (incidentFormat.kind === 'issue' ? 'an issue reference' : `like \`${incidentFormat.example}\``)
      )
    }
    for (const [label, choice] of templateHeaderChoices(template)) parts.push(`\`${label}\` one of ${listOf(choice, 'or')}`)
    const versions = templateVersionPair(template)
    if (versions) parts.push(`\`${versions.restored}\` lower than \`${versions.failed}\``)
    const dateFormat = templateDateFormat(template)
    if (dateFormat.text !== isoDateFormat.text) parts.push(`dates as \`${dateFormat.text}\``)
    for (const group of lists) {
      parts.push(`fields ${group.labels.map((label) => `\`${label}\``).join(', ')} in \`${group.section?.text ?? ''}\``)
      for (const [label, choice] of groupChoices(group)) parts.push(`\`${label}\` one of ${listOf(choice, 'or')}`)
    }

    for (const group of template.roles.optionalFields) {
      parts.push(`fields ${group.labels.map((label) => `\`${label}\``).join(', ')} in \`${group.section?.text ?? ''}\` not left empty (may be left out)`)
    }

    return parts.join('; ')
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof metadata.options>

export default remarkRule(metadata)

const versionLabels = new Set(['failed version', 'rolled back to'])

/** A version without the `v` the template writes (`1.2.4` for `v1.2.4`): the fix adds it. */
function versionPrefixReport(label: string, field: Field, source: SourceText): Report {
  const text = field.value.trim()
  return {
    reason: `Unexpected ${label} \`${text}\` without \`v\`, expected \`v${text}\` as the template writes versions`,
    place: field.place,
    actual: text,
    ...fieldValueEdit(field, 'v' + text, source)
  }
}

/**
 * The incident's ID, plain or as a link (its text or its URL): as the
 * `incidentPattern` option says when it is given, else as the template writes
 * it (an issue reference, or its own shape such as `INC-XXXX`); unchecked
 * when neither says.
 */
function incidentKind(pattern: RegExp, format: IncidentFormat | undefined, field: Field | undefined): ValueKind | undefined {
  if (pattern === defaultIncident && format === undefined) return undefined
  const urls = (field?.nodes ?? []).flatMap((node) => (node.type === 'link' ? [node.url] : []))
  const [test, expected] =
    pattern !== defaultIncident
      ? [pattern, `an incident ID matching \`${pattern.source}\``]
      : format?.kind === 'shape'
        ? [format.pattern, `an incident ID such as \`${format.example}\`, as the template writes it`]
        : [defaultIncident, 'an issue reference such as `#123` or an issue URL']
  return {
    expected,
    read: (text) => (test.test(text.trim()) || urls.some((url) => test.test(url)) ? text : undefined)
  }
}

/** The release rolled back to is lower than the failed one, under the template's labels for both, in the header or a section of fields. */
function versionOrder(tree: Root, facts: IncidentFacts, template: TemplateModel, source: SourceText): Report[] {
  const pair = templateVersionPair(template)
  if (!pair) return []
  const lookup = (label: string): LabelledValue | undefined => headerValue(facts, label) ?? groupFieldValue(tree, template, label)
  const version = (label: string) => {
    const value = headerValue(facts, label)
    if (value) return headerVersion(facts, label)
    const field = groupFieldValue(tree, template, label)
    return field && parseVersion(withoutNotes(field.text))
  }

  const failedVersion = version(pair.failed)
  const rolledBackTo = version(pair.restored)
  if (!failedVersion || !rolledBackTo || rolledBackTo.compare(failedVersion) < 0) return []
  const value = lookup(pair.restored)
  const failed = lookup(pair.failed)?.text ?? failedVersion.version
  return [
    {
      reason: `Unexpected ${pair.restored} \`${value?.text ?? rolledBackTo.version}\`, expected a version lower than the ${pair.failed} \`${failed}\``,
      place: value && ((value.field && fieldValuePosition(value.field, source)) ?? valuePlace(value)),
      actual: value?.text
    }
  ]
}

/** A field of one of the template's sections of fields (`## Overview`, `## Incident details`) or their bold lists (`- **Bad Version**: vX.Y.Z`). */
function groupFieldValue(tree: Root, template: TemplateModel, label: string): LabelledValue | undefined {
  for (const group of [...template.roles.listFields, ...template.roles.optionalFields]) {
    const value = group.section && group.labels.includes(label) ? sectionFieldValue(tree, group.section.text, label) : undefined
    if (value) return value
  }

  return undefined
}

/** `- Label: value` lists and label/value tables the template asks to fill in, in their sections: every label present and filled. */
function sectionListFieldReports(tree: Root, template: TemplateModel, incidentPattern: RegExp, source: SourceText): Report[] {
  const incident = templateIncidentField(template)
  const document = postmortemDocument(tree)
  return template.roles.listFields.flatMap((group) => {
    const section = group.section && findSection(document, group.section.text)
    if (!group.section || !section) return []
    const fields = readGroupFields(sectionOwnContent(document, section))
    const lookup = (label: string) => {
      const field = findField(fields, label)
      return field && {field, frontMatter: undefined, text: field.value}
    }

    // The incident's ID where the template keeps it in this section (`| Incident | INC-XXXX |`), in its form.
    const kinds: Array<[string, ValueKind | undefined]> = [
      ...Object.entries(group.shapes).map(([label, shape]): [string, ValueKind] => [label, shapeKind(shape, template)]),
      // The durations of a section that stands for the header (`## Overview`), as the header's are.
      ...template.roles.durations
        .filter((item) => item.where === 'section' && item.section === group.section?.text)
        .map((item): [string, ValueKind] => [item.label, durationKind]),
      ...[...groupChoices(group)].map(([label, choices]): [string, ValueKind] => [label, choiceKind(choices)]),
      ...(incident && incident.section === group.section.text
        ? [[incident.label, incidentKind(incidentPattern, templateIncidentFormat(template), lookup(incident.label)?.field)] as [string, ValueKind | undefined]]
        : [])
    ]
    const invalid = kinds.flatMap(([label, kind]) => {
      const value = lookup(label)
      const report = kind && value && value.text.trim() !== '' && invalidValueReport(label, value, kind, {source, template})
      return report ? [report] : []
    })
    const where = `\`${group.section.text}\``
    return [
      ...requiredFieldReports(group.labels, lookup, where, section.heading.position, (label) => groupFieldForm(label, group)),
      ...invalid
    ]
  })
}

/** A field of a section's bold list in the template (`- **Detection Time**: …`) kept with nothing after its label; leaving it out is fine. */
function optionalFieldReports(tree: Root, template: TemplateModel): Report[] {
  const document = postmortemDocument(tree)
  return template.roles.optionalFields.flatMap((group) => {
    const section = group.section && findSection(document, group.section.text)
    if (!group.section || !section) return []
    const labels = new Set(group.labels.map(normalizeText))
    const bare = bareListFields(sectionOwnContent(document, section)).filter((field) => labels.has(field.normalized))
    const lookup = (label: string) => {
      const field = findField(bare, label)
      return field && {field, frontMatter: undefined, text: ''}
    }

    return requiredFieldReports(
      bare.map((field) => field.label),
      lookup,
      `\`${group.section.text}\``,
      section.heading.position
    )
  })
}

/**
 * The report of a value that `kind` cannot read, with the certain correction
 * as its fix (`2025/12/10` → `2025-12-10`; `[2025-12-10]`, the template's
 * brackets kept, → `2025-12-10`).
 */
function invalidValueReport(
  label: string,
  value: LabelledValue,
  kind: ValueKind,
  {source, template}: {source: SourceText; template: TemplateModel}
): Report | undefined {
  if (kind.read(withoutNotes(value.text)) !== undefined) return undefined
  // A placeholder left in the field (`[YYYY-MM-DD]`, or in code as the template writes it) is `no-placeholders`' to report: one defect, one message.
  if (value.field && (holdsPlaceholder(value.field.value, template) || template.codePlaceholders.includes(value.field.value.trim()))) return undefined
  const inner = placeholderContent(value.text)?.trim()
  const corrected = kind.correct?.(value.text) ?? (inner !== undefined && kind.read(inner) !== undefined ? inner : undefined)
  const edit = corrected === undefined || !value.field ? undefined : fieldValueEdit(value.field, corrected, source)
  return {
    reason: `Unexpected ${label} \`${value.text}\`, expected ${kind.expected}`,
    place: valuePlace(value),
    actual: value.text,
    ...edit
  }
}

/** How the template writes a header field: `**Label**: …`, `Label: …` in a header without bold labels, or as an item of a list of fields. */
function headerFieldForm(template: TemplateModel): (label: string) => string {
  const listed = new Map(
    template.roles.listFields
      .filter((group) => group.section === undefined)
      .flatMap((group) => group.labels.map((label) => [label, group] as const))
  )
  const plain = new Set(template.fields.filter((group) => group.section === undefined && group.plain).flatMap((group) => group.labels))
  const keys = frontMatterKeys(template)
  return (label) => {
    const group = listed.get(label)
    if (!group) return plain.has(label) || keys.has(label) ? `${label}: …` : `**${label}**: …`
    return groupFieldForm(label, group)
  }
}

/** A field as its group writes it: `| Label | … |` in a table, `- Label: …` in a list, `2. Label: …` in a numbered one. */
function groupFieldForm(label: string, group: ListFieldGroup): string {
  if (group.shape === 'table') return group.strong ? `| **${label}** | … |` : `| ${label} | … |`
  if (group.shape === 'paragraph') return group.strong ? `**${label}**: …` : `${label}: …`
  const item = listFieldForm(label, group.strong)
  return group.start === undefined ? item : `${group.start + group.labels.indexOf(label)}.${item.slice(1)}`
}

/** The keys the template's front matter asks to fill in (`incident: INC-XXXX`). */
const frontMatterKeys = perObject(
  (template: TemplateModel): ReadonlySet<string> =>
    new Set(template.fields.filter((group) => group.section === undefined && group.frontMatter).flatMap((group) => group.labels))
)

function listFieldForm(label: string, strong: boolean): string {
  return strong ? `- **${label}**: …` : `- ${label}: …`
}
