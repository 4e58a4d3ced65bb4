import type {ListItem, Paragraph} from 'mdast'
import {
  cellText,
  findColumn,
  findSection,
  incidentFacts,
  normalizeText,
  parseDate,
  postmortemDocument,
  rowCell,
  sectionContent,
  sectionTable,
  type CalendarDate,
  type PostmortemDocument,
  type TableModel
} from 'mdast-util-postmortem'
import {toString} from 'mdast-util-to-string'
import {
  type ConfiguredOptions,
  defineRule,
  missingTableReport,
  patternOption,
  remarkRule,
  type Report,
  type ResolvedOptions,
  wordsOption
} from 'postmortem-rule-core'
import {visit} from 'unist-util-visit'

/** What a column check sees of its row. */
interface RowContext {
  /** `action item 3`. */
  item: string
  number: number
  options: ResolvedOptions<typeof optionSpecs>
  incidentDate: CalendarDate | undefined
  statusWords: string[]
  /** Row number of each ID seen so far. */
  firstRowOfId: Map<string, number>
  /** Valid tickets seen so far. */
  tickets: Set<string>
}

/** A column of the action items table: how its header is recognised and how a cell is checked. */
interface Column {
  name: string
  matches: (normalizedHeader: string) => boolean
  /** A finding about the cell's text (placed on the cell by the caller). */
  check: (text: string, row: RowContext) => Omit<Report, 'place'> | undefined
}

const sectionName = 'Action Items'
const preventionSectionName = 'Long-Term Prevention (Planned)'
const defaultOwner = /^@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/
const defaultTicket = /^[A-Z][A-Z0-9]+-\d+$/
const defaultStatuses = ['Done', 'In Progress', 'Planned', 'Blocked', 'Cancelled']

const optionSpecs = {
  ownerPattern: patternOption(defaultOwner),
  ticketPattern: patternOption(defaultTicket),
  statuses: wordsOption(defaultStatuses)
}

const columns = {
  id: {name: 'ID', matches: (header) => header === 'id' || header === '#', check: checkId},
  action: {
    name: 'Action',
    matches: (header) => header === 'action' || header === 'action item',
    check: (text, row) =>
      text === '' ? {reason: `Unexpected empty action in ${row.item}, expected what will be done`} : undefined
  },
  owner: {name: 'Owner', matches: (header) => header === 'owner' || header === 'owners', check: checkOwner},
  due: {name: 'Due Date', matches: (header) => header === 'due date' || header === 'due', check: checkDue},
  status: {name: 'Status', matches: (header) => header === 'status', check: checkStatus},
  ticket: {
    name: 'Ticket',
    matches: (header) => ['ticket', 'jira ticket', 'issue', 'tracking'].includes(header),
    check: checkTicket
  }
} satisfies Record<string, Column>

type ColumnKey = keyof typeof columns

const columnKeys = Object.keys(columns) as ColumnKey[]

