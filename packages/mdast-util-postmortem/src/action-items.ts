import type {List, Root, TableCell, TableRow} from 'mdast'
import {actionColumnOf, type ActionColumn} from './columns.js'
import {findSection, postmortemDocument, sectionLists, type Section} from './document.js'
import {checklistItems, type ChecklistItem} from './fields.js'
import {perObjects} from './memo.js'
import {normalizeText} from './normalize.js'
import {cellText, rowCell, sectionTable, tablesLike, tableWithHeader, type SectionTable, type TableModel} from './table.js'
import type {ActionItemsRole} from './template.js'
import {withoutNotes} from './values.js'

/** A row of the action items table, its cells found by column. */
export interface ActionRow {
  /** 1-based among the rows. */
  number: number
  row: TableRow
  cell: (column: ActionColumn) => TableCell | undefined
  /** A cell's text without markup, trimmed; empty when the table lacks the column. */
  text: (column: ActionColumn) => string
}

/** The document's action items as the template shapes them, or why there are none. */
export type ActionItems =
  | {kind: 'missing'}
  | (Exclude<SectionTable, {kind: 'table'}> & {section: Section})
  | {kind: 'no-list'; section: Section}
  | {kind: 'table'; section: Section; table: TableModel; columns: ReadonlyMap<ActionColumn, number>; rows: ActionRow[]}
  | {kind: 'list'; section: Section; lists: List[]; items: ChecklistItem[]}

/**
 * The action items of `tree` in the section the template's role names: the
 * first table there with the template's action column (else the first) and
 * the tables of the same headers after it, their columns found by the template's headers, else by
 * header words (the first header that names a column wins), or the
 * lists. Computed once per tree and role.
 */
export const readActionItems: (tree: Root, role: ActionItemsRole) => ActionItems = perObjects(read)

function read(tree: Root, role: ActionItemsRole): ActionItems {
  const document = postmortemDocument(tree)
  const section = findSection(document, role.section.text)
  if (!section) return {kind: 'missing'}

  if (role.shape === 'list') {
    const lists = sectionLists(document, section)
    return lists.length > 0 ? {kind: 'list', section, lists, items: lists.flatMap((list) => checklistItems(list))} : {kind: 'no-list', section}
  }

  const found = sectionTable(document, section)
  if (found.kind !== 'table') return {...found, section}
  // The section may hold another table before the action items (`| Open | Done |` counts).
  const table = tableWithHeader(document, section, role.columns.action) ?? found.table
  const columns = new Map<ActionColumn, number>()
  // The template's own headers first (`Verantwortlich`, found by its `@handles`), then header words.
  for (const [column, header] of Object.entries(role.columns) as Array<[ActionColumn, string]>) {
    const position = table.normalizedHeaders.indexOf(normalizeText(header))
    if (position !== -1) columns.set(column, position)
  }

  const taken = new Set(columns.values())
  table.normalizedHeaders.forEach((header, position) => {
    const column = actionColumnOf(header)
    if (column && !columns.has(column) && !taken.has(position)) columns.set(column, position)
  })

  // Tables of the same headers after it (the template's tiers, `### Immediate`, `### Short-Term`) hold more of the action items.
  const rows = [table, ...tablesLike(document, section, table)].flatMap((each) => each.rows).map((row, index): ActionRow => {
    const cell = (column: ActionColumn) => {
      const position = columns.get(column)
      return position === undefined ? undefined : rowCell(row, position)
    }

    // Read once a cell: each column's check and the placeholder test ask for it.
    const texts = new Map<ActionColumn, string>()
    const text = (column: ActionColumn) => {
      let value = texts.get(column)
      if (value === undefined) {
        value = cellText(cell(column))
        texts.set(column, value)
      }

      return value
    }

    return {number: index + 1, row, cell, text}
  })

  return {kind: 'table', section, table, columns, rows}
}

/** A name followed by its handle in parentheses: `Dana Lee (@dlee)`. */
const namedHandle = /(?:\p{L}[\p{L}.'’-]{0,40}[^\S\n]{1,4}){0,3}\p{L}[\p{L}.'’-]{0,40}[^\S\n]{0,4}\((@[^()\s,]{1,80})\)/gu

/**
 * An owner cell as the owners it names: `Dana Lee (@dlee)` is `@dlee`, and
 * other notes in parentheses (`@sam (platform)`) are dropped.
 */
export function ownerText(text: string): string {
  return withoutNotes(text.includes('(') ? text.replace(namedHandle, '$1') : text)
}

/** `due 2025-12-20`, `due: 20/12/2025`, `Due date: …`, `due by …`: the word after, when it has a digit (`due to` is prose). */
const namedDue = /\bdue(?: date)?(?: by| on)?\s{0,4}[:=]?\s{0,4}([^\s,;()]{0,40})/i

/** The due date an action list item names, as written after `due`; a date elsewhere in it is prose (`the data lost on …`). */
export function listItemDue(text: string): string | undefined {
  const named = namedDue.exec(text)?.[1]?.replace(/\.$/, '')
  return named && /\d/.test(named) ? named : undefined
}
