import type {ListItem, Paragraph} from 'mdast'
import {
  cellText,
  findColumn,
  findSection,
  incidentFacts,
  missingTableReport,
  normalizeText,
  parseDate,
  patternOption,
  postmortemDocument,
  remarkCheck,
  rowCell,
  ruleUrl,
  sectionContent,
  sectionTable,
  wordsOption,
  type PostmortemRule,
  type Report,
  type TableModel
} from 'mdast-util-postmortem'
import {toString} from 'mdast-util-to-string'
import {lintRule} from 'unified-lint-rule'
import {visit} from 'unist-util-visit'

/** Options as configured. */
export interface Options {
  /** What each owner must match (default: `@handle` or `@org/team`). */
  ownerPattern?: string | RegExp
  /** What a ticket must match (default: `^[A-Z][A-Z0-9]+-\\d+$`). */
  ticketPattern?: string | RegExp
  /** Words one of which the status must contain. */
  statuses?: string[]
}

/** Options as read and checked. */
export interface ResolvedOptions {
  /** What each owner must look like (default: `@handle` or `@org/team`). */
  ownerPattern: RegExp
  /** What a ticket must look like (default: `ABC-123`). */
  ticketPattern: RegExp
  /** Words one of which the status must contain. */
  statuses: string[]
}

interface Column {
  name: string
  matches: (normalizedHeader: string) => boolean
}

const packageName = 'remark-lint-postmortem-action-items'
const sectionName = 'Action Items'
const preventionSectionName = 'Long-Term Prevention (Planned)'
const defaultOwner = /^@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/
const defaultTicket = /^[A-Z][A-Z0-9]+-\d+$/
const defaultStatuses = ['Done', 'In Progress', 'Planned', 'Blocked', 'Cancelled']

const columns = {
  id: {name: 'ID', matches: (header) => header === 'id' || header === '#'},
  action: {name: 'Action', matches: (header) => header === 'action' || header === 'action item'},
  owner: {name: 'Owner', matches: (header) => header === 'owner' || header === 'owners'},
  due: {name: 'Due Date', matches: (header) => header === 'due date' || header === 'due'},
  status: {name: 'Status', matches: (header) => header === 'status'},
  ticket: {
    name: 'Ticket',
    matches: (header) => ['ticket', 'jira ticket', 'issue', 'tracking'].includes(header)
  }
} satisfies Record<string, Column>

type ColumnKey = keyof typeof columns

