import leven from 'leven'
import type {PhrasingContent, Root} from 'mdast'
import type {Position} from 'unist'
import {
  bareHeadingKey,
  documentAnchor,
  fieldsHeadingLabels,
  hasFrontMatterTitle,
  hasHeadingPlaceholder,
  headingMatches,
  isFieldsHeading,
  isHtmlTag,
  normalizeText,
  perObject,
  postmortemDocument,
  readGroupFields,
  sameHeadingPattern,
  withoutHeadingAttributes,
  type PostmortemDocument,
  type Section,
  type TemplateHeading,
  type TemplateModel
} from 'mdast-util-postmortem'
import {
  booleanOption,
  contentPosition,
  lineStart,
  type ConfiguredOptions,
  defineRule,
  remarkRule,
  type Report,
  type SourceText,
  templateOption
} from 'postmortem-rule-core'

/** A template heading and its place in the template's depth-first order. */
interface Entry {
  heading: TemplateHeading
  order: number
}

/** The template's heading tree, flattened for lookups. */
interface Outline {
  entries: Entry[]
  byName: ReadonlyMap<string, Entry>
  /**
   * Entries by their heading without its notes in parentheses, where no other
   * entry has the same (`timeline` for `Timeline (all times UTC)`).
   */
  byBareName: ReadonlyMap<string, Entry>
  /** Entries whose heading holds a placeholder (`Postmortem: <title>`), matched by `headingMatches`. */
  patterned: Entry[]
  /** Rank of the template's deepest heading: extra sections below it are never reported. */
  deepest: number
}

/** A document section matched to the template heading of the same name. */
interface Match {
  section: Section
  entry: Entry
}

/** How the document's sections map onto the template. */
interface Matching {
  /** First section of each template heading. */
  found: Map<Entry, Section>
  matched: Match[]
  /** Sections no template heading names. */
  unmatched: Section[]
  duplicates: Report[]
}

/** Matched sections at the wrong rank or under the wrong parent, and the rest grouped by template parent. */
interface Placement {
  reports: Report[]
  misplaced: Set<Section>
  siblings: Map<TemplateHeading | undefined, Match[]>
}

