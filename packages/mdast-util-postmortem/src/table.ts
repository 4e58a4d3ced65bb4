import type {Heading, Paragraph, RootContent, Table, TableCell, TableRow} from 'mdast'
import {plainText} from './text.js'
import {sectionContent, type PostmortemDocument, type Section} from './document.js'
import {perObject} from './memo.js'
import {normalizeText, trimInvisible} from './normalize.js'

/** A GFM table with its columns named by header text. */
export interface TableModel {
  node: Table
  /** Header cell texts, as written. */
  headers: readonly string[]
  normalizedHeaders: readonly string[]
  /** Body rows (the header row excluded). */
  rows: readonly TableRow[]
}

/** Read a GFM table; once per table node, as the rules of one run ask for the same tables. */
export const readTable: (table: Table) => TableModel = perObject((table: Table): TableModel => {
  const [head, ...rows] = table.children
  const headers = head ? head.children.map((cell) => plainText(cell).trim()) : []
  return {node: table, headers, normalizedHeaders: headers.map(normalizeText), rows}
})

/** Index of the first column whose normalised header passes `test`, or -1. */
export function findColumn(table: TableModel, test: (normalizedHeader: string) => boolean): number {
  return table.normalizedHeaders.findIndex(test)
}

/** The cell of `row` in column `column` (ragged rows may lack it). */
export function rowCell(row: TableRow, column: number): TableCell | undefined {
  return column < 0 ? undefined : row.children[column]
}

/** Text of a cell without markup (link text, code, emphasis unwrapped), trimmed. */
export function cellText(cell: TableCell | undefined): string {
  return cell ? trimInvisible(plainText(cell)) : ''
}

/** The first table among `nodes` (top level of a section). */
export function firstTable(nodes: readonly RootContent[]): Table | undefined {
  return nodes.find((node): node is Table => node.type === 'table')
}

/**
 * A paragraph that starts with `|`: a table that was not parsed because
 * GFM is not enabled.
 */
export function unparsedTable(nodes: readonly RootContent[]): Paragraph | undefined {
  return nodes.find(
    (node): node is Paragraph => node.type === 'paragraph' && plainText(node).trimStart().startsWith('|')
  )
}

/** The first table of `section`'s content (subsections included) with a column headed `header`, as the template heads it. */
export function tableWithHeader(document: PostmortemDocument, section: Section, header: string | undefined): TableModel | undefined {
  if (header === undefined) return undefined
  const wanted = normalizeText(header)
  for (const node of sectionContent(document, section)) {
    if (node.type !== 'table') continue
    const table = readTable(node)
    if (table.normalizedHeaders.includes(wanted)) return table
  }

  return undefined
}

/** The tables after `table` in `section`'s content (subsections included) with its headers. */
export function tablesLike(document: PostmortemDocument, section: Section, table: TableModel): TableModel[] {
  const content = sectionContent(document, section)
  const at = content.indexOf(table.node)
  const headers = table.normalizedHeaders.join('\n')
  if (at === -1) return []
  return content
    .slice(at + 1)
    .filter((node): node is Table => node.type === 'table')
    .map((node) => readTable(node))
    .filter((other) => other.normalizedHeaders.join('\n') === headers)
}

/** The first table of a named section, or why there is none. */
export type SectionTable =
  | {kind: 'table'; table: TableModel}
  | {kind: 'unparsed'; paragraph: Paragraph}
  /** A table written in HTML (`<table>`, as pasted from a wiki): there, but not read. */
  | {kind: 'html'}
  | {kind: 'none'; heading: Heading}

/**
 * The first table of `section`'s content (subsections included); when there
 * is none, an HTML table, a paragraph starting with `|` (GFM off) or just the heading.
 */
export function sectionTable(document: PostmortemDocument, section: Section): SectionTable {
  const content = sectionContent(document, section)
  const table = firstTable(content)
  if (table) return {kind: 'table', table: readTable(table)}
  if (content.some((node) => node.type === 'html' && /<table[\s>]/i.test(node.value))) return {kind: 'html'}
  const paragraph = unparsedTable(content)
  return paragraph ? {kind: 'unparsed', paragraph} : {kind: 'none', heading: section.heading}
}
