import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {parseDate, parseMarkdown, parseVersion, postmortemDocument, readFields} from 'mdast-util-postmortem'
import {defaultTemplatePath} from 'postmortem-rule-core'

/** What `postmortem-lint new` is asked for. */
export interface NewPostmortem {
  failed: string
  rolledBack: string
  /** `YYYY-MM-DD`; default: today (UTC). */
  date?: string
  /** Issue number (`123`, `#123`) or URL. */
  incident?: string
  /** Template path, relative to `cwd`; default: the shipped template. */
  template?: string
  /** Folder, relative to `cwd`. */
  dir?: string
  cwd: string
}

/** A mistake in what was asked: said plainly, never a stack trace. */
export class NewPostmortemError extends Error {
  override name = 'NewPostmortemError'
}

export const newUsage = `Usage: postmortem-lint new --failed <version> --rolled-back <version> [options]

Start a deployment-rollback post-mortem from the template, with its header
filled, at <dir>/<date>-<failed>.md, and print its path.

Options:
  --failed <version>       version that failed (semver, \`v\` allowed), required
  --rolled-back <version>  version rolled back to (lower than --failed), required
  --date <YYYY-MM-DD>      incident date (default: today, UTC)
  --incident <id>          incident issue: 123, #123 or an issue URL
  --template <path>        team template (default: the shipped template)
  --dir <path>             folder (default: contexts/retrospectives/deployment-rollbacks)
  -h, --help               this help
`

const defaultDir = 'contexts/retrospectives/deployment-rollbacks'

/** Build the new post-mortem: where it goes and its text. Throws `NewPostmortemError` on bad input. */
export function newPostmortem(request: NewPostmortem): {path: string; value: string} {
  const date = request.date ?? new Date().toISOString().slice(0, 10)
  if (!parseDate(date)) throw new NewPostmortemError(`unexpected --date \`${date}\`, expected a real date as YYYY-MM-DD`)
  const failed = parseVersion(request.failed)
  if (!failed) {
    throw new NewPostmortemError(`unexpected --failed \`${request.failed}\`, expected a semantic version such as v1.2.4`)
  }

  const rolledBack = parseVersion(request.rolledBack)
  if (!rolledBack) {
    throw new NewPostmortemError(
      `unexpected --rolled-back \`${request.rolledBack}\`, expected a semantic version such as v1.2.3`
    )
  }

  if (rolledBack.compare(failed) >= 0) {
    throw new NewPostmortemError(
      `unexpected --rolled-back \`${request.rolledBack}\`, expected a version lower than --failed \`${request.failed}\``
    )
  }

  const incident = request.incident === undefined ? undefined : incidentId(request.incident)
  const templatePath = request.template === undefined ? defaultTemplatePath : resolve(request.cwd, request.template)
  let template: string
  try {
    template = readFileSync(templatePath, 'utf8')
  } catch {
    throw new NewPostmortemError(`cannot read --template \`${request.template ?? templatePath}\` (resolved to \`${templatePath}\`)`)
  }

  const values = new Map<string, string>([
    ['date', date],
    ['failed version', request.failed.trim()],
    ['rolled back to', request.rolledBack.trim()]
  ])
  if (incident) values.set('incident id', incident)

  const name = `${date}-${request.failed.trim()}.md`
  return {
    path: join(resolve(request.cwd, request.dir ?? defaultDir), name),
    value: fillHeader(template, values, request.failed.trim())
  }
}

function incidentId(value: string): string {
  const text = value.trim()
  if (/^#?\d+$/.test(text)) return text.startsWith('#') ? text : '#' + text
  if (/^https?:\/\/\S+$/.test(text)) return text
  throw new NewPostmortemError(`unexpected --incident \`${value}\`, expected an issue number (123, #123) or an issue URL`)
}

/**
 * The template with its header fields set (each line keeps its hard break)
 * and its title naming the failed version. Everything else is left for the
 * author: `no-placeholders` fails until it is filled in.
 */
function fillHeader(template: string, values: ReadonlyMap<string, string>, failed: string): string {
  const document = postmortemDocument(parseMarkdown(template))
  const lines = template.split(/(?<=\n)/)
  const title = document.sections.find((section) => section.depth === 1)

  for (const field of readFields(document.header)) {
    const value = values.get(field.normalized)
    const index = field.place.start.line - 1
    const line = lines[index]
    if (value === undefined || line === undefined) continue
    const label = /^\s*\*\*[^*]+\*\*:?/.exec(line)?.[0] ?? `**${field.label}**:`
    const lineEnd = /( {2,}|\\)?(\r?\n)?$/.exec(line)?.[0] ?? ''
    lines[index] = `${label} ${value}${lineEnd}`
  }

  if (title) {
    const index = (title.heading.position?.start.line ?? 1) - 1
    const text = title.text.replace(/\s*template\s*$/i, '').trim()
    const lineEnd = /\r?\n$/.exec(lines[index] ?? '')?.[0] ?? ''
    lines[index] = `# ${text}: ${failed}${lineEnd}`
  }

  return lines.join('')
}

/** `postmortem-lint new …`: returns the exit code. */
export function runNew(argv: string[], cwd: string): number {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        failed: {type: 'string'},
        'rolled-back': {type: 'string'},
        date: {type: 'string'},
        incident: {type: 'string'},
        template: {type: 'string'},
        dir: {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    process.stderr.write(`postmortem-lint new: ${(error as Error).message}\n\n${newUsage}`)
    return 1
  }

  if (parsed.help) {
    process.stdout.write(newUsage)
    return 0
  }

  if (parsed.failed === undefined || parsed['rolled-back'] === undefined) {
    process.stderr.write(`postmortem-lint new: --failed and --rolled-back are required\n\n${newUsage}`)
    return 1
  }

  try {
    const {path, value} = newPostmortem({
      failed: parsed.failed,
      rolledBack: parsed['rolled-back'],
      date: parsed.date,
      incident: parsed.incident,
      template: parsed.template,
      dir: parsed.dir,
      cwd
    })
    mkdirSync(resolve(path, '..'), {recursive: true})
    try {
      writeFileSync(path, value, {flag: 'wx'})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new NewPostmortemError(`\`${path}\` already exists; not overwriting it`)
      }

      throw error
    }

    process.stdout.write(relative(cwd, path) + '\n')
    return 0
  } catch (error) {
    if (!(error instanceof NewPostmortemError)) throw error
    process.stderr.write(`postmortem-lint new: ${error.message}\n`)
    return 1
  }
}
