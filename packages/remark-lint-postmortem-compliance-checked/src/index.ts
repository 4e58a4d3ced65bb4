import type {List, ListItem} from 'mdast'
import {
  checklistItems,
  documentAnchor,
  findSection,
  postmortemDocument,
  readLabelledLists,
  sectionOwnContent,
  type ChecklistItem,
  type PostmortemDocument,
  type TemplateChecklist
} from 'mdast-util-postmortem'
import type {Node, Point} from 'unist'
import {
  type ConfiguredOptions,
  defineRule,
  remarkRule,
  type Report,
  type SourceText,
  templateOption
} from 'postmortem-rule-core'

/** Where a compliance block stands in the document. */
interface Block {
  lists: List[]
  /** The node a message about the whole block points at. */
  anchor: Node
}


export const complianceChecked = defineRule({
  id: 'compliance-checked',
  description: 'Compliance checklists are complete and every box is checked',
  options: {template: templateOption},
  check(tree, {options, source}) {
    const document = postmortemDocument(tree)
    const reports: Report[] = []

    for (const checklist of options.template.checklists) {
      const block = findBlock(document, checklist)
      if (block) reports.push(...blockReports(checklist, block, source))
      else reports.push(missingBlock(document, checklist))
    }

    return reports
  },
  templateSummary(template) {
    if (template.checklists.length === 0) return undefined
    return template.checklists
      .map((checklist) =>
        checklist.kind === 'section'
          ? `\`${checklist.name}\` (${items(checklist.items.length)})`
          : `\`**${checklist.name}**:\` in \`${checklist.section}\` (${items(checklist.items.length)})`
      )
      .join(', ') + ': every item present and checked'
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof complianceChecked.options>

export default remarkRule(complianceChecked)

function findBlock(document: PostmortemDocument, checklist: TemplateChecklist): Block | undefined {
  if (checklist.kind === 'labelled-list') {
    const labelled = readLabelledLists(document.tree.children).find((list) => list.normalized === checklist.normalized)
    return labelled && {lists: [labelled.list], anchor: labelled.paragraph}
  }

  const section = findSection(document, checklist.name)
  if (!section) return undefined
  const lists = sectionOwnContent(document, section).filter(
    (node): node is List => node.type === 'list'
  )
  return lists.length > 0 ? {lists, anchor: lists[0] ?? section.heading} : undefined
}

function blockReports(checklist: TemplateChecklist, block: Block, source: SourceText): Report[] {
  const items: ChecklistItem[] = block.lists.flatMap((list) => checklistItems(list))
  const where = '`' + checklist.name + '`'
  const reports: Report[] = []

  items.forEach((item, index) => {
    if (item.checked === null) {
      reports.push({
        reason: `Unexpected item without checkbox ${quote(item.text, index)} in ${where}, expected a checked box (\`- [x] ${item.text}\`)`,
        place: item.item.position,
        actual: item.text
      })
    } else if (!item.checked) {
      reports.push({
        reason: `Unexpected unchecked item ${quote(item.text, index)} in ${where}, expected it checked (\`[x]\`)`,
        place: item.item.position,
        actual: item.text
      })
    }
  })

  const missing = checklist.items.filter((required) => !items.some((item) => item.normalized.startsWith(required.normalized)))
  const last = block.lists.at(-1)?.children.at(-1)
  for (const required of missing) {
    // The fix adds the item unchecked at the end of the list: checking it is the author's call.
    const insertion = last && itemInsertion(last, required.text, source)
    reports.push({
      reason: `Unexpected missing item \`${required.text}\` in ${where}, expected it checked (\`- [x] ${required.text}\`)`,
      place: insertion?.place ?? block.anchor.position,
      ...(insertion && {expected: [insertion.text]})
    })
  }

  return reports
}

function missingBlock(document: PostmortemDocument, checklist: TemplateChecklist): Report {
  const holder = findSection(document, checklist.section)
  const shape =
    checklist.kind === 'labelled-list'
      ? `\`**${checklist.name}**:\` followed by ${checklist.items.length} checked items`
      : `a section \`${checklist.name}\` with ${checklist.items.length} checked items`
  return {
    reason: `Unexpected missing checklist \`${checklist.name}\`, expected ${shape}`,
    place: holder?.heading.position ?? documentAnchor(document)
  }
}

function quote(text: string, index: number): string {
  return text === '' ? `${index + 1} (empty)` : '`' + text + '`'
}

function items(count: number): string {
  return `${count} ${count === 1 ? 'item' : 'items'}`
}

/** A new unchecked item after `last`, with its marker and indentation: a point and the text to insert there. */
function itemInsertion(last: ListItem, text: string, source: SourceText): {place: Point; text: string} | undefined {
  const start = last.position?.start
  const end = last.position?.end
  const marker = start && source.slice(start, {line: start.line, column: start.column + 1})
  if (!start || !end || !marker || !'-*+'.includes(marker)) return undefined
  return {place: end, text: `\n${' '.repeat(start.column - 1)}${marker} [ ] ${text}`}
}
