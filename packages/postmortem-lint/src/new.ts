import {randomBytes} from 'node:crypto'
import {linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {
  findSection,
  normalizeText,
  parseDate,
  parseMarkdown,
  parseVersion,
  postmortemDocument,
  readGroupFields,
  sectionOwnContent,
  frontMatterLabel,
  frontMatterNode,
  incidentFacts,
  isPlaceholderValue,
  labelColon,
  templateDateReading,
  templateIncidentFormat,
  templateIncidentField,
  templateModel,
  templateText,
  templateVersionPair,
  type CalendarDate,
  type IncidentFormat,
  type TemplateModel
} from 'mdast-util-postmortem'
import {defaultTemplatePath} from 'postmortem-rule-core'

/** What `postmortem-lint new` is asked for. */
export interface NewPostmortem {
  failed: string
  rolledBack: string
  /** `YYYY-MM-DD`; default: today (UTC). */
  date?: string
  /** Issue number (`123`, `#123`) or URL; or an ID in the form the template writes (`INC-2041`), or its number. */
  incident?: string
  /** Template path, relative to `cwd`; default: the shipped template. */
  template?: string
  /** Folder, relative to `cwd`. */
  dir?: string
  cwd: string
}

/** Exit code of a mistake in the arguments. */
const usageExit = 2

/** A mistake in what was asked, or a file that cannot be written: said plainly, never a stack trace. */
export class NewPostmortemError extends Error {
  override name = 'NewPostmortemError'
  /** 2 for a mistake in the arguments or template, 1 when the file cannot be written. */
  readonly exitCode: number

  constructor(message: string, exitCode = usageExit) {
    super(message)
    this.exitCode = exitCode
  }
}

export const newUsage = `Usage: postmortem-lint new --failed <version> --rolled-back <version> [options]

Start a deployment-rollback post-mortem from the template, with its header
filled, at <dir>/<date>-<failed>.md, and print its path.

Options:
  --failed <version>       version that failed (semver, \`v\` allowed), required
  --rolled-back <version>  version rolled back to (lower than --failed), required
  --date <YYYY-MM-DD>      incident date (default: today, UTC), written as
                           the template writes dates
  --incident <id>          incident: 123, #123 or an issue URL; or as the
                           template writes it (INC-123 for INC-XXXX); any
                           ID where the template shows no form
  --template <path>        team template (default: the shipped template)
  --dir <path>             folder (default: contexts/retrospectives/deployment-rollbacks)
  -h, --help               this help
`

const defaultDir = 'contexts/retrospectives/deployment-rollbacks'

/** Build the new post-mortem: where it goes and its text. Throws `NewPostmortemError` on bad input. */
export function newPostmortem(request: NewPostmortem): {path: string; value: string; notes: string[]} {
  const date = (request.date ?? new Date().toISOString().slice(0, 10)).trim()
  const day = parseDate(date)
  if (!day) throw new NewPostmortemError(`unexpected --date \`${date}\`, expected a real date as YYYY-MM-DD`)
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

  const templatePath = request.template === undefined ? defaultTemplatePath : resolve(request.cwd, request.template)
  const template = readTemplate(templatePath, request.template ?? templatePath)
  const model = templateModel(template, templatePath)
  // The header's incident field, or a section's (`| Incident | INC-XXXX |` in `## Incident details`).
  const incidentLabel = templateIncidentField(model)?.label
  const incident = request.incident === undefined ? undefined : incidentId(request.incident, templateIncidentFormat(model), day)

  // The date as the team writes dates (`20/12/2025`), in `Date` and in its own date field (`Date of incident`).
  const reading = templateDateReading(model)
  const written = reading.format.write(day)
  const values = new Map<string, string>([
    ['date', written],
    ['failed version', request.failed.trim()],
    ['rolled back to', request.rolledBack.trim()]
  ])
  if (incident && incidentLabel) values.set(normalizeText(incidentLabel), incident)
  values.set(normalizeText(reading.incidentLabel), written)
  // The team's own version fields (`Bad release`, `Restored release`).
  const versions = templateVersionPair(model)
  if (versions) {
    values.set(normalizeText(versions.failed), request.failed.trim())
    values.set(normalizeText(versions.restored), request.rolledBack.trim())
  }

  const name = `${date}-${request.failed.trim()}.md`
  if (name.includes('/') || name.includes('\\')) {
    throw new NewPostmortemError(`unexpected --failed \`${request.failed}\`, expected a version without \`/\``)
  }

  return {
    path: join(resolve(request.cwd, request.dir ?? defaultDir), name),
    value: fillHeader(template, model, values, request.failed.trim()),
    // Asked for and nowhere to go: said, not silently dropped.
    notes: incident && !incidentLabel ? [`the template has no incident field, so --incident \`${request.incident}\` is not written`] : []
  }
}

/** The template's text (a page's fenced template, see `templateText`): UTF-8 Markdown with at least one `##` section. */
function readTemplate(path: string, name: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new NewPostmortemError(`cannot read --template \`${name}\` (resolved to \`${path}\`: ${errorCode(error)})`)
  }

  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new NewPostmortemError(`unexpected --template \`${name}\`: it is not UTF-8 text`)
  }

  const text = templateText(decoded)
  const document = postmortemDocument(parseMarkdown(text))
  // A template may have no `#` title (its title is its front matter's), not no section.
  if (text.includes('\0') || !document.sections.some((section) => section.depth === 2)) {
    throw new NewPostmortemError(`unexpected --template \`${name}\`: it has no \`##\` section, expected a post-mortem template`)
  }

  return text
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error)
}

