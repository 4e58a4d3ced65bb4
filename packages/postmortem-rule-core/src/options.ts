import {isDeepStrictEqual} from 'node:util'
import type {TemplateModel} from 'mdast-util-postmortem'
import {loadTemplateSetting} from './template.js'

/** How an option is checked and read. */
export interface OptionSpec<Value, Configured = unknown> {
  /** What is expected, for the error message (`a boolean`). */
  expected: string
  /** The value to use when the option is not given. */
  fallback: (environment: OptionEnvironment) => Value
  /** The read value, or `undefined` when `value` is not acceptable. */
  read: (value: unknown, environment: OptionEnvironment) => Value | undefined
  /** Type only: what a configuration may give (never set). */
  readonly configured?: Configured
}

/** What options are read against. */
export interface OptionEnvironment {
  /** Folder relative paths resolve against (the file's `cwd`). */
  cwd: string
  /** The template shared by all rules (`settings.postmortem.template`), already loaded. */
  sharedTemplate: TemplateModel | undefined
  /**
   * The template the rule reads, for the fallbacks of the options after its
   * `template` option (`statuses` from the template's status column).
   */
  template?: TemplateModel
}

/** A rule's options: name to spec. */
export type OptionSpecs = Record<string, OptionSpec<unknown>>

/** Options as a configuration gives them (every one optional). */
export type ConfiguredOptions<Specs extends OptionSpecs> = {
  [Name in keyof Specs]?: Specs[Name] extends OptionSpec<unknown, infer Configured> ? Configured : never
}

/** Options as the check sees them, read and checked. */
export type ResolvedOptions<Specs extends OptionSpecs> = {
  [Name in keyof Specs]: Specs[Name] extends OptionSpec<infer Value, unknown> ? Value : never
}

/** A configuration mistake: the run must fail, naming package, option and value. */
export class PostmortemOptionError extends Error {
  override name = 'PostmortemOptionError'
}

/**
 * Whether a message reports a configuration mistake rather than a finding:
 * its cause is a `PostmortemOptionError` (by name, since the rule that
 * threw it may come from another copy of this package).
 */
export function isConfigurationMessage(message: {cause?: unknown}): boolean {
  return message.cause instanceof Error && message.cause.name === 'PostmortemOptionError'
}

/** The options a rule last read, with what they were read from. */
interface ReadOptions {
  raw: unknown
  cwd: string
  sharedTemplate: TemplateModel | undefined
  options: object
}

const lastRead = new WeakMap<object, ReadOptions>()

/**
 * Check `raw` (the options as configured) against `specs`; throws a
 * `PostmortemOptionError` naming `packageName`, the option, the value and
 * what was expected. The same configuration in the same environment gives
 * the same options: read once for a run's files, unless they name a template
 * of their own, which is loaded (and looked at for changes) each time.
 * Configurations are compared by value: markdownlint hands every rule a
 * fresh copy of its configuration for every file.
 */
export function readOptions<Specs extends OptionSpecs>(
  rule: {packageName: string; options: Specs},
  raw: unknown,
  environment: OptionEnvironment
): ResolvedOptions<Specs> {
  const last = lastRead.get(rule)
  if (last && (last.raw === raw || isDeepStrictEqual(last.raw, raw)) && last.cwd === environment.cwd && last.sharedTemplate === environment.sharedTemplate) {
    return last.options as ResolvedOptions<Specs>
  }

  const options = readAll(rule, raw, environment)
  if (!namesTemplate(raw)) lastRead.set(rule, {raw, cwd: environment.cwd, sharedTemplate: environment.sharedTemplate, options})
  return options
}

function namesTemplate(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>).template !== undefined
}

function readAll<Specs extends OptionSpecs>(
  rule: {packageName: string; options: Specs},
  raw: unknown,
  environment: OptionEnvironment
): ResolvedOptions<Specs> {
  const {packageName, options: specs} = rule
  const names = Object.keys(specs)

  // unified-lint-rule hands over `["fatal", {…}]` whole when it does not know the severity.
  if (Array.isArray(raw) && typeof raw[0] === 'string') {
    throw new PostmortemOptionError(
      `${packageName}: unexpected severity \`${describeValue(raw[0])}\`, expected \`"off"\`, \`"warn"\` (or \`"on"\`), \`"error"\`, \`0\`, \`1\` or \`2\``
    )
  }

  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new PostmortemOptionError(
      `${packageName}: unexpected options \`${describeValue(raw)}\`, expected an object` +
        (names.length > 0 ? ` with ${list(names)}` : ' (this rule has no options)')
    )
  }

  const given = (raw ?? {}) as Record<string, unknown>
  const unknownName = Object.keys(given).find((name) => !Object.hasOwn(specs, name))
  if (unknownName !== undefined) {
    throw new PostmortemOptionError(
      `${packageName}: unexpected option \`${unknownName}\`, expected ` + (names.length > 0 ? list(names) : 'no options')
    )
  }

  const options: Record<string, unknown> = {}
  let context = environment
  for (const [name, spec] of Object.entries(specs)) {
    const value = given[name]
    if (value === undefined) {
      options[name] = withPackage(packageName, () => spec.fallback(context))
      if (name === 'template') context = {...environment, template: options[name] as TemplateModel}
      continue
    }

    const read = withPackage(packageName, () => spec.read(value, context))
    if (read === undefined) {
      throw new PostmortemOptionError(
        `${packageName}: unexpected value \`${describeValue(value)}\` for option \`${name}\`, expected ${spec.expected}`
      )
    }

    options[name] = read
    if (name === 'template') context = {...environment, template: read as TemplateModel}
  }

  return options as ResolvedOptions<Specs>
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
export function describeValue(value: unknown): string {
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
export function booleanOption(fallback: boolean): OptionSpec<boolean, boolean> {
  return {
    expected: '`true` or `false`',
    fallback: () => fallback,
    read: (value) => (typeof value === 'boolean' ? value : undefined)
  }
}

/** Regular expression option, as a string (JSON configs) or a `RegExp`. */
export function patternOption(fallback: RegExp): OptionSpec<RegExp, string | RegExp> {
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
export function wordsOption(fallback: readonly string[]): OptionSpec<string[], string[]> {
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
export function numberOption(
  fallback: number,
  minimum: number,
  maximum = Number.POSITIVE_INFINITY
): OptionSpec<number, number> {
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
export const templateOption: OptionSpec<TemplateModel, string> = {
  expected: 'a path to a Markdown template',
  fallback: (environment) => environment.sharedTemplate ?? loadTemplateSetting(undefined, environment.cwd, ''),
  read: (value, environment) => loadTemplateSetting(value, environment.cwd, 'option `template`')
}
