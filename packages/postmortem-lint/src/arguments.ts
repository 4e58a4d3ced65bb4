import {parseArgs} from 'node:util'

/** How the report is written. */
export type Format = 'default' | 'github' | 'sarif' | 'json'

const formats: readonly Format[] = ['default', 'github', 'sarif', 'json']

/** What a lint run is asked for. */
export interface LintArguments {
  /** Files, folders and globs; none means standard input. */
  inputs: string[]
  format: Format
  fix: boolean
  quiet: boolean
  silent: boolean
  frail: boolean
  /** `undefined`: colour when standard error is a terminal, unless `NO_COLOR` or `FORCE_COLOR=0`. */
  color: boolean | undefined
  /** Extensions searched for in folders (without the dot); `undefined`: the Markdown ones. */
  extensions: string[] | undefined
  filePath: string | undefined
  rcPath: string | undefined
  ignorePath: string | undefined
  ignorePatterns: string[]
  config: boolean
  ignore: boolean
  errorOnUnmatchedPattern: boolean
  /** Worker threads; 1 lints in this thread; `undefined` (not given): one per core, from `threadedMinimum` files. */
  concurrency: number | undefined
  /** Folder of the cache; `undefined` without `--cache`. */
  cacheLocation: string | undefined
  debug: boolean
  help: boolean
  version: boolean
}

/** A mistake on the command line: said in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

interface OptionDefinition {
  name: string
  short?: string
  type: 'boolean' | 'string'
  multiple?: boolean
  /** Shown after the option in the help (`<name>`). */
  value?: string
  description: string
}

/** Every option the linter accepts; the help is written from this list. */
export const lintOptions: readonly OptionDefinition[] = [
  {name: 'format', type: 'string', value: 'name', description: 'report as `default`, `github` (workflow commands on stdout), `sarif` (SARIF 2.1.0 on stdout) or `json` (on stdout)'},
  {name: 'fix', type: 'boolean', description: 'apply the fixes that have one certain answer, then report what is left; with stdin, print the fixed document'},
  {name: 'quiet', short: 'q', type: 'boolean', description: 'report only files with findings'},
  {name: 'silent', short: 'S', type: 'boolean', description: 'report only errors'},
  {name: 'frail', short: 'f', type: 'boolean', description: 'exit 1 on warnings too'},
  {name: 'ext', short: 'e', type: 'string', multiple: true, value: 'extensions', description: 'extensions searched for in folders, comma separated (default: the Markdown ones)'},
  {name: 'file-path', type: 'string', value: 'path', description: 'the path of the document read from stdin, for configuration and reports'},
  {name: 'rc-path', short: 'r', type: 'string', value: 'path', description: 'a configuration file to use instead of the ones found'},
  {name: 'ignore-path', short: 'i', type: 'string', value: 'path', description: 'an ignore file to use instead of `.remarkignore`'},
  {name: 'ignore-pattern', type: 'string', multiple: true, value: 'globs', description: 'files to ignore, comma separated'},
  {name: 'no-config', type: 'boolean', description: 'use no configuration file: the built-in preset only'},
  {name: 'no-ignore', type: 'boolean', description: 'use no ignore file'},
  {name: 'no-error-on-unmatched-pattern', type: 'boolean', description: 'exit 0, not 2, when a path or glob matches no file'},
  {name: 'concurrency', type: 'string', value: 'n', description: 'worker threads to lint on (default: one per core from 200 files; 1 lints in one thread)'},
  {name: 'cache', type: 'boolean', description: 'keep findings of unchanged files and configuration between runs'},
  {name: 'cache-location', type: 'string', value: 'path', description: 'the cache folder (default: `node_modules/.cache/postmortem-lint`)'},
  {name: 'color', type: 'boolean', description: 'colour the report (default: when stderr is a terminal, unless `NO_COLOR` or `FORCE_COLOR=0`)'},
  {name: 'no-color', type: 'boolean', description: 'never colour the report'},
  {name: 'debug', type: 'boolean', description: 'show the stack trace of an internal error'},
  {name: 'help', short: 'h', type: 'boolean', description: 'this help'},
  {name: 'version', short: 'v', type: 'boolean', description: 'the version of postmortem-lint and of Node.js'}
]

/**
 * remark-cli's options that write files or trees, or load plugins from the
 * command line: known so that `-qo` or `--output=x` is refused with a
 * reason instead of being taken for something else.
 */
