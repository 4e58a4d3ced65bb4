#!/usr/bin/env node
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {lintUsage, parseLintArguments, UsageError, type LintArguments} from './arguments.js'

// Modules load when their command runs: `--help` and `new` need not load the linter.
const exitCode = {clean: 0, usage: 2} as const

const {version, description} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
  description: string
}

/** Set in the environment of a run this one started, so that it does not start another. */
const relaunchedVariable = 'POSTMORTEM_LINT_RELAUNCHED'

/**
 * V8 flags for a run on worker threads, which a thread cannot be given:
 * garbage collection on the thread that allocates (on two cores, V8's helper
 * threads compete with the workers for them) and a heap that grows by at
 * most 30% between collections (what a worker keeps is small: collecting
 * often is cheap). Measured on two cores over 1,050 files against one
 * process: 10% less time and 12% less memory, the waiting process included.
 */
const threadedRunFlags = ['--single-threaded-gc', '--heap-growing-percent=30']

/** Node's exit code for an option it does not know: these flags are V8's, and a later V8 may drop one. */
const badOptionExitCode = 9

const argv = process.argv.slice(2)
const streams = {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env}

process.exitCode = await main()

async function main(): Promise<number> {
  if (argv[0] === 'new') return (await import('./new.js')).runNew(argv.slice(1), process.cwd())
  if (argv[0] === 'template') return (await import('./template-command.js')).runTemplate(argv.slice(1), process.cwd())
  if (argv[0] === 'actions') {
    return (await import('./actions.js')).runActions(argv.slice(1), process.cwd(), process.stdout, process.stderr)
  }

  let args
  try {
    args = parseLintArguments(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`postmortem-lint: ${error.message}\nTry \`postmortem-lint --help\`.\n`)
    return exitCode.usage
  }

  if (args.help) {
    process.stdout.write(lintUsage(description))
    return exitCode.clean
  }

  if (args.version) {
    process.stdout.write(`postmortem-lint ${version} (Node.js ${process.version})\n`)
    return exitCode.clean
  }

  try {
    if (!process.env[relaunchedVariable] && (await runsOnThreads(args))) {
      const code = await relaunchTuned()
      if (code !== undefined) return code
    }

    const {lint} = await import('./lint.js')
    return await lint(args, process.cwd(), streams)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`postmortem-lint: ${error.message}\nTry \`postmortem-lint --help\`.\n`)
      return exitCode.usage
    }

    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`postmortem-lint: ${args.debug && error instanceof Error ? error.stack : reason.split('\n')[0]}\n`)
    return exitCode.usage
  }
}

/**
 * Whether the run will lint on worker threads: enough files to pay for them
 * and more than one thread. Decided before the linter loads, so that the process
 * that only waits stays small.
 */
async function runsOnThreads(args: LintArguments): Promise<boolean> {
  if (args.inputs.length === 0 || args.concurrency === 1) return false
  const [{expandInputs}, {threadCount}, {default: markdownExtensions}] = await Promise.all([
    import('./inputs.js'),
    import('./pool.js'),
    import('markdown-extensions')
  ])
  const inputs = await expandInputs(args.inputs, process.cwd(), args.extensions ?? markdownExtensions)
  return threadCount(inputs.files.length, args.concurrency) > 1
}

/**
 * Run this command again in a Node.js with `threadedRunFlags`, sharing the
 * terminal; its exit code, or `undefined` when that Node.js refuses the
 * flags (the run then goes on here).
 */
function relaunchTuned(): Promise<number | undefined> {
  // A debugger's port cannot be opened twice; the other flags (`--import`…) go along.
  const execArgv = process.execArgv.filter((flag) => !/^--(inspect|debug)/.test(flag))
  const script = process.argv[1] ?? ''
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...execArgv, ...threadedRunFlags, script, ...argv], {
      stdio: 'inherit',
      env: {...process.env, [relaunchedVariable]: '1'}
    })
    // A signal sent to this process alone (a CI job's timeout) stops the run too; the run's own ends this one the same way.
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
    for (const signal of signals) process.on(signal, forward)
    const stopForwarding = () => {
      for (const name of signals) process.off(name, forward)
    }

    child.on('error', () => {
      stopForwarding()
      resolve(undefined)
    })
    child.on('exit', (code, signal) => {
      stopForwarding()
      if (signal) process.kill(process.pid, signal)
      resolve(code === badOptionExitCode ? undefined : (code ?? exitCode.usage))
    })
  })
}
