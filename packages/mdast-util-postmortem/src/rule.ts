import {resolve} from 'node:path'
import type {Root} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {defaultTemplate, loadTemplate, type TemplateModel} from './template.js'

declare module 'vfile' {
  interface DataMap {
    /** The `template` every postmortem rule uses unless its own option says otherwise. */
    postmortemTemplate: string
  }
}

/** One finding of a check, before it becomes a remark or markdownlint message. */
export interface Report {
  /** "Unexpected X, expected Y", with the offending text quoted. */
  reason: string
  /** The smallest node or range that holds the problem; none only for file-level findings. */
  place: Position | Point | undefined
  /** The offending text. */
  actual?: string
  /** What would have been accepted. */
  expected?: string[]
}

/** How an option is checked and read. */
export interface OptionSpec<Value> {
  /** What is expected, for the error message (`a boolean`). */
  expected: string
  /** The value to use when the option is not given. */
  fallback: (environment: OptionEnvironment) => Value
  /** The read value, or `undefined` when `value` is not acceptable. */
  read: (value: unknown, environment: OptionEnvironment) => Value | undefined
}

/** What options are read against. */
export interface OptionEnvironment {
  /** Folder relative paths resolve against (the file's `cwd`). */
  cwd: string
  /** The template shared by all rules (`settings.postmortem.template`). */
  sharedTemplate: string | undefined
}

export type OptionSpecs<Options> = {[Key in keyof Options]: OptionSpec<Options[Key]>}

/** What a check sees besides the tree. */
export interface CheckContext<Options> {
  options: Options
  /** Path of the file, if it has one. */
  path: string | undefined
}

/** A check written once against mdast, shared by remark, markdownlint and the CLI. */
export interface PostmortemRule<Options> {
  /** Rule id without prefix (`required-headings`). */
  id: string
  /** One line: what the rule checks. */
  description: string
  packageName: string
  /** The rule's documentation. */
  url: string
  options: OptionSpecs<Options>
  check: (tree: Root, context: CheckContext<Options>) => Report[]
}

/** Where a rule package's documentation is read (its readme). */
export function ruleUrl(packageName: string): string {
  return `https://www.npmjs.com/package/${packageName}#readme`
}

/** A configuration mistake: the run must fail, naming package, option and value. */
export class PostmortemOptionError extends Error {
  override name = 'PostmortemOptionError'
}

/**
 * Check `raw` (the options as configured) against `rule.options`; throws a
 * `PostmortemOptionError` naming the package, option, value and what was
 * expected.
 */
export function readOptions<Options>(
  rule: PostmortemRule<Options>,
  raw: unknown,
  environment: OptionEnvironment
): Options {
  const specs = rule.options as Record<string, OptionSpec<unknown>>
  const names = Object.keys(specs)

  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new PostmortemOptionError(
      `${rule.packageName}: unexpected options \`${describe(raw)}\`, expected an object` +
        (names.length > 0 ? ` with ${list(names)}` : ' (this rule has no options)')
    )
  }

  const given = (raw ?? {}) as Record<string, unknown>
  const options: Record<string, unknown> = {}

  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(specs, name)) {
      throw new PostmortemOptionError(
        `${rule.packageName}: unexpected option \`${name}\`, expected ` +
          (names.length > 0 ? list(names) : 'no options')
      )
    }
  }

  for (const name of names) {
    const spec = specs[name]
    if (!spec) continue
    const value = given[name]
    if (value === undefined) {
      options[name] = withPackage(rule.packageName, () => spec.fallback(environment))
      continue
    }

    const read = withPackage(rule.packageName, () => spec.read(value, environment))
    if (read === undefined) {
      throw new PostmortemOptionError(
        `${rule.packageName}: unexpected value \`${describe(value)}\` for option \`${name}\`, expected ${spec.expected}`
      )
    }

    options[name] = read
  }

  return options as Options
}

/** Run `read`; an option error it throws (a template that cannot be read) gets the package's name. */
function withPackage<Value>(packageName: string, read: () => Value): Value {
  try {
    return read()
  } catch (error) {
    if (error instanceof PostmortemOptionError) throw new PostmortemOptionError(`${packageName}: ${error.message}`)
    throw error
  }
}

function list(names: string[]): string {
  return names.map((name) => '`' + name + '`').join(', ')
}

