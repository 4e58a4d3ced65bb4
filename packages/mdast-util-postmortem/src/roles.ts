import type {List, Paragraph, RootContent, Table} from 'mdast'
import {plainText} from './text.js'
import {sectionContent, sectionLists, sectionOwnContent, type PostmortemDocument, type Section} from './document.js'
import {actionColumnOf, isTimeHeader, startsTimeline, type ActionColumn} from './columns.js'
import {checklistItems, paragraphLines, readFields, readGroupFields, readListFields, readParagraphFields, readPlainFields, readTableFields, type Field} from './fields.js'
import {allMatches} from './matches.js'
import {perObject} from './memo.js'
import {emojiOf, normalizeText, stripEmoji} from './normalize.js'
import {isPlaceholderValue, placeholderContent, placeholderTokens} from './placeholders.js'
import {cellText, readTable, type TableModel} from './table.js'
import type {
  ActionItemsRole,
  DurationField,
  ListFieldGroup,
  SignOffRole,
  TemplateExample,
  TemplateModel,
  TemplateSection,
  TimelineRole
} from './template.js'
import {isEllipsisItem, itemTime, lineTimes, timeSlotLabel} from './timeline.js'
import {choicesIn, dateFormatIn, exampleLeadIn, isMonthAndDay, parseTime, showsDateTime, showsDuration, valueShape, withoutNotes, type ValueShape} from './values.js'

/** Headings of sections that hold action items as a list. */
const actionListHeading = /\b(?:action items?|actions|follow[ -]?ups?|next steps|to-?dos?|tasks|action plan|corrective actions?)\b/
const timelineHeading = /\btimeline\b/
/** The incident's duration in Spanish, Portuguese, French and Italian (`Duración`, `Durée`): whole words. */
const romanceDuration = String.raw`duraci[oó]n|dura[cç][aã]o|dur[ée]e|durata`
/** The incident's duration in Chinese, Japanese and Korean (`时长`, `所要時間`, `소요 시간`): no word boundaries there. */
const cjkDuration = String.raw`时长|持续时间|持續時間|所要時間|継続時間|소요 ?시간|지속 ?시간|장애 ?시간`
const durationLabel = new RegExp(String.raw`\b(?:duration|downtime|outage|time to|ttr|ttd|ttm|mttr|mttd|${romanceDuration})\b|dauer\b|${cjkDuration}`)
/**
 * `Duration`, `Total Duration`, `Incident Duration`, German `Dauer` and
 * `Gesamtdauer`, Spanish `Duración`, Portuguese `Duração`, French `Durée`,
 * Italian `Durata` (and `… total`), Chinese `时长`, Japanese `所要時間`,
 * Korean `소요 시간`: the whole incident, first to last timeline row.
 */
const totalLabel = new RegExp(
  String.raw`^(?:(?:total|incident|overall) )?duration$|\btotal\b|^(?:gesamt)?dauer$|^(?:${romanceDuration})(?: (?:total|totale|del incidente|do incidente|de l'incident|dell'incidente))?$|^(?:${cjkDuration})$`
)
/** Who wrote, reviewed or approved it, in English, German, French or Spanish (`Geprüft von`, `Relu par`). */
const personLabel =
  /\b(?:author|authors|written by|prepared by|reviewed by|reviewer|reviewers|approved by|approver|approvers|signed off by|sign-off by|autor|autorin|erstellt von|verfasst von|geprüft von|freigegeben von|genehmigt von|auteur|rédigé par|relu par|approuvé par|revisado por|aprobado por)(?![\p{L}])/u
const dateLabel = /\b(?:date|completed|signed|datum|fecha)\b/
const ticketToken = /\b[A-Z][A-Z0-9]+-\d+\b/g

/** A template table and the section that holds it. */
interface SectionTableOf {
  section: Section
  table: TableModel
}

/** The parts of a template model found by shape. */
export function templateRoles(
  document: PostmortemDocument
): Pick<TemplateModel, 'roles' | 'examples' | 'placeholderFields'> {
  const tables = templateTables(document)
  const actionTable = mostActionColumns(tables)
  const timelineTable = tables.find((entry) => entry !== actionTable && timeColumnOf(entry.table) !== -1)
  const timeline = timelineRole(document, timelineTable)
  const actionItems = actionTable ? actionTableRole(document, withTiers(document, tables, actionTable)) : actionListRole(document)
  const headerGroups = fieldGroupsIn(document.header, undefined, undefined)
  const overview = overviewGroup(document, headerGroups)
  const signOff = signOffRole(document, overview)
  const listFields = listFieldGroups(document, headerGroups, overview, signOff)

  return {
    roles: {
      timeline,
      actionItems,
      durations: durationFields(document, timeline, listFields, overview),
      signOff,
      listFields,
      optionalFields: optionalFieldGroups(document, listFields)
    },
    examples: examples(tables, (entry) => !isActionTable(entry.table) && timeColumnOf(entry.table) !== -1),
    placeholderFields: placeholderFields(document)
  }
}

