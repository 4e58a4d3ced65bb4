import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint as markdownlint} from 'markdownlint/sync'
import markdownlintRulePostmortem from 'markdownlint-rule-postmortem'
import {describeValue} from 'postmortem-rule-core'
import {describe, expect, it} from 'vitest'
import {runCli} from '../cli.js'
import {rules} from '../rules.js'
import {busyMachineTimeout, fixture, lint, projectFolder} from '../util.js'

/** Wrong values for each kind of option (JSON-expressible, as in a config file). */
const wrong: Record<string, unknown[]> = {
  template: [42, '', 'no-such-file.md', ['fixtures/templates/team-template.md']],
  allowExtra: ['yes', 1, {}],
  allowEmpty: ['no', 0],
  ownerPattern: ['(', 5, true],
  ticketPattern: ['[A-Z', ''],
  incidentPattern: ['(?<', 0],
  statuses: [[], 'Done', [1], ['']],
  closingStatuses: [['Done'], {Done: 'closed'}, 'Done', {'': 'done'}],
  maxHours: [-1, '48', true],
  toleranceMinutes: [-0.5, '1'],
  pattern: ['{date}-{version}.md', 'archive/{date}.md', 7, '']
}

const cases = rules.flatMap(({plugin, definition}) =>
  Object.keys(definition.options).flatMap((option) =>
    (wrong[option] ?? []).map((value) => ({plugin, definition, option, value}))
  )
)

/** What every configuration error says: the package, the option, and the value received. */
function expectNamed(reason: string, packageName: string, option: string, value: unknown) {
  expect(reason).toContain(packageName + ': ')
  expect(reason).toContain('`' + option + '`')
  expect(reason.includes(describeValue(value)) || (typeof value === 'string' && reason.includes('`' + value + '`'))).toBe(true)
  expect(reason).toMatch(/expected /)
}

const clean = 'examples/2025-12-10-v1.2.4.md'

describe('configuration errors', {timeout: busyMachineTimeout}, () => {
  it('cover every option of every rule', () => {
    for (const {definition} of rules) {
      for (const option of Object.keys(definition.options)) expect(wrong[option], option).toBeDefined()
    }
  })

  it.each(cases.map((item) => [item.definition.packageName, item.option, describeValue(item.value), item] as const))(
    'remark: %s %s %s fails the run',
    async (_, option, __, {plugin, definition, value}) => {
      const messages = await lint(fixture(clean), [[plugin, ['warn', {[option]: value}]]])
      expect(messages).toHaveLength(1)
      expect(messages[0]?.fatal).toBe(true)
      expectNamed(messages[0]?.reason ?? '', definition.packageName, option, value)
    }
  )

  it.each(rules.map((item) => [item.definition.packageName, item] as const))(
    'remark and markdownlint: %s rejects unknown option names',
    async (_, {plugin, definition}) => {
      const [message] = await lint(fixture(clean), [[plugin, {allowextra: true}]])
      expect(message?.reason).toContain(`${definition.packageName}: unexpected option \`allowextra\`, expected `)
      const results = markdownlint({
        strings: {'doc.md': '# T\n'},
        config: {default: false, ['postmortem-' + definition.id]: {allowextra: true}},
        customRules: markdownlintRulePostmortem
      })
      expect(results['doc.md']?.[0]?.errorDetail).toBe(message?.reason)
    }
  )

  it.each(cases.map((item) => [item.definition.packageName, item.option, describeValue(item.value), item] as const))(
    'markdownlint: %s %s %s is an error naming the option',
    (_, option, __, {definition, value}) => {
      const results = markdownlint({
        strings: {'doc.md': '# T\n'},
        config: {default: false, ['postmortem-' + definition.id]: {[option]: value}},
        customRules: markdownlintRulePostmortem
      })
      const errors = results['doc.md'] ?? []
      expect(errors).toHaveLength(1)
      expect(errors[0]?.lineNumber).toBe(1)
      expectNamed(errors[0]?.errorDetail ?? '', definition.packageName, option, value)
    }
  )

  it('CLI: one bad option per rule in `.remarkrc.json` fails the run, naming each', () => {
    const folder = projectFolder('config-')
    const firstCase = rules.map(({definition}) => cases.find((item) => item.definition === definition))
    const plugins = firstCase.flatMap((item) =>
      item ? [['remark-lint-postmortem-' + item.definition.id, {[item.option]: item.value}]] : []
    )
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({plugins}))
    writeFileSync(join(folder, '2025-12-10-v1.2.4.md'), String(fixture(clean).value))
    const run = runCli(['2025-12-10-v1.2.4.md'], folder)
    expect(run.status).toBe(2)
    for (const item of firstCase) {
      if (!item) continue
      expect(run.stderr).toContain(item.definition.packageName + ': ')
      expect(run.stderr).toContain('`' + item.option + '`')
    }

    expect(plugins).toHaveLength(rules.length)
  })
})
