import leven from 'leven'
import type {Root} from 'mdast'
import {
  booleanOption,
  documentAnchor,
  postmortemDocument,
  remarkCheck,
  ruleUrl,
  templateOption,
  type PostmortemDocument,
  type PostmortemRule,
  type Report,
  type Section,
  type TemplateHeading,
  type TemplateModel
} from 'mdast-util-postmortem'
import {lintRule} from 'unified-lint-rule'

/** Options as configured. */
export interface Options {
  /** Path of the team template, relative to the working directory. */
  template?: string
  /** Allow sections the template does not have (default: `true`). */
  allowExtra?: boolean
  /** Allow required sections with no content (default: `false`). */
  allowEmpty?: boolean
}

/** Options as read and checked. */
export interface ResolvedOptions {
  /** Template the heading tree comes from (default: the shipped template). */
  template: TemplateModel
  /** Allow sections the template does not have (default: `true`). */
  allowExtra: boolean
  /** Allow required sections with no content (default: `false`). */
  allowEmpty: boolean
}

interface Entry {
  heading: TemplateHeading
  order: number
}

const packageName = 'remark-lint-postmortem-required-headings'

export const requiredHeadings: PostmortemRule<ResolvedOptions> = {
  id: 'required-headings',
  description: 'Post-mortem sections follow the template: present, in order, at the right rank, not empty',
  packageName,
  url: ruleUrl(packageName),
  options: {
    template: templateOption,
    allowExtra: booleanOption(true),
    allowEmpty: booleanOption(false)
  },
  check(tree, {options}) {
    const reports: Report[] = []
    const document = postmortemDocument(tree)
    const entries = flatten(options.template.sections)
    const entryByName = new Map(entries.map((entry) => [entry.heading.normalized, entry]))
    const deepest = Math.max(1, ...entries.map((entry) => entry.heading.depth))
    const found = new Map<Entry, Section>()
    const matched: Array<{section: Section; entry: Entry}> = []
    const unmatched: Section[] = []

    checkTitle(document, reports)

    for (const section of document.sections) {
      if (section.depth === 1) continue
      const entry = entryByName.get(section.normalized)
      const first = entry && found.get(entry)

      if (!entry) {
        unmatched.push(section)
      } else if (first) {
        reports.push({
          reason: `Unexpected duplicate section ${quote(section.text)}, expected it once (first on line ${line(first)})`,
          place: section.heading.position,
          actual: section.text
        })
      } else {
        found.set(entry, section)
        matched.push({section, entry})
      }
    }

    const nearMisses = new Map<Entry, Section>()
    for (const section of unmatched) {
      const entry = nearMiss(section, entries, found, nearMisses)
      if (entry) {
        nearMisses.set(entry, section)
        reports.push({
          reason: `Unexpected section ${quote(section.text)}, expected ${quote(entry.heading.text)}`,
          place: section.heading.position,
          actual: section.text,
          expected: [entry.heading.text]
        })
      } else if (!options.allowExtra && section.depth <= deepest) {
        reports.push({
          reason: `Unexpected section ${quote(section.text)}, expected only the template's sections`,
          place: section.heading.position,
          actual: section.text
        })
      }
    }

    const misplaced = new Set<Section>()
    const siblings = new Map<TemplateHeading | undefined, Array<{section: Section; entry: Entry}>>()

    for (const item of matched) {
      const {section, entry} = item
      const expectedDepth = entry.heading.depth
      const parent = entry.heading.parent

      if (section.depth !== expectedDepth) {
        reports.push({
          reason: `Unexpected rank ${section.depth} for section ${quote(section.text)}, expected rank ${expectedDepth} (${'#'.repeat(expectedDepth)} ${entry.heading.text})`,
          place: section.heading.position,
          actual: section.text
        })
      } else if (parent && !isUnder(section, parent)) {
        misplaced.add(section)
        reports.push({
          reason: `Unexpected section ${quote(section.text)} under ${section.parent ? quote(section.parent.text) : 'the title'}, expected it under ${quote(parent.text)}`,
          place: section.heading.position,
          actual: section.text
        })
      } else {
        const group = siblings.get(parent)
        if (group) group.push(item)
        else siblings.set(parent, [item])
      }

      if (!options.allowEmpty && isEmpty(tree, section)) {
        reports.push({
          reason: `Unexpected empty section ${quote(section.text)}, expected content before the next heading`,
          place: section.heading.position,
          actual: section.text
        })
      }
    }

    for (const group of siblings.values()) {
      const inOrder = longestIncreasing(group.map(({entry}) => entry.order))
      group.forEach(({section, entry}, index) => {
        if (inOrder.has(index)) return
        misplaced.add(section)
        reports.push({
          reason: `Unexpected position of section ${quote(section.text)}, expected it ${where(entry, entries)}`,
          place: section.heading.position,
          actual: section.text
        })
      })
    }

    /** Whether `section` sits under `parent` (or under the near miss of it). */
    function isUnder(section: Section, parent: TemplateHeading): boolean {
      const parentEntry = entryByName.get(parent.normalized)
      return (
        section.parent !== undefined &&
        (section.parent.normalized === parent.normalized ||
          (parentEntry !== undefined && nearMisses.get(parentEntry) === section.parent))
      )
    }

    const presentInOrder = matched.filter(({section}) => !misplaced.has(section))
    for (const entry of entries) {
      if (found.has(entry) || nearMisses.has(entry)) continue
      const parent = entry.heading.parent
      const parentEntry = parent && entryByName.get(parent.normalized)
      if (parentEntry && !found.has(parentEntry) && !nearMisses.has(parentEntry)) continue
      const next = presentInOrder.find((item) => item.entry.order > entry.order)
      reports.push({
        reason: `Unexpected missing section ${quote(entry.heading.text)}, expected it ${where(entry, entries)}`,
        place: next ? next.section.heading.position?.start : tree.position?.end,
        expected: [entry.heading.text]
      })
    }

    return reports
  }
}

