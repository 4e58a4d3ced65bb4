import type {List} from 'mdast'
import {
  checklistItems,
  documentAnchor,
  findSection,
  postmortemDocument,
  readLabelledLists,
  remarkCheck,
  ruleUrl,
  sectionOwnContent,
  templateOption,
  type ChecklistItem,
  type PostmortemDocument,
  type PostmortemRule,
  type Report,
  type TemplateChecklist,
  type TemplateModel
} from 'mdast-util-postmortem'
import type {Node} from 'unist'
import {lintRule} from 'unified-lint-rule'

/** Options as configured. */
export interface Options {
  /** Path of the team template, relative to the working directory. */
  template?: string
}

/** Options as read and checked. */
export interface ResolvedOptions {
  /** Template the compliance checklists come from (default: the shipped template). */
  template: TemplateModel
}

/** Where a compliance block stands in the document. */
interface Block {
  lists: List[]
  /** The node a message about the whole block points at. */
  anchor: Node
}

const packageName = 'remark-lint-postmortem-compliance-checked'

export const complianceChecked: PostmortemRule<ResolvedOptions> = {
  id: 'compliance-checked',
  description: 'Compliance checklists are complete and every box is checked',
  packageName,
  url: ruleUrl(packageName),
  options: {template: templateOption},
  check(tree, {options}) {
    const document = postmortemDocument(tree)
    const reports: Report[] = []

    for (const checklist of options.template.checklists) {
      const block = findBlock(document, checklist)
      if (block) checkBlock(checklist, block, reports)
      else reports.push(missingBlock(document, checklist))
    }

    return reports
  }
}

const remarkLintPostmortemComplianceChecked = lintRule(
  {origin: 'remark-lint:postmortem-compliance-checked', url: complianceChecked.url},
  remarkCheck<ResolvedOptions, Options>(complianceChecked)
)

export default remarkLintPostmortemComplianceChecked

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

function checkBlock(checklist: TemplateChecklist, block: Block, reports: Report[]): void {
  const items: ChecklistItem[] = block.lists.flatMap((list) => checklistItems(list))
  const where = '`' + checklist.name + '`'

  items.forEach((item, index) => {
    const text = quote(item.text, index)
    if (item.checked === null) {
      reports.push({
        reason: `Unexpected item without checkbox ${text} in ${where}, expected a checked box (\`- [x] ${item.text}\`)`,
        place: item.item.position,
        actual: item.text
      })
    } else if (!item.checked) {
      reports.push({
        reason: `Unexpected unchecked item ${text} in ${where}, expected it checked (\`[x]\`)`,
        place: item.item.position,
        actual: item.text
      })
    }
  })

  for (const required of checklist.items) {
    if (!items.some((item) => item.normalized.startsWith(required.normalized))) {
      reports.push({
        reason: `Unexpected missing item \`${required.text}\` in ${where}, expected it checked (\`- [x] ${required.text}\`)`,
        place: block.anchor.position,
        expected: [required.text]
      })
    }
  }
}

function missingBlock(document: PostmortemDocument, checklist: TemplateChecklist): Report {
  const holder = findSection(document, checklist.section)
  const shape =
    checklist.kind === 'labelled-list'
      ? `\`**${checklist.name}**:\` followed by ${checklist.items.length} checked items`
      : `a section \`${checklist.name}\` with ${checklist.items.length} checked items`
  return {
    reason: `Unexpected missing checklist \`${checklist.name}\`, expected ${shape}`,
    place: holder?.heading.position ?? documentAnchor(document),
    expected: checklist.items.map((item) => item.text)
  }
}

function quote(text: string, index: number): string {
  return text === '' ? `${index + 1} (empty)` : '`' + text + '`'
}
