import {readFileSync} from 'node:fs'
import {Writable} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import {isConfigurationMessage} from 'postmortem-rule-core'
import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {reporterJson} from 'vfile-reporter-json'
import type {VFileMessage} from 'vfile-message'
import {UsageError, type LintArguments} from './arguments.js'
import {configurationFiles} from './configuration.js'
import {applyCertainFixes, writeAtomically} from './fix.js'
import {expandInputs} from './inputs.js'
import {githubAnnotations, sarifLog, stdinName, summaryLine} from './report.js'

/** Where a run writes, and what it knows of its terminal. */
export interface Streams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  env: NodeJS.ProcessEnv
}

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}

/** The exit codes: documented in the help and the readme. */
const exitCode = {clean: 0, findings: 1, usage: 2} as const

/** Lint as `args` asks; resolves with the exit code. Writes nothing but reports, and with `--fix` its edits. */
export async function lint(args: LintArguments, cwd: string, streams: Streams): Promise<number> {
  const color = args.color ?? colorFromEnvironment(streams)
  const extensions = args.extensions ?? markdownExtensions
  const inputs = expandInputs(args.inputs, cwd, extensions)
  const problems: string[] = []

  for (const input of inputs.unmatched) {
    const line = `no file matches \`${input}\``
    if (args.errorOnUnmatchedPattern) problems.push(line)
    else streams.stderr.write(`postmortem-lint: warning: ${line}\n`)
  }

  for (const folder of inputs.emptyFolders) {
    streams.stderr.write(`postmortem-lint: no ${extensionWords(args.extensions)} files in \`${folder}\`\n`)
  }

  const fromStdin = args.inputs.length === 0
  if (fromStdin && streams.stdin.isTTY) throw new UsageError('no input: give files, folders or globs, or pipe a document to stdin')

  let files = fromStdin ? await run(args, cwd, streams, undefined) : inputs.files.length > 0 ? await run(args, cwd, streams, inputs.files) : []

  if (args.fix) files = await fix(files, args, cwd, streams, fromStdin)

  const configuration = configurationProblems(files, args.debug)
  problems.push(...configuration)
  report(files, args, cwd, streams, color)
  for (const problem of problems) streams.stderr.write(`postmortem-lint: ${problem}\n`)

  if (problems.length > 0) return exitCode.usage
  const failing = files.some((file) => file.messages.some((message) => message.fatal === true || (args.frail && message.fatal === false)))
  return failing ? exitCode.findings : exitCode.clean
}

/** Lint `files` (paths, or documents already read), or standard input when `undefined`. */
async function run(args: LintArguments, cwd: string, streams: Streams, files: Array<string | VFile> | undefined): Promise<VFile[]> {
  const discard = new Writable({write: (_chunk, _encoding, next) => next()})
  const progress = progressLine(streams, files?.length ?? 1)
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: remark().use(remarkPresetLintPostmortem).use(progress.plugin),
        cwd,
        files: files ?? [],
        extensions: args.extensions ?? markdownExtensions,
        streamIn: files ? undefined : streams.stdin,
        streamOut: discard,
        streamError: discard,
        out: false,
        output: false,
        ...configurationFiles,
        detectConfig: args.config,
        rcPath: args.rcPath,
        ignoreName: '.remarkignore',
        detectIgnore: args.ignore,
        ignorePath: args.ignorePath,
        ignorePatterns: args.ignorePatterns,
        silentlyIgnore: true,
        filePath: args.filePath,
        reporter: () => ''
      },
      (error, _code, context) => {
        progress.stop()
        if (error) reject(error)
        else resolve(context?.files ?? [])
      }
    )
  })
}

/**
 * Apply the certain fixes of every file, write the files that changed (the
 * fixed document goes to stdout for standard input), say what changed, and
 * lint again to report what is left.
 */
async function fix(files: VFile[], args: LintArguments, cwd: string, streams: Streams, fromStdin: boolean): Promise<VFile[]> {
  const again: Array<string | VFile> = []

  for (const file of files) {
    const text = String(file)
    // Keep a byte order mark the decoding dropped.
    const bytes = typeof file.value === 'string' ? Buffer.from(file.value) : Buffer.from(file.value ?? '')
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && !text.startsWith('\uFEFF') ? '\uFEFF' : ''
    const fixed = applyCertainFixes(text, file.messages)

    if (fromStdin) {
      streams.stdout.write(bom + fixed.text)
      again.push(new VFile({cwd, path: file.path || undefined, value: bom + fixed.text}))
      continue
    }

    if (fixed.applied.length > 0 && file.path) {
      writeAtomically(file.path, bom + fixed.text)
      streams.stderr.write(
        `${file.path}: fixed ${fixed.applied.length} ${fixed.applied.length === 1 ? 'finding' : 'findings'}: ${fixed.applied.map((message) => message.ruleId).join(', ')}\n`
      )
    }

    if (file.path) again.push(file.path)
  }

  return again.length > 0 ? run({...args, fix: false}, cwd, streams, again) : files
}

