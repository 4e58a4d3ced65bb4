import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {lintOptions, parseLintArguments, UsageError} from '../packages/postmortem-lint/dist/arguments.js'
import type {Log} from 'sarif'
import {describe, expect, it} from 'vitest'
import {cliPath, runCli} from './cli.js'
import {busyMachineTimeout, projectFolder, root, scratchFolder} from './util.js'

const require = createRequire(import.meta.url)
const failing = readFileSync(join(root, 'fixtures/examples/2025-12-18-v3.0.0.md'), 'utf8')
const clean = readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8')

/** Every file's bytes under `folder`, by path. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'})) {
    if (name.startsWith('node_modules')) continue
    try {
      files[name] = readFileSync(join(folder, name), 'latin1')
    } catch {}
  }

  return files
}

function withStdin(args: string[], input: string, cwd = root, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {cwd, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('the CLI never writes unless asked', {timeout: busyMachineTimeout}, () => {
  it.each([
    [['-qo', '2025-12-18-v3.0.0.md']],
    [['-fo', '2025-12-18-v3.0.0.md']],
    [['-So', '2025-12-18-v3.0.0.md']],
    [['--output=victim.md', '2025-12-18-v3.0.0.md']],
    [['--stdout', '2025-12-18-v3.0.0.md']],
    [['-qo', 'victim.md']]
  ])('%j leaves every byte of every file unchanged and exits 2', (args) => {
    // The usage error comes before any configuration is read: no packages to link (whose files the snapshot would walk).
    const folder = scratchFolder('write-')
    writeFileSync(join(folder, '2025-12-18-v3.0.0.md'), failing)
    writeFileSync(join(folder, 'victim.md'), 'keep me\n')
    const before = snapshot(folder)
    const run = withStdin(args, failing, folder)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^postmortem-lint: unexpected option `(-o|--output|--stdout)`: /)
    expect(snapshot(folder)).toEqual(before)
  })
})

describe('inputs', {timeout: busyMachineTimeout}, () => {
  it('ends in a folder with symlink loops, linting each file once', () => {
    const folder = projectFolder('loop-')
    mkdirSync(join(folder, 'd/e'), {recursive: true})
    writeFileSync(join(folder, 'd/2025-12-10-v1.2.4.md'), clean)
    writeFileSync(join(folder, 'd/e/2025-12-18-v3.0.0.md'), failing)
    symlinkSync('.', join(folder, 'd/self'))
    symlinkSync('..', join(folder, 'd/e/up'))
    const run = runCli(['d'], folder)
    expect(run.status).toBe(1)
    expect(run.stderr.match(/2025-12-10-v1\.2\.4\.md: no issues found/g)).toHaveLength(1)
    expect(run.stderr.match(/2025-12-18-v3\.0\.0\.md\n/g)).toHaveLength(1)
    expect(run.stderr).toContain('2 files, 1 with findings, 10 errors')
  })

  it('exits 2 naming a glob that matches nothing, unless told not to', () => {
    const typo = runCli(['contexts/retrospectivs/**/*.md'], root)
    expect(typo.status).toBe(2)
    expect(typo.stderr).toContain('postmortem-lint: no file matches `contexts/retrospectivs/**/*.md`')
    const allowed = runCli(['--no-error-on-unmatched-pattern', 'contexts/retrospectivs/**/*.md'], root)
    expect(allowed.status).toBe(0)
    expect(allowed.stderr).toContain('warning: no file matches')
  })

  it('honours --ext in folders and in the warning', () => {
    const folder = projectFolder('ext-')
    mkdirSync(join(folder, 'notes'))
    writeFileSync(join(folder, 'notes/a.txt'), failing)
    const run = runCli(['--ext', 'txt', 'notes'], folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('notes/a.txt')
    expect(run.stderr).not.toContain('no Markdown files')
    const none = runCli(['--ext', 'rst', 'notes'], folder)
    expect(none.stderr).toContain('postmortem-lint: no `.rst` files in `notes`')
  })

  it.each(['default', 'github', 'sarif', 'json'])('reads stdin with --format %s', (format) => {
    const run = withStdin(['--format', format], failing)
    expect(run.status).toBe(1)
    const output = format === 'default' ? run.stderr : run.stdout
    expect(output).toContain('Lessons Learnt')
    if (format === 'github') expect(run.stdout).toContain('::error file=<stdin>,line=87')
    if (format === 'sarif') expect(run.stdout).toContain('"uri": "%3Cstdin%3E"')
    const named = withStdin(['--format', format, '--file-path', 'drafts/2025-12-18-v3.0.0.md'], failing)
    expect(format === 'default' ? named.stderr : named.stdout).toContain('drafts/2025-12-18-v3.0.0.md')
  })
})

describe('SARIF', {timeout: busyMachineTimeout}, () => {
  it('has percent-encoded relative URIs that validate with formats enforced and resolve back to their files', () => {
    const folder = projectFolder('sarif-')
    const names = ['q?x.md', 'sp ace #hash %25 ü.md', 'plain.md']
    for (const name of names) writeFileSync(join(folder, name), failing)
    const run = runCli(['--format', 'sarif', ...names], folder)
    expect(run.status).toBe(1)
    const log = JSON.parse(run.stdout) as Log
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false, validateFormats: true})
    addFormats(ajv)
    const validate = ajv.compile(schema)
    expect(validate(log), JSON.stringify(validate.errors, undefined, 2)).toBe(true)

    const [sarifRun] = log.runs
    const base = sarifRun?.originalUriBaseIds?.['%SRCROOT%']?.uri ?? ''
    expect(base).toBe(pathToFileURL(folder).href + '/')
    const uris = new Set(sarifRun?.results?.map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri))
    expect([...uris].map((uri) => fileURLToPath(new URL(uri ?? '', base))).sort()).toEqual(names.map((name) => resolve(folder, name)).sort())
    const rule = sarifRun?.tool.driver.rules?.find((item) => item.id === 'postmortem-required-headings')
    expect(rule?.shortDescription?.text).toBe('Post-mortem sections follow the template: present, in order, at the right rank, not empty')
  })
})

