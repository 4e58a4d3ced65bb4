import type {Root, Text} from 'mdast'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {toString} from 'mdast-util-to-string'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {SKIP, visit} from 'unist-util-visit'
import {postmortemDocument, sectionOwnContent, type Section} from './document.js'
import {checklistItems, readFields, readLabelledLists} from './fields.js'
import {normalizeText} from './normalize.js'

/** A heading of the template and the headings nested under it. */
export interface TemplateHeading {
  text: string
  normalized: string
  depth: number
  children: TemplateHeading[]
  parent: TemplateHeading | undefined
}

/** The text of a checklist item the template requires. */
export interface TemplateItem {
  text: string
  normalized: string
}

/**
 * A compliance block: the checklist of a section whose heading mentions
 * compliance, or a labelled list (`**Label**:` then a list) whose label does.
 */
export interface TemplateChecklist {
  kind: 'section' | 'labelled-list'
  name: string
  /** Heading text of the section that holds the checklist. */
  section: string
  normalized: string
  items: TemplateItem[]
}

/** The labels of the first paragraph of fields in a section (or the header). */
export interface TemplateFields {
  /** Section heading text; `undefined` for the header before the first H2. */
  section: string | undefined
  labels: string[]
}

/** What the rules know of a template. */
export interface TemplateModel {
  /** Path of the template file, if it came from one. */
  path: string | undefined
  /** The H2 sections with their subsections, in order. */
  sections: TemplateHeading[]
  checklists: TemplateChecklist[]
  /** Bracketed placeholders as written (`[YYYY-MM-DD]`). */
  placeholders: string[]
  /** Normalised text of the italic guidance paragraphs. */
  guidance: string[]
  fields: TemplateFields[]
}

/** Parse Markdown the way the preset does: GFM and YAML front matter. */
export function parseMarkdown(value: string): Root {
  return fromMarkdown(value, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]
  })
}

const placeholderPattern = /\[[^[\]\n]{1,200}\]/g
const compliance = 'compliance'

/** Build the model of a template from its Markdown. */
export function templateModel(markdown: string, path?: string): TemplateModel {
  const tree = parseMarkdown(markdown)
  const document = postmortemDocument(tree)
  const sections: TemplateHeading[] = []
  const headingOf = new Map<Section, TemplateHeading>()

  for (const section of document.sections) {
    if (section.depth < 2) continue
    const parent = section.parent ? headingOf.get(section.parent) : undefined
    const heading: TemplateHeading = {
      text: section.text.trim(),
      normalized: section.normalized,
      depth: section.depth,
      children: [],
      parent
    }
    headingOf.set(section, heading)
    if (parent) parent.children.push(heading)
    else sections.push(heading)
  }

  const checklists: TemplateChecklist[] = []
  const fields: TemplateFields[] = [{section: undefined, labels: readFields(document.header).map((field) => field.label)}]

  for (const section of document.sections) {
    if (section.depth < 2) continue
    const content = sectionOwnContent(document, section)
    const list = content.find((node) => node.type === 'list')
    if (section.normalized.includes(compliance) && list?.type === 'list') {
      const name = section.text.trim()
      checklists.push({kind: 'section', name, section: name, normalized: section.normalized, items: items(list)})
    }

    for (const labelled of readLabelledLists(content)) {
      if (labelled.normalized.includes(compliance)) {
        checklists.push({
          kind: 'labelled-list',
          name: labelled.label,
          section: section.text.trim(),
          normalized: labelled.normalized,
          items: items(labelled.list)
        })
      }
    }

    const firstFields = content.find((node) => node.type === 'paragraph' && readFields([node]).length > 0)
    if (firstFields) {
      fields.push({section: section.text.trim(), labels: readFields([firstFields]).map((field) => field.label)})
    }
  }

  return {path, sections, checklists, fields, ...scaffolding(tree)}
}

function items(list: Parameters<typeof checklistItems>[0]): TemplateItem[] {
  return checklistItems(list).map(({text, normalized}) => ({text, normalized}))
}

function scaffolding(tree: Root): Pick<TemplateModel, 'placeholders' | 'guidance'> {
  const placeholders = new Set<string>()
  const guidance = new Set<string>()

  visit(tree, function (node) {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return SKIP
    if (node.type === 'paragraph') {
      const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      if (content.length === 1 && content[0]?.type === 'emphasis') guidance.add(normalizeText(toString(node)))
    }

    if (node.type === 'text') {
      for (const match of (node as Text).value.matchAll(placeholderPattern)) placeholders.add(match[0])
    }

    return undefined
  })

  return {placeholders: [...placeholders], guidance: [...guidance]}
}
