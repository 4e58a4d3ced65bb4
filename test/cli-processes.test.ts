import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
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
    expect(modules.filter((url) => ['node:worker_threads', 'node:crypto'].includes(url) || url.includes('/postmortem-lint/bundle/cache-'))).toEqual([])
  })

  it('takes the engine and the reporter from the bundle, and the preset and the rules from their packages', () => {
    const {status, modules} = recordedRun(['fixtures/examples/2025-12-10-v1.2.4.md'])
    expect(status).toBe(0)
    expect(modules.filter((url) => /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(unified-engine|vfile-reporter|remark-parse|glob)\//.test(url))).toEqual([])
    // A `.remarkrc*` that names the preset or a rule loads the same modules from `node_modules`, and so configures these.
    const packagesOfOurs = new Set(modules.flatMap((url) => /\/packages\/([\w-]+)\/dist\//.exec(url)?.[1] ?? []))
    expect(packagesOfOurs).toContain('remark-preset-lint-postmortem')
    expect(packagesOfOurs).toContain('remark-lint-postmortem-metadata')
    expect(packagesOfOurs).not.toContain('postmortem-lint')
  })
})

const fixtureCount = readdirSync(join(root, 'fixtures'), {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md')).length

/** Runs of the CLI that started it: one, or two when it ran again in a Node.js tuned for threads. */
function processes(run: RecordedRun): number {
  return run.modules.filter((url) => url === cliUrl).length
}

describe('a run on worker threads', {timeout: busyMachineTimeout}, () => {
  // Each run lints every fixture, which takes seconds: three runs show what the CLI promises of threads.
  it('gives the report and exit code of a run on one thread, by default in a second Node.js tuned for threads, in place when already tuned', () => {
    const one = recordedRun(['--concurrency', '1', 'fixtures'])
    const byDefault = recordedRun(['fixtures'])
    // With --cache too: the threads and the cache's hashing load when they are used, and a first cached run reports the same.
    const inPlace = recordedRun(['--concurrency', '4', '--cache', '--cache-location', scratchFolder('cache-', 'outside'), 'fixtures'], {
      POSTMORTEM_LINT_RELAUNCHED: '1'
    })
    expect(one.report).toContain(`${fixtureCount} files, `)
    expect(one.status).toBe(1)
    expect(processes(one)).toBe(1)
    expect(one.modules).not.toContain('node:worker_threads')

    expect(processes(byDefault)).toBe(availableParallelism() > 1 ? 2 : 1)
    expect(byDefault.report).toBe(one.report)
    expect(byDefault.status).toBe(1)

    expect(processes(inPlace)).toBe(1)
    expect(inPlace.modules).toEqual(expect.arrayContaining(['node:worker_threads', 'node:crypto']))
    expect(inPlace.report).toBe(one.report)
    expect(inPlace.status).toBe(1)
  })

  it('refuses a concurrency of 0', () => {
    const {status, report} = recordedRun(['--concurrency', '0', 'fixtures'])
    expect(status).toBe(2)
    expect(report).toContain('--concurrency')
  })

  it('stays in one process on one thread below 200 files, where threads cost more than they save, unless --concurrency asks', () => {
    const {status, modules} = recordedRun(['fixtures/teams'])
    expect(status).toBe(1)
    expect(modules.filter((url) => url === cliUrl)).toHaveLength(1)
    expect(modules).not.toContain('node:worker_threads')
    // A run already tuned for threads (or with most files cached) lints what is left on one thread too.
    expect(recordedRun(['fixtures/templates'], {POSTMORTEM_LINT_RELAUNCHED: '1'}).modules).not.toContain('node:worker_threads')
    expect(recordedRun(['--concurrency', '2', 'fixtures/templates'], {POSTMORTEM_LINT_RELAUNCHED: '1'}).modules).toContain('node:worker_threads')
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
