import {cpSync, readdirSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {lint as lintPromise} from 'markdownlint/promise'
import {lint as lintSync} from 'markdownlint/sync'
import markdownlintRulePostmortem, {documentsRead} from 'markdownlint-rule-postmortem'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {describe, expect, it} from 'vitest'
import {runNode} from '../../../test/cli.js'
import {ruleIds} from '../../../test/rules.js'
import {busyMachineTimeout, fixture, lint, root, scratchFolder} from '../../../test/util.js'

const config = {default: false, postmortem: true}

function fixturePaths(): string[] {
  const folder = join(root, 'fixtures')
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('fixtures', name))
    .sort()
}

async function markdownlintResults(paths: string[], extraConfig: object = {}) {
  return lintPromise({
    files: paths.map((path) => join(root, path)),
    config: {...config, ...extraConfig},
    customRules: markdownlintRulePostmortem
  })
}

describe('markdownlint-rule-postmortem', {timeout: busyMachineTimeout}, () => {
  it('exports one custom rule per check, with names, tags, information and the micromark parser', () => {
    expect(markdownlintRulePostmortem.map((rule) => rule.names[0])).toEqual(ruleIds)
    for (const rule of markdownlintRulePostmortem) {
      expect(rule.tags).toContain('postmortem')
      expect(rule.parser).toBe('micromark')
      expect(rule.information?.href).toMatch(/^https:\/\/www\.npmjs\.com\/package\/remark-lint-postmortem-/)
    }
  })

  it.each(fixturePaths())('reports the same rule ids on the same lines as the remark preset: %s', async (path) => {
    const results = await markdownlintResults([path])
    const file = fixture(path.slice('fixtures/'.length))
    // markdownlint cannot point into front matter nor at no line: both land
    // on the first line after the front matter, which for markdownlint takes
    // the blank lines after its closing fence too (read before remark
    // rewrites the file's value).
    const frontMatter = /^\uFEFF?(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1\s*/.exec(String(file.value))?.[0].split('\n').length ?? 1
    const remarkMessages = await lint(file, [remarkPresetLintPostmortem])
    const expected = remarkMessages
      .map((message) => `${message.ruleId}:${Math.max(message.line ?? 0, frontMatter)}`)
      .sort()
    const actual = (results[join(root, path)] ?? []).map((error) => `${error.ruleNames[0]}:${error.lineNumber}`).sort()
    expect({path, messages: actual}).toEqual({path, messages: expected})
  })

  it('hands the remark reason as detail, the offending text as context and a range', async () => {
    const path = join(root, 'fixtures/action-items/bad-rows.md')
    const results = await markdownlintResults(['fixtures/action-items/bad-rows.md'])
    expect(results[path]?.[0]).toMatchObject({
      lineNumber: 137,
      ruleNames: ['postmortem-action-items'],
      errorDetail: 'Unexpected owner `Sam` in action item 1, expected one or more `@handle` or `@org/team`',
      errorContext: 'Sam',
      errorRange: [45, 3],
      fixInfo: {editColumn: 45, deleteCount: 3, insertText: '@Sam'}
    })
  })

  it('works with markdownlint/sync and strings', () => {
    const results = lintSync({
      strings: {'notes.md': '# Post-mortem\n\n## Incident Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:05 | b |\n| 10:00 | a |\n'},
      config: {default: false, 'postmortem-timeline-order': true},
      customRules: markdownlintRulePostmortem
    })
    expect(results['notes.md']?.map((error) => [error.lineNumber, error.errorDetail])).toEqual([
      [8, 'Unexpected time `10:00` in timeline row 2, earlier than `10:05` in row 1, expected rows in chronological order']
    ])
  })

  it('is silenced by `<!-- markdownlint-disable postmortem-timeline-order -->`', () => {
    const value = String(fixture('timeline-order/out-of-order.md').value)
    const lintValue = (text: string) =>
      lintSync({strings: {'doc.md': text}, config, customRules: markdownlintRulePostmortem})['doc.md']?.filter(
        (error) => error.ruleNames[0] === 'postmortem-timeline-order'
      )
    expect(lintValue(value)).toHaveLength(1)
    expect(lintValue('<!-- markdownlint-disable postmortem-timeline-order -->\n\n' + value)).toEqual([])
  })

  it('reports on the file\'s true lines when there is front matter', async () => {
    const path = 'fixtures/metadata/front-matter-mismatch.md'
    const results = await markdownlintResults([path])
    expect(results[join(root, path)]?.filter((error) => error.ruleNames[0] === 'postmortem-metadata')).toMatchObject([
      {lineNumber: 12, errorDetail: "Unexpected Date `2025-12-10` in the header, expected the front matter's `2025-12-11` (`date`)"},
      {lineNumber: 16, errorDetail: expect.stringMatching(/^Unexpected Impact `No user-facing impact; production/)}
    ])
  })

  it('reads each document once for all the rules, from markdownlint’s tokens', async () => {
    const paths = ['fixtures/examples/2025-12-10-v1.2.4.md', 'fixtures/examples/2025-12-18-v3.0.0.md']
    const before = documentsRead()
    await markdownlintResults(paths)
    const after = documentsRead()
    expect({fromTokens: after.fromTokens - before.fromTokens, parsed: after.parsed - before.parsed}).toEqual({fromTokens: paths.length, parsed: 0})
  })

  it('reports a bad option as an error naming the rule and option, not an exception', () => {
    const results = lintSync({
      strings: {'doc.md': '# Post-mortem\n'},
      config: {default: false, 'postmortem-action-items': {statuses: []}, 'postmortem-file-name': {patern: 'x'}},
      customRules: markdownlintRulePostmortem
    })
    expect(results['doc.md']?.map((error) => [error.ruleNames[0], error.lineNumber, error.errorDetail])).toEqual([
      [
        'postmortem-action-items',
        1,
        'remark-lint-postmortem-action-items: unexpected value `[]` for option `statuses`, expected a non-empty array of non-empty strings'
      ],
      ['postmortem-file-name', 1, 'remark-lint-postmortem-file-name: unexpected option `patern`, expected `template`, `pattern`']
    ])
  })

  it('takes options from markdownlint config, per rule and for the whole tag', () => {
    const value = String(fixture('required-headings/team-template-ok.md').value)
    const results = lintSync({
      strings: {'doc.md': value},
      config: {default: false, postmortem: {template: 'fixtures/templates/team-template.md'}, 'postmortem-file-name': false},
      customRules: markdownlintRulePostmortem
    })
    expect(results['doc.md']).toEqual([])
  })

  it('has no findings in the team\'s template itself', () => {
    const template = 'fixtures/templates/bullet-questions.md'
    const config = {default: false, postmortem: {template}}
    expect(lintSync({files: [template], config, customRules: markdownlintRulePostmortem})[template]).toEqual([])
    const started = lintSync({strings: {'inc-2026-099.md': String(fixture('templates/bullet-questions.md').value)}, config, customRules: markdownlintRulePostmortem})
    expect(started['inc-2026-099.md']?.map((error) => `${error.lineNumber} ${error.ruleNames[0]}`)).toContain('16 postmortem-no-placeholders')
  })

  it('runs in markdownlint-cli2 loaded by name from customRules', () => {
    const folder = scratchFolder('markdownlint-cli2-')
    cpSync(join(root, 'fixtures/examples'), join(folder, 'docs'), {recursive: true})
    cpSync(join(root, 'fixtures/action-items/bad-rows.md'), join(folder, 'docs/bad-rows.md'))
    writeFileSync(
      join(folder, '.markdownlint-cli2.jsonc'),
      '// postmortem checks only\n{"config": {"default": false, "postmortem": true}, "customRules": ["markdownlint-rule-postmortem"]}\n'
    )
    const run = runNode(join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ['docs/**/*.md'], folder)
    const output = run.stdout + run.stderr
    expect(run.status).toBe(1)
    expect(output).toContain(
      'docs/2025-12-18-v3.0.0.md:87:4 error postmortem-required-headings Post-mortem sections follow the template: present, in order, at the right rank, not empty [Unexpected section `Lessons Learnt`, expected `Lessons Learned`]'
    )
    expect(output).toContain('docs/bad-rows.md:137:45 error postmortem-action-items')
    expect(output).not.toContain('docs/2025-12-10-v1.2.4.md')
    expect(relative(root, folder)).toMatch(/^test\/\.tmp\//)
  })
})
