#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {lintUsage, parseLintArguments, UsageError} from './arguments.js'

// Modules load when their command runs: `--help` and `new` need not load the linter.
const exitCode = {clean: 0, usage: 2} as const

const {version, description} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
  description: string
}

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
