import type {ListItem, Paragraph, Root, TableCell, TableRow} from 'mdast'
import {
  cellStatus,
  findSection,
  incidentDate,
  listItemDue,
  ownerText,
  normalizeText,
  holdsPlaceholder,
  isMonthAndDay,
  plainText,
  postmortemDocument,
  readActionItems,
  statusOf,
  choicesIn,
  withoutNotes,
  sectionContent,
  templateDateFormat,
  templateDateReading,
  templateStatusEmoji,
  type ActionColumn,
  type ActionItems,
  type ActionItemsRole,
  type CalendarDate,
  type PostmortemDocument,
  type TableModel
} from 'mdast-util-postmortem'
import {
  contentPosition,
  defineRule,
  listOf,
  missingTableReport,
  plainTextPosition,
  patternOption,
  remarkRule,
  templateOption,
  wordsOption,
  type ConfiguredOptions,
  type OptionSpec,
  type Report,
  type ResolvedOptions
} from 'postmortem-rule-core'
import {visit} from 'unist-util-visit'

/** What a column check sees of its row. */
interface RowContext {
  /** `action item 3`. */
  item: string
  number: number
  options: ResolvedOptions<typeof optionSpecs>
  incidentDate: CalendarDate | undefined
  /** Row number of each ID seen so far. */
  firstRowOfId: Map<string, number>
  /** Valid tickets seen so far. */
  tickets: Set<string>
  /** Whether owners are `@handles`: the template's owner cells show them, or `ownerPattern` is set. */
  handles: boolean
  /** Whether tickets have a form: the template's ticket cells show ticket keys, or `ticketPattern` is set. */
  ticketKeys: boolean
  /** Whether a due date may be a month and day without a year (`March 3`), as the template's due cells show. */
  yearlessDues: boolean
}

/** What a column check finds in a cell, placed on the cell's content by the caller. */
interface CellFinding extends Omit<Report, 'place'> {
  /** The corrected value (`@Sam` for `Sam`): offered as a fix when the cell is plain text. */
  correction?: string
}

/** A column of the action items table: its name in messages and how a cell is checked. */
interface Column {
  name: string
  check: (text: string, row: RowContext) => CellFinding | undefined
}

type TableRole = Extract<ActionItemsRole, {shape: 'table'}>
type ListRole = Extract<ActionItemsRole, {shape: 'list'}>