export const actionItems: PostmortemRule<ResolvedOptions> = {
  id: 'action-items',
  description: 'Action items have an action, owners, due dates, a known status and a ticket',
  packageName,
  url: ruleUrl(packageName),
  options: {
    ownerPattern: patternOption(defaultOwner),
    ticketPattern: patternOption(defaultTicket),
    statuses: wordsOption(defaultStatuses)
  },
  check(tree, {options}) {
    const document = postmortemDocument(tree)
    const section = findSection(document, sectionName)
    if (!section) return []

    const found = sectionTable(document, section)
    if (found.kind !== 'table') return [missingTableReport(found, sectionName, 'actions with owners and due dates')]

    const {table} = found
    const reports: Report[] = []
    const index = columnIndices(table)
    const missing = (Object.keys(columns) as ColumnKey[]).filter((key) => index[key] === -1)

    if (missing.length > 0) {
      const names = missing.map((key) => '`' + columns[key].name + '`').join(', ')
      reports.push({
        reason: `Unexpected action items table without ${names} column${missing.length > 1 ? 's' : ''}, expected headers \`ID\`, \`Action\`, \`Owner\`, \`Due Date\`, \`Status\` and \`Ticket\``,
        place: table.node.children[0]?.position
      })
    }

    if (table.rows.length === 0) {
      reports.push({
        reason: `Unexpected action items table without rows in \`${sectionName}\`, expected at least one action`,
        place: table.node.position
      })
      return reports
    }

    const incidentDate = incidentFacts(tree).date
    const statusWords = options.statuses.map(wordsOf)
    const firstRowOfId = new Map<string, number>()
    const tickets = new Set<string>()

    table.rows.forEach((row, rowIndex) => {
      const number = rowIndex + 1
      const cell = (key: ColumnKey) => rowCell(row, index[key])
      const text = (key: ColumnKey) => cellText(cell(key))
      const place = (key: ColumnKey) => (cell(key) ?? row).position
      const item = `action item ${number}`

      if (index.id !== -1) {
        const id = text('id')
        const first = firstRowOfId.get(id)
        if (id !== '' && first !== undefined) {
          reports.push({
            reason: `Unexpected duplicate ID \`${id}\` in ${item}, expected unique IDs (first in action item ${first})`,
            place: place('id'),
            actual: id
          })
        } else if (id !== '') {
          firstRowOfId.set(id, number)
        }
      }

      if (index.action !== -1 && text('action') === '') {
        reports.push({
          reason: `Unexpected empty action in ${item}, expected what will be done`,
          place: place('action')
        })
      }

      if (index.owner !== -1) {
        const owner = text('owner')
        const owners = owner.split(/[\s,;&]+/).filter((part) => part !== '' && part.toLowerCase() !== 'and')
        if (owners.length === 0 || !owners.every((part) => options.ownerPattern.test(part))) {
          reports.push({
            reason: `Unexpected owner \`${owner}\` in ${item}, expected ${
              options.ownerPattern === defaultOwner
                ? 'one or more `@handle` or `@org/team`'
                : `one or more owners matching \`${options.ownerPattern.source}\``
            }`,
            place: place('owner'),
            actual: owner
          })
        }
      }

      if (index.due !== -1) {
        const due = text('due')
        const date = parseDate(due)
        if (!date) {
          reports.push({
            reason: `Unexpected due date \`${due}\` in ${item}, expected a date as \`YYYY-MM-DD\``,
            place: place('due'),
            actual: due
          })
        } else if (incidentDate && date.day < incidentDate.day) {
          reports.push({
            reason: `Unexpected due date \`${due}\` in ${item}, expected it on or after the incident date \`${incidentDate.text}\``,
            place: place('due'),
            actual: due
          })
        }
      }

      if (index.status !== -1) {
        const status = text('status')
        const words = wordsOf(status)
        if (!statusWords.some((word) => words.includes(word))) {
          reports.push({
            reason: `Unexpected status \`${status}\` in ${item}, expected ${listOf(options.statuses)}`,
            place: place('status'),
            actual: status,
            expected: options.statuses
          })
        }
      }

      if (index.ticket !== -1) {
        const ticket = text('ticket')
        if (options.ticketPattern.test(ticket)) {
          tickets.add(ticket)
        } else {
          reports.push({
            reason: `Unexpected ticket \`${ticket}\` in ${item}, expected a ticket matching \`${options.ticketPattern.source}\``,
            place: place('ticket'),
            actual: ticket
          })
        }
      }
    })

    if (index.ticket !== -1) checkPrevention(document, options.ticketPattern, tickets, reports)
    return reports
  }
}

const remarkLintPostmortemActionItems = lintRule(
  {origin: 'remark-lint:postmortem-action-items', url: actionItems.url},
  remarkCheck<ResolvedOptions, Options>(actionItems)
)

export default remarkLintPostmortemActionItems

function columnIndices(table: TableModel): Record<ColumnKey, number> {
  const result = {} as Record<ColumnKey, number>
  for (const key of Object.keys(columns) as ColumnKey[]) result[key] = findColumn(table, columns[key].matches)
  return result
}

/** Every ticket named in `Long-Term Prevention (Planned)` must have a row. */
function checkPrevention(
  document: ReturnType<typeof postmortemDocument>,
  ticketPattern: RegExp,
  tickets: ReadonlySet<string>,
  reports: Report[]
): void {
  const section = findSection(document, preventionSectionName)
  if (!section) return

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
