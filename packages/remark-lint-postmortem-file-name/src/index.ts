import {basename} from 'node:path'
import {headerValue, incidentFacts} from 'mdast-util-postmortem'
import {
  type ConfiguredOptions,
  defineRule,
  type OptionSpec,
  remarkRule
} from 'postmortem-rule-core'

const tokens = ['{date}', '{failedVersion}']

const patternOption: OptionSpec<string> = {
  expected: 'a file name such as `{date}-{failedVersion}.md`, with no tokens other than `{date}` and `{failedVersion}` and no `/`',
  fallback: () => '{date}-{failedVersion}.md',
  read: (value) =>
    typeof value === 'string' &&
    value.trim() !== '' &&
    !value.includes('/') &&
    (value.match(/\{[^{}]*\}/g) ?? []).every((token) => tokens.includes(token))
      ? value
      : undefined
}

export const fileName = defineRule({
  id: 'file-name',
  description: 'The file is named after the incident date and failed version',
  options: {pattern: patternOption},
  check(tree, {options, path}) {
    if (!path) return []
    const facts = incidentFacts(tree)
    const failed = headerValue(facts, 'Failed Version')
    if (!facts.date || !facts.failedVersion || !failed) return []

    const written = failed.text.trim()
    const expected = [written, facts.failedVersion.version, 'v' + facts.failedVersion.version].map((version) =>
      options.pattern.replaceAll('{date}', facts.date?.text ?? '').replaceAll('{failedVersion}', version)
    )
    const actual = basename(path)
    if (expected.includes(actual)) return []

    return [
      {
        reason: `Unexpected file name \`${actual}\`, expected \`${expected[0]}\` (from the header's Date and Failed Version)`,
        place: undefined,
        actual,
        expected: [expected[0] ?? '']
      }
    ]
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof fileName.options>

export default remarkRule(fileName)