/**
 * The configuration errors of a run (a bad option, template or setting, a
 * malformed `.remarkrc`, an unknown plugin), once each, taken out of the
 * files' findings; a file that cannot be read stays a finding, its cause in
 * its reason.
 */
function configurationProblems(files: readonly VFile[], debug: boolean): string[] {
  const problems = new Set<string>()

  for (const file of files) {
    file.messages = file.messages.filter((message) => {
      if (isConfigurationMessage(message)) {
        problems.add(`configuration error: ${message.reason}`)
        return false
      }

      if (message.ruleId || message.fatal !== true) return true
      const causes = causeChain(message)
      const reason = [message.reason, ...causes.map((cause) => firstLine(cause.message))].join(': ')
      if (!debug) message.cause = undefined
      // A file system error (EACCES, ELOOP…) is about the file; anything else the engine fails on is its configuration.
      if (causes.some((cause) => /^E[A-Z]+$/.test(String((cause as NodeJS.ErrnoException).code)))) {
        message.reason = reason
        message.message = reason
        return true
      }

      const stack = debug ? causes.at(-1)?.stack : undefined
      problems.add(`configuration error: ${causes.length > 0 ? reason.slice(message.reason.length + 2) : reason}${stack ? '\n' + stack : ''}`)
      return false
    })
  }

  return [...problems]
}

function causeChain(message: VFileMessage): Error[] {
  const chain: Error[] = []
  for (let cause = message.cause; cause instanceof Error && chain.length < 10; cause = cause.cause) chain.push(cause)
  return chain
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

function report(files: readonly VFile[], args: LintArguments, cwd: string, streams: Streams, color: boolean): void {
  if (args.format === 'sarif') {
    streams.stdout.write(JSON.stringify(sarifLog(files, version, cwd), undefined, 2) + '\n')
  } else if (args.format === 'github') {
    streams.stdout.write(githubAnnotations(files))
  } else if (args.format === 'json') {
    streams.stdout.write(reporterJson([...files]) + '\n')
  } else {
    const text = reporter([...files], {quiet: args.quiet, silent: args.silent, color, defaultName: stdinName})
    if (text !== '') streams.stderr.write(text + '\n')
  }

  streams.stderr.write(summaryLine(files) + '\n')
}

/**
 * On a terminal (never in CI logs or pipes), a line saying how far a run
 * that takes more than two seconds has got, rewritten in place and erased
 * at the end.
 */
function progressLine(streams: Streams, total: number): {plugin: () => () => undefined; stop: () => void} {
  let done = 0
  const plugin = () => () => {
    done++
    return undefined
  }

  if (streams.stderr.isTTY !== true || streams.env.CI || total < 2) return {plugin, stop() {}}
  const show = () => streams.stderr.write(`\rpostmortem-lint: ${done}/${total} files`)
  let timer: NodeJS.Timeout | undefined
  const delay = setTimeout(() => {
    show()
    timer = setInterval(show, 500)
    timer.unref()
  }, 2000)
  delay.unref()
  return {
    plugin,
    stop() {
      clearTimeout(delay)
      if (timer) {
        clearInterval(timer)
        streams.stderr.write('\r\u001B[2K')
      }
    }
  }
}

/** Colour on a terminal, unless `NO_COLOR` or `FORCE_COLOR=0`; `FORCE_COLOR` turns it on anywhere. */
function colorFromEnvironment(streams: Streams): boolean {
  const {NO_COLOR: noColor, FORCE_COLOR: forceColor} = streams.env
  if (noColor !== undefined && noColor !== '') return false
  if (forceColor !== undefined) return forceColor !== '0' && forceColor !== 'false'
  return streams.stderr.isTTY === true
}

function extensionWords(extensions: readonly string[] | undefined): string {
  return extensions ? extensions.map((extension) => '`.' + extension + '`').join(', ') : 'Markdown'
}
