import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import markdownExtensions from 'markdown-extensions'
import type {Root} from 'mdast'
import {
  cellStatus,
  headerSlice,
  headingKey,
  headingTexts,
  incidentDate,
  incidentValue,
  listItemDue,
  ownerText,
  parseDate,
  parseMarkdown,
  postmortemDocument,
  readActionItems,
  sectionSlice,
  templateDateFormat,
  templateDateReading,
  templateIncidentField,
  templateStatusEmoji,
  withoutNotes,
  type ActionItems,
  type ActionItemsRole,
  type DateFormat,
  type TemplateModel
} from 'mdast-util-postmortem'
import {readOptions, sharedTemplate, type PostmortemRule} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import {loadConfiguration} from './configuration.js'
import {expandInputs} from './inputs.js'

/** Where an action item stands. */
export type ActionState = 'done' | 'cancelled' | 'open' | 'overdue' | 'unknown'

/** One action item, as `--format json` writes it (field names are stable). */
export interface ActionEntry {
  /** The post-mortem, relative to the working directory. */
  file: string
  /** Line of the item's row or list item. */
  line: number
  /** The header's incident field (`Incident ID`, or the team template's `Incident`…), if any. */
  incident: string | null
  /** The header's incident Date (`YYYY-MM-DD`), if any. */
  date: string | null
  /** The item's ID column, else its number among the items. */
  id: string
  action: string
  owners: string[]
  /** The Due Date as written, if any. */
  due: string | null
  status: string | null
  ticket: string | null
  state: ActionState
}

const formats = ['table', 'json', 'csv', 'markdown'] as const
const sorts = ['file', 'due', 'owner'] as const
const failures = ['overdue', 'open'] as const

export const actionsUsage = `Usage: postmortem-lint actions [options] [path | glob ...]

List every action item of the post-mortems (default: the working directory),
read with the configuration and template the linter uses, with the state of
each: done, cancelled, open, overdue (open and due before today) or unknown
(status or due date unreadable).

Options:
  --today <YYYY-MM-DD>     what "overdue" is measured against (default: today, UTC)
  --open                   only open items (overdue ones included)
  --overdue                only overdue items
  --owner <@handle>        only items of this owner (repeatable)
  --status <word>          only items whose status contains this word (repeatable)
  --sort <file|due|owner>  order of the items (default: file)
  --format <name>          \`table\` (default), \`json\`, \`csv\` or \`markdown\`
  --fail-on <overdue|open> exit 1 when any item listed is overdue (or open)
  -h, --help               this help

Exit codes: 0 listed, 1 with --fail-on and a matching item, 2 usage or
configuration error.
`

/** A mistake in the arguments: one line, exit code 2. */
class ActionsUsageError extends Error {}

/** `postmortem-lint actions …`: returns the exit code. */
export async function runActions(argv: string[], cwd: string, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  try {
    const options = parseActionsArguments(argv)
    if (options.help) {
      stdout.write(actionsUsage)
      return 0
    }

    const {template, rule} = await configured(cwd)
    const role = template.roles.actionItems
    if (!role) throw new ActionsUsageError('the template has no action items section: nothing to list')
    const inputs = await expandInputs(options.paths.length > 0 ? options.paths : ['.'], cwd, markdownExtensions)
    for (const input of inputs.unmatched) throw new ActionsUsageError(`no file matches \`${input}\``)

    const entries: ActionEntry[] = []
    const notes: string[] = []
    for (const path of inputs.files) {
      const read = readDocument(path, cwd, template, rule, options.today)
      if (typeof read === 'string') notes.push(`${path}: ${read}`)
      else entries.push(...read)
    }

    const dateFormat = templateDateFormat(template)
    const statusEmoji = templateStatusEmoji(template)
    const listed = sortEntries(entries.filter((entry) => matches(entry, options, statusEmoji)), options.sort, dateFormat)
    stdout.write(formatEntries(listed, options.format))
    if (options.format === 'table') stdout.write(summary(listed, dateFormat))
    for (const note of notes) stderr.write(`postmortem-lint actions: ${note}\n`)

    const failing = options.failOn === 'overdue' ? ['overdue'] : options.failOn === 'open' ? ['open', 'overdue'] : []
    return listed.some((entry) => failing.includes(entry.state)) ? 1 : 0
  } catch (error) {
    if (!(error instanceof ActionsUsageError) && !(error instanceof Error && error.name === 'PostmortemOptionError')) throw error
    stderr.write(`postmortem-lint actions: ${error.message}\n`)
    return 2
  }
}