const refusedOptions: readonly OptionDefinition[] = [
  {name: 'output', short: 'o', type: 'string', description: 'linting never writes the files it reads; `--fix` writes only its edits'},
  {name: 'stdout', type: 'boolean', description: 'postmortem-lint writes no documents to stdout'},
  {name: 'no-stdout', type: 'boolean', description: 'postmortem-lint writes no documents to stdout anyway'},
  {name: 'tree', type: 'boolean', description: 'postmortem-lint reads and writes no syntax trees'},
  {name: 'tree-in', type: 'boolean', description: 'postmortem-lint reads no syntax trees'},
  {name: 'tree-out', type: 'boolean', description: 'postmortem-lint writes no syntax trees'},
  {name: 'inspect', type: 'boolean', description: 'postmortem-lint writes no syntax trees'},
  {name: 'watch', short: 'w', type: 'boolean', description: 'postmortem-lint does not watch files'},
  {name: 'use', short: 'u', type: 'string', description: 'plugins come from `.remarkrc*` or `package.json#remarkConfig`'},
  {name: 'setting', short: 's', type: 'string', description: 'settings come from `.remarkrc*` or `package.json#remarkConfig`'},
  {name: 'report', type: 'string', description: 'use `--format`'}
]

/** Parse the linter's arguments as remark-cli would (combined short flags, `--flag=value`), refusing what would write. */
export function parseLintArguments(argv: readonly string[]): LintArguments {
  const options = Object.fromEntries(
    [...lintOptions, ...refusedOptions].map((option) => [
      option.name,
      {type: option.type, ...(option.short ? {short: option.short} : {}), ...(option.multiple ? {multiple: true} : {})}
    ])
  )
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true, tokens: true})
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? String(error))
  }

  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    const refused = refusedOptions.find((option) => option.name === token.name)
    if (refused) throw new UsageError(`unexpected option \`${token.rawName}\`: ${refused.description}`)
  }

  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  const text = (name: string) => values[name] as string | undefined
  const flag = (name: string) => values[name] === true
  const list = (name: string) =>
    ((values[name] as string[] | undefined) ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)

  const format = text('format') ?? 'default'
  if (!formats.includes(format as Format)) {
    throw new UsageError(`unexpected format \`${format}\`, expected ${formats.map((item) => '`' + item + '`').join(', ')}`)
  }

  if (flag('color') && flag('no-color')) throw new UsageError('use either `--color` or `--no-color`, not both')
  const extensions = list('ext').map((extension) => extension.replace(/^\./, ''))
  const concurrency = text('concurrency') === undefined ? undefined : Number(text('concurrency'))
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)) {
    throw new UsageError(`unexpected --concurrency \`${text('concurrency') ?? ''}\`, expected a whole number from 1 to 256`)
  }

  const cacheLocation = text('cache-location')
  if (cacheLocation !== undefined && !flag('cache')) throw new UsageError('`--cache-location` needs `--cache`')

  return {
    inputs: parsed.positionals,
    format: format as Format,
    fix: flag('fix'),
    quiet: flag('quiet'),
    silent: flag('silent'),
    frail: flag('frail'),
    color: flag('color') ? true : flag('no-color') ? false : undefined,
    extensions: extensions.length > 0 ? extensions : undefined,
    filePath: text('file-path'),
    rcPath: text('rc-path'),
    ignorePath: text('ignore-path'),
    ignorePatterns: list('ignore-pattern'),
    config: !flag('no-config'),
    ignore: !flag('no-ignore'),
    errorOnUnmatchedPattern: !flag('no-error-on-unmatched-pattern'),
    concurrency,
    cacheLocation: flag('cache') ? (cacheLocation ?? 'node_modules/.cache/postmortem-lint') : undefined,
    debug: flag('debug'),
    help: flag('help'),
    version: flag('version')
  }
}

/** The help, written from the option list. */
export function lintUsage(description: string): string {
  const rows = lintOptions.map((option) => {
    const names = (option.short ? `-${option.short}, ` : '    ') + `--${option.name}` + (option.value ? ` <${option.value}>` : '')
    return [names, option.description] as const
  })
  const width = Math.max(...rows.map(([names]) => names.length)) + 2
  return [
    'Usage: postmortem-lint [options] [path | glob ...]',
    '       postmortem-lint new --failed <version> --rolled-back <version> [options]',
    '       postmortem-lint template [path]',
    '       postmortem-lint actions [options] [path | glob ...]',
    '',
    description,
    '',
    'Lints the files, folders and globs given (folders for Markdown files), or',
    'standard input when none is given. It never writes a file, unless `--fix`.',
    '',
    'Options:',
    ...rows.map(([names, text]) => `  ${names.padEnd(width)}${text}`),
    '',
    'Commands:',
    '  new       start a post-mortem from the template (postmortem-lint new --help)',
    '  template  show how a template is understood (postmortem-lint template --help)',
    '  actions   list every action item, open and overdue (postmortem-lint actions --help)',
    '',
    'Exit codes:',
    '  0  no findings',
    '  1  findings (with --frail, warnings too)',
    '  2  usage or configuration error: a bad option or configuration, an unreadable',
    '     or invalid template, a path or glob that matches no file',
    '',
    'Examples:',
    '  postmortem-lint contexts/retrospectives/',
    '  postmortem-lint --format github "contexts/retrospectives/**/*.md"',
    '  postmortem-lint --fix contexts/retrospectives/2025-12-10-v1.2.4.md',
    '  postmortem-lint < draft.md',
    ''
  ].join('\n')
}
