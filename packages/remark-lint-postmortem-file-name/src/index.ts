import {basename} from 'node:path'
import {headerValue, incidentFacts, normalizeText, templateHeaderLabels, withoutNotes, type TemplateModel} from 'mdast-util-postmortem'
import {defineRule, remarkRule, templateOption, type ConfiguredOptions, type OptionSpec} from 'postmortem-rule-core'

/** The tokens of a pattern and the header label each is filled from. */
const tokenLabels: ReadonlyMap<string, string> = new Map([
  ['{date}', 'Date'],
  ['{failedVersion}', 'Failed Version']
])

const patternOption: OptionSpec<string, string> = {
  expected: 'a file name such as `{date}-{failedVersion}.md`, with no tokens other than `{date}` and `{failedVersion}` and no `/`',
  fallback: () => '{date}-{failedVersion}.md',
  read: (value) =>
    typeof value === 'string' &&
    value.trim() !== '' &&
    !value.includes('/') &&
    (value.match(/\{[^{}]*\}/g) ?? []).every((token) => tokenLabels.has(token))
      ? value
      : undefined
}

export const fileName = defineRule({
  id: 'file-name',
  description: 'The file is named after the incident date and failed version',
  options: {template: templateOption, pattern: patternOption},
  check(tree, {options, path}) {
    if (!path || !templateHas(options.template, options.pattern)) return []
    const facts = incidentFacts(tree)
    const failed = headerValue(facts, 'Failed Version')
    if (!facts.date || !facts.failedVersion || !failed) return []

    const written = withoutNotes(failed.text)
    const expected = [written, facts.failedVersion.version, 'v' + facts.failedVersion.version].map((version) =>
      options.pattern.replaceAll('{date}', facts.date?.text ?? '').replaceAll('{failedVersion}', version)
    )
    const actual = basename(path)
    if (expected.includes(actual)) return []

    return [
      {
        reason: `Unexpected file name \`${actual}\`, expected \`${expected[0]}\` (from the header's Date and Failed Version)`,
        place: undefined,
        actual
      }
    ]
  },
  templateSummary(template) {
    const pattern = '{date}-{failedVersion}.md'
    return templateHas(template, pattern) ? `file named \`${pattern}\` from the header's \`Date\` and \`Failed Version\`` : undefined
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof fileName.options>

export default remarkRule(fileName)

/** Whether the template's header has the field of every token `pattern` uses. */
function templateHas(template: TemplateModel, pattern: string): boolean {
  const labels = new Set(templateHeaderLabels(template).map(normalizeText))
  return [...tokenLabels].every(([token, label]) => !pattern.includes(token) || labels.has(normalizeText(label)))
}
