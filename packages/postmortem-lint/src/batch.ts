import {Writable} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import {isConfigurationMessage, loadedTemplatePaths} from 'postmortem-rule-core'
import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import type {Point, Position} from 'unist'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {LintArguments} from './arguments.js'
import {configurationFiles} from './configuration.js'
import {applyCertainFixes, isCertainFix, writeAtomically} from './fix.js'

/** What a batch of files is linted with: the arguments that change results, and where. */
export type BatchSettings = Pick<
  LintArguments,
  'extensions' | 'filePath' | 'rcPath' | 'ignorePath' | 'ignorePatterns' | 'config' | 'ignore' | 'fix' | 'debug'
> & {
  cwd: string
  /** Folder of the cache, when `--cache` is on. */
  cacheLocation: string | undefined
}

/** A message as it crosses from a worker thread: plain data. */
export interface SerializedMessage {
  reason: string
  place: Position | Point | undefined
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | undefined
  url: string | undefined
  actual: string | undefined
  expected: string[] | undefined
  /** A configuration mistake rather than a finding. */
  configuration: boolean
  /** The message's causes, outermost first. */
  causes: Array<{message: string; code: string | undefined; stack: string | undefined}>
}

/** A linted file as it crosses from a worker thread. */
export interface SerializedFile {
  /** `undefined` for standard input without `--file-path`. */
  path: string | undefined
  messages: SerializedMessage[]
  /** Rule ids of the fixes `--fix` applied. */
  fixed: string[]
  /** For standard input with `--fix`: the fixed document. */
  value?: string
}

/**
 * Lint `paths` (or `stdin`'s document when given), apply the certain fixes
 * when `settings.fix` and lint the fixed files again, and keep the findings
 * in the cache when there is one; the trees are gone when this returns, only
 * the findings stay.
 */
export async function lintBatch(paths: readonly string[], settings: BatchSettings, stdin?: NodeJS.ReadableStream): Promise<SerializedFile[]> {
  if (stdin) {
    const [file] = await runEngine(settings, undefined, stdin)
    return file ? [await fixStdin(file, settings)] : []
  }

  const results = new Map<string, SerializedFile>()
  const files = paths.length > 0 ? await runEngine(settings, [...paths]) : []
  const relint: string[] = []
  const fixedBy = new Map<string, string[]>()
  for (const file of files) {
    const path = file.path
    const applied = settings.fix ? fixFile(file) : []
    if (applied.length > 0) {
      fixedBy.set(path, applied)
      relint.push(path)
    } else {
      results.set(path, serialize(file, [], settings.debug))
    }
  }

  for (const file of relint.length > 0 ? await runEngine(settings, relint) : []) {
    results.set(file.path, serialize(file, fixedBy.get(file.path) ?? [], settings.debug))
  }

  if (settings.cacheLocation !== undefined) {
    const {openCache} = await import('./cache.js')
    const cache = openCache(settings.cacheLocation, settings)
    const templates = loadedTemplatePaths()
    for (const path of paths) {
      const result = results.get(path)
      if (result) cache.write(path, result, templates)
    }
  }

  return paths.flatMap((path) => results.get(path) ?? [])
}

/** Apply a file's certain fixes and write it; the rule ids of what was applied. */
function fixFile(file: VFile): string[] {
  if (!file.messages.some(isCertainFix)) return []
  const {text, bom} = decoded(file)
  const fixed = applyCertainFixes(text, file.messages)
  if (fixed.applied.length === 0) return []
  writeAtomically(file.path, bom + fixed.text)
  return fixed.applied.map((message) => message.ruleId ?? '')
}

/** Standard input with `--fix`: the fixed document goes back to be printed, and is linted again. */
async function fixStdin(file: VFile, settings: BatchSettings): Promise<SerializedFile> {
  if (!settings.fix) return serialize(file, [], settings.debug)
  const {text, bom} = decoded(file)
  const fixed = applyCertainFixes(text, file.messages)
  const value = bom + fixed.text
  const [again] = await runEngine(settings, [new VFile({cwd: settings.cwd, path: file.path || undefined, value})])
  return {...serialize(again ?? file, fixed.applied.map((message) => message.ruleId ?? ''), settings.debug), value}
}

/** The file's text, and the byte order mark its decoding dropped, if any. */
function decoded(file: VFile): {text: string; bom: string} {
  const text = String(file)
  const bytes = typeof file.value === 'string' ? Buffer.from(file.value) : Buffer.from(file.value ?? '')
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && !text.startsWith('\uFEFF') ? '\uFEFF' : ''
  return {text, bom}
}

/** Lint `files` (paths, or documents already read), or `stdin`. */
async function runEngine(settings: BatchSettings, files: Array<string | VFile> | undefined, stdin?: NodeJS.ReadableStream): Promise<VFile[]> {
  const discard = new Writable({write: (_chunk, _encoding, next) => next()})
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: remark().use(remarkPresetLintPostmortem),
        cwd: settings.cwd,
        files: files ?? [],
        extensions: settings.extensions ?? markdownExtensions,
        streamIn: stdin,
        streamOut: discard,
        streamError: discard,
        out: false,
        output: false,
        ...configurationFiles,
        detectConfig: settings.config,
        rcPath: settings.rcPath,
        ignoreName: '.remarkignore',
        detectIgnore: settings.ignore,
        ignorePath: settings.ignorePath,
        ignorePatterns: settings.ignorePatterns,
        silentlyIgnore: true,
        filePath: settings.filePath,
        reporter: () => ''
      },
      (error, _code, context) => {
        if (error) reject(error)
        else resolve(context?.files ?? [])
      }
    )
  })
}

function serialize(file: VFile, fixed: string[], debug: boolean): SerializedFile {
  return {path: file.path || undefined, fixed, messages: file.messages.map((message) => serializeMessage(message, debug))}
}

function serializeMessage(message: VFileMessage, debug: boolean): SerializedMessage {
  const causes: SerializedMessage['causes'] = []
  for (let cause = message.cause; cause instanceof Error && causes.length < 10; cause = cause.cause) {
    const code = (cause as NodeJS.ErrnoException).code
    causes.push({message: cause.message, code: code === undefined ? undefined : String(code), stack: debug ? cause.stack : undefined})
  }

  return {
    reason: message.reason,
    place: message.place ?? undefined,
    ruleId: message.ruleId ?? undefined,
    source: message.source ?? undefined,
    fatal: message.fatal ?? undefined,
    url: message.url ?? undefined,
    actual: message.actual ?? undefined,
    expected: message.expected ?? undefined,
    configuration: isConfigurationMessage(message),
    causes
  }
}