const remarkLintPostmortemRequiredHeadings = lintRule(
  {origin: 'remark-lint:postmortem-required-headings', url: requiredHeadings.url},
  remarkCheck<ResolvedOptions, Options>(requiredHeadings)
)

export default remarkLintPostmortemRequiredHeadings

function checkTitle(document: PostmortemDocument, reports: Report[]): void {
  const titles = document.sections.filter((section) => section.depth === 1)
  const [first, ...others] = titles

  if (!first) {
    reports.push({
      reason: 'Unexpected missing title, expected one rank 1 heading (`# …`) at the start',
      place: documentAnchor(document)?.start
    })
    return
  }

  for (const title of others) {
    reports.push({
      reason: `Unexpected second title ${quote(title.text)}, expected one rank 1 heading (first on line ${line(first)})`,
      place: title.heading.position,
      actual: title.text
    })
  }
}

/** The template's headings in document order, depth first. */
function flatten(headings: readonly TemplateHeading[]): Entry[] {
  const entries: Entry[] = []
  const add = (heading: TemplateHeading) => {
    entries.push({heading, order: entries.length})
    heading.children.forEach(add)
  }

  headings.forEach(add)
  return entries
}

/** Where a section belongs, in words. */
function where(entry: Entry, entries: readonly Entry[]): string {
  const {heading} = entry
  const siblings = heading.parent ? heading.parent.children : entries.filter((item) => !item.heading.parent).map((item) => item.heading)
  const previous = siblings[siblings.indexOf(heading) - 1]
  const under = heading.parent ? ` under ${quote(heading.parent.text)}` : ''
  return previous ? `after ${quote(previous.text)}${under}` : heading.parent ? `first${under}` : 'as the first section'
}

/**
 * A missing template section whose heading is close to `section`'s
 * (`Lessons Learnt` for `Lessons Learned`).
 */
function nearMiss(
  section: Section,
  entries: readonly Entry[],
  found: ReadonlyMap<Entry, Section>,
  taken: ReadonlyMap<Entry, Section>
): Entry | undefined {
  let best: Entry | undefined
  let bestDistance = Number.POSITIVE_INFINITY

  for (const entry of entries) {
    if (found.has(entry) || taken.has(entry)) continue
    const expected = entry.heading.normalized
    const allowed = Math.max(1, Math.floor(expected.length / 5))
    if (Math.abs(expected.length - section.normalized.length) > allowed) continue
    const distance = leven(section.normalized, expected)
    if (distance <= allowed && distance < bestDistance) {
      best = entry
      bestDistance = distance
    }
  }

  return best
}

/**
 * Indices of one longest strictly increasing subsequence of `values`
 * (patience sorting, O(n log n)): the sections that are in order.
 */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = []

  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((values[tails[middle] ?? 0] ?? 0) < value) low = middle + 1
      else high = middle
    }

    previous[index] = low > 0 ? (tails[low - 1] ?? -1) : -1
    tails[low] = index
  })

  const result = new Set<number>()
  let index = tails.at(-1) ?? -1
  while (index !== -1) {
    result.add(index)
    index = previous[index] ?? -1
  }

  return result
}

/** A section with nothing but HTML comments before its end. */
function isEmpty(tree: Root, section: Section): boolean {
  for (let index = section.index + 1; index < section.end; index++) {
    const node = tree.children[index]
    if (node && !(node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim()))) return false
  }

  return true
}

function quote(text: string): string {
  return '`' + text.trim() + '`'
}

function line(section: Section): number {
  return section.heading.position?.start.line ?? 0
}
