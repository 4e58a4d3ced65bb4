import {readFileSync, statSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Root, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
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
  /** Path of the template file. */
  path: string
  /** The H2 sections with their subsections, in order. */
  sections: TemplateHeading[]
  checklists: TemplateChecklist[]
  /** Bracketed placeholders as written (`[YYYY-MM-DD]`). */
  placeholders: string[]
  /** Normalised text of the italic guidance paragraphs. */
  guidance: string[]
  fields: TemplateFields[]
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Parse Markdown the way the preset does: GFM and YAML front matter. */
export function parseMarkdown(value: string): Root {
  return parser.parse(value)
}

const placeholderPattern = /\[[^[\]\n]{1,200}\]/g
const compliance = 'compliance'

/** Build the model of a template from its Markdown. */
export function templateModel(markdown: string, path: string): TemplateModel {
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

interface CachedTemplate {
  mtimeMs: number
  size: number
  model: TemplateModel
}

const templates = new Map<string, CachedTemplate>()

/**
 * Load the template at `path` (absolute); parsed once per process and
 * again only when the file changes. Throws when the file cannot be read.
 */
export function loadTemplate(path: string): TemplateModel {
  const stats = statSync(path)
  if (!stats.isFile()) throw new Error('not a file')
  const cached = templates.get(path)
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.model
  const model = templateModel(readFileSync(path, 'utf8'), path)
  templates.set(path, {mtimeMs: stats.mtimeMs, size: stats.size, model})
  return model
}

/** Path of the default template shipped with this package. */
export const defaultTemplatePath = fileURLToPath(new URL('../template/postmortem-template.md', import.meta.url))

/** The default template's model. */
export function defaultTemplate(): TemplateModel {
  return loadTemplate(defaultTemplatePath)
}