function sectionOf(section: Section): TemplateSection {
  return {text: section.text.trim(), normalized: section.normalized}
}

/** Every table at the top level of a section, with the innermost section that holds it. */
function templateTables(document: PostmortemDocument): SectionTableOf[] {
  return document.sections.flatMap((section) =>
    sectionOwnContent(document, section)
      .filter((node): node is Table => node.type === 'table')
      .map((table) => ({section, table: readTable(table)}))
  )
}

/**
 * The action columns of a template table, by header words (`Owner`, `Due`),
 * else by what the template's cells show: a column of `@handles` is the
 * owner's (`| Verantwortlich |` with `@[name]`), and beside it a column of
 * dates is the due date, one of tickets the ticket, and the first column of
 * text the action (`| Maßnahme |`). Without an owner, dates and text say
 * nothing of actions.
 */
const columnsOf: (table: TableModel) => Partial<Record<ActionColumn, string>> = perObject((table: TableModel) => {
  const columns: Partial<Record<ActionColumn, string>> = {}
  const unnamed: number[] = []
  table.normalizedHeaders.forEach((header, index) => {
    const column = actionColumnOf(header)
    if (column && columns[column] === undefined) columns[column] = table.headers[index]
    else if (!column) unnamed.push(index)
  })

  const cells = (index: number) => table.rows.map((row) => cellText(row.children[index])).filter((cell) => cell !== '')
  const shown = (index: number, test: (cell: string) => boolean) => cells(index).length > 0 && cells(index).every(test)
  const assign = (column: ActionColumn, test: (index: number) => boolean) => {
    const index = columns[column] === undefined ? unnamed.find(test) : undefined
    if (index === undefined) return
    columns[column] = table.headers[index]
    unnamed.splice(unnamed.indexOf(index), 1)
  }

  assign('owner', (index) => shown(index, (cell) => ownerShown.test(cell)))
  if (columns.owner === undefined) return columns
  assign('due', (index) => shown(index, (cell) => valueShape(cell) === 'date'))
  assign('ticket', (index) => shown(index, (cell) => ticketShown.test(placeholderContent(cell) ?? cell)))
  assign('action', (index) => shown(index, (cell) => !/^#?\d+\.?$/.test(cell) && !clockTime.test(cell)))
  return columns
})

/** A handle, also as a placeholder or a bare prompt (`@sam`, `@[name]`, `<@owner>`, `@`); an e-mail address is none. */
const ownerShown = /(?:^|[\s(<[{])@/
/** A ticket key, also with its number as a placeholder (`OPS-000`, `OPS-XXX`). */
const ticketShown = /^[A-Z][A-Z0-9]+-(?:\d+|X+)$/

/**
 * The action items table: of the tables with action-like columns, the one
 * with the most (a timeline's `What` and `Who` are two, an action table's
 * `Task`, `Assignee`, `Due`, `State` and `Jira` five); the first on a tie.
 */
function mostActionColumns(tables: readonly SectionTableOf[]): SectionTableOf | undefined {
  let best: SectionTableOf | undefined
  let bestCount = 0
  for (const entry of tables) {
    const count = Object.keys(columnsOf(entry.table)).length
    if (isActionTable(entry.table) && count > bestCount) {
      best = entry
      bestCount = count
    }
  }

  return best
}

/**
 * The action table in the section that holds all of the template's action
 * tables: when tables of the same headers stand in two or more subsections
 * of one section (`## Action Items` with `### Immediate` and `###
 * Short-Term`), that section, whose tiers a document fills or leaves empty.
 */
function withTiers(document: PostmortemDocument, tables: readonly SectionTableOf[], chosen: SectionTableOf): SectionTableOf {
  const {parent} = chosen.section
  if (!parent || parent.depth < 2 || sectionOwnContent(document, parent).some((node) => node.type === 'table')) return chosen
  const headers = chosen.table.normalizedHeaders.join('\n')
  const tiers = tables.filter((entry) => entry.section.parent === parent && entry.table.normalizedHeaders.join('\n') === headers)
  return tiers.length >= 2 ? {section: parent, table: chosen.table} : chosen
}

/**
 * An action column and an owner, due date or status column, and not a
 * timeline: a table that starts with a time (`| Time | What | Who |`) is one.
 */
function isActionTable(table: TableModel): boolean {
  const columns = columnsOf(table)
  if (startsTimeline(table.normalizedHeaders[0] ?? '') || timeColumnOf(table) === 0) return false
  return columns.action !== undefined && (columns.owner !== undefined || columns.due !== undefined || columns.status !== undefined)
}

function timelineRole(document: PostmortemDocument, table: SectionTableOf | undefined): TimelineRole | undefined {
  if (table) {
    // A table under a day's heading (`### YYYY-MM-DD`) is one day of a timeline grouped by day: the timeline is its parent.
    const {parent} = table.section
    const section = parent && parent.depth >= 2 && valueShape(table.section.text.trim()) === 'date' ? parent : table.section
    return {shape: 'table', section: sectionOf(section), timeColumn: table.table.headers[timeColumnOf(table.table)]}
  }

  const named = document.sections.find((item) => item.depth >= 2 && timelineHeading.test(item.normalized))
  if (named) {
    const content = sectionContent(document, named)
    if (content.some((node) => node.type === 'table')) return {shape: 'table', section: sectionOf(named), timeColumn: undefined}
    const list = content.find((node): node is List => node.type === 'list')
    if (list) return isTimedList(list) ? {shape: 'list', section: sectionOf(named)} : undefined
    // A timeline written as lines (`14:44 - something happened<br>`), or shown as a list in a code block, is read as a list is.
    const timed = content.some((node) => (node.type === 'paragraph' && isTimedParagraph(node)) || (node.type === 'code' && isTimedCode(node.value)))
    return timed ? {shape: 'list', section: sectionOf(named)} : undefined
  }

  const listed = document.sections.find(
    (section) =>
      section.depth >= 2 &&
      sectionOwnContent(document, section).some((node) => node.type === 'list' && isTimedList(node))
  )
  return listed && {shape: 'list', section: sectionOf(listed)}
}

/** A clock time, its placeholder or a relative time in a template cell: `10:05`, `HH:MM`, `2025-12-10T10:05Z`, `T+15m`. */
const clockTime = /(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|\bHH:MM\b|\bT ?[+\-−] ?\d/i

/**
 * A timeline's time column: the first whose header names a time (`Time
 * (UTC)`, `When`), else the first whose template cells all hold a clock time
 * (`| Uhrzeit | Ereignis |` with `HH:MM` rows); -1 for neither.
 */
function timeColumnOf(table: TableModel): number {
  const named = table.normalizedHeaders.findIndex(isTimeHeader)
  if (table.rows.length === 0) return named
  // A header word is not enough where the cells show something else (`| Nome / Time |` with `[Nome]`: a team).
  const cells = (index: number) => table.rows.map((row) => cellText(row.children[index])).filter((cell) => cell !== '')
  if (named !== -1 && (cells(named).length === 0 || cells(named).some(showsTime))) return named
  return table.headers.findIndex((_, index) => table.rows.every((row) => clockTime.test(cellText(row.children[index]))))
}

/** Whether a template cell shows a time: a clock, a date, or a placeholder that names one (`<time>`, `[Zeitpunkt]`). */
function showsTime(cell: string): boolean {
  return clockTime.test(cell) || valueShape(cell) === 'date' || showsDateTime(cell) || /\b(?:time|timestamp|when|hh|date|zeit\w*|heure|hora)\b/i.test(cell)
}

/** A list whose every item starts with a time, a time placeholder (`- **HH:MM** — <event>`) or a numbered time slot (`- T0:`, `- T1:`). */
function isTimedList(list: List): boolean {
  const events = list.children.filter((item) => !isEllipsisItem(item))
  return events.length > 0 && events.every((item) => startsWithTime(itemTime(item).text) || timeSlotLabel.test(plainText(item)))
}

/** A paragraph whose every line starts with a time or a time placeholder (`14:44 - something happened<br>`). */
function isTimedParagraph(paragraph: Paragraph): boolean {
  const times = lineTimes(paragraph)
  return times.length > 0 && times.every(startsWithTime)
}

/** A code block of a template's timeline whose every line is an item that starts with a time (`- 00:05 PagerDuty alerted`): a list shown as it is typed. */
function isTimedCode(value: string): boolean {
  const lines = value.split(/\r?\n/).filter((line) => line.trim() !== '')
  return lines.length > 0 && lines.every((line) => startsWithTime(typedItemStart.exec(line)?.[1] ?? ''))
}

/** The first word of a list item as typed (`- 00:05 PagerDuty alerted` → `00:05`). */
const typedItemStart = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(\S+)/

function startsWithTime(text: string): boolean {
  return text !== '' && (parseTime(text) !== undefined || isPlaceholderValue(text))
}

function actionTableRole(document: PostmortemDocument, {section, table}: SectionTableOf): ActionItemsRole {
  const columns = columnsOf(table)
  const ticketIndex = table.headers.indexOf(columns.ticket ?? '')
  const tickets = new Set(
    ticketIndex === -1 ? [] : table.rows.flatMap((row) => allMatches(ticketToken, plainText(row.children[ticketIndex] ?? {type: 'text', value: ''})).map((match) => match[0]))
  )
  const prevention = document.sections.find(
    (other) =>
      other !== section &&
      other.depth >= 2 &&
      sectionOwnContent(document, other).some(
        (node) => node.type === 'list' && allMatches(ticketToken, plainText(node)).some((match) => tickets.has(match[0]))
      )
  )
  const statusIndex = table.headers.indexOf(columns.status ?? '')
  const statusCells = statusIndex === -1 ? [] : table.rows.map((row) => plainText(row.children[statusIndex] ?? {type: 'text', value: ''}))
  const ownerIndex = table.headers.indexOf(columns.owner ?? '')
  const dueIndex = table.headers.indexOf(columns.due ?? '')
  return {
    shape: 'table',
    section: sectionOf(section),
    columns,
    prevention: prevention && sectionOf(prevention),
    statuses: statusChoices(statusCells),
    statusExamples: statusExamples(statusCells),
    statusEmoji: statusEmoji(statusCells),
    handles: ownerIndex !== -1 && table.rows.some((row) => ownerShown.test(cellText(row.children[ownerIndex]))),
    yearlessDues: dueIndex !== -1 && table.rows.some((row) => isMonthAndDay(cellText(row.children[dueIndex]))),
    ticketKeys: showsTicketKeys(ticketIndex === -1 ? [] : table.rows.map((row) => cellText(row.children[ticketIndex])).filter((cell) => cell !== ''))
  }
}

/** Whether a template's ticket cells show ticket keys, as a key or a placeholder of one (`OPS-000`, `<BUG-123>`, `JIRA-XXX`); none shown is the default form. */
function showsTicketKeys(cells: readonly string[]): boolean {
  return cells.length === 0 || cells.some((cell) => ticketKeyIn.test(cell))
}

/** A ticket key, or its placeholder, anywhere in a cell (`INFRA-476 (done)`). */
const ticketKeyIn = /\b[A-Z][A-Z0-9]+-(?:\d+|X+)\b/

/** The single statuses of a template's status cells, emoji dropped, placeholders left out (`✅ Done`, `Open`). */
function statusExamples(cells: readonly string[]): string[] {
  const words = cells.map((cell) => stripEmoji(cell).trim()).filter((word) => word !== '' && word.length <= 40 && !isPlaceholderValue(word))
  return [...new Set(words)]
}

/** The status each emoji of a template's status cells stands for (`✅` in `✅ Done`); none for an emoji shown with two statuses. */
function statusEmoji(cells: readonly string[]): Record<string, string> {
  const statuses = new Map<string, string | undefined>()
  for (const cell of cells) {
    const emoji = emojiOf(cell)
    const status = stripEmoji(cell).trim()
    if (emoji === '' || status === '' || isPlaceholderValue(status)) continue
    statuses.set(emoji, statuses.has(emoji) && statuses.get(emoji) !== status ? undefined : status)
  }

  return Object.fromEntries([...statuses].flatMap(([emoji, status]) => (status === undefined ? [] : [[emoji, status]])))
}

/**
 * The statuses a template's status cell offers, emoji dropped: `Open / Done`,
 * `[Planned | In Progress | Done]`, `<Open / Done>`, `⏸️ Planned, ✅ Done` or
 * `Open or Done`. A single word (`Planned`) is an example, not the choice.
 */
function statusChoices(cells: readonly string[]): string[] | undefined {
  for (const cell of cells) {
    const choices = choicesIn(cell, {commas: true})
    if (choices) return choices
  }

  return undefined
}

/** A due date asked for by a placeholder that names a date (`Due: [Date]`, `due <date>`). */
const duePlaceholder = /\bdue(?: date)?\s{0,4}[:=]?\s{0,4}[[<{]\s{0,4}(?:due )?date\b/i

/** A list of two fields or more, each item one, each label its own. */
function isFieldForm(list: List): boolean {
  const labels = readListFields(list).map((field) => field.normalized)
  return labels.length >= 2 && labels.length === list.children.length && new Set(labels).size === labels.length
}

/**
 * The list of action items: of the sections whose heading names actions,
 * the first whose lists ask the most (owners, due dates), then whose heading
 * says `action items`: `## Action Items` with `Owner: [@user] - Due: [Date]`
 * items, not `### Immediate Actions Taken` before it.
 */
function actionListRole(document: PostmortemDocument): ActionItemsRole | undefined {
  let best: {role: ActionItemsRole; score: number} | undefined
  for (const section of document.sections) {
    if (section.depth < 2 || !actionListHeading.test(section.normalized)) continue
    const lists = sectionLists(document, section)
    // A form of fields (`1. Action item:`, `2. Owner:`, `3. Due date:`) is one follow-up's, checked as fields are, not a list of them.
    if (lists.length === 0 || lists.every(isFieldForm)) continue
    const items = lists.flatMap((list) => checklistItems(list))
    const role = {
      shape: 'list' as const,
      section: sectionOf(section),
      // `@owner`, also as a placeholder (`<@handle>`, `{{@owner}}`).
      owners: lists.some((list) => /(?:^|[\s(<[{])@[\w-]/.test(plainText(list))),
      // A due date shown, or asked for (`- Due: [Date]`).
      dues: items.some((item) => /\bdue\b/i.test(item.text) && (dateFormatIn(item.text) !== undefined || duePlaceholder.test(item.text))),
      items: items.map((item) => item.normalized)
    }
    const score = (role.owners ? 2 : 0) + (role.dues ? 2 : 0) + (/\baction items?\b/.test(section.normalized) ? 1 : 0)
    if (!best || score > best.score) best = {role, score}
  }

  return best?.role
}

/**
 * Duration-like fields of the header (in any of its forms), of the section
 * of fields that stands for it (`## Overview`, also as a list), of a
 * section's paragraph of fields, the whole incident's of a section's list of
 * fields (`- Duration:` in `## Impact`), and of the timeline's section, bold
 * or plain (`Total time to rollback: <N> minutes`).
 */
function durationFields(
  document: PostmortemDocument,
  timeline: TimelineRole | undefined,
  groups: readonly ListFieldGroup[],
  overview: ListFieldGroup | undefined
): DurationField[] {
  const fields: DurationField[] = []
  const add = (label: string, value: string, where: DurationField['where'], section?: string) => {
    const normalized = normalizeText(label)
    if (!durationLabel.test(normalized) && !showsDuration(value)) return
    fields.push({label, normalized, where, ...(section !== undefined && {section}), total: totalLabel.test(normalized)})
  }

  for (const field of readGroupFields(document.header)) add(field.label, field.value, 'header')
  for (const group of groups) {
    // The timeline's section is read below, as the timeline's.
    if (!group.section || group.shape === 'table' || group.section.normalized === timeline?.section.normalized) continue
    // A section's list (`## Impact` with `- Duration:`) is read for the incident's whole duration only: its other items are questions.
    const whole = group.shape === 'paragraph' || group === overview ? group.labels : group.labels.filter((label) => totalLabel.test(normalizeText(label)))
    for (const label of whole) add(label, group.values[label] ?? '', 'section', group.section.text)
  }

  const section = timeline && document.sections.find((item) => item.normalized === timeline.section.normalized)
  if (section) {
    const content = sectionContent(document, section)
    for (const field of readParagraphFields(content)) add(field.label, field.value, 'timeline')
  }

  return fields
}

/**
 * The last field group outside the header that names a person who wrote,
 * reviewed or approved the post-mortem, or the last table of such people
 * (`| Role | Name | Date |` with an `Author` row).
 */
function signOffRole(document: PostmortemDocument, overview: ListFieldGroup | undefined): SignOffRole | undefined {
  let role: SignOffRole | undefined
  for (const section of document.sections) {
    // The fields that stand for the header (`- **Author:**` beside `- **Severity:**` in `## Summary`) sign nothing.
    if (section.depth < 2 || section.normalized === overview?.section?.normalized) continue
    const content = sectionOwnContent(document, section)
    const paragraphs = content.flatMap((node) => (node.type === 'paragraph' ? [fieldsSignOffRole(section, readParagraphFields([node]), false)] : []))
    role = paragraphs.find((found) => found !== undefined) ?? signOffTableRole(section, content) ?? signOffListRole(section, content) ?? role
  }

  return role
}

/** A list of fields naming who signed (`- Reviewed by: <name>`, `- Review date: YYYY-MM-DD`). */
function signOffListRole(section: Section, content: readonly RootContent[]): SignOffRole | undefined {
  const list = content.find((node): node is List => node.type === 'list' && !node.children.some((item) => typeof item.checked === 'boolean'))
  const fields = list ? readListFields(list) : []
  return list && fields.length === list.children.length ? fieldsSignOffRole(section, fields, true) : undefined
}

/**
 * Fields of which one names a person who wrote, reviewed or approved the
 * post-mortem; the completion date is the field dated by its label (`Date
 * Completed`), else by its template value (`Freigegeben am: [TT.MM.JJJJ]`).
 */
function fieldsSignOffRole(section: Section, fields: readonly Field[], list: boolean): SignOffRole | undefined {
  if (!fields.some((field) => personLabel.test(normalizeText(field.label)))) return undefined
  const dates = fields.filter((field) => dateLabel.test(normalizeText(field.label)) || valueShape(field.value) === 'date').map((field) => field.label)
  return {
    section: sectionOf(section),
    labels: fields.map((field) => field.label),
    completed: dates.find((label) => normalizeText(label).includes('complet')) ?? dates[0],
    ...(list && {list}),
    ...(!list && fields.every((field) => field.strong === undefined) && {plain: true})
  }
}

/**
 * A table of signers: three columns or more (two are a table of fields), the
 * first naming people by their part (`Author`, `Reviewer`). The completion
 * date is the author's, else the first row's.
 */
function signOffTableRole(section: Section, content: readonly RootContent[]): SignOffRole | undefined {
  const node = content.find((item): item is Table => item.type === 'table')
  const table = node && readTable(node)
  if (!table || table.headers.length < 3) return undefined
  const labels = table.rows.map((row) => cellText(row.children[0])).filter((label) => label !== '')
  if (!labels.some((label) => personLabel.test(normalizeText(label)))) return undefined
  const columns = table.headers.slice(1)
  const date = columns.find((header) => dateLabel.test(normalizeText(header)))
  const completed = labels.find((label) => /\bauthor/.test(normalizeText(label))) ?? labels[0]
  return {section: sectionOf(section), labels, completed: date === undefined ? undefined : completed, table: {columns, date}}
}

/** The template's groups of fields to fill in: its header's, the first section's that stands for a header, and each section's. */
function listFieldGroups(
  document: PostmortemDocument,
  headerGroups: readonly ListFieldGroup[],
  overview: ListFieldGroup | undefined,
  signOff: SignOffRole | undefined
): ListFieldGroup[] {
  const groups = [...headerGroups, ...(overview ? [overview] : [])]
  // The overview's paragraph is a section's paragraph of fields as well: one group.
  const isOverview = (group: ListFieldGroup) =>
    overview !== undefined && group.section?.normalized === overview.section?.normalized && group.labels.join('\n') === overview.labels.join('\n')
  for (const section of document.sections) {
    if (section.depth >= 2) groups.push(...fieldGroupsIn(sectionOwnContent(document, section), sectionOf(section), signOff).filter((group) => !isOverview(group)))
  }

  return groups
}

/**
 * The bold lists of fields of the template's sections, other than its field
 * groups (a first section's list that stands for the header is one): not a
 * checklist, a timeline or an example, every item `**Label**: value`, some
 * value a placeholder or empty.
 */
function optionalFieldGroups(document: PostmortemDocument, listFields: readonly ListFieldGroup[]): ListFieldGroup[] {
  const groups: ListFieldGroup[] = []
  const grouped = new Set(listFields.flatMap((group) => group.labels.map((label) => `${group.section?.normalized ?? ''}\n${label}`)))
  for (const section of document.sections) {
    if (section.depth < 2) continue
    const nodes = sectionOwnContent(document, section)
    nodes.forEach((node, index) => {
      if (node.type !== 'list' || afterExampleLeadIn(nodes, index) || isTimedList(node) || node.children.some((item) => typeof item.checked === 'boolean')) return
      const fields = readListFields(node)
      const bold = fields.length === node.children.length && fields.every((field) => field.strong !== undefined)
      if (!bold || !fields.some((field) => isPlaceholderValue(field.value) || placeholderTokens(field.value).length > 0)) return
      if (fields.some((field) => grouped.has(`${section.normalized}\n${field.label}`))) return
      groups.push(fieldGroup(sectionOf(section), fields, 'list'))
    })
  }

  return groups
}

/**
 * The field groups among `nodes`, the content of `section` (`undefined`:
 * the header). Lists the template asks to fill in: not a checklist, not
 * after an `Example:` lead-in, every item `Label: value`, and at least one
 * value a placeholder (`- Category: XXX`), or, in the header, every label
 * bold (`- **Date**: 2025-06-03`, a template that is a filled-in example).
 * Labels are plain, except in the header, where a list of `- **Date**:
 * YYYY-MM-DD` is the header's fields (in a section, a bold list such as the
 * seed's `Response Quality` is prose). A section's paragraph of two fields
 * or more, one a line, one value a placeholder, is one, bold or plain,
 * except in the sign-off's section. A two-column table of labels and values
 * with a placeholder value is one too, in the header or in a section
 * (`## Incident details`).
 */
function fieldGroupsIn(nodes: readonly RootContent[], section: TemplateSection | undefined, signOff: SignOffRole | undefined): ListFieldGroup[] {
  const groups: ListFieldGroup[] = []
  nodes.forEach((node, index) => {
    if (node.type === 'table') {
      const fields = tableFieldsToFill(node)
      if (fields) groups.push(fieldGroup(section, fields, 'table'))
      return
    }

    // A section's paragraph of fields to fill in (`Component: {affected area}<br>`, `**Failed Version**: v{X.Y.Z}`), every line a field.
    if (node.type === 'paragraph' && section !== undefined && signOff?.section.normalized !== section.normalized) {
      const fields = readParagraphFields([node])
      const lines = paragraphLines(node).filter((line) => line.length > 0).length
      if (fields.length >= 2 && fields.length === lines && fields.some((field) => isPlaceholderValue(field.value))) {
        groups.push(fieldGroup(section, fields, 'paragraph'))
      }

      return
    }

    // A timeline of `- T0:` slots asks for times, not fields named `T0`.
    if (node.type !== 'list' || afterExampleLeadIn(nodes, index) || isTimedList(node)) return
    const fields = readListFields(node)
    const plain = fields.length === node.children.length && (section === undefined || fields.every((field) => field.strong === undefined))
    const isChecklist = node.children.some((item) => typeof item.checked === 'boolean')
    // The header's list of bold fields is its fields even filled in, as in a template that is a filled-in example.
    const headerFields = section === undefined && fields.length > 0 && fields.every((field) => field.strong !== undefined)
    if (plain && !isChecklist && (headerFields || fields.some((field) => isPlaceholderValue(field.value)))) {
      groups.push({...fieldGroup(section, fields, 'list'), start: node.ordered ? (node.start ?? 1) : undefined})
    }
  })

  return groups
}

/**
 * In a template without header fields, the bold fields of its first
 * section's first paragraph or list of them, when one value is a
 * placeholder: a template that keeps its header in a first section
 * (`## Overview` with `**Date:** YYYY-MM-DD`, `## Summary` with `-
 * **Incident ID:**`). Fields further on are prose a rule may read, not a header.
 */
function overviewGroup(document: PostmortemDocument, headerGroups: readonly ListFieldGroup[]): ListFieldGroup | undefined {
  const {header} = document
  if (headerGroups.length > 0 || readFields(header).length > 0 || readPlainFields(header).some((field) => isPlaceholderValue(field.value))) return undefined
  const first = document.sections.find((section) => section.depth >= 2)
  if (!first) return undefined
  for (const node of sectionOwnContent(document, first)) {
    const fields = node.type === 'paragraph' ? readFields([node]) : []
    if (fields.length > 0) return fields.some((field) => isPlaceholderValue(field.value)) ? fieldGroup(sectionOf(first), fields, 'paragraph') : undefined

    if (node.type === 'list' && !node.children.some((item) => typeof item.checked === 'boolean')) {
      const items = readListFields(node)
      const bold = items.length > 0 && items.length === node.children.length && items.every((field) => field.strong !== undefined)
      if (bold) return items.some((field) => isPlaceholderValue(field.value)) ? fieldGroup(sectionOf(first), items, 'list') : undefined
    }
  }

  return undefined
}

function fieldGroup(section: TemplateSection | undefined, fields: readonly Field[], shape: ListFieldGroup['shape']): ListFieldGroup {
  return {
    section,
    labels: fields.map((field) => field.label),
    shape,
    strong: fields.every((field) => field.strong !== undefined),
    shapes: shapesOf(fields),
    values: Object.fromEntries(fields.map((field) => [field.label, field.value]))
  }
}

/**
 * The labels whose template value shows a date or a version, with that
 * shape, a note after it or not (`vX.Y.Z (the release rolled back)`); not
 * where the note allows another answer (`YYYY-MM-DD (or ongoing)`, `(if
 * resolved)`).
 */
function shapesOf(fields: readonly Field[]): Record<string, ValueShape> {
  const shapes: Record<string, ValueShape> = {}
  for (const field of fields) {
    const shape = valueShape(field.value) ?? (otherAnswer.test(field.value) ? undefined : valueShape(withoutNotes(field.value)))
    if (shape) shapes[field.label] = shape
  }

  return shapes
}

/** A note that allows another answer than the value's shape. */
const otherAnswer = /\((?:[^()]*\s)?(?:or|if|unless|when|until|otherwise|oder|ou|o)\s/i

function afterExampleLeadIn(nodes: readonly RootContent[], index: number): boolean {
  const previous = nodes[index - 1]
  return previous?.type === 'paragraph' && exampleLeadIn.test(normalizeText(plainText(previous)))
}

/**
 * The fields of a template's two-column table of labels and values to fill
 * in (`| Date | YYYY-MM-DD |`): not a timeline's, no label a placeholder,
 * some value one; `undefined` for any other table.
 */
function tableFieldsToFill(node: Table): Field[] | undefined {
  const fields = readTableFields(node)
  const labelled = !isTimeHeader(normalizeText(plainText(node.children[0]?.children[0] ?? {type: 'text', value: ''})))
  return labelled && fields.every((field) => !isPlaceholderValue(field.label)) && fields.some((field) => isPlaceholderValue(field.value)) ? fields : undefined
}

/**
 * Template table rows that show what to write: some cells are placeholders
 * (`HH:mm`, `[Name]`), another is sample text no real row would have.
 */
function examples(tables: readonly SectionTableOf[], isTimeline: (entry: SectionTableOf) => boolean): TemplateExample[] {
  const found: TemplateExample[] = []

  for (const entry of tables) {
    const {section, table} = entry
    // A table of fields keeps its labels (`| Data/Hora | [Data e hora] |`): its rows are no examples.
    if (tableFieldsToFill(table.node)) continue
    // A timeline's sample events (`| HH:MM | First error spike in logs |`) are what real timelines say: only a marked example is one.
    const isSample = isTimeline(entry) ? isMarkedSample : isSampleText
    for (const row of table.rows) {
      const cells = row.children.map((cell) => plainText(cell).trim())
      const placeholders = cells.map((cell) => cell !== '' && isPlaceholderValue(cell))
      const sample = cells.some((cell, index) => !placeholders[index] && isSample(cell))
      if (placeholders.some(Boolean) && sample) {
        found.push({
          section: sectionOf(section),
          cells: cells.map(normalizeText),
          placeholders,
          text: '| ' + cells.join(' | ') + ' |'
        })
      }
    }
  }

  return found
}

/**
 * Text that shows what to write rather than being a value a team writes too:
 * an example (`Example: deploy of v1.4.2 started by CI`), a choice left to
 * make (`mitigate / prevent / process`), or four words or more. A short
 * event (`Deploy started`) is what real timelines say as well: a row with
 * it is not the template's left behind.
 */
function isSampleText(cell: string): boolean {
  return isMarkedSample(cell) || cell.split(/[^\p{L}\p{N}]+/u).filter((word) => /\p{L}/u.test(word)).length >= 4
}

/** An example the template marks as one (`Example: …`, `e.g. …`) or a choice left to make (`mitigate / prevent / process`). */
function isMarkedSample(cell: string): boolean {
  return /^\W{0,4}(?:example|e\.g\.)/i.test(cell) || choicesIn(cell) !== undefined
}

/** Labels of header and section fields whose template value is a placeholder. */
function placeholderFields(document: PostmortemDocument): string[] {
  const labels = new Set<string>()
  for (const field of readFields(document.tree.children)) {
    if (isPlaceholderValue(field.value)) labels.add(field.normalized)
  }

  return [...labels]
}