export const requiredHeadings = defineRule({
  id: 'required-headings',
  description: 'Post-mortem sections follow the template: present, in order, at the right rank, not empty',
  options: {
    template: templateOption,
    allowExtra: booleanOption(true),
    allowEmpty: booleanOption(false)
  },
  check(tree, {options, source}) {
    const document = postmortemDocument(tree)
    const outline = outlineOf(options.template.sections)
    const matching = matchSections(document, outline, options.template)
    const nearMisses = findNearMisses(matching, outline)
    const placement = placeSections(matching.matched, outline, nearMisses, source, document.sections)
    const order = orderReports(placement, outline)

    return [
      ...titleReports(document, options.template, matching.found),
      ...matching.duplicates,
      ...unmatchedReports(matching.unmatched, nearMisses, outline, options.allowExtra, source),
      ...placement.reports,
      ...(options.allowEmpty ? [] : emptyReports(tree, matching.matched)),
      ...order.reports,
      ...missingReports(tree, outline, matching.found, nearMisses, order.misplaced)
    ]
  },
  templateSummary(template) {
    const count = flatten(template.sections).length
    return `${count} sections of the template, in order, at their rank, not empty`
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof requiredHeadings.options>

export default remarkRule(requiredHeadings)

/** The template's headings as the rule matches them: computed once per template. */
const outlineOf = perObject((headings: readonly TemplateHeading[]): Outline => {
  const entries = flatten(headings)
  // A name the template repeats (`### [Date and time]` per event) is its first heading's: documents fill them in in order.
  const byName = new Map<string, Entry>()
  for (const entry of entries) if (!byName.has(entry.heading.normalized)) byName.set(entry.heading.normalized, entry)
  const bareNames = entries.map((entry) => bareHeadingKey(entry.heading.normalized))
  const byBareName = new Map<string, Entry>()
  for (const [index, entry] of entries.entries()) {
    const bare = bareNames[index] ?? ''
    if (bare !== '' && bareNames.indexOf(bare) === bareNames.lastIndexOf(bare)) byBareName.set(bare, entry)
  }

  return {
    entries,
    byName,
    byBareName,
    patterned: entries.filter((entry) => hasHeadingPlaceholder(entry.heading.normalized)),
    deepest: Math.max(1, ...entries.map((entry) => entry.heading.depth))
  }
})

/**
 * Each section below the title to its template heading; a second section of
 * one heading is a duplicate. A rank 1 heading past the titles the template
 * has that names a template section (`# Stats` for `## Stats`) is that
 * section at the wrong rank, not another title.
 */
function matchSections(document: PostmortemDocument, outline: Outline, template: TemplateModel): Matching {
  const matching: Matching = {found: new Map(), matched: [], unmatched: [], duplicates: []}
  const titles = new Set(titlesOf(document, template).allowed)
  const written = new Set(document.sections.map((section) => section.normalized))
  // A heading with a note in parentheses the template's leaves out, or the reverse (`Timeline (all times UTC)` for
  // `Timeline`), names that section, where no heading of the document names it as the template writes it.
  const bareNamed = (section: Section): Entry | undefined => {
    const entry = outline.byBareName.get(bareHeadingKey(section.normalized))
    return entry && !written.has(entry.heading.normalized) ? entry : undefined
  }

  for (const section of document.sections) {
    if (titles.has(section)) continue
    const named = outline.byName.get(section.normalized) ?? bareNamed(section)
    if (section.depth === 1 && (!named || named.heading.depth === 1)) continue
    const entry = named ?? outline.patterned.find((item) => matchesInPlace(item.heading, section, matching.found, outline)) ?? answeredLabel(section, outline)
    const first = entry && matching.found.get(entry)

    if (!entry) {
      matching.unmatched.push(section)
    } else if (first && outline.patterned.includes(entry)) {
      // A heading with a placeholder stands for as many as are filled in (`### YYYY-MM-DD`, one per day).
      continue
    } else if (first) {
      matching.duplicates.push({
        reason: `Unexpected duplicate section ${quote(section.text)}, expected it once (first on line ${line(first)})`,
        place: section.heading.position,
        actual: section.text
      })
    } else {
      matching.found.set(entry, section)
      matching.matched.push({section, entry})
    }
  }

  return matching
}

/**
 * Whether a template heading is another example of the sibling before it
 * (`### 1900-01-02` after `### 1900-01-01`: each a day): the first stands
 * for every day, so this one may be missing.
 */
function repeatsSibling(heading: TemplateHeading): boolean {
  const siblings = heading.parent?.children ?? []
  const index = siblings.indexOf(heading)
  const previous = index > 0 ? siblings[index - 1] : undefined
  return previous !== undefined && sameHeadingPattern(previous.normalized, heading.normalized)
}

/**
 * The template's label heading (`## Date:`) that a heading answers in
 * place (`## Date: 2026-02-03`): the section's text is the label, a colon
 * and a value, and the template writes that label with its colon.
 */
function answeredLabel(section: Section, outline: Outline): Entry | undefined {
  const label = answeredLabelText.exec(section.text)?.[1]
  const entry = label === undefined ? undefined : outline.byName.get(normalizeText(label))
  return entry && answersInHeading(section, entry) ? entry : undefined
}

/** Whether `section`'s heading is `entry`'s label heading with its answer (`## Date: 2026-02-03` for `## Date:`): it needs no content. */
function answersInHeading(section: Section, entry: Entry): boolean {
  const label = answeredLabelText.exec(section.text)?.[1]
  return (
    label !== undefined &&
    entry.heading.depth === section.depth &&
    entry.heading.text.trimEnd().endsWith(':') &&
    normalizeText(label) === entry.heading.normalized
  )
}

const answeredLabelText = /^([^:\n]{1,60}):[ \t]*\S/

/**
 * Whether `section` fills in a template heading with a placeholder: at its
 * rank and under its parent, as `### YYYY-MM-DD` stands for each day under
 * `## Timeline` (a placeholder alone matches any text: elsewhere it would
 * take the place of a misnamed section).
 */
function matchesInPlace(heading: TemplateHeading, section: Section, found: ReadonlyMap<Entry, Section>, outline: Outline): boolean {
  if (heading.depth !== section.depth || !headingMatches(heading.normalized, section.normalized)) return false
  const {parent} = heading
  return parent === undefined || parent.depth === 1 || sitsUnder(section, parent, outline, found)
}

/**
 * Whether `section` sits under the template heading `parent`: under a
 * heading that matches it, or under the section `sections` gives for it (the
 * one matched to it by a note in parentheses, or its near miss).
 */
function sitsUnder(section: Section, parent: TemplateHeading, outline: Outline, sections: ReadonlyMap<Entry, Section>): boolean {
  if (section.parent === undefined) return false
  const parentEntry = outline.byName.get(parent.normalized)
  return headingMatches(parent.normalized, section.parent.normalized) || (parentEntry !== undefined && sections.get(parentEntry) === section.parent)
}

/** Unmatched sections that are near misses of a template heading nothing matched. */
function findNearMisses(matching: Matching, outline: Outline): Map<Entry, Section> {
  const nearMisses = new Map<Entry, Section>()
  for (const section of matching.unmatched) {
    const entry = nearMiss(section, outline.entries, matching.found, nearMisses)
    if (entry) nearMisses.set(entry, section)
  }

  return nearMisses
}

function unmatchedReports(
  unmatched: readonly Section[],
  nearMisses: ReadonlyMap<Entry, Section>,
  outline: Outline,
  allowExtra: boolean,
  source: SourceText
): Report[] {
  const intended = new Map([...nearMisses].map(([entry, section]) => [section, entry]))
  const reports: Report[] = []

  for (const section of unmatched) {
    const entry = intended.get(section)
    if (entry) {
      const fix = headingTextFix(section, entry.heading.text, source)
      reports.push({
        reason: `Unexpected section ${quote(withoutHeadingAttributes(section.text))}, expected ${quote(entry.heading.text)}`,
        place: fix?.place ?? section.heading.position,
        actual: fix?.actual ?? section.text,
        ...(fix && {expected: [fix.text]})
      })
    } else if (!allowExtra && section.depth <= outline.deepest) {
      reports.push({
        reason: `Unexpected section ${quote(section.text)}, expected only the template's sections`,
        place: section.heading.position,
        actual: section.text
      })
    }
  }

  return reports
}

function placeSections(
  matched: readonly Match[],
  outline: Outline,
  nearMisses: ReadonlyMap<Entry, Section>,
  source: SourceText,
  sections: readonly Section[]
): Placement {
  const placement: Placement = {reports: [], misplaced: new Set(), siblings: new Map()}
  const sectionOf = new Map(matched.map(({entry, section}) => [entry, section]))
  const isUnder = (section: Section, parent: TemplateHeading) => sitsUnder(section, parent, outline, sectionOf) || sitsUnder(section, parent, outline, nearMisses)

  for (const match of matched) {
    const {section, entry} = match
    const expectedDepth = entry.heading.depth
    const parent = entry.heading.parent

    if (section.depth !== expectedDepth) {
      const marker = atxMarker(section, source)
      const certain = marker && rankChangeKeepsOutline(section, expectedDepth, matched, sections)
      placement.reports.push({
        reason: `Unexpected rank ${section.depth} for section ${quote(section.text)}, expected rank ${expectedDepth} (${'#'.repeat(expectedDepth)} ${entry.heading.text})`,
        place: marker ?? section.heading.position,
        actual: section.text,
        ...(certain && {expected: ['#'.repeat(expectedDepth)]})
      })
    } else if (parent && !isUnder(section, parent)) {
      placement.misplaced.add(section)
      placement.reports.push({
        reason: `Unexpected section ${quote(section.text)} under ${section.parent ? quote(section.parent.text) : 'the title'}, expected it under ${quote(parent.text)}`,
        place: section.heading.position,
        actual: section.text
      })
    } else {
      const group = placement.siblings.get(parent)
      if (group) group.push(match)
      else placement.siblings.set(parent, [match])
    }
  }

  return placement
}

/**
 * Whether giving `section` rank `depth` leaves every section under the
 * parent the template gives it: itself, and each section whose parent the
 * new rank changes (its subsections, or the sections after it). Otherwise the
 * new rank is still reported, but offered as no fix: applying it would
 * misplace other sections.
 */
function rankChangeKeepsOutline(section: Section, depth: number, matched: readonly Match[], sections: readonly Section[]): boolean {
  const entries = new Map(matched.map((match) => [match.section, match.entry]))
  const open: Array<{section: Section; depth: number}> = []
  for (const other of sections) {
    const otherDepth = other === section ? depth : other.depth
    while (open.length > 0 && (open.at(-1)?.depth ?? 0) >= otherDepth) open.pop()
    const parent = open.at(-1)?.section
    open.push({section: other, depth: otherDepth})
    if (other !== section && parent === other.parent) continue
    const wanted = entries.get(other)?.heading.parent
    const underTitle = parent === undefined || parent.depth === 1
    if (entries.has(other) && (wanted === undefined || wanted.depth === 1 ? !underTitle : underTitle || !headingMatches(wanted.normalized, parent.normalized))) {
      return false
    }
  }

  return true
}

function emptyReports(tree: Root, matched: readonly Match[]): Report[] {
  return matched
    .filter(
      ({section, entry}) =>
        !entry.heading.headingOnly && !isFieldsHeading(entry.heading.normalized) && !answersInHeading(section, entry) && isEmpty(tree, section)
    )
    .map(({section}) => ({
      reason: `Unexpected empty section ${quote(section.text)}, expected content before the next heading`,
      place: section.heading.position,
      actual: section.text
    }))
}

/** Sections out of order among their siblings (those outside one longest run in template order). */
function orderReports(placement: Placement, outline: Outline): {reports: Report[]; misplaced: Set<Section>} {
  const misplaced = new Set(placement.misplaced)
  const reports: Report[] = []

  for (const group of placement.siblings.values()) {
    const inOrder = longestIncreasing(group.map(({entry}) => entry.order))
    group.forEach(({section, entry}, index) => {
      if (inOrder.has(index)) return
      misplaced.add(section)
      reports.push({
        reason: `Unexpected position of section ${quote(section.text)}, expected it ${where(entry, outline.entries)}`,
        place: section.heading.position,
        actual: section.text
      })
    })
  }

  return {reports, misplaced}
}

/** Template headings with no section, reported before the next section that is in place. */
function missingReports(
  tree: Root,
  outline: Outline,
  found: ReadonlyMap<Entry, Section>,
  nearMisses: ReadonlyMap<Entry, Section>,
  misplaced: ReadonlySet<Section>
): Report[] {
  const present = (entry: Entry) => found.has(entry) || nearMisses.has(entry)
  // `found` is in document order.
  const inPlace = [...found].filter(([, section]) => !misplaced.has(section))
  const reports: Report[] = []

  for (const entry of outline.entries) {
    if (present(entry) || repeatsSibling(entry.heading) || entry.heading.optional) continue
    const parent = entry.heading.parent
    const parentEntry = parent && outline.byName.get(parent.normalized)
    if (parentEntry && !present(parentEntry)) continue
    const labels = fieldsHeadingLabels(entry.heading.text)
    const written = writtenLabels(tree)
    const unwritten = labels.filter((label) => !written.has(normalizeText(label)))
    if (unwritten.length < labels.length) {
      // The template's labels over `---` (a heading by accident) written as fields, or a heading of some of them: the fields
      // left out, reported where the first of the others is.
      const place = labels.map((label) => written.get(normalizeText(label))).find((position) => position !== undefined)
      reports.push(
        ...unwritten.map((label) => ({
          reason: `Unexpected missing field ${quote(label)}, expected \`${label}: …\` as the template's ${quote(entry.heading.text)} asks`,
          place
        }))
      )
      continue
    }

    const next = inPlace.find(([item]) => item.order > entry.order)?.[1]
    const block = headingBlock(entry.heading)
    const start = next?.heading.position?.start
    const end = tree.position?.end
    // Inserted above a deeper heading, the section would take the sections that follow as its own: reported, not offered.
    const insertion = next
      ? start && next.depth <= entry.heading.depth
        ? {place: lineStart(start), text: block + '\n\n'}
        : undefined
      : end && {place: end, text: (end.column === 1 ? '\n' : '\n\n') + block + '\n'}
    reports.push({
      reason: `Unexpected missing section ${quote(entry.heading.text)}, expected it ${where(entry, outline.entries)}`,
      place: insertion?.place ?? (start && lineStart(start)),
      ...(insertion && {expected: [insertion.text]})
    })
  }

  return reports
}

/**
 * The labels the document writes as fields: in paragraphs, lists and
 * label/value tables, and on the lines of its headings (`Date: 2020-03-25`
 * over `---`, as a template's labels were).
 */
const writtenLabels = perObject((tree: Root): ReadonlyMap<string, Position | undefined> => {
  const labels = new Map<string, Position | undefined>()
  for (const field of readGroupFields(tree.children)) if (!labels.has(field.normalized)) labels.set(field.normalized, field.place)
  for (const section of postmortemDocument(tree).sections) {
    // The heading's own lines: its text joins them.
    const written = section.heading.children.map((child) => (child.type === 'text' ? child.value : child.type === 'break' ? '\n' : ' ')).join('')
    for (const line of written.split('\n')) {
      const label = /^\s*([^:\n]{1,40}):/.exec(line)?.[1]
      if (label !== undefined && !labels.has(normalizeText(label))) labels.set(normalizeText(label), section.heading.position)
    }
  }

  return labels
})

/** The document's rank 1 headings: the first (as many as the template has, where it has more), and the others. */
function titlesOf(document: PostmortemDocument, template: TemplateModel): {allowed: Section[]; others: Section[]} {
  const titles = document.sections.filter((section) => section.depth === 1)
  const count = Math.max(1, template.titles)
  return {allowed: titles.slice(0, count), others: titles.slice(count)}
}

/** One title where the template has one (as many as it has, where it has more); a rank 1 section is reported for its rank instead. */
function titleReports(document: PostmortemDocument, template: TemplateModel, found: ReadonlyMap<Entry, Section>): Report[] {
  const {allowed, others} = titlesOf(document, template)
  const first = allowed[0]
  const sections = new Set(found.values())
  const extra = others.filter((title) => !sections.has(title))

  if (!first) {
    // A site generator shows front matter's `title` as the page's heading (markdownlint's MD041 counts it too).
    if (!template.title || hasFrontMatterTitle(document.tree)) return []
    return [
      {
        reason: 'Unexpected missing title, expected one rank 1 heading (`# …`) at the start',
        place: documentAnchor(document)?.start
      }
    ]
  }

  return extra.map((title) => ({
    reason:
      template.titles > 1
        ? `Unexpected title ${quote(title.text)}, expected at most ${template.titles} rank 1 headings, as the template has (first on line ${line(first)})`
        : `Unexpected second title ${quote(title.text)}, expected one rank 1 heading (first on line ${line(first)})`,
    place: title.heading.position,
    actual: title.text
  }))
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
    if (found.has(entry) || taken.has(entry) || hasHeadingPlaceholder(entry.heading.normalized)) continue
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
    const comment = node?.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())
    // The template's bullets with nothing after them (`-`) are a list to fill in, nothing yet.
    const bullets = node?.type === 'list' && node.children.every((item) => item.children.length === 0)
    if (node && !comment && !bullets) return false
  }

  return true
}

/** The heading and the template headings under it, as Markdown, separated by blank lines. */
function headingBlock(heading: TemplateHeading): string {
  return [`${'#'.repeat(heading.depth)} ${heading.text}`, ...heading.children.map(headingBlock)].join('\n\n')
}

/** How many characters at the start of `text` are emoji (proper or mangled) and spaces. */
function emojiPrefixLength(text: string): number {
  let length = 0
  for (let end = 1; end <= Math.min(text.length, 24); end++) {
    if (normalizeText(text.slice(0, end)) === '') length = end
  }

  return length
}

/**
 * The fix of a near miss: the heading's text after its emoji replaced by the
 * template's text after its emoji, so `##`, emoji and closing `#`s stay.
 */
function headingTextFix(section: Section, expected: string, source: SourceText): {place: Position; actual: string; text: string} | undefined {
  // An anchor before or after the text (`<a id="ll"></a>`) stays too, as do attributes after it (`{#ll}`).
  const children = section.heading.children
  const isText = (child: PhrasingContent) => child.type !== 'html' || !isHtmlTag(child.value.trim())
  const first = children.findIndex(isText)
  const last = children.findLastIndex(isText)
  const content = first === -1 ? undefined : contentPosition({type: 'heading', children: children.slice(first, last + 1)})
  if (!content || content.start.line !== content.end.line) return undefined
  const slice = source.slice(content.start, content.end)
  if (slice === undefined) return undefined
  const written = withoutHeadingAttributes(slice).trimEnd()
  const end = {line: content.end.line, column: content.end.column - (slice.length - written.length)}
  const prefix = emojiPrefixLength(written)
  const text = expected.slice(emojiPrefixLength(expected))
  if (text === '' || prefix === written.length) return undefined
  return {place: {start: {line: content.start.line, column: content.start.column + prefix}, end}, actual: written.slice(prefix), text}
}

/** The `#`s of an ATX heading (`## Title`); setext headings (underlined) have none. */
function atxMarker(section: Section, source: SourceText): Position | undefined {
  const start = section.heading.position?.start
  if (!start) return undefined
  const end = {line: start.line, column: start.column + section.depth}
  const after = source.slice(end, {line: start.line, column: end.column + 1})
  return source.slice(start, end) === '#'.repeat(section.depth) && (after === '' || after === ' ' || after === '\t' || after === undefined)
    ? {start, end}
    : undefined
}

function quote(text: string): string {
  return '`' + text.trim() + '`'
}

function line(section: Section): number {
  return section.heading.position?.start.line ?? 0
}
