import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {cliPath} from './cli.js'
import {busyMachineTimeout, root, scratchFolder} from './util.js'

interface RecordedRun {
  status: number | null
  /** The modules each process of the run loaded, in order, from `test/module-loads/record-loads.mjs`. */
  modules: string[]
  /** Standard error without the recorded loads: the report. */
  report: string
}

function recordedRun(args: string[], env: NodeJS.ProcessEnv = {}): RecordedRun {
  const hooks = pathToFileURL(join(root, 'test/module-loads/record-loads.mjs')).href
  const result = spawnSync(process.execPath, ['--import', hooks, cliPath, '--no-color', ...args], {
    cwd: root,
    encoding: 'utf8',
    // The report on every fixture is over spawnSync's 1 MiB default.
    maxBuffer: 64 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env}
  })
  const lines = result.stderr.split('\n')
  return {
    status: result.status,
    modules: lines.filter((line) => line.startsWith('load ')).map((line) => line.slice('load '.length)),
    report: lines.filter((line) => !line.startsWith('load ')).join('\n')
  }
}

const cliUrl = pathToFileURL(cliPath).href

describe('a one-file run (pre-commit hooks, editors) loads only what it uses', {timeout: busyMachineTimeout}, () => {
  it('loads no worker threads and no cache (nor its hashing), in one process', () => {
    const {status, modules} = recordedRun(['fixtures/examples/2025-12-10-v1.2.4.md'])
    expect(status).toBe(0)
    expect(modules.filter((url) => url === cliUrl)).toHaveLength(1)
    expect(modules.some((url) => url.includes('/remark-lint-postmortem-metadata/'))).toBe(true)
    expect(modules.filter((url) => ['node:worker_threads', 'node:crypto'].includes(url) || url.endsWith('/postmortem-lint/dist/cache.js'))).toEqual([])
  })

  it('loads them when it lints many files on several threads with --cache', () => {
    const {modules} = recordedRun(['--concurrency', '2', '--cache', '--cache-location', scratchFolder('cache-', 'outside'), 'fixtures'])
    expect(modules).toEqual(expect.arrayContaining(['node:worker_threads', 'node:crypto']))
  })
})

describe('a run on worker threads', {timeout: busyMachineTimeout}, () => {
  it('runs in a second Node.js, tuned for threads, with the same report and exit code as in the first', () => {
    const relaunched = recordedRun(['--concurrency', '2', 'fixtures'])
    const inPlace = recordedRun(['--concurrency', '2', 'fixtures'], {POSTMORTEM_LINT_RELAUNCHED: '1'})
    expect(relaunched.modules.filter((url) => url === cliUrl)).toHaveLength(2)
    expect(inPlace.modules.filter((url) => url === cliUrl)).toHaveLength(1)
    expect(relaunched.report).toMatch(/\d+ files, \d+ with findings/)
    expect(relaunched.report).toBe(inPlace.report)
    expect(relaunched.status).toBe(1)
    expect(inPlace.status).toBe(1)
  })

  it('stays in one process on one thread below 200 files, where threads cost more than they save, unless --concurrency asks', () => {
    const {status, modules} = recordedRun(['fixtures/teams'])
    expect(status).toBe(1)
    expect(modules.filter((url) => url === cliUrl)).toHaveLength(1)
    expect(modules).not.toContain('node:worker_threads')
    // A run already tuned for threads (or with most files cached) lints what is left on one thread too.
    expect(recordedRun(['fixtures/teams'], {POSTMORTEM_LINT_RELAUNCHED: '1'}).modules).not.toContain('node:worker_threads')
    expect(recordedRun(['--concurrency', '2', 'fixtures/teams'], {POSTMORTEM_LINT_RELAUNCHED: '1'}).modules).toContain('node:worker_threads')
  })

  it('stays in one process on one thread', () => {
    const {status, modules} = recordedRun(['--concurrency', '1', 'fixtures'])
    expect(status).toBe(1)
    expect(modules.filter((url) => url === cliUrl)).toHaveLength(1)
  })
})

describe('a run on worker threads, stopped', {timeout: busyMachineTimeout}, () => {
  it('stops its second Node.js when the first is sent SIGTERM (a CI job timing out), and ends the same way', async () => {
    const pidFile = join(scratchFolder('relaunch-', 'outside'), 'pid')
    const hooks = pathToFileURL(join(root, 'test/module-loads/record-pid.mjs')).href
    const first = spawn(process.execPath, ['--import', hooks, cliPath, '--concurrency', '2', 'fixtures'], {
      cwd: root,
      stdio: 'ignore',
      env: {...process.env, RECORD_PID_FILE: pidFile}
    })
    const ended = new Promise<NodeJS.Signals | null>((resolve) => first.on('exit', (_code, signal) => resolve(signal)))
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '') await new Promise((resolve) => setTimeout(resolve, 10))
    const second = Number(readFileSync(pidFile, 'utf8'))

    first.kill('SIGTERM')
    expect(await ended).toBe('SIGTERM')
    expect(isRunning(second)).toBe(false)
  })
})

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
