import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

/** Path of the built CLI. */
export const cliPath = fileURLToPath(new URL('../packages/postmortem-lint/bundle/cli.js', import.meta.url))

export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Run a Node script with `args` in `cwd`, without colour. */
export function runNode(script: string, args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    // A report on every fixture is over spawnSync's 1 MiB default.
    maxBuffer: 64 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Run `postmortem-lint` with `args` in `cwd`. */
export function runCli(args: string[], cwd: string): Run {
  return runNode(cliPath, ['new', 'template', 'actions'].includes(args[0] ?? '') ? args : ['--no-color', ...args], cwd)
}
