import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliPath, runCli} from './cli.js'
import {busyMachineTimeout, projectFolder, root} from './util.js'

const failing = readFileSync(join(root, 'fixtures/examples/2025-12-18-v3.0.0.md'), 'utf8')

/** The failing example with exactly the certain fixes applied, and nothing else changed. */
function expectedAfterFix(value: string, eol: string): string {
  return value
    .replace(`- [x] Lessons learned documented${eol}`, `- [x] Lessons learned documented${eol}- [ ] Prevention measures implemented or scheduled${eol}`)
    .replace(`## Remediation Steps Taken`, ['## Impact Assessment', '', '### User-Facing Impact', '', '### Business Impact', '', '### Data Integrity', '', '## Remediation Steps Taken'].join(eol))
    .replace('| Settings parity check | Sam |', '| Settings parity check | @Sam |')
    .replace('## Lessons Learnt', '## Lessons Learned')
}

describe('postmortem-lint --fix', {timeout: busyMachineTimeout}, () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n']
  ])('applies the certain fixes only, keeps every other byte (%s), and exits 1 while findings remain', (_, eol) => {
    const folder = projectFolder('fix-')
    const original = failing.replaceAll('\n', eol)
    writeFileSync(join(folder, '2025-12-18-v3.0.0.md'), original)
    const run = runCli(['--fix', '2025-12-18-v3.0.0.md'], folder)
    const fixed = readFileSync(join(folder, '2025-12-18-v3.0.0.md'), 'utf8')

    expect(fixed).toBe(expectedAfterFix(original, eol))
    expect(fixed).toContain('| Maybe |')
    expect(fixed).toContain('- [ ] Action items created and assigned')
    expect(fixed).not.toContain('[x] Prevention measures implemented')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('2025-12-18-v3.0.0.md: fixed 4 findings')
    expect(run.stderr).toMatch(/Unexpected status `Maybe` in action item 2/)
    expect(run.stderr).not.toContain('Lessons Learnt')

    const again = runCli(['2025-12-18-v3.0.0.md'], folder)
    expect(again.stderr).not.toContain('Lessons Learnt')
    expect(readFileSync(join(folder, '2025-12-18-v3.0.0.md'), 'utf8')).toBe(fixed)
  })

  it('keeps a byte order mark and writes nothing when nothing is certain', () => {
    const folder = projectFolder('fix-')
    const clean = readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8')
    writeFileSync(join(folder, '2025-12-10-v1.2.4.md'), '\uFEFF' + clean.replace('## Lessons Learned', '## Lessons Learnt'))
    expect(runCli(['--fix', '2025-12-10-v1.2.4.md'], folder).status).toBe(0)
    expect(readFileSync(join(folder, '2025-12-10-v1.2.4.md'), 'utf8')).toBe('\uFEFF' + clean)
    const run = runCli(['--fix', '2025-12-10-v1.2.4.md'], folder)
    expect(run.status).toBe(0)
    expect(run.stderr).not.toContain('fixed')
  })

  it('with standard input, writes the fixed document to stdout and reports what is left', () => {
    const result = spawnSync(process.execPath, [cliPath, '--no-color', '--fix'], {cwd: root, input: failing, encoding: 'utf8'})
    expect(result.stdout).toBe(expectedAfterFix(failing, '\n'))
    expect(result.stderr).toContain('Unexpected status `Maybe`')
    expect(result.status).toBe(1)
  })
})
