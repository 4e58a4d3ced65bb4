import {spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {cliPath} from './cli.js'
import {busyMachineTimeout, root} from './util.js'

/** The modules a run of the CLI loads, from `test/cold-start/record-loads.mjs`. */
function loadedModules(args: string[]): {status: number | null; modules: string[]} {
  const hooks = pathToFileURL(join(root, 'test/cold-start/record-loads.mjs')).href
  const result = spawnSync(process.execPath, ['--import', hooks, cliPath, '--no-color', ...args], {cwd: root, encoding: 'utf8'})
  const modules = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('load '))
    .map((line) => line.slice('load '.length))
  return {status: result.status, modules}
}

describe('a one-file run (pre-commit hooks, editors) loads only what it uses', {timeout: busyMachineTimeout}, () => {
  it('loads no worker threads and no cache (nor its hashing)', () => {
    const {status, modules} = loadedModules(['fixtures/examples/2025-12-10-v1.2.4.md'])
    expect(status).toBe(0)
    expect(modules.some((url) => url.includes('/remark-lint-postmortem-metadata/'))).toBe(true)
    expect(modules.filter((url) => ['node:worker_threads', 'node:crypto'].includes(url) || url.endsWith('/postmortem-lint/dist/cache.js'))).toEqual([])
  })

  it('loads them when it lints many files on several threads with --cache', () => {
    const {modules} = loadedModules(['--concurrency', '2', '--cache', '--cache-location', mkdtempSync(join(tmpdir(), 'cold-start-cache-')), 'fixtures'])
    expect(modules).toEqual(expect.arrayContaining(['node:worker_threads', 'node:crypto']))
  })
})