/**
 * The incident as the template writes it: `INC-2041` from `2041` for
 * `INC-XXXX` (with the incident's date where the form has one), else an
 * issue reference; where its field shows no form, any other ID as given.
 */
function incidentId(value: string, format: IncidentFormat | undefined, date: CalendarDate): string {
  const text = value.trim()
  if (format?.kind === 'shape') {
    if (format.pattern.test(text)) return text
    if (/^\d+$/.test(text)) return format.withNumber(text, date)
    throw new NewPostmortemError(
      `unexpected --incident \`${value}\`, expected an incident ID such as \`${format.example}\` (as the template writes it) or its number`
    )
  }

  if (/^#?\d+$/.test(text)) return text.startsWith('#') ? text : '#' + text
  if (/^https?:\/\/\S+$/.test(text) || (format === undefined && text !== '')) return text
  throw new NewPostmortemError(`unexpected --incident \`${value}\`, expected an issue number (123, #123) or an issue URL`)
}

/**
 * The template with its header fields set (`**Date**: …`, `Date: …`,
 * `- **Date**: …`, each line keeping its hard break), its front matter's
 * (`date: …`, quotes kept) and its title naming the failed version.
 * Everything else is left for the author: `no-placeholders` fails until it
 * is filled in.
 */
function fillHeader(template: string, model: TemplateModel, values: ReadonlyMap<string, string>, failed: string): string {
  const tree = parseMarkdown(template)
  const document = postmortemDocument(tree)
  const lines = template.split(/(?<=\n)/)
  const title = document.sections.find((section) => section.depth === 1)

  // The header's fields, and those the template keeps in a section of their own (`## Overview`, `## Incident details`).
  const sectionFields = model.roles.listFields.flatMap((group) => {
    const section = group.section && findSection(document, group.section.text)
    return section ? readGroupFields(sectionOwnContent(document, section)) : []
  })
  for (const field of [...incidentFacts(tree).fields, ...sectionFields]) {
    const value = values.get(field.normalized)
    const index = field.place.start.line - 1
    const line = lines[index]
    if (value === undefined || line === undefined) continue
    const content = line.slice(0, line.length - lineEnding(line).length)
    const labelEnd = content.indexOf(field.label) + field.label.length
    if (labelEnd < field.label.length) continue
    if (content.trimStart().startsWith('|')) {
      // A row of a table of fields (`| Date | YYYY-MM-DD |`): the cell after the label's.
      const cellStart = content.indexOf('|', labelEnd)
      if (cellStart === -1 || !/^[*:\s]*$/.test(content.slice(labelEnd, cellStart))) continue
      const cellEnd = content.indexOf('|', cellStart + 1)
      lines[index] = `${content.slice(0, cellStart + 1)} ${value} ${cellEnd === -1 ? '' : content.slice(cellEnd)}${lineEnding(line)}`
      continue
    }

    // Only a colon right after the label (and its `**`) ends it: ASCII or full-width (`日期：`).
    const colonOffset = content.slice(labelEnd).search(labelColon)
    const colon = colonOffset === -1 ? -1 : labelEnd + colonOffset
    if (colon === -1 || !/^[*\s]*$/.test(content.slice(labelEnd, colon))) continue
    const valueStart = content.startsWith('**', colon + 1) ? colon + 3 : colon + 1
    // Chinese and Japanese write no space after a full-width colon.
    const space = content[colon] === '：' ? '' : ' '
    lines[index] = `${content.slice(0, valueStart)}${space}${value}${hardBreakAndEnding(line)}`
  }

  const frontMatter = frontMatterNode(tree)
  const closingFence = (frontMatter?.position?.end.line ?? 0) - 1
  const entryPattern = frontMatter?.type === 'toml' ? tomlEntry : frontMatterEntry
  for (let index = 1; index < closingFence; index++) {
    const line = lines[index] ?? ''
    const entry = entryPattern.exec(line)
    const value = entry && values.get(frontMatterLabel(entry[2] ?? ''))
    if (!entry || value === undefined) continue
    const quote = entry[3] ?? ''
    lines[index] = `${entry[1] ?? ''}${quote}${value}${quote}${lineEnding(line)}`
  }

  if (title) {
    const start = (title.heading.position?.start.line ?? 1) - 1
    const end = (title.heading.position?.end.line ?? 1) - 1
    const text = withoutTrailingWord(title.text.trim(), 'template')
    // The title's version placeholder (`<version>`, `[Version]`) is the failed version; a title with other placeholders
    // (`Postmortem: {{title}}`) is the writer's to fill; else the title names the version at its end.
    const named = versionPlaceholder.test(text)
      ? text.replace(versionPlaceholder, failed)
      : isPlaceholderValue(text)
        ? text
        : `${text}: ${failed}`
    // A setext title (`Title` then `===`) spans two lines: both become one ATX line.
    lines.splice(start, end - start + 1, `# ${named}${lineEnding(lines[end] ?? '')}`)
  }

  return lines.join('')
}

/** A placeholder naming the version: `<version>`, `[Version]`, `{{version}}`. */
const versionPlaceholder = /<version>|\[version\]|\{\{\s?version\s?\}\}/i

/** A front matter line `key: value`: what precedes the value (`key` is its second group), and the value's quote. */
const frontMatterEntry = /^(\s*([A-Za-z_][\w -]{0,60}?)\s*:[^\S\r\n]*)(["']?)/
/** A TOML front matter line `key = "value"`, in the same groups. */
const tomlEntry = /^(\s*([A-Za-z_][\w-]{0,60})[^\S\r\n]*=[^\S\r\n]*)(["']?)/

/** The line's ending (`\n`, `\r\n` or none). */
function lineEnding(line: string): string {
  return line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : ''
}

/** The hard break (two or more spaces, or `\\`) and the ending of a field line; scanned from the end, linear. */
function hardBreakAndEnding(line: string): string {
  const ending = lineEnding(line)
  const content = line.slice(0, line.length - ending.length)
  if (content.endsWith('\\')) return '\\' + ending
  let start = content.length
  while (start > 0 && content.charAt(start - 1) === ' ') start--
  return (content.length - start >= 2 ? '  ' : '') + ending
}

/** `text` without a last word `word` (any case), and the spaces before it. */
function withoutTrailingWord(text: string, word: string): string {
  if (!text.toLowerCase().endsWith(word)) return text
  const before = text.slice(0, text.length - word.length)
  return before === '' || before.endsWith(' ') ? before.trimEnd() : text
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
    return usageExit
  }

  if (parsed.help) {
    process.stdout.write(newUsage)
    return 0
  }

  if (parsed.failed === undefined || parsed['rolled-back'] === undefined) {
    process.stderr.write(`postmortem-lint new: --failed and --rolled-back are required\n\n${newUsage}`)
    return usageExit
  }

  try {
    const {path, value, notes} = newPostmortem({
      failed: parsed.failed,
      rolledBack: parsed['rolled-back'],
      date: parsed.date,
      incident: parsed.incident,
      template: parsed.template,
      dir: parsed.dir,
      cwd
    })
    writeNew(path, value)
    for (const note of notes) process.stderr.write(`postmortem-lint new: ${note}\n`)
    process.stdout.write(relative(cwd, path) + '\n')
    return 0
  } catch (error) {
    if (!(error instanceof NewPostmortemError)) throw error
    process.stderr.write(`postmortem-lint new: ${error.message}\n`)
    return error.exitCode
  }
}

/**
 * Write a new file at `path`, never over an existing one and never half:
 * the text goes to a temporary file in the same folder, which is then
 * linked to `path` (failing if it exists) and removed.
 */
function writeNew(path: string, value: string): void {
  const folder = dirname(path)
  try {
    mkdirSync(folder, {recursive: true})
  } catch (error) {
    throw new NewPostmortemError(`cannot create the folder \`${folder}\` (${errorCode(error)})`, 1)
  }

  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, value, {flag: 'wx'})
    linkSync(temporary, path)
  } catch (error) {
    const code = errorCode(error)
    throw new NewPostmortemError(
      code === 'EEXIST' ? `\`${path}\` already exists; not overwriting it` : `cannot write \`${path}\` (${code})`,
      1
    )
  } finally {
    try {
      unlinkSync(temporary)
    } catch {}
  }
}
