import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from './cli.js'
import {busyMachineTimeout, projectFolder, root} from './util.js'

/** A project folder with the packages installed, the fixtures and `config` as `.remarkrc.json`. */
function project(config?: object): string {
  const folder = projectFolder('cli-')
  cpSync(join(root, 'fixtures'), join(folder, 'fixtures'), {recursive: true})
  if (config) writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify(config))
  return folder
}

describe('postmortem-lint', {timeout: busyMachineTimeout}, () => {
  it('reports the failing example, passes the clean one and exits 1', () => {
    const run = runCli(['fixtures/examples'], root)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('fixtures/examples/2025-12-10-v1.2.4.md: no issues found')
    expect(run.stderr).toMatch(
      /87:4-87:18 +error +Unexpected section `Lessons Learnt`, expected `Lessons Learned` +postmortem-required-headings +remark-lint/
    )
    expect(run.stderr).toMatch(
      /22:1-22:40 +error +Unexpected unchecked item `Action items created and assigned` in `Constitutional Compliance`.* postmortem-compliance-checked/
    )
    expect(run.stderr).toMatch(
      /31:1-31:9 +error +Unexpected time `14:07` in timeline row 3, earlier than `14:09` in row 2.* postmortem-timeline-order/
    )
    expect(run.stderr).toMatch(/85:50-85:55 +error +Unexpected status `Maybe` in action item 2.* postmortem-action-items/)
  })

  it('exits 0 on a clean post-mortem and never writes the document to stdout', () => {
    const path = 'fixtures/examples/2025-12-10-v1.2.4.md'
    const before = readFileSync(join(root, path), 'utf8')
    const run = runCli([path], root)
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('')
    expect(readFileSync(join(root, path), 'utf8')).toBe(before)
  })

  it('refuses `--output`', () => {
    const run = runCli(['-o', 'fixtures/examples'], root)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('linting never writes the files it reads')
  })

  it('prints its version and help', () => {
    expect(runCli(['--version'], root).stdout.trim()).toBe(`postmortem-lint 0.1.0 (Node.js ${process.version})`)
    const help = runCli(['--help'], root)
    expect(help.stdout).toContain('Usage: postmortem-lint [options] [path | glob ...]')
    expect(help.stdout).toContain('deployment-rollback post-mortems')
  })

  it('applies a `.remarkrc.json` on top of the built-in preset, the preset and the rule it names being the ones it runs', () => {
    const folder = project({
      plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-headings', ['error', {allowExtra: false}]]]
    })
    const run = runCli(['fixtures/required-headings/extra-section.md'], folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain("Unexpected section `Customer Communication`, expected only the template's sections")
    // Each finding once: no rule runs twice.
    const findings = run.stderr.split('\n').filter((line) => / error /.test(line))
    expect(findings).toHaveLength(3)
    expect(new Set(findings).size).toBe(3)
    expect(run.stderr).toContain('1 file, 1 with findings, 3 errors\n')
  })

  it.each([
    ['.remarkrc.yml', 'plugins:\n  - - remark-lint-postmortem-required-headings\n    - - error\n      - allowExtra: false\n'],
    ['.remarkrc.cjs', "module.exports = {plugins: [['remark-lint-postmortem-required-headings', ['error', {allowExtra: false}]]]}\n"],
    [
      '.remarkrc.mjs',
      "import rule from 'remark-lint-postmortem-required-headings'\n\nexport default {plugins: [[rule, ['error', {allowExtra: false}]]]}\n"
    ],
    ['package.json', JSON.stringify({remarkConfig: {plugins: [['remark-lint-postmortem-required-headings', ['error', {allowExtra: false}]]]}})]
  ])('reads its configuration from `%s`, as remark-cli does', (name, text) => {
    const folder = project()
    writeFileSync(join(folder, name), text)
    const run = runCli(['fixtures/required-headings/extra-section.md'], folder)
    expect(run.stderr).toContain("Unexpected section `Customer Communication`, expected only the template's sections")
    expect(run.stderr).toContain('1 file, 1 with findings, 3 errors\n')
    expect(run.status).toBe(1)
  })

  it('uses the shared template setting for every rule', () => {
    const folder = project({settings: {postmortem: {template: 'fixtures/templates/team-template.md'}}})
    expect(runCli(['fixtures/required-headings/team-template-ok.md'], folder).status).toBe(0)
    const run = runCli(['fixtures/examples/2025-12-10-v1.2.4.md'], folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Unexpected missing section `Summary`, expected it as the first section')
  })

  it('lints a folder of post-mortems that holds its template and an index left out by `.remarkignore`', () => {
    const folder = project({settings: {postmortem: {template: 'fixtures/teams/bullet-questions/TEMPLATE.md'}}})
    const team = join(folder, 'fixtures/teams/bullet-questions')
    cpSync(join(folder, 'fixtures/templates/bullet-questions.md'), join(team, 'TEMPLATE.md'))
    writeFileSync(join(team, 'README.md'), '# Post-mortems\n\n- [Webhook backlog](inc-2026-017.md)\n')
    writeFileSync(join(folder, '.remarkignore'), 'fixtures/teams/bullet-questions/README.md\n')
    const run = runCli(['--quiet', 'fixtures/teams/bullet-questions'], folder)
    expect(run.stderr).not.toContain('TEMPLATE.md')
    expect(run.stderr).not.toContain('README.md')
    expect(run.stderr).toContain('4 files, 2 with findings, 7 errors')
  })

  it.each([
    [
      {plugins: [['remark-lint-postmortem-required-headings', {allowExtra: 'yes'}]]},
      'remark-lint-postmortem-required-headings: unexpected value `"yes"` for option `allowExtra`, expected `true` or `false`'
    ],
    [
      {plugins: [['remark-lint-postmortem-required-headings', {template: 'no-such-file.md'}]]},
      'remark-lint-postmortem-required-headings: cannot read `no-such-file.md`'
    ],
    [
      {settings: {postmortem: {template: 'no-such-file.md'}}},
      'remark-preset-lint-postmortem: cannot read `no-such-file.md`'
    ],
    [
      {settings: {postmortem: {template: 'fixtures/templates/invalid/empty.md'}}},
      'remark-preset-lint-postmortem: unexpected template `fixtures/templates/invalid/empty.md`'
    ],
    [
      {plugins: [['remark-lint-postmortem-timeline-order', {template: 'fixtures/templates/invalid/no-sections.md'}]]},
      'remark-lint-postmortem-timeline-order: unexpected template `fixtures/templates/invalid/no-sections.md`'
    ],
    [
      {settings: {postmortem: {template: 42}}},
      'remark-preset-lint-postmortem: unexpected value `42` for `settings.postmortem.template`, expected a path to a Markdown template'
    ]
  ])('fails without --frail on the bad configuration %j, with exit code 2', (config, reason) => {
    const run = runCli(['fixtures/examples/2025-12-10-v1.2.4.md'], project(config))
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(reason)
  })
})