describe('errors', {timeout: busyMachineTimeout}, () => {
  it.each([
    ['a malformed .remarkrc.json', '{"plugins": [', /^postmortem-lint: configuration error: Cannot parse file `\.remarkrc\.json`/m],
    ['an unknown plugin', '{"plugins": ["remark-lint-no-such-rule"]}', /^postmortem-lint: configuration error: Cannot find module `remark-lint-no-such-rule`/m],
    [
      'a severity that does not exist',
      '{"plugins": [["remark-lint-postmortem-sign-off", ["fatal"]]]}',
      /^postmortem-lint: configuration error: remark-lint-postmortem-sign-off: unexpected severity `"fatal"`, expected `"off"`/m
    ]
  ])('%s: one line, once per run, exit 2, not counted as a finding', (_, config, line) => {
    const folder = projectFolder('config-')
    writeFileSync(join(folder, '.remarkrc.json'), config)
    writeFileSync(join(folder, '2025-12-10-v1.2.4.md'), clean)
    mkdirSync(join(folder, 'b'))
    copyFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), join(folder, 'b/2025-12-10-v1.2.4.md'))
    const run = runCli(['2025-12-10-v1.2.4.md', 'b/2025-12-10-v1.2.4.md'], folder)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(line)
    expect(run.stderr.match(/configuration error/g)).toHaveLength(1)
    expect(run.stderr).not.toMatch(/\n +at /)
    expect(run.stderr).toContain('0 errors')
    // Neither file was linted: neither is reported as clean.
    expect(run.stderr).not.toContain('no issues found')
    expect(run.stderr).toContain('0 files, 0 with findings, 0 errors, 2 files not linted')
  })

  it('keeps the cause of a file that cannot be read in every format', () => {
    const folder = projectFolder('cause-')
    symlinkSync('loop.md', join(folder, 'loop.md'))
    for (const format of ['default', 'github', 'sarif', 'json']) {
      const run = runCli(['--format', format, 'loop.md'], folder)
      expect(run.status, format).toBe(1)
      expect(run.stdout + run.stderr, format).toMatch(/ELOOP/)
    }
  })
})

describe('help, colour and summary', {timeout: busyMachineTimeout}, () => {
  it('documents exactly the options the CLI accepts, the commands and the exit codes', () => {
    const help = runCli(['--help'], root).stdout
    const documented = [...help.matchAll(/^ {2}(?:-\w, )?\s*(--[\w-]+)/gm)].map((match) => match[1])
    expect(documented).toEqual(lintOptions.map((option) => '--' + option.name))
    for (const word of ['--format', '--fix', 'new', 'template', 'Exit codes:', '0  no findings', '1  findings', '2  usage or configuration error']) {
      expect(help).toContain(word)
    }

    // What the CLI accepts is what its parser accepts: each documented option parses.
    for (const option of lintOptions) {
      const value = {format: 'github', concurrency: '2'}[option.name] ?? 'md'
      const args = option.type === 'string' ? [`--${option.name}`, value] : [`--${option.name}`]
      const needs = option.name === 'cache-location' ? ['--cache'] : []
      expect(() => parseLintArguments([...needs, ...args, 'file.md']), option.name).not.toThrow()
    }

    expect(() => parseLintArguments(['--no-such-option'])).toThrow(UsageError)
    expect(runCli(['--no-such-option'], root).status).toBe(2)
  })

  it('colours only on request or a terminal: NO_COLOR and FORCE_COLOR=0 win', () => {
    const colourless = (env: NodeJS.ProcessEnv, args: string[] = []) =>
      spawnSync(process.execPath, [cliPath, ...args, 'fixtures/examples'], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env}}).stderr
    const ansi = /\u001B\[/
    expect(colourless({NO_COLOR: undefined, FORCE_COLOR: undefined})).not.toMatch(ansi)
    expect(colourless({NO_COLOR: '1', FORCE_COLOR: undefined})).not.toMatch(ansi)
    expect(colourless({NO_COLOR: undefined, FORCE_COLOR: '0'})).not.toMatch(ansi)
    expect(colourless({NO_COLOR: undefined, FORCE_COLOR: '1'})).toMatch(ansi)
    expect(colourless({NO_COLOR: undefined, FORCE_COLOR: undefined}, ['--color'])).toMatch(ansi)
  })

  it('sums up the run, and -q hides clean files', () => {
    const run = runCli(['fixtures/examples'], root)
    expect(run.stderr.trim().split('\n').at(-1)).toBe('2 files, 1 with findings, 10 errors')
    const quiet = runCli(['-q', 'fixtures/examples'], root)
    expect(quiet.stderr).not.toContain('no issues found')
    expect(quiet.stderr).toContain('2 files, 1 with findings, 10 errors')
  })
})
