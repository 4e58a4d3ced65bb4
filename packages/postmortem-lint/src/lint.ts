import {readFileSync} from 'node:fs'
import markdownExtensions from 'markdown-extensions'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {UsageError, type LintArguments} from './arguments.js'
import type {BatchSettings, SerializedFile, SerializedMessage} from './batch.js'
import {expandInputs} from './inputs.js'
import {lintPaths} from './pool.js'
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
  const inputs = await expandInputs(args.inputs, cwd, extensions)
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

  const settings: BatchSettings = {
    cwd,
    extensions: args.extensions,
    filePath: args.filePath,
    rcPath: args.rcPath,
    ignorePath: args.ignorePath,
    ignorePatterns: args.ignorePatterns,
    config: args.config,
    ignore: args.ignore,
    fix: args.fix,
    debug: args.debug,
    cacheLocation: args.cacheLocation
  }
  const progress = progressLine(streams, inputs.files.length)
  let serialized: SerializedFile[]
  try {
    serialized = fromStdin
      ? await (await import('./batch.js')).lintBatch([], settings, streams.stdin)
      : await lintPaths(inputs.files, settings, args.concurrency, progress.advance)
  } finally {
    progress.stop()
  }

  for (const file of serialized) {
    if (file.value !== undefined) streams.stdout.write(file.value)
    if (file.fixed.length > 0 && file.path) {
      streams.stderr.write(
        `${file.path}: fixed ${file.fixed.length} ${file.fixed.length === 1 ? 'finding' : 'findings'}: ${file.fixed.join(', ')}\n`
      )
    }
  }

  const {files, configuration, unchecked} = deserialize(serialized, cwd)
  problems.push(...configuration)
  // A file its configuration stopped was not linted: it is not reported as clean.
  await report(
    files.filter((file) => !unchecked.has(file)),
    args,
    cwd,
    streams,
    color,
    unchecked.size
  )
  for (const problem of problems) streams.stderr.write(`postmortem-lint: ${problem}\n`)

  if (problems.length > 0) return exitCode.usage
  const failing = files.some((file) => file.messages.some((message) => message.fatal === true || (args.frail && message.fatal === false)))
  return failing ? exitCode.findings : exitCode.clean
}

/**
 * Files to report from what the batches found; configuration errors (a bad
 * option, template or setting, a malformed `.remarkrc`, an unknown plugin)
 * taken out of the findings and said once each. A file that cannot be read
 * stays a finding, its cause in its reason.
 */
function deserialize(
  serialized: readonly SerializedFile[],
  cwd: string
): {files: VFile[]; configuration: string[]; unchecked: Set<VFile>} {
  const configuration = new Set<string>()
  const unchecked = new Set<VFile>()
  const files = serialized.map((item) => {
    const file = new VFile({cwd, path: item.path})
    for (const data of item.messages) {
      const causes = data.causes.map((cause) => firstLine(cause.message))
      const stack = data.causes.at(-1)?.stack
      if (data.configuration) {
        unchecked.add(file)
        configuration.add(`configuration error: ${data.reason}`)
      } else if (data.ruleId || data.fatal !== true) {
        file.messages.push(toMessage(data, data.reason))
      } else if (data.causes.some((cause) => /^E[A-Z]+$/.test(cause.code ?? ''))) {
        // A file system error (EACCES, ELOOP…) is about the file; anything else the engine fails on is its configuration.
        file.messages.push(toMessage(data, [data.reason, ...causes].join(': ')))
      } else {
        unchecked.add(file)
        configuration.add(`configuration error: ${(causes.length > 0 ? causes : [data.reason]).join(': ')}${stack ? '\n' + stack : ''}`)
      }
    }

    return file
  })

  return {files, configuration: [...configuration], unchecked}
}

function toMessage(data: SerializedMessage, reason: string): VFileMessage {
  const message = new VFileMessage(reason, {place: data.place, ruleId: data.ruleId, source: data.source})
  message.fatal = data.fatal
  if (data.url !== undefined) message.url = data.url
  if (data.actual !== undefined) message.actual = data.actual
  if (data.expected !== undefined) message.expected = data.expected
  return message
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

/** Each format's modules load when it is asked for. */
async function report(
  files: readonly VFile[],
  args: LintArguments,
  cwd: string,
  streams: Streams,
  color: boolean,
  unchecked: number
): Promise<void> {
  if (args.format === 'sarif') {
    const {postmortemRules} = await import('postmortem-rules')
    const descriptions = new Map(postmortemRules.map((rule) => [rule.ruleId, rule.description]))
    streams.stdout.write(JSON.stringify(sarifLog(files, version, cwd, descriptions), undefined, 2) + '\n')
  } else if (args.format === 'github') {
    streams.stdout.write(githubAnnotations(files))
  } else if (args.format === 'json') {
    const {reporterJson} = await import('vfile-reporter-json')
    streams.stdout.write(reporterJson([...files]) + '\n')
  } else {
    const text = reporter([...files], {quiet: args.quiet, silent: args.silent, color, defaultName: stdinName})
    if (text !== '') streams.stderr.write(text + '\n')
  }

  streams.stderr.write(summaryLine(files, unchecked) + '\n')
}

/**
 * On a terminal (never in CI logs or pipes), a line saying how far a run
 * that takes more than two seconds has got, rewritten in place and erased
 * at the end.
 */
function progressLine(streams: Streams, total: number): {advance: (count: number) => void; stop: () => void} {
  let done = 0
  const advance = (count: number) => {
    done += count
  }

  if (streams.stderr.isTTY !== true || streams.env.CI || total < 2) return {advance, stop() {}}
  const show = () => streams.stderr.write(`\rpostmortem-lint: ${done}/${total} files`)
  let timer: NodeJS.Timeout | undefined
  const delay = setTimeout(() => {
    show()
    timer = setInterval(show, 500)
    timer.unref()
  }, 2000)
  delay.unref()
  return {
    advance,
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