/** A value as it would be written in a JSON config. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'function') return 'function'
  if (value instanceof RegExp) return String(value)
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** `boolean` option. */
export function booleanOption(fallback: boolean): OptionSpec<boolean> {
  return {
    expected: '`true` or `false`',
    fallback: () => fallback,
    read: (value) => (typeof value === 'boolean' ? value : undefined)
  }
}

/** Regular expression option, as a string (JSON configs) or a `RegExp`. */
export function patternOption(fallback: RegExp): OptionSpec<RegExp> {
  return {
    expected: 'a regular expression (a string or a `RegExp`)',
    fallback: () => fallback,
    read(value) {
      // Without `g` and `y`, `test` keeps no state between calls.
      if (value instanceof RegExp) return new RegExp(value.source, value.flags.replace(/[gy]/g, ''))
      if (typeof value !== 'string' || value === '') return undefined
      try {
        return new RegExp(value)
      } catch {
        return undefined
      }
    }
  }
}

/** Non-empty list of non-empty strings. */
export function wordsOption(fallback: readonly string[]): OptionSpec<string[]> {
  return {
    expected: 'a non-empty array of non-empty strings',
    fallback: () => [...fallback],
    read: (value) =>
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((item): item is string => typeof item === 'string' && item.trim() !== '')
        ? value
        : undefined
  }
}

/** Number option within `[minimum, maximum]`. */
export function numberOption(fallback: number, minimum: number, maximum = Number.POSITIVE_INFINITY): OptionSpec<number> {
  return {
    expected: `a number from ${minimum}` + (maximum === Number.POSITIVE_INFINITY ? ' up' : ` to ${maximum}`),
    fallback: () => fallback,
    read: (value) =>
      typeof value === 'number' && Number.isFinite(value) && value >= minimum && value <= maximum ? value : undefined
  }
}

/**
 * `template` option: a path to a Markdown template, relative to the file's
 * `cwd`; falls back to the shared setting, then to the default template.
 */
export const templateOption: OptionSpec<TemplateModel> = {
  expected: 'a path (relative to the working directory) to a readable Markdown template',
  fallback: (environment) =>
    environment.sharedTemplate === undefined
      ? defaultTemplate()
      : resolveTemplate(environment.sharedTemplate, environment, 'settings.postmortem.template'),
  read: (value, environment) =>
    typeof value === 'string' && value.trim() !== '' ? resolveTemplate(value, environment, 'template') : undefined
}

function resolveTemplate(value: string, environment: OptionEnvironment, option: string): TemplateModel {
  const path = resolve(environment.cwd, value)
  try {
    return loadTemplate(path)
  } catch (error) {
    const cause = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new PostmortemOptionError(
      `cannot read \`${value}\` (resolved to \`${path}\`: ${cause}) for option \`${option}\`, expected ${templateOption.expected}`
    )
  }
}

/** Run a rule's check; its reports in document order (file-level ones first). */
export function runCheck<Options>(rule: PostmortemRule<Options>, tree: Root, context: CheckContext<Options>): Report[] {
  return rule.check(tree, context).sort((a, b) => {
    const left = startOf(a.place)
    const right = startOf(b.place)
    return left.line - right.line || left.column - right.column
  })
}

function startOf(place: Position | Point | undefined): Point {
  if (!place) return {line: 0, column: 0}
  return 'start' in place ? place.start : place
}

/**
 * Run `rule` on a remark tree and file: the function given to
 * `unified-lint-rule`'s `lintRule`.
 */
export function remarkCheck<Options, Input = unknown>(rule: PostmortemRule<Options>) {
  return function (tree: Root, file: VFile, raw: Input | null | undefined): undefined {
    let options: Options
    try {
      options = readOptions(rule, raw, {cwd: file.cwd, sharedTemplate: file.data.postmortemTemplate})
    } catch (error) {
      if (error instanceof PostmortemOptionError) failConfiguration(file, error)
      throw error
    }

    for (const report of runCheck(rule, tree, {options, path: file.path || undefined})) {
      const message = file.message(report.reason, {place: report.place})
      if (report.actual !== undefined) message.actual = report.actual
      if (report.expected !== undefined) message.expected = report.expected
    }

    return undefined
  }
}

/**
 * Report a configuration error so that the run fails whatever the rule's
 * severity: `unified-lint-rule` sets `fatal` from the severity after the
 * rule returns, so the flag is made immune to that assignment.
 */
function failConfiguration(file: VFile, error: PostmortemOptionError): never {
  const message = file.message(error.message)
  Object.defineProperty(message, 'fatal', {
    enumerable: true,
    get: () => true,
    set() {}
  })
  throw message
}
