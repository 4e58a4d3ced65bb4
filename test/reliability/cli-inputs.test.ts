import {chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../cli.js'
import {busyMachineTimeout, root, scratchFolder} from '../util.js'

let folder = ''
const clean = '2025-12-10-v1.2.4.md'

beforeAll(() => {
  folder = scratchFolder('inputs-')
  mkdirSync(join(folder, 'no-markdown'))
  writeFileSync(join(folder, 'no-markdown/notes.txt'), 'not markdown')
  copyFileSync(join(root, 'fixtures/examples', clean), join(folder, clean))
  // Unreadable: a link to nothing (root reads through any permission), and,
  // when not root, a file without read permission.
  symlinkSync(join(folder, 'nowhere'), join(folder, 'unreadable.md'))
  writeFileSync(join(folder, 'locked.md'), '# Locked\n')
  chmodSync(join(folder, 'locked.md'), 0)
  const bytes = Uint8Array.from({length: 4096}, (_, index) => (index * 7919 + 13) % 256)
  writeFileSync(join(folder, 'binary.md'), bytes)
})

describe('postmortem-lint on awkward inputs', {timeout: busyMachineTimeout}, () => {
  it('reports an unreadable file clearly and still lints the others', () => {
    const run = runCli(['unreadable.md', clean], folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/unreadable\.md\n +error +No such file or folder/)
    expect(run.stderr).toContain(`${clean}: no issues found`)
    if (process.getuid?.() !== 0) expect(runCli(['locked.md', clean], folder).stderr).toContain('locked.md')
  })

  it('reports a missing path clearly, still lints the others, and exits 2', () => {
    const run = runCli(['missing.md', clean], folder)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('postmortem-lint: no file matches `missing.md`')
    expect(run.stderr).toContain(`${clean}: no issues found`)
  })

  it('says a folder holds no Markdown, without failing the run', () => {
    const run = runCli(['no-markdown', clean], folder)
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('postmortem-lint: no Markdown files in `no-markdown`')
    expect(run.stderr).toContain(`${clean}: no issues found`)
  })

  it('lints a binary file without crashing', () => {
    const run = runCli(['binary.md', clean], folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Unexpected missing title')
    expect(run.stderr).not.toMatch(/TypeError|RangeError|Cannot process/)
    expect(run.stderr).toContain(`${clean}: no issues found`)
  })
})