export const actionItems = defineRule({
  id: 'action-items',
  description: 'Action items have an action, owners, due dates, a known status and a ticket',
  options: optionSpecs,
  check(tree, {options}) {
    const document = postmortemDocument(tree)
    const section = findSection(document, sectionName)
    if (!section) return []

    const found = sectionTable(document, section)
    if (found.kind !== 'table') return [missingTableReport(found, sectionName, 'actions with owners and due dates')]

    const {table} = found
    const index = columnIndices(table)
    const reports = missingColumnReports(table, index)

    if (table.rows.length === 0) {
      reports.push({
        reason: `Unexpected action items table without rows in \`${sectionName}\`, expected at least one action`,
        place: table.node.position
      })
      return reports
    }

    const context: Omit<RowContext, 'item' | 'number'> = {
      options,
      incidentDate: incidentFacts(tree).date,
      statusWords: options.statuses.map(wordsOf),
      firstRowOfId: new Map(),
      tickets: new Set()
    }

    table.rows.forEach((row, rowIndex) => {
      const number = rowIndex + 1
      const rowContext: RowContext = {...context, item: `action item ${number}`, number}
      for (const key of columnKeys) {
        if (index[key] === -1) continue
        const cell = rowCell(row, index[key])
        const finding = columns[key].check(cellText(cell), rowContext)
        if (finding) reports.push({...finding, place: (cell ?? row).position})
      }
    })

    if (index.ticket !== -1) reports.push(...preventionReports(document, options.ticketPattern, context.tickets))
    return reports
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof actionItems.options>

export default remarkRule(actionItems)

function missingColumnReports(table: TableModel, index: Record<ColumnKey, number>): Report[] {
  const missing = columnKeys.filter((key) => index[key] === -1)
  if (missing.length === 0) return []
  const names = missing.map((key) => '`' + columns[key].name + '`').join(', ')
  return [
    {
      reason: `Unexpected action items table without ${names} column${missing.length > 1 ? 's' : ''}, expected headers \`ID\`, \`Action\`, \`Owner\`, \`Due Date\`, \`Status\` and \`Ticket\``,
      place: table.node.children[0]?.position
    }
  ]
}

function checkId(id: string, row: RowContext): Omit<Report, 'place'> | undefined {
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

function checkOwner(owner: string, row: RowContext): Omit<Report, 'place'> | undefined {
  const {ownerPattern} = row.options
  const owners = owner.split(/[\s,;&]+/).filter((part) => part !== '' && part.toLowerCase() !== 'and')
  if (owners.length > 0 && owners.every((part) => ownerPattern.test(part))) return undefined
  return {
    reason: `Unexpected owner \`${owner}\` in ${row.item}, expected ${
      ownerPattern === defaultOwner
        ? 'one or more `@handle` or `@org/team`'
        : `one or more owners matching \`${ownerPattern.source}\``
    }`,
    actual: owner
  }
}

function checkDue(due: string, row: RowContext): Omit<Report, 'place'> | undefined {
  const date = parseDate(due)
  if (!date) {
    return {reason: `Unexpected due date \`${due}\` in ${row.item}, expected a date as \`YYYY-MM-DD\``, actual: due}
  }

  const incident = row.incidentDate
  if (!incident || date.day >= incident.day) return undefined
  return {
    reason: `Unexpected due date \`${due}\` in ${row.item}, expected it on or after the incident date \`${incident.text}\``,
    actual: due
  }
}

function checkStatus(status: string, row: RowContext): Omit<Report, 'place'> | undefined {
  const words = wordsOf(status)
  if (row.statusWords.some((word) => words.includes(word))) return undefined
  return {
    reason: `Unexpected status \`${status}\` in ${row.item}, expected ${listOf(row.options.statuses)}`,
    actual: status,
    expected: row.options.statuses
  }
}

function checkTicket(ticket: string, row: RowContext): Omit<Report, 'place'> | undefined {
  const {ticketPattern} = row.options
  if (ticketPattern.test(ticket)) {
    row.tickets.add(ticket)
    return undefined
  }

  return {
    reason: `Unexpected ticket \`${ticket}\` in ${row.item}, expected a ticket matching \`${ticketPattern.source}\``,
    actual: ticket
  }
}

function columnIndices(table: TableModel): Record<ColumnKey, number> {
  const result = {} as Record<ColumnKey, number>
  for (const key of Object.keys(columns) as ColumnKey[]) result[key] = findColumn(table, columns[key].matches)
  return result
}

/** Every ticket named in `Long-Term Prevention (Planned)` must have a row. */
function preventionReports(document: PostmortemDocument, ticketPattern: RegExp, tickets: ReadonlySet<string>): Report[] {
  const section = findSection(document, preventionSectionName)
  if (!section) return []
  const reports: Report[] = []

  for (const node of sectionContent(document, section)) {
    visit(node, 'listItem', (item: ListItem) => {
      const first = item.children[0]
      if (first?.type !== 'paragraph') return
      for (const ticket of ticketsIn(first, ticketPattern)) {
        if (tickets.has(ticket)) continue
        reports.push({
          reason: `Unexpected ticket \`${ticket}\` in \`${preventionSectionName}\` without an action item, expected a row for it in \`${sectionName}\``,
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
  const words = toString(paragraph).split(/\s+/).map(trimPunctuation)
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

/** Normalised words separated by single spaces and padded (`' in progress '`), emoji removed. */
function wordsOf(text: string): string {
  return ' ' + normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() + ' '
}

function listOf(words: readonly string[]): string {
  const quoted = words.map((word) => '`' + word + '`')
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '')
}
