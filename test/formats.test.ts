import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import Ajv from 'ajv-draft-04'
import type {Log} from 'sarif'
import {describe, expect, it} from 'vitest'
import {runCli} from './cli.js'
import {busyMachineTimeout, root} from './util.js'

const require = createRequire(import.meta.url)

describe('postmortem-lint --format', {timeout: busyMachineTimeout}, () => {
  it('writes SARIF 2.1.0 to stdout that validates against the schema', () => {
    const run = runCli(['--format', 'sarif', 'fixtures/examples'], root)
    expect(run.status).toBe(1)
    const log = JSON.parse(run.stdout) as Log

    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
    ) as object
    const validate = new Ajv({allErrors: true, strict: false, unicodeRegExp: false}).compile(schema)
    expect(validate(log), JSON.stringify(validate.errors, undefined, 2)).toBe(true)
    expect(validate({...log, version: '2.0.0'})).toBe(false)

    expect(log.runs).toHaveLength(1)
    const [sarifRun] = log.runs
    expect(sarifRun?.tool.driver.rules).toContainEqual(
      expect.objectContaining({
        id: 'postmortem-required-headings',
        helpUri: 'https://www.npmjs.com/package/remark-lint-postmortem-required-headings#readme'
      })
    )
    expect(sarifRun?.results).toHaveLength(10)
    expect(sarifRun?.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'postmortem-required-headings',
        level: 'error',
        message: {text: 'Unexpected section `Lessons Learnt`, expected `Lessons Learned`'},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: 'fixtures/examples/2025-12-18-v3.0.0.md', uriBaseId: '%SRCROOT%'},
              region: {startLine: 87, startColumn: 4, endLine: 87, endColumn: 18}
            }
          }
        ]
      })
    )
  })

  it('writes GitHub workflow commands to stdout', () => {
    const run = runCli(['--format=github', 'fixtures/examples', 'fixtures/file-name/2025-12-11-v1.2.4.md'], root)
    expect(run.status).toBe(1)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(12)
    expect(lines).toContain(
      '::error file=fixtures/examples/2025-12-18-v3.0.0.md,line=87,col=4,endLine=87,endColumn=18,title=postmortem-required-headings::Unexpected section `Lessons Learnt`, expected `Lessons Learned`'
    )
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=fixtures\/file-name\/2025-12-11-v1\.2\.4\.md,line=3,.*title=postmortem-unique-incident::Unexpected incident ID `#123`, also the incident of `2025-12-10-1\.2\.4\.md`/))
    expect(lines).toContain(
      "::error file=fixtures/file-name/2025-12-11-v1.2.4.md,title=postmortem-file-name::Unexpected file name `2025-12-11-v1.2.4.md`, expected `2025-12-10-v1.2.4.md` (from the header's Date and Failed Version)"
    )
  })

  it('writes unified\'s JSON report to stdout with `--format json`', () => {
    const run = runCli(['--format', 'json', 'fixtures/examples/2025-12-18-v3.0.0.md'], root)
    expect(run.status).toBe(1)
    const [file] = JSON.parse(run.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    expect(file?.path).toBe('fixtures/examples/2025-12-18-v3.0.0.md')
    expect(file?.messages).toHaveLength(10)
  })

  it('rejects an unknown format, and `--report`, with exit code 2', () => {
    const unknown = runCli(['--format', 'xml', 'fixtures/examples'], root)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('postmortem-lint: unexpected format `xml`, expected `default`, `github`, `sarif`, `json`')
    const report = runCli(['--report', 'json', 'fixtures/examples'], root)
    expect(report.status).toBe(2)
    expect(report.stderr).toContain('unexpected option `--report`: use `--format`')
  })
})