interface ActionsArguments {
  paths: string[]
  today: number
  open: boolean
  overdue: boolean
  owners: string[]
  statuses: string[]
  sort: (typeof sorts)[number]
  format: (typeof formats)[number]
  failOn: (typeof failures)[number] | undefined
  help: boolean
}

function parseActionsArguments(argv: string[]): ActionsArguments {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        today: {type: 'string'},
        open: {type: 'boolean'},
        overdue: {type: 'boolean'},
        owner: {type: 'string', multiple: true},
        status: {type: 'string', multiple: true},
        sort: {type: 'string'},
        format: {type: 'string'},
        'fail-on': {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    throw new ActionsUsageError((error as Error).message.split('\n')[0] ?? String(error))
  }

  const {values} = parsed
  const today = parseDate((values.today ?? new Date().toISOString().slice(0, 10)).trim())
  if (!today) throw new ActionsUsageError(`unexpected --today \`${values.today ?? ''}\`, expected a real date as YYYY-MM-DD`)
  const choose = <Value extends string>(name: string, value: string | undefined, allowed: readonly Value[], fallback: Value | undefined) => {
    if (value === undefined) return fallback
    if (!allowed.includes(value as Value)) {
      throw new ActionsUsageError(`unexpected --${name} \`${value}\`, expected ${allowed.map((item) => '`' + item + '`').join(', ')}`)
    }

    return value as Value
  }

  return {
    paths: parsed.positionals,
    today: today.day,
    open: values.open === true,
    overdue: values.overdue === true,
    owners: (values.owner ?? []).map((owner) => owner.trim().replace(/^(?!@)/, '@').toLowerCase()),
    statuses: values.status ?? [],
    sort: choose('sort', values.sort, sorts, 'file') ?? 'file',
    format: choose('format', values.format, formats, 'table') ?? 'table',
    failOn: choose('fail-on', values['fail-on'], failures, undefined),
    help: values.help === true
  }
}

/** The options `action-items` has in the configuration of `cwd` (statuses, which of them close an item), and its template. */
async function configured(cwd: string): Promise<{template: TemplateModel; rule: ActionItemsOptions}> {
  const result = await loadConfiguration(cwd)
  const settings = result?.settings as {postmortem?: unknown} | undefined
  const shared = sharedTemplate(settings?.postmortem, cwd)
  const definition = postmortemRules.find((rule) => rule.id === 'action-items') as PostmortemRule
  const entry = (result?.plugins ?? []).find(([plugin]) => (plugin as {name?: string}).name === 'remark-lint:' + definition.ruleId)
  const raw: unknown = entry?.[1]
  // `["error", {…}]`: the severity is the linter's business; the options are ours.
  const given = Array.isArray(raw) ? raw[1] : raw
  const options = readOptions(definition, given, {cwd, sharedTemplate: shared}) as unknown as ActionItemsOptions
  return {template: options.template, rule: options}
}

/** The options of `action-items` the listing needs. */
interface ActionItemsOptions {
  template: TemplateModel
  statuses: string[]
  ticketPattern: RegExp
  closingStatuses: Record<string, 'done' | 'cancelled'>
}

/** The action items of one post-mortem, or why it has none. */
function readDocument(path: string, cwd: string, template: TemplateModel, options: ActionItemsOptions, today: number): ActionEntry[] | string {
  let value: string
  try {
    value = readFileSync(resolve(cwd, path), 'utf8')
  } catch (error) {
    return `cannot read it (${error instanceof Error && 'code' in error ? String(error.code) : String(error)})`
  }

  const role = template.roles.actionItems
  if (!role) return 'no action items (none in the template)'
  const read = readItems(value, template, role)
  if (typeof read === 'string') return read
  const field = templateIncidentField(template)
  const incident = (field && incidentValue(read.header, field)?.text.trim()) || null
  const date = incidentDate(read.header, templateDateReading(template))?.text ?? null
  // In the order `--format json` writes: where, whose incident, then the item.
  return entriesOf(read.items, options, today).map(({line, ...item}) => ({file: path, line: line + read.line - 1, incident, date, ...item}))
}

/**
 * The action items and header of a post-mortem. Only the header, the action
 * items section and the section of the incident's facts (where the template
 * keeps them in one) are parsed when their headings can be found line by
 * line (the rest of the document is not needed); else the whole document.
 */