// GitHub handles and teams (`@sam`, `@acme/sre`), and GitLab's and Slack's, which may hold `.` and `_` (`@li.wei`).
const defaultOwner = /^@[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/
const defaultTicket = /^[A-Z][A-Z0-9]+-\d+$/
const defaultStatuses = ['Done', 'In Progress', 'Planned', 'Blocked', 'Cancelled']
/** Statuses teams commonly write, allowed too where the template's status cells show none (they are empty). */
const commonStatuses = ['Open', 'To Do', 'Not Started', 'Completed', 'Complete', 'Closed', 'Resolved', 'On Hold', 'Deferred']
/** Which of those close an item. */
const commonClosing: Record<string, Closing> = {Completed: 'done', Complete: 'done', Closed: 'done', Resolved: 'done'}

/** What a status means for follow-up (`postmortem-lint actions`): it closes the item as done or as cancelled. */
export type Closing = 'done' | 'cancelled'

const closingStatusesOption: OptionSpec<Record<string, Closing>, Record<string, Closing>> = {
  expected: 'an object of statuses to `"done"` or `"cancelled"`, such as `{"Done": "done", "Cancelled": "cancelled"}`',
  fallback: ({template}) => ({Done: 'done', Cancelled: 'cancelled', ...(showsNoStatus(template?.roles.actionItems) && commonClosing)}),
  read: (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([status, closing]) => status.trim() !== '' && (closing === 'done' || closing === 'cancelled'))
      ? (value as Record<string, Closing>)
      : undefined
}

const optionSpecs = {
  template: templateOption,
  ownerPattern: patternOption(defaultOwner),
  ticketPattern: patternOption(defaultTicket),
  statuses: {
    ...wordsOption(defaultStatuses),
    // The template's choice of statuses (`Open / Done`), else the seed's and those its example rows show (`Open`).
    fallback: ({template}) => {
      const role = template?.roles.actionItems
      if (role?.shape !== 'table') return [...defaultStatuses]
      if (role.statuses) return [...role.statuses]
      if (showsNoStatus(role)) return [...defaultStatuses, ...commonStatuses]
      const known = new Set(defaultStatuses.map((status) => normalizeText(status)))
      return [...defaultStatuses, ...role.statusExamples.filter((status) => !known.has(normalizeText(status)))]
    }
  } satisfies OptionSpec<string[], string[]>,
  closingStatuses: closingStatusesOption
}

/** Whether the template's action items table has a status column whose cells show no status (`| | | |`). */
function showsNoStatus(role: ActionItemsRole | undefined): boolean {
  return role?.shape === 'table' && role.columns.status !== undefined && !role.statuses && role.statusExamples.length === 0
}

/** The columns in the order they are checked and named; the template says which a team has. */
const columns: Record<ActionColumn, Column> = {
  id: {name: 'ID', check: checkId},
  action: {
    name: 'Action',
    check: (text, row) =>
      text === '' ? {reason: `Unexpected empty action in ${row.item}, expected what will be done`} : undefined
  },
  owner: {name: 'Owner', check: checkOwner},
  due: {name: 'Due Date', check: dueFinding},
  status: {name: 'Status', check: checkStatus},
  ticket: {name: 'Ticket', check: checkTicket}
}

const columnKeys = Object.keys(columns) as ActionColumn[]

export const actionItems = defineRule({
  id: 'action-items',
  description: 'Action items have an action, owners, due dates, a known status and a ticket',
  options: optionSpecs,
  check(tree, {options}) {
    const role = options.template.roles.actionItems
    if (!role) return []
    const items = readActionItems(tree, role)
    switch (items.kind) {
      case 'missing': {
        return []
      }

      case 'table': {
        return role.shape === 'table' ? tableReports(tree, items, role, options) : []
      }

      case 'list': {
        return role.shape === 'list'
          ? listReports(items, role, {options, incidentDate: incidentDate(tree, templateDateReading(options.template))})
          : []
      }

      case 'no-list': {
        return [
          {
            reason: `Unexpected missing list in \`${role.section.text}\`, expected a list of actions`,
            place: items.section.heading.position
          }
        ]
      }

      // A table written in HTML is not read, nor reported as missing.
      case 'html': {
        return []
      }

      default: {
        return [missingTableReport(items, role.section.text, 'actions with owners and due dates')]
      }
    }
  },
  templateSummary(template) {
    const role = template.roles.actionItems
    if (!role) return undefined
    if (role.shape === 'list') {
      const owners = role.owners ? ', each with an `@owner`' : ''
      const dues = role.dues ? ', due dates (`due …`) real and not before the incident' : ''
      return `list in \`${role.section.text}\`: at least one item, none empty${owners}${dues} (no owner/due/status/ticket columns in the template)`
    }

    const names = columnKeys.filter((key) => role.columns[key] !== undefined).map((key) => `\`${role.columns[key] ?? ''}\``)
    const prevention = role.prevention ? `; tickets named in \`${role.prevention.text}\` need a row` : ''
    const statuses = role.statuses
      ? `; statuses ${listOf(role.statuses, 'or')}`
      : showsNoStatus(role)
        ? '; any common status (`Open`, `Done`, `Closed`…: the template shows none)'
        : ''
    const owners = role.columns.owner !== undefined && !role.handles ? '; owners by name (the template shows no `@handle`)' : ''
    const tickets = role.columns.ticket !== undefined && !role.ticketKeys ? '; tickets in any form (the template shows no ticket key)' : ''
    return `table in \`${role.section.text}\`, columns ${names.join(', ')}${statuses}${owners}${tickets}${prevention}`
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof actionItems.options>

export default remarkRule(actionItems)

function tableReports(
  tree: Root,
  items: Extract<ActionItems, {kind: 'table'}>,
  role: TableRole,
  options: RowContext['options']
): Report[] {
  const {table, columns: index} = items
  const wanted = columnKeys.filter((key) => role.columns[key] !== undefined)
  const reports = missingColumnReports(table, wanted, index)

  if (table.rows.length === 0) {
    reports.push({
      reason: `Unexpected action items table without rows in \`${role.section.text}\`, expected at least one action`,
      place: table.node.position
    })
    return reports
  }

  const context: Omit<RowContext, 'item' | 'number'> = {
    options,
    incidentDate: incidentDate(tree, templateDateReading(options.template)),
    firstRowOfId: new Map(),
    tickets: new Set(),
    handles: role.handles || options.ownerPattern !== defaultOwner,
    ticketKeys: role.ticketKeys || options.ticketPattern !== defaultTicket,
    yearlessDues: role.yearlessDues
  }

  for (const row of items.rows) {
    const rowContext: RowContext = {...context, item: `action item ${row.number}`, number: row.number}
    for (const key of wanted) {
      if (!index.has(key)) continue
      const cell = row.cell(key)
      // A placeholder left in a cell (`@<owner>`, `YYYY-MM-DD`, `[@owner]`) is `no-placeholders`' to report: one defect, one message.
      if (key !== 'id' && holdsPlaceholder(row.text(key), options.template)) continue
      const finding = columns[key].check(row.text(key), rowContext)
      if (finding) reports.push(cellReport(finding, cell ?? row.row))
    }
  }

  if (role.prevention && index.has('ticket')) {
    reports.push(...preventionReports(postmortemDocument(tree), role, options.ticketPattern, context.tickets))
  }

  return reports
}

/** A finding on a cell's content (its text without the pipes), with the correction as a fix where it is certain. */
function cellReport({correction, ...finding}: CellFinding, cell: TableCell | TableRow): Report {
  const plain = correction === undefined || cell.type !== 'tableCell' ? undefined : plainTextPosition(cell)
  const place = (cell.type === 'tableCell' ? contentPosition(cell) : undefined) ?? cell.position
  return plain && correction !== undefined ? {...finding, place: plain, expected: [correction]} : {...finding, place}
}

function missingColumnReports(table: TableModel, wanted: readonly ActionColumn[], index: ReadonlyMap<ActionColumn, number>): Report[] {
  const missing = wanted.filter((key) => !index.has(key))
  if (missing.length === 0) return []
  const names = missing.map((key) => '`' + columns[key].name + '`').join(', ')
  return [
    {
      reason: `Unexpected action items table without ${names} column${missing.length > 1 ? 's' : ''}, expected headers ${listOf(wanted.map((key) => columns[key].name), 'and')}`,
      place: table.node.children[0]?.position
    }
  ]
}

/** A list-shaped action items section: a list with at least one item, none empty, owners where the template has them. */
function listReports(
  items: Extract<ActionItems, {kind: 'list'}>,
  role: ListRole,
  {options, incidentDate}: Pick<RowContext, 'options' | 'incidentDate'>
): Report[] {
  const reports: Report[] = []
  items.items.forEach((item, index) => {
    const name = `action item ${index + 1}`
    // `- [ ]` with nothing after it is not parsed as a task: its text is the box.
    if (item.text === '' || /^\[[ xX]\]$/.test(item.text)) {
      reports.push({reason: `Unexpected empty ${name} in \`${role.section.text}\`, expected what will be done`, place: item.item.position})
      return
    }

    if (role.items.includes(item.normalized) && !holdsPlaceholder(item.text, options.template)) {
      reports.push({
        reason: `Unexpected template example \`${item.text}\` in ${name}, expected your own action`,
        place: item.item.position,
        actual: item.text
      })
      return
    }

    const words = item.text.split(/[\s,;()]+/).map(trimPunctuation)
    if (role.owners && !words.some((word) => options.ownerPattern.test(word))) {
      reports.push({
        reason: `Unexpected ${name} without an owner (\`${shorten(item.text)}\`), expected ${ownerExpectation(options.ownerPattern)}`,
        place: item.item.position,
        actual: item.text
      })
    }

    // Where the template's items name a due date; a placeholder left there is `no-placeholders`' to report.
    const due = role.dues ? listItemDue(item.text) : undefined
    const finding = due && !holdsPlaceholder(due, options.template) ? dueFinding(due, {item: name, options, incidentDate}) : undefined
    if (finding) reports.push({reason: finding.reason, place: item.item.position, actual: finding.actual})
  })

  return reports
}

function ownerExpectation(pattern: RegExp): string {
  return pattern === defaultOwner ? 'one or more `@handle` or `@org/team`' : `one or more owners matching \`${pattern.source}\``
}

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}

function checkId(id: string, row: RowContext): CellFinding | undefined {
  if (id === '') return undefined
  const first = row.firstRowOfId.get(id)
  if (first === undefined) {
    row.firstRowOfId.set(id, row.number)
    return undefined
  }

  return {
    reason: `Unexpected duplicate ID \`${id}\` in ${row.item}, expected unique IDs (first in action item ${first})`,
    actual: id
  }
}

function checkOwner(owner: string, row: RowContext): CellFinding | undefined {
  const {ownerPattern} = row.options
  // A team whose template names owners (`[Name]`) asks for someone, not for a handle.
  if (owner === '') return {reason: `Unexpected empty owner in ${row.item}, expected ${row.handles ? ownerExpectation(ownerPattern) : 'who will do it'}`}
  if (!row.handles || isOwnerList(owner, ownerPattern)) return undefined
  // `Sam, Lee` → `@Sam, @Lee`, when that is what the pattern asks for.
  const handles = owner.replace(/(^|[\s,;&]+)(?!and(?:$|[\s,;&]))([A-Za-z0-9][A-Za-z0-9-]*)(?=$|[\s,;&])/gi, '$1@$2')
  return {
    reason: `Unexpected owner \`${owner}\` in ${row.item}, expected ${ownerExpectation(ownerPattern)}`,
    actual: owner,
    ...(handles !== owner && isOwnerList(handles, ownerPattern) && {correction: handles})
  }
}

/** Words that join owners (`@a and @b`, `@a / @b`, `@a + @b`). */
const ownerJoins = new Set(['', 'and', '/', '+'])

/** A word that may name or label the owner after it: `backup`, `Lead:`, `Sam`. */
const ownerLabelWord = /^\p{L}[\p{L}.'’-]{0,40}:?$/u

/**
 * One or more owners, each matching `pattern`, separated by commas, spaces,
 * `&`, `/`, `+` or `and`; notes in parentheses aside, and up to three words
 * before an owner that name or label it (`Sam @sam`, `backup: @kim`). Words
 * after the last owner are no owner (`@sre, bob`).
 */
function isOwnerList(text: string, pattern: RegExp): boolean {
  let owners = 0
  let labelWords = 0
  for (const part of ownerText(text).split(/[\s,;&]+/)) {
    if (ownerJoins.has(part.toLowerCase())) continue
    if (pattern.test(part)) {
      owners++
      labelWords = 0
    } else if (!ownerLabelWord.test(part) || ++labelWords > 3) {
      return false
    }
  }

  return owners > 0 && labelWords === 0
}

/** A due date that is no date in the team's format, or before the incident. */
function dueFinding(
  due: string,
  {item, options, incidentDate: incident, yearlessDues = false}: Pick<RowContext, 'item' | 'options' | 'incidentDate'> & Partial<Pick<RowContext, 'yearlessDues'>>
): CellFinding | undefined {
  const dateFormat = templateDateFormat(options.template)
  const date = dateFormat.parse(withoutNotes(due))
  // A month and day (`March 10`), as the template writes due dates, falls after the incident in one year or the next.
  if (!date && yearlessDues && isMonthAndDay(withoutNotes(due))) return undefined
  if (!date) {
    const correction = dateFormat.correct(due)
    return {
      reason: `Unexpected ${cellValue('due date', due)} in ${item}, expected a date as \`${dateFormat.text}\`${yearlessDues ? ' or a month and day (`March 3`)' : ''}`,
      actual: due,
      ...(correction && {correction})
    }
  }

  if (!incident || date.day >= incident.day) return undefined
  return {
    reason: `Unexpected due date \`${due}\` in ${item}, expected it on or after the incident date \`${incident.text}\``,
    actual: due
  }
}

function checkStatus(status: string, row: RowContext): CellFinding | undefined {
  // The template's choice left as it is (`Open / Done`) names no status.
  const named = choicesIn(status)?.filter((choice) => statusOf(choice, row.options.statuses) !== undefined) ?? []
  if (named.length >= 2) {
    return {
      reason: `Unexpected status \`${status}\` in ${row.item}, expected one of ${listOf(row.options.statuses, 'or')}`,
      actual: status,
      expected: row.options.statuses
    }
  }

  if (cellStatus(status, row.options.statuses, templateStatusEmoji(row.options.template)) !== undefined) return undefined
  return {
    reason: `Unexpected ${cellValue('status', status)} in ${row.item}, expected ${listOf(row.options.statuses, 'or')}`,
    actual: status,
    expected: row.options.statuses
  }
}

/** A cell's value as a message names it: `` status `Maybe` ``, or `empty status`. */
function cellValue(kind: string, value: string): string {
  return value === '' ? `empty ${kind}` : `${kind} \`${value}\``
}

function checkTicket(ticket: string, row: RowContext): CellFinding | undefined {
  const {ticketPattern} = row.options
  if (ticketPattern.test(ticket) || !row.ticketKeys) {
    row.tickets.add(ticket)
    return undefined
  }

  const named = cellTickets(ticket)
  if (named.length > 0 && named.every((key) => ticketPattern.test(key))) {
    for (const key of named) row.tickets.add(key)
    return undefined
  }

  const upper = ticket.toUpperCase()
  return {
    reason: `Unexpected ${cellValue('ticket', ticket)} in ${row.item}, expected a ticket matching \`${ticketPattern.source}\``,
    actual: ticket,
    ...(upper !== ticket && ticketPattern.test(upper) && {correction: upper})
  }
}

/**
 * The tickets a cell names one by one: several (`INFRA-477, INFRA-478`),
 * and a link's address by its last part (`https://jira.example.com/browse/INFRA-480`).
 */
function cellTickets(cell: string): string[] {
  return cell
    .split(/[,;&\s]|\band\b/)
    .filter((part) => part !== '')
    .map((part) => (/^https?:\/\//i.test(part) ? (part.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').at(-1) ?? part) : part))
}

/** Every ticket named in the template's prevention section (`Long-Term Prevention (Planned)`) must have a row. */
function preventionReports(
  document: PostmortemDocument,
  role: TableRole,
  ticketPattern: RegExp,
  tickets: ReadonlySet<string>
): Report[] {
  const section = role.prevention && findSection(document, role.prevention.text)
  if (!role.prevention || !section) return []
  const reports: Report[] = []

  for (const node of sectionContent(document, section)) {
    visit(node, 'listItem', (item: ListItem) => {
      const first = item.children[0]
      if (first?.type !== 'paragraph') return
      for (const ticket of ticketsIn(first, ticketPattern)) {
        if (tickets.has(ticket)) continue
        reports.push({
          reason: `Unexpected ticket \`${ticket}\` in \`${role.prevention?.text ?? ''}\` without an action item, expected a row for it in \`${role.section.text}\``,
          place: item.position,
          actual: ticket
        })
      }
    })
  }

  return reports
}

/** Words of a paragraph that match the ticket pattern, once each. */
function ticketsIn(paragraph: Paragraph, ticketPattern: RegExp): Set<string> {
  const words = plainText(paragraph).split(/\s+/).map(trimPunctuation)
  return new Set(words.filter((word) => word !== '' && ticketPattern.test(word)))
}

const punctuation = new Set('()[]{}"\'`.,;:!?')

/** `word` without surrounding brackets, quotes and punctuation (loops: linear on any input). */
function trimPunctuation(word: string): string {
  let start = 0
  let end = word.length
  while (start < end && punctuation.has(word.charAt(start))) start++
  while (end > start && punctuation.has(word.charAt(end - 1))) end--
  return word.slice(start, end)
}
