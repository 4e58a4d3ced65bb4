import type {Heading, List, Paragraph, Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import {plainText} from './text.js'
import {perObject} from './memo.js'
import {hasHeadingPlaceholder, headingKey, headingMatches, normalizeText} from './normalize.js'
import {isHtmlTag} from './placeholders.js'
import {withoutNotes} from './values.js'

/**
 * A section: a heading at the top level of the document and everything up
 * to the next heading of the same or a higher rank. Headings inside block
 * quotes, lists, HTML or code are not at the top level, so they never start
 * a section.
 */
export interface Section {
  heading: Heading
  depth: number
  /** Heading text as written (markup removed). */
  text: string
  /** The text as sections are matched by (`headingKey`): `1. Summary` is `summary`. */
  normalized: string
  /** Index of the heading in `tree.children`. */
  index: number
  /** Index in `tree.children` where the section ends (exclusive). */
  end: number
  /** Nearest enclosing section, if any. */
  parent: Section | undefined
}

/** The outline of one post-mortem, computed once per tree. */
export interface PostmortemDocument {
  tree: Root
  /** Every top-level heading's section, in document order. */
  sections: readonly Section[]
  /** The nodes before the first heading of rank 2 or lower (the header). */
  header: readonly RootContent[]
}

/** The outline of `tree`; cached so that rules of one run share it. */
export const postmortemDocument: (tree: Root) => PostmortemDocument = perObject(outline)

function outline(tree: Root): PostmortemDocument {
  const sections: Section[] = []
  const open: Section[] = []
  let headerEnd = tree.children.length

  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return
    if (node.depth >= 2 && headerEnd === tree.children.length) headerEnd = index

    while (open.length > 0 && (open.at(-1)?.depth ?? 0) >= node.depth) {
      const closed = open.pop()
      if (closed) closed.end = index
    }

    const text = headingText(node)
    const section: Section = {
      heading: node,
      depth: node.depth,
      text,
      normalized: headingKey(text),
      index,
      end: tree.children.length,
      parent: open.at(-1)
    }
    sections.push(section)
    open.push(section)
  })

  return {tree, sections, header: tree.children.slice(0, headerEnd)}
}

/**
 * All sections whose heading matches `name` (by `headingKey`), in document
 * order; else those whose heading is `name` once a note in parentheses is
 * left out of either (`Timeline (all times UTC)` for `Timeline`).
 */
export function findSections(document: PostmortemDocument, name: string): readonly Section[] {
  const key = headingKey(name)
  const named = sectionsByName(document).get(key)
  if (named) return named
  // A template heading with a placeholder (`Postmortem: <title>`) names the section that fills it in.
  if (hasHeadingPlaceholder(key)) return document.sections.filter((section) => headingMatches(key, section.normalized))
  const bare = bareHeadingKey(key)
  return bare === '' ? [] : (sectionsByBareName(document).get(bare) ?? [])
}

/** A heading's key without its notes in parentheses (`what went well? (team view)` → `what went well`). */
export function bareHeadingKey(key: string): string {
  return key.includes('(') ? normalizeText(withoutNotes(key)) : key
}

/** A document's sections grouped by a key of their heading, computed once per document. */
function sectionsBy(keyOf: (section: Section) => string): (document: PostmortemDocument) => ReadonlyMap<string, Section[]> {
  return perObject((document: PostmortemDocument) => {
    const byKey = new Map<string, Section[]>()
    for (const section of document.sections) {
      const key = keyOf(section)
      const list = byKey.get(key)
      if (list) list.push(section)
      else byKey.set(key, [section])
    }

    return byKey
  })
}

const sectionsByName = sectionsBy((section) => section.normalized)
const sectionsByBareName = sectionsBy((section) => bareHeadingKey(section.normalized))

/** The first section whose heading matches `name`, at any rank. */
export function findSection(document: PostmortemDocument, name: string): Section | undefined {
  return findSections(document, name)[0]
}

/** The nodes of a section after its heading, subsections included. */
export function sectionContent(document: PostmortemDocument, section: Section): readonly RootContent[] {
  return document.tree.children.slice(section.index + 1, section.end)
}

/** The nodes of a section after its heading and before its first subsection. */
export function sectionOwnContent(document: PostmortemDocument, section: Section): readonly RootContent[] {
  const content = sectionContent(document, section)
  const firstHeading = content.findIndex((node) => node.type === 'heading')
  return firstHeading === -1 ? content : content.slice(0, firstHeading)
}

/**
 * The lists of a section that hold its items: the first of its own, else
 * the first of each of its subsections (`### Immediate`, `### Long-term`
 * under `## Action Items`).
 */
export function sectionLists(document: PostmortemDocument, section: Section): List[] {
  const own = sectionOwnContent(document, section).find((node): node is List => node.type === 'list')
  if (own) return [own]
  const lists: List[] = []
  let taken = true
  for (const node of sectionContent(document, section)) {
    if (node.type === 'heading') taken = false
    else if (node.type === 'list' && !taken) {
      lists.push(node)
      taken = true
    }
  }

  return lists
}

/**
 * Where findings about the whole document point: the title, else the first
 * node after the front matter, else the document.
 */
export function documentAnchor(document: PostmortemDocument): Position | undefined {
  const title = document.sections.find((section) => section.depth === 1)
  const node = title?.heading ?? document.tree.children.find((child) => child.type !== 'yaml' && child.type !== 'toml') ?? document.tree
  return node.position
}

/**
 * A heading's text: an HTML element in it (an anchor, `## Timeline <a
 * id="timeline"></a>`) is no part of it; an angle placeholder (`<service>`) is.
 */
function headingText(heading: Heading): string {
  const [first] = heading.children
  // Most headings are one text: no array to build and join.
  const text =
    heading.children.length === 1 && first?.type === 'text'
      ? first.value
      : heading.children
          .map((child) => (child.type === 'break' ? '\n' : child.type === 'html' && isHtmlTag(child.value.trim()) ? '' : plainText(child)))
          .join('')
  // A setext heading's lines are one heading text, whether a line ends plainly or with a hard break.
  return (text.includes('\n') ? text.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : text).trim()
}

/**
 * A paragraph's text with its hard breaks (two trailing spaces, `\`) as the
 * line endings they stand for: guidance a writer's editor kept with trailing
 * spaces reads as the template's plain lines.
 */
export function paragraphText(paragraph: Paragraph): string {
  if (!paragraph.children.some((child) => child.type === 'break')) return plainText(paragraph)
  return paragraph.children.map((child) => (child.type === 'break' ? '\n' : plainText(child))).join('')
}