function readItems(
  value: string,
  template: TemplateModel,
  role: ActionItemsRole
): {items: Extract<ActionItems, {kind: 'table' | 'list'}>; header: Root; line: number} | string {
  const known = new Set(template.sections.map((section) => section.normalized))
  const slice = sectionSlice(value, role.section.normalized)
  const quick = slice && headingTexts(value).some((heading) => known.has(heading))
  const tree = quick ? parseMarkdown(slice.text) : parseMarkdown(value)
  if (!quick && !postmortemDocument(tree).sections.some((section) => known.has(section.normalized))) {
    return "skipped: not a post-mortem (none of the template's sections)"
  }

  const items = readActionItems(tree, role)
  if (items.kind !== 'table' && items.kind !== 'list') return `no action items (no ${role.shape} in \`${role.section.text}\`)`
  if (!quick) return {items, header: tree, line: 1}
  // The incident's facts: the header, and the section of fields where the template keeps them (`## Incident details`).
  const factsSection = templateIncidentField(template)?.section ?? templateDateReading(template).incidentSection
  const facts = factsSection === undefined ? undefined : sectionSlice(value, headingKey(factsSection))
  return {items, header: parseMarkdown(headerSlice(value).text + (facts ? '\n' + facts.text : '')), line: slice.line}
}

type ItemFields = Omit<ActionEntry, 'file' | 'incident' | 'date' | 'state'> & {closing: ActionState; dueDay: number | undefined; dueUnreadable: boolean}

function entriesOf(
  items: Extract<ActionItems, {kind: 'table' | 'list'}>,
  options: ActionItemsOptions,
  today: number
): Array<Omit<ActionEntry, 'file' | 'incident' | 'date'>> {
  const dateFormat = templateDateFormat(options.template)
  const statusEmoji = templateStatusEmoji(options.template)
  const fields: ItemFields[] =
    items.kind === 'table'
      ? items.rows.map((row) => {
          const status = items.columns.has('status') ? row.text('status') : null
          const word = status === null ? undefined : cellStatus(status, options.statuses, statusEmoji)
          const due = items.columns.has('due') ? row.text('due') : ''
          return {
            line: row.row.position?.start.line ?? 0,
            id: row.text('id') || String(row.number),
            action: row.text('action'),
            owners: ownersIn(ownerText(row.text('owner'))),
            due: due || null,
            status,
            ticket: row.text('ticket') || null,
            closing: status === null ? 'open' : word === undefined ? 'unknown' : (options.closingStatuses[word] ?? 'open'),
            dueDay: dateFormat.parse(withoutNotes(due))?.day,
            dueUnreadable: due !== '' && !dateFormat.parse(withoutNotes(due))
          }
        })
      : items.items.map((item, index) => {
          // Named (`due 20/12/2025`), else its first ISO date: a listing shows what it finds; the rule checks named ones only.
          const due = listItemDue(item.text) ?? /\b\d{4}-\d{2}-\d{2}\b/.exec(item.text)?.[0] ?? ''
          return {
            line: item.item.position?.start.line ?? 0,
            id: String(index + 1),
            // `- [ ]` with nothing after it is not parsed as a task: its text is the box.
            action: /^\[[ xX]\]$/.test(item.text) ? '' : item.text,
            owners: ownersIn(item.text).filter((owner) => owner.startsWith('@')),
            due: due || null,
            status: item.checked === null ? null : item.checked ? 'done' : 'open',
            ticket: item.text.split(/[\s,;()]+/).find((word) => options.ticketPattern.test(word)) ?? null,
            closing: item.checked === true ? 'done' : 'open',
            dueDay: dateFormat.parse(due)?.day,
            dueUnreadable: due !== '' && !dateFormat.parse(due)
          }
        })

  return fields.map(({closing, dueDay, dueUnreadable, ...entry}) => ({...entry, state: stateOf(closing, dueDay, dueUnreadable, today)}))
}

/** Closed items stay closed; an open one is overdue when due before `today`, unknown when its due date cannot be read. */
function stateOf(closing: ActionState, dueDay: number | undefined, dueUnreadable: boolean, today: number): ActionState {
  if (closing !== 'open') return closing
  if (dueUnreadable) return 'unknown'
  return dueDay !== undefined && dueDay < today ? 'overdue' : 'open'
}

/** Owners of a cell: `@sam, @acme/sre and Lee` → `@sam`, `@acme/sre`, `Lee`. */
function ownersIn(text: string): string[] {
  return text.split(/[\s,;&()]+/).filter((part) => part !== '' && part.toLowerCase() !== 'and' && part !== '—' && part !== '-' && (part.startsWith('@') || /^[\p{L}]/u.test(part)) && part.length < 60)
}

function matches(entry: ActionEntry, options: ActionsArguments, statusEmoji: Readonly<Record<string, string>>): boolean {
  if (options.overdue && entry.state !== 'overdue') return false
  if (options.open && entry.state !== 'open' && entry.state !== 'overdue') return false
  if (options.owners.length > 0 && !entry.owners.some((owner) => options.owners.includes(owner.toLowerCase()))) return false
  if (options.statuses.length > 0 && !(entry.status !== null && cellStatus(entry.status, options.statuses, statusEmoji))) return false
  return true
}

function sortEntries(entries: ActionEntry[], sort: ActionsArguments['sort'], dateFormat: DateFormat): ActionEntry[] {
  const byFile = (a: ActionEntry, b: ActionEntry) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)
  if (sort === 'file') return [...entries].sort(byFile)
  if (sort === 'owner') return [...entries].sort((a, b) => (a.owners[0] ?? '\uFFFF').localeCompare(b.owners[0] ?? '\uFFFF') || byFile(a, b))
  const day = (entry: ActionEntry) => dateFormat.parse(entry.due ?? '')?.day ?? Number.POSITIVE_INFINITY
  return [...entries].sort((a, b) => day(a) - day(b) || byFile(a, b))
}

const columns: ReadonlyArray<[keyof ActionEntry, string]> = [
  ['file', 'File'],
  ['line', 'Line'],
  ['incident', 'Incident'],
  ['date', 'Date'],
  ['id', 'ID'],
  ['action', 'Action'],
  ['owners', 'Owners'],
  ['due', 'Due'],
  ['status', 'Status'],
  ['ticket', 'Ticket'],
  ['state', 'State']
]

function cellOf(entry: ActionEntry, key: keyof ActionEntry): string {
  const value = entry[key]
  return Array.isArray(value) ? value.join(', ') : value === null ? '' : String(value)
}

/** The items in `format`. */
export function formatEntries(entries: readonly ActionEntry[], format: ActionsArguments['format']): string {
  if (format === 'json') return JSON.stringify(entries, undefined, 2) + '\n'
  if (format === 'csv') {
    const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)
    const lines = [columns.map(([key]) => key), ...entries.map((entry) => columns.map(([key]) => cellOf(entry, key)))]
    return lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n'
  }

  const rows = entries.map((entry) => columns.map(([key]) => cellOf(entry, key).replace(/\s+/g, ' ')))
  if (format === 'markdown') {
    const escape = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('|', '\\|')
    return [
      `| ${columns.map(([, title]) => title).join(' | ')} |`,
      `| ${columns.map(() => '---').join(' | ')} |`,
      ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)
    ].join('\n') + '\n'
  }

  const all = [columns.map(([, title]) => title), ...rows]
  const widths = columns.map((_, index) => Math.min(60, Math.max(...all.map((row) => (row[index] ?? '').length))))
  const fit = (value: string, width: number) => (value.length > width ? value.slice(0, width - 1) + '…' : value.padEnd(width))
  return all.map((row) => row.map((value, index) => fit(value, widths[index] ?? 0)).join('  ').trimEnd()).join('\n') + '\n'
}

/** Counts by state and by owner, and the oldest overdue item. */
function summary(entries: readonly ActionEntry[], dateFormat: DateFormat): string {
  const count = <Key extends string>(keys: Key[]) => {
    const counts = new Map<Key, number>()
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
    return [...counts].map(([key, value]) => `${key} ${value}`).join(', ')
  }

  const overdue = entries.filter((entry) => entry.state === 'overdue')
  const oldest = sortEntries(overdue, 'due', dateFormat)[0]
  return [
    '',
    `${entries.length} action ${entries.length === 1 ? 'item' : 'items'}${entries.length > 0 ? ': ' + count(entries.map((entry) => entry.state)) : ''}`,
    ...(entries.length > 0 ? [`by owner: ${count(entries.flatMap((entry) => (entry.owners.length > 0 ? entry.owners : ['(none)'])))}`] : []),
    ...(oldest ? [`oldest overdue: ${oldest.file}:${oldest.line} ${oldest.id} "${oldest.action}" (due ${oldest.due ?? '?'}, ${cellOf(oldest, 'owners') || 'no owner'})`] : []),
    ''
  ].join('\n')
}
