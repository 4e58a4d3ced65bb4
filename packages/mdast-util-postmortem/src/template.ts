import type {Code, Paragraph, Parent, Root, RootContent, Text} from 'mdast'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {plainText} from './text.js'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {EXIT, SKIP, visit} from 'unist-util-visit'
import {paragraphText, postmortemDocument, sectionContent, sectionOwnContent, type PostmortemDocument, type Section} from './document.js'
import {checklistItems, readFields, readLabelledLists, readListFields, readParagraphAndListFields, readPlainFields} from './fields.js'
import type {ActionColumn} from './columns.js'
import {hasHeadingPlaceholder, normalizeText} from './normalize.js'
import {frontMatterLabel} from './front-matter.js'
import {headerValue, incidentFacts, sectionFieldValue, type HeaderValue} from './header.js'
import {allMatches, matchesAnywhere} from './matches.js'
import {perObject} from './memo.js'
import {angledPattern, bracketedPattern, curlyPattern, ellipsisValue, isEmptyAnswer, isHtmlTag, isPlaceholderValue, placeholderContent, placeholderTokens, todoMarker} from './placeholders.js'
import {templateRoles} from './roles.js'
import {choicesIn, dateFormatIn, type CalendarDate, exampleLeadIn, exampleLeadWords, showsDateTime, shownVersion, unstatedDateFormat, valueShape, type DateFormat, type DateReading, type ValueShape} from './values.js'

/** A heading of the template and the headings nested under it. */
export interface TemplateHeading {
  text: string
  normalized: string
  depth: number
  children: TemplateHeading[]
  parent: TemplateHeading | undefined
  /**
   * Whether the heading is all the section asks for: the template's section
   * holds nothing, not even a subsection, and its heading a placeholder that
   * the document's heading fills in (`## Warranty triggered: [Y/N]`).
   */
  headingOnly?: true
  /**
   * Whether a document may leave the section out: its heading says so
   * (`### Rollback (if applicable)`, `## Optional: Customer comms`), or the
   * guidance it opens with does (`_Remove this section in actual
   * post-mortem_`, `<!-- Optional: … -->`).
   */
  optional?: true
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
  /** Labels written without bold (`Date: [YYYY-MM-DD]`), in a header that has no bold one. */
  plain?: boolean
  /** Keys of the template's front matter whose value is a placeholder (`incident: INC-XXXX`): asked of documents that have front matter. */
  frontMatter?: boolean
}

/** A section of the template a role lives in: its heading as written and normalised. */
export interface TemplateSection {
  text: string
  normalized: string
}

/**
 * The timeline: a table with a time column, a list whose items start with
 * their time (`- **HH:MM** — event`), or a section called a timeline that
 * holds either.
 */
export type TimelineRole =
  | {
      shape: 'table'
      section: TemplateSection
      /** Header text of the template's time column; the first column when `undefined`. */
      timeColumn: string | undefined
    }
  | {shape: 'list'; section: TemplateSection}

/** The action items: a table with action and owner, due or status columns, or a list. */
export type ActionItemsRole =
  | {
      shape: 'table'
      section: TemplateSection
      /** Header text of each column the template's table has. */
      columns: Partial<Record<ActionColumn, string>>
      /** A section whose template list names tickets of the table: each ticket it names needs a row. */
      prevention: TemplateSection | undefined
      /** The statuses the template's status cell offers (`Open / Done`), when it offers a choice. */
      statuses: string[] | undefined
      /** The statuses its example rows show one by one (`Open`): valid besides the seed's where it offers no choice. */
      statusExamples: string[]
      /** The status each emoji of its example rows stands for (`✅` in `✅ Done`), where it stands for one. */
      statusEmoji: Record<string, string>
      /** Whether its owner cells show `@handles` (`@developer`, `@[name]`); a team's that show names (`[Name]`) ask for names. */
      handles: boolean
      /** Whether its due cells show a month and day without a year (`March 3`): due dates may be written so. */
      yearlessDues: boolean
      /**
       * Whether its ticket cells show ticket keys (`INFRA-476`, `OPS-000`,
       * `<BUG-123>`), or it has none; a team's that show other references
       * (`Bug 5554823`, `n/a`) set no form for tickets.
       */
      ticketKeys: boolean
    }
  | {
      shape: 'list'
      section: TemplateSection
      /** Whether the template's example items name an `@owner`. */
      owners: boolean
      /** Whether they name a due date (`due YYYY-MM-DD`). */
      dues: boolean
      /** Normalised text of the template's example items. */
      items: string[]
    }

/** A labelled duration: in the header or under the timeline. */
export interface DurationField {
  label: string
  normalized: string
  /** The header, the timeline's section, or the section of fields that stands for a header (`## Overview`). */
  where: 'header' | 'timeline' | 'section'
  /** For `section`: that section's heading text. */
  section?: string | undefined
  /** A total (`Duration`, `Total Duration`) agrees with the timeline; any other is at most the total. */
  total: boolean
}

/** The sign-off: the fields of the last section that asks who wrote, reviewed or approved the post-mortem. */
export interface SignOffRole {
  section: TemplateSection
  /** Field labels; for a table, its rows' first cells (`Author`, `Reviewer`). */
  labels: string[]
  /** Label of the completion date, checked against the incident date; for a table, the row whose date it is. */
  completed: string | undefined
  /**
   * A list of fields (`- Reviewed by: <name>`): a field group of its section,
   * whose presence and form `metadata` checks; the sign-off reads its dates.
   */
  list?: boolean
  /** Fields of plain labels (`Reviewed by: <name>`), where the template writes none bold. */
  plain?: boolean
  /** A table of signers (`| Role | Name | Date |`): every column after the first is filled in each row. */
  table?: {
    columns: string[]
    /** The column of dates, each checked against the incident date. */
    date: string | undefined
  }
}

/** `- Label: value` items of a list the template asks to fill in. */
export interface ListFieldGroup {
  /** `undefined` for the header before the first H2. */
  section: TemplateSection | undefined
  labels: string[]
  /**
   * A list of `Label: value` items, a two-column table of labels and values,
   * or the `**Label**: value` lines of a first section that holds a header's
   * fields (`## Overview` in a template with none before it).
   */
  shape: 'list' | 'table' | 'paragraph'
  /** Whether the labels are bold (`- **Date**: …`), as a header's may be. */
  strong: boolean
  /** What the template's values show some labels' values to be (`Review date` → `date` for `YYYY-MM-DD`). */
  shapes: Record<string, ValueShape>
  /** The template's value of each label (`Incident` → `INC-XXXX`). */
  values: Record<string, string>
  /** A numbered list's first number (`1. Service(s) affected:`); `undefined` for any other group. */
  start?: number | undefined
}

/** A template table row that shows what to write: placeholders and sample text. */
export interface TemplateExample {
  section: TemplateSection
  /** Normalised cell texts. */
  cells: string[]
  /** Which cells are placeholders. */
  placeholders: boolean[]
  /** The row as written. */
  text: string
}

/**
 * A section whose content in the template is a list of questions to answer
 * (`- What led to the incident?`), after lead-in paragraphs if any, or a
 * list of two prompts or more and nothing else (`- Affected services`, `-
 * User impact assessment`; no sentence, time or number): plain text items,
 * no tasks, fields, links or placeholders.
 */
export interface TemplatePromptList {
  section: TemplateSection
  /** Normalised item texts. */
  items: string[]
  /** The items as written, joined by `; `. */
  text: string
  /** Normalised texts of the paragraphs before the list (`Start with the following:`). */
  leadIn: string[]
}

/** A field whose template value is a question to answer (`- **Data Loss:** Was there any data loss?`) or a description in parentheses (`- **Impact**: (services/users affected)`), normalised. */
export interface TemplatePromptField {
  label: string
  value: string
}

/** What the template's parts are for, found by their shape. */
export interface TemplateRoles {
  timeline: TimelineRole | undefined
  actionItems: ActionItemsRole | undefined
  durations: DurationField[]
  signOff: SignOffRole | undefined
  listFields: ListFieldGroup[]
  /**
   * A section's bold lists of fields to fill in (`- **Detection Time**: [X
   * minutes]`, `1. **Detection:**`): prose a document may word its own way,
   * so no label is required, but a label kept asks for its value.
   */
  optionalFields: ListFieldGroup[]
}

/** What the rules know of a template. */
export interface TemplateModel {
  /** Path of the template file, if it came from one. */
  path: string | undefined
  /** Whether the template has no content at all. */
  empty: boolean
  /** Line of the fenced Markdown block the template was read from, when the file explains a template it shows in one (`templateText`). */
  fencedAt?: number
  /** Whether it has a title (a rank 1 heading); one whose title is its front matter's has none. */
  title: boolean
  /** How many rank 1 headings it has (an introduction above the example's own title): a document may have as many. */
  titles: number
  /** The H2 sections with their subsections, in order. */
  sections: TemplateHeading[]
  checklists: TemplateChecklist[]
  /** Bracketed and angle placeholders as written (`[YYYY-MM-DD]`, `<service>`). */
  placeholders: string[]
  /** Normalised text of the guidance paragraphs: italic ones, a section's only paragraph, examples marked inline. */
  guidance: string[]
  /** Inline code that is a placeholder in the template (`` `HH:MM` Detection ``): a document's code saying just that is one left. */
  codePlaceholders: string[]
  promptLists: TemplatePromptList[]
  promptFields: TemplatePromptField[]
  fields: TemplateFields[]
  /** Example table rows. */
  examples: TemplateExample[]
  /** Labels of the fields whose template value is a placeholder (for `N/A` answers). */
  placeholderFields: string[]
  /** Whether the template's header writes versions with a `v` (`[e.g., v1.2.4]`). */
  versionPrefix: boolean
  /** The header's fields as the template writes them, label and value (`Incident`, `INC-XXXX`). */
  headerFields: Array<{label: string; value: string}>
  /** The deadline the template sets for the post-mortem, if it sets one. */
  deadline?: TemplateDeadline | undefined
  /** The `TODO`, `TBD` and `FIXME` the template writes in its table cells (`**TODO**` as a status): the team's values, not leftovers. */
  valueMarkers: string[]
  roles: TemplateRoles
}

/** The time a template gives to complete the post-mortem (`require a post-mortem within 48 hours`), and what it cites (`Article XIII`). */
export interface TemplateDeadline {
  hours: number
  /** As the template words it: `within 48 hours`, `within 2 business days`. */
  text: string
  reference: string | undefined
}

/** Parse Markdown the way the preset does: GFM and YAML front matter. */
export function parseMarkdown(value: string): Root {
  return fromMarkdown(value, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])]
  })
}

const compliance = 'compliance'

/** A heading that marks its section optional: `(optional)`, `[if applicable]`, `Optional:` before its name. */
const optionalHeading = /[([][ \t]*(?:optional|if applicable|where applicable|if any|if needed|if relevant|as needed)[ \t]*[)\]]|^\W*optional[ \t]*[:\-–—]/i

/** Guidance that makes its section optional: it starts with `Optional`, or says to remove the section (where it does not apply). */
const optionalGuidance =
  /^\W*(?:optional|if applicable|where applicable)\b|\bthis section is optional\b|\b(?:remove|delete|omit|drop|skip) this section\b|\b(?:remove|delete|omit|drop|skip) (?:it |this )?if (?:not applicable|n\/a|not needed|unused|empty)\b/i

/**
 * A heading of a section about the template itself (`How to use this
 * template`, `Instructions`, `About this template`) or of reference
 * material (`Severity definitions`, `Glossary`, `Legend`): what a post-mortem
 * has no need to repeat. Normalised text.
 */
const referenceHeading =
  /\b(?:this template|the template|template (?:notes|instructions|guide|usage|help))\b|^(?:template )?instructions\b|\bhow to (?:use|fill|write|complete)\b|\b(?:definitions|glossary|legend)$/

/** Whether the template lets a document leave `section` out, by its heading or the guidance it opens with. */
function isOptionalSection(document: PostmortemDocument, section: Section): boolean {
  if (optionalHeading.test(section.text) || referenceHeading.test(section.normalized)) return true
  const first = sectionOwnContent(document, section)[0]
  if (first?.type === 'html') return optionalGuidance.test(first.value.replace(/^<!--|-->$/g, '').trim())
  return (first?.type === 'paragraph' || first?.type === 'blockquote') && optionalGuidance.test(plainText(first))
}

/** Languages of a fenced block that may hold a whole template: Markdown, or none said. */
const markdownLanguages = new Set(['', 'markdown', 'md'])

/** ATX headings of rank 2 and below in a block's text. */
const sectionHeading = /^ {0,3}#{2,6}(?:[ \t]|$)/gm

/**
 * The fenced Markdown block that holds the template, in a page that explains
 * the template and shows it for copying (`Copy this template:` then
 * ```` ```markdown ````): the block with the most sections, when it has at
 * least two and more than the page around it. A section's example in a
 * fence (a few lines, no headings) leaves the page the template.
 */
function fencedTemplate(tree: Root): Code | undefined {
  let sectionsOutside = 0
  let best: {code: Code; sections: number} | undefined
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth > 1) sectionsOutside++
    if (node.type !== 'code' || !markdownLanguages.has((node.lang ?? '').toLowerCase())) return
    const sections = node.value.match(sectionHeading)?.length ?? 0
    if (sections >= 2 && sections > (best?.sections ?? 0)) best = {code: node, sections}
  })
  return best && best.sections > sectionsOutside ? best.code : undefined
}

/** The template's own Markdown: the file's, or the fenced block's a page shows it in (see `fencedTemplate`). */
export function templateText(markdown: string): string {
  return fencedTemplate(parseMarkdown(markdown))?.value ?? markdown
}

/** Build the model of a template from its Markdown. */
export function templateModel(markdown: string, path?: string): TemplateModel {
  const page = parseMarkdown(markdown)
  const fence = fencedTemplate(page)
  const tree = fence ? parseMarkdown(fence.value) : page
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
      parent,
      ...(sectionContent(document, section).length === 0 && hasHeadingPlaceholder(section.normalized) && {headingOnly: true as const}),
      ...(isOptionalSection(document, section) && {optional: true as const})
    }
    headingOf.set(section, heading)
    if (parent) parent.children.push(heading)
    else sections.push(heading)
  }

  const checklists: TemplateChecklist[] = []
  const fields: TemplateFields[] = [headerFieldsOf(document.header)]

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

  const empty = tree.children.length === 0
  const facts = incidentFacts(tree)
  // `v1.2.4`, `[e.g., v1.2.4]`, `vX.Y.Z`: a version the header writes with its `v`.
  const versionPrefix = facts.fields.some((field) => /(?:^|[^\p{L}])v(?:\d+|x)\.(?:\d+|y)/iu.test(field.value))
  const headerFields = facts.fields.map(({label, value}) => ({label, value}))
  const written = new Set(headerFields.map((field) => frontMatterLabel(field.label)))
  // A key is asked for when its value is a placeholder (`INC-XXXX`) or a choice to make (`SEV1 / SEV2 / SEV3`).
  const asked = [...facts.frontMatter.values()].filter(
    (entry) =>
      (isPlaceholderValue(entry.value) || choicesIn(entry.value) !== undefined) && entry.value.trim() !== '' && !written.has(frontMatterLabel(entry.key))
  )
  if (asked.length > 0) {
    fields.push({section: undefined, labels: asked.map((entry) => entry.key), frontMatter: true})
    headerFields.push(...asked.map(({key, value}) => ({label: key, value})))
  }

  const titles = document.sections.filter((section) => section.depth === 1).length
  // A page around a fenced template may state the deadline in its prose.
  const deadline = templateDeadline(tree) ?? (fence && templateDeadline(page))
  const {placeholders, guidance, codePlaceholders} = scaffolding(document)
  return {
    path,
    empty,
    ...(fence?.position && {fencedAt: fence.position.start.line}),
    title: titles > 0,
    titles,
    versionPrefix,
    headerFields,
    ...(deadline && {deadline}),
    valueMarkers: cellMarkers(tree),
    sections,
    checklists,
    fields,
    placeholders,
    guidance,
    codePlaceholders,
    promptLists: promptLists(document, placeholders),
    promptFields: promptFields(tree, placeholders),
    ...templateRoles(document)
  }
}

/** A value that describes what to write, in parentheses (`(services/users affected)`): no team's value is written so. */
const describedValue = /^\((?=[^()]*[\s/])[^()]{3,200}\)$/

/** Fields of paragraphs and lists whose value asks a question or describes the value, without a placeholder in it. */
function promptFields(tree: Root, placeholders: readonly string[]): TemplatePromptField[] {
  return readParagraphAndListFields(tree.children)
    .filter(
      (field) =>
        // A choice to make in parentheses (`(S1/S2/S3)`) is metadata's to check.
        (field.value.includes('?') || (describedValue.test(field.value) && choicesIn(field.value) === undefined)) &&
        !isPlaceholderValue(field.value) &&
        !placeholders.some((placeholder) => field.value.includes(placeholder))
    )
    .map((field) => ({label: field.normalized, value: normalizeText(field.value)}))
}

function promptLists(document: PostmortemDocument, placeholders: readonly string[]): TemplatePromptList[] {
  const lists: TemplatePromptList[] = []
  for (const section of document.sections) {
    const content = sectionOwnContent(document, section)
    const list = content.at(-1)
    const leadIn = content.slice(0, -1)
    if (section.depth < 2 || list?.type !== 'list' || !leadIn.every((node) => node.type === 'paragraph') || readListFields(list).length > 0) continue
    // Prompts that are no questions (`- User impact assessment`) only as all a section holds: after a lead-in, a statement may be an example's own text.
    const prompts = leadIn.length === 0 && list.children.length >= 2
    const texts: string[] = []
    for (const item of list.children) {
      const [paragraph, ...more] = item.children
      // Plain text: a link (`- [Blameless RCA Guideline](…)`) or code is a reference every document keeps.
      const plain = paragraph?.type === 'paragraph' && more.length === 0 && typeof item.checked !== 'boolean' && paragraph.children.every((child) => child.type === 'text')
      const text = plain ? plainText(paragraph).trim() : ''
      // A default answer (`- None`) is the document's to keep; so is data (a sentence, a time, a number): a template that is a filled-in example has lists of it.
      const prompt = text !== '' && (text.includes('?') || (prompts && !/[.!]$|\d/.test(text)))
      if (!prompt || isEmptyAnswer(text) || placeholders.some((placeholder) => text.includes(placeholder))) break
      texts.push(text)
    }

    if (texts.length === list.children.length) {
      lists.push({
        section: {text: section.text.trim(), normalized: section.normalized},
        items: texts.map((text) => normalizeText(text)),
        text: texts.join('; '),
        leadIn: leadIn.map((paragraph) => normalizeText(plainText(paragraph)))
      })
    }
  }

  return lists
}

/** The marker words (`TODO`, `TBD`, `FIXME`) written in a template's table cells, once each. */
function cellMarkers(tree: Root): string[] {
  const markers = new Set<string>()
  visit(tree, 'tableCell', (cell) => {
    for (const match of allMatches(todoMarker, plainText(cell))) markers.add(match[0])
    return SKIP
  })
  return [...markers]
}

/**
 * `within 48 hours`, `within 5 business days`, and as German, French and
 * Spanish templates say it (`innerhalb von 48 Stunden`, `sous 2 jours
 * ouvrés`, `en un plazo de 48 horas`): bounded runs, linear.
 */
const deadlinePattern =
  /(?<![\p{L}])(?:within|innerhalb(?:\s{1,4}von)?|binnen|dans\s{1,4}les|sous|dentro\s{1,4}de|en\s{1,4}un\s{1,4}plazo\s{1,4}de)\s{1,4}(\d{1,4})\s{0,4}(business days?|working days?|days?|hours?|hrs?|h|werktagen|arbeitstagen|tagen|stunden|std\.?|jours\s{1,4}ouvr(?:és|ables)|jours|heures|días\s{1,4}(?:hábiles|laborables)|días|dias|horas)(?![\p{L}])/iu
/** What a deadline must be about to be the post-mortem's (not an action item's `within 30 days`). */
const aboutPostmortem = /post-?mortem|retro|review|report|sign|nachbetrachtung|bericht|freigabe|rapport|revue|informe|revisión/i
/** Units of business days, in each language the deadline is read in. */
const businessDays = /business|working|werk|arbeit|ouvr|hábiles|laborables/
/** What a deadline cites: `Article XIII`, `Section 4.2`, `Policy 12`, `Artikel 5`, `§ 4`. */
const deadlineReference = /(?:\b(?:[Aa]rticle|[Ss]ection|[Pp]olicy|[Aa]rtikel|[Aa]bschnitt|[Aa]rtículo)|§)\s{0,4}(?:\d[\w.-]{0,20}|[IVXLC]{1,8}\b)/

/**
 * The deadline the first paragraph that sets one for the post-mortem states
 * (the seed's `All production rollback incidents require a post-mortem
 * within 48 hours`), in hours: business days count with their weekends.
 */
function templateDeadline(tree: Root): TemplateDeadline | undefined {
  let deadline: TemplateDeadline | undefined
  visit(tree, 'paragraph', (node) => {
    const text = plainText(node)
    const match = deadlinePattern.exec(text)
    if (!match || !aboutPostmortem.test(text)) return undefined
    const count = Number(match[1])
    const unit = (match[2] ?? '').toLowerCase()
    const days = businessDays.test(unit) ? count + 2 * Math.ceil(count / 5) : count
    const hours = /^(?:h|std|stunden)/.test(unit) ? count : days * 24
    deadline = {hours, text: match[0], reference: deadlineReference.exec(text)?.[0]}
    return EXIT
  })
  return deadline
}

/**
 * The template's header fields: its `**Label**:` lines; in a header without
 * any, its plain `Label: value` lines whose value is a placeholder
 * (`Date: [YYYY-MM-DD]`, not a note such as `Owner: the on-call lead`).
 */
function headerFieldsOf(header: readonly RootContent[]): TemplateFields {
  const bold = readFields(header)
  if (bold.length > 0) return {section: undefined, labels: bold.map((field) => field.label)}
  const plain = readPlainFields(header).filter((field) => isPlaceholderValue(field.value))
  return {section: undefined, labels: plain.map((field) => field.label), ...(plain.length > 0 && {plain: true})}
}

function items(list: Parameters<typeof checklistItems>[0]): TemplateItem[] {
  return checklistItems(list).map(({text, normalized}) => ({text, normalized}))
}

/**
 * The paragraphs after the template's last thematic break (`---`), when
 * nothing but paragraphs follow it: a footer every document keeps (`*This
 * document is part of our blameless culture.*`), not guidance to replace
 * (its placeholders are still placeholders).
 */
function footerOf(tree: Root): ReadonlySet<RootContent> {
  const breakIndex = tree.children.findLastIndex((node) => node.type === 'thematicBreak')
  const after = breakIndex === -1 ? [] : tree.children.slice(breakIndex + 1)
  return new Set(after.length > 0 && after.every((node) => node.type === 'paragraph') ? after : [])
}

/**
 * The paragraphs a template writes in plain text for the writer to replace:
 * the whole content of a section without subsections (`## What happened`
 * then `Short narrative of the incident.`), not a field, not a placeholder
 * (reported as one), and text with links at most (an image, or links
 * alone, is something to keep). A paragraph above subsections introduces
 * them (`All times UTC, grouped by day.`): documents keep it.
 */
function sectionPrompts(document: PostmortemDocument): ReadonlySet<RootContent> {
  const prompts = new Set<RootContent>()
  for (const section of document.sections) {
    const [paragraph, ...more] = sectionContent(document, section)
    if (section.depth < 2 || paragraph?.type !== 'paragraph' || more.length > 0) continue
    const plain = paragraph.children.every((child) => child.type === 'text' || child.type === 'strong' || child.type === 'emphasis' || child.type === 'inlineCode' || child.type === 'link')
    // With links, words of its own besides them: a paragraph of links (`See [the runbook](…).`) is a reference to keep.
    const links = paragraph.children.some((child) => child.type === 'link')
    const words = paragraph.children.filter((child) => child.type !== 'link').map((child) => plainText(child)).join(' ').match(/[\p{L}\p{N}]+/gu) ?? []
    const text = plainText(paragraph)
    const placeholder = isPlaceholderValue(text) || [angledPattern, curlyPattern].some((pattern) => matchesAnywhere(pattern, text))
    if (plain && (!links || words.length >= 3) && !placeholder && !statement.test(text) && readFields([paragraph]).length === 0 && readPlainFields([paragraph]).length === 0) prompts.add(paragraph)
  }

  return prompts
}

/**
 * A statement of the team's that documents keep (`We focus on systems, not
 * people.`, `This post-mortem is blameless.`, `Wir suchen keine Schuldigen.`),
 * not a prompt: it speaks as the team or of the document.
 */
const statement =
  /^\W*(?:we|our|wir|unser\w*|nous|notre|nos|nosotros|nuestr\w*|nós|noss\w*|(?:this|dieses?|ce|cet|este|esta) (?:document|dokument|post-?mortem|report|bericht|rapport|relatório|informe|page|review))(?![\p{L}\p{N}])/iu

/**
 * The paragraphs that are all a section holds before its subsections,
 * italic or not (`## Timeline`, `*(All times US/Pacific, 24-hour clock.)*`,
 * then a `###` a day): they introduce what follows, and documents keep them.
 */
function introductionsOf(document: PostmortemDocument): ReadonlySet<RootContent> {
  const introductions = new Set<RootContent>()
  for (const section of document.sections) {
    const own = sectionOwnContent(document, section)
    if (section.depth < 2 || own.length === sectionContent(document, section).length || !own.every((node) => node.type === 'paragraph')) continue
    for (const paragraph of own) introductions.add(paragraph)
  }

  return introductions
}

/** An example the template gives in a line of its own, marked as one (`- Example: fast rollback, good comms cadence`); normalised. */
const markedExample = new RegExp(`^(?:example|exemplo|ejemplo|exemple|beispiel|esempio|${exampleLeadWords})(?: \\([^)]{0,200}\\))?(?:[:,：] ?| )\\S`, 'u')

/** A text that is a placeholder and nothing else: one token (`HH:MM`, `YYYY-MM-DD`) or one bracketed, angle or curly placeholder. */
function isPlaceholderText(text: string): boolean {
  const [token, ...more] = placeholderTokens(text)
  return (token !== undefined && more.length === 0 && token.text === text) || placeholderContent(text) !== undefined
}

/** A field's or a cell's value in code that holds a placeholder token (`**Incident ID**:` then `` `INCIDENT-YYYY-MM-DD-HHMM` ``): the form to fill in. */
function isCodeValueForm(text: string, parent: Parent | undefined): boolean {
  const inValue = parent?.type === 'tableCell' || (parent?.type === 'paragraph' && readFields([parent as Paragraph]).length > 0)
  return inValue && placeholderTokens(text).length > 0
}

function scaffolding(document: PostmortemDocument): Pick<TemplateModel, 'placeholders' | 'guidance' | 'codePlaceholders'> {
  const {tree} = document
  const placeholders = new Set<string>()
  const guidance = new Set<string>()
  const codePlaceholders = new Set<string>()
  const footer = footerOf(tree)
  const prompts = sectionPrompts(document)
  const introductions = introductionsOf(document)

  visit(tree, function (node, _, parent) {
    if (node.type === 'inlineCode' && (isPlaceholderText(node.value.trim()) || isCodeValueForm(node.value.trim(), parent))) codePlaceholders.add(node.value.trim())
    if (node.type === 'code' || node.type === 'inlineCode') return SKIP
    if (node.type === 'html') {
      // Trimmed, as documents' are read: a template line may keep trailing spaces after its `<Root cause.>`.
      const value = node.value.trim()
      if (/^<[A-Za-z@][^<>\n]{0,79}>$/.test(value) && !isHtmlTag(value)) placeholders.add(value)
      return SKIP
    }

    if (node.type === 'paragraph' && !footer.has(node) && !introductions.has(node)) {
      const content = node.children.filter((child) => child.type !== 'break' && !(child.type === 'text' && child.value.trim() === ''))
      // Lines of italic guidance (`*Who was affected?*` then `*For how long?*`): the whole, and each line left alone.
      if (content.length > 0 && content.every((child) => child.type === 'emphasis')) {
        guidance.add(normalizeText(paragraphText(node)))
        if (content.length > 1) for (const line of content) guidance.add(normalizeText(plainText(line)))
      } else if (prompts.has(node)) {
        guidance.add(normalizeText(paragraphText(node)))
      } else {
        const text = normalizeText(paragraphText(node))
        if (markedExample.test(text) && !exampleLeadIn.test(text)) guidance.add(text)
      }
    }

    if (node.type === 'text') {
      const ellipsis = ellipsisValue((node as Text).value)
      if (ellipsis) placeholders.add(ellipsis.text)
      for (const match of (node as Text).value.matchAll(bracketedPattern)) placeholders.add(match[0])
      for (const match of (node as Text).value.matchAll(angledPattern)) placeholders.add(match[0])
      for (const match of (node as Text).value.matchAll(curlyPattern)) placeholders.add(match[0])
    }

    return undefined
  })

  return {placeholders: [...placeholders], guidance: [...guidance], codePlaceholders: [...codePlaceholders]}
}

/** The labels of the template's header: `**Label**:` fields and `- Label: value` lists before the first H2. */
export const templateHeaderLabels: (template: TemplateModel) => readonly string[] = perObject((template: TemplateModel) =>
  [...template.fields, ...template.roles.listFields].filter((group) => group.section === undefined).flatMap((group) => group.labels)
)

/** The template's value of each header field, by label (`Incident` → `INC-XXXX`). */
const templateHeaderValues: (template: TemplateModel) => ReadonlyMap<string, string> = perObject(
  (template: TemplateModel) => new Map(template.headerFields.map((field) => [field.label, field.value]))
)

/** What the template's header values show its fields' values to be (`Failed version: vX.Y.Z` → `version`), by label. */
export const templateHeaderShapes: (template: TemplateModel) => ReadonlyMap<string, ValueShape> = perObject(
  (template: TemplateModel) =>
    new Map(template.headerFields.flatMap(({label, value}) => {
      const shape = valueShape(value)
      return shape ? [[label, shape] as const] : []
    }))
)

/** The header fields whose template value is a choice to make (`SEV1 / SEV2 / SEV3`), with its choices. */
export const templateHeaderChoices: (template: TemplateModel) => ReadonlyMap<string, readonly string[]> = perObject(
  (template: TemplateModel) => fieldChoices(template.headerFields)
)

/** The fields of a section's group whose template value is a choice (`**Severity:** [SEV1 / SEV2]` in `## Overview`). */
export const groupChoices: (group: ListFieldGroup) => ReadonlyMap<string, readonly string[]> = perObject((group: ListFieldGroup) =>
  fieldChoices(Object.entries(group.values).map(([label, value]) => ({label, value})))
)

function fieldChoices(fields: ReadonlyArray<{label: string; value: string}>): ReadonlyMap<string, readonly string[]> {
  return new Map(
    fields.flatMap(({label, value}) => {
      const choices = valueShape(value) === undefined ? choicesIn(value) : undefined
      return choices ? [[label, choices] as const] : []
    })
  )
}

/**
 * Words of a version field that holds the release rolled back to (`Rolled
 * Back To`, `Restored release`, `Last good version`; Spanish and Portuguese
 * `Revertido a`, `Versión anterior`, French `Version restaurée`, German
 * `Zurückgesetzt auf`, `Vorherige Version`).
 */
const restoredVersionLabel =
  /\b(?:roll(?:ed)?[ -]?back|restored?|revert(?:ed)?|previous|prior|last (?:known )?good|known good|stable|fallback|revertid[oa]|restaurad[oa]|restaur[ée]e?|r[ée]tablie?|anterior|pr[ée]c[ée]dente?|zur[uü]ck\w*|vorherige?)\b/

/**
 * The failed version and the one rolled back to, by their labels: the
 * template's two version fields (`vX.Y.Z`) in its header, else in a section
 * of fields or a section's bold list of them, one of which names the release
 * restored (`Bad release` and `Restored release`), else the seed's `Failed
 * Version` and `Rolled Back To`.
 */
export const templateVersionPair: (template: TemplateModel) => {failed: string; restored: string} | undefined = perObject(
  (template: TemplateModel) => {
    const labels = templateHeaderLabels(template)
    // The header's version fields, else a section's of fields (`## Overview`).
    const headerValues = templateHeaderValues(template)
    const candidates = [
      {labels: labels.filter((label) => templateHeaderShapes(template).get(label) === 'version'), value: (label: string) => headerValues.get(label)},
      ...[...template.roles.listFields, ...template.roles.optionalFields]
        .filter((group) => group.section)
        .map((group) => ({labels: group.labels.filter((label) => group.shapes[label] === 'version'), value: (label: string) => group.values[label]}))
    ]
    for (const {labels: versions, value} of candidates) {
      if (versions.length !== 2) continue
      const restored = versions.filter((label) => restoredVersionLabel.test(normalizeText(label)))
      const failed = versions.filter((label) => !restored.includes(label))
      if (restored.length === 1 && failed[0] && restored[0]) return {failed: failed[0], restored: restored[0]}
      // Labels in words we do not know (`Zurückgerollt auf`): the template's examples show which is lower (`[z. B. v2.4.0]`).
      const [first = '', second = ''] = versions
      const [one, other] = [first, second].map((label) => shownVersion(value(label) ?? ''))
      if (one && other && one.compare(other) !== 0) return one.compare(other) > 0 ? {failed: first, restored: second} : {failed: second, restored: first}
    }

    const seed = ['Failed Version', 'Rolled Back To'].map((name) => labels.find((label) => normalizeText(label) === normalizeText(name)))
    return seed[0] && seed[1] ? {failed: seed[0], restored: seed[1]} : undefined
  }
)

/**
 * The header label that names the incident, read from its words as a team
 * writes it (`Incident ID`, `Incident`, `Incident #`, `Incident Number`,
 * German `Vorfall-Nr.`, Spanish `Incidente`, Chinese `事件编号`, Japanese
 * `障害番号`, Korean `장애 번호`…), or a bare `ID` whose template
 * value is an incident's form (`ID: INC-XXXX`):
 * `Incident Commander` or `Incident Date` is another field.
 */
export function templateIncidentLabel(template: TemplateModel): string | undefined {
  const values = templateHeaderValues(template)
  return templateHeaderLabels(template).find((label) => isIncidentLabel(label, values.get(label) ?? ''))
}

function isIncidentLabel(label: string, value: string): boolean {
  const normalized = normalizeText(label)
  return incidentLabel.test(normalized) || (/^(?:id|ref|#)$/.test(normalized) && value.split(/\s+/).some(isIncidentShape))
}

const incidentLabel =
  /^(?:incident|incidente|vorfall|störung)(?:[ -]?(?:id|#|no\.?|nr\.?|number|nummer|key|ref|reference))?$|^(?:事件|事故|故障|障害|インシデント)(?:编号|編號|id|番号|no\.?)?$|^(?:장애|인시던트) ?(?:번호|id)?$/

/**
 * How the template writes its incident's identifier: an issue reference
 * (`#123` or an issue URL) where its placeholder names an issue
 * (`[GitHub Issue #]`, `[#issue]`), or the template's own shape where it
 * writes one (`INC-XXXX`, `PD-0000`): its word that has letters or digits
 * of its own and a run of `X`, `N`, `#` or digits, which stands for any
 * letters and digits. `undefined` when the template says neither.
 */
export type IncidentFormat =
  | {kind: 'issue'}
  | {
      kind: 'shape'
      /** The template's word (`INC-XXXX`). */
      example: string
      /** Matches a value with a word of that shape in it (`INC-2041`, `INC-2041 (SEV2)`, a URL ending in `/INC-2041`). */
      pattern: RegExp
      /** The ID of incident `number` in this form (`INC-2041` for `2041`), on `date` where the form has a date (`INC-20260409-2041`). */
      withNumber: (number: string, date: CalendarDate) => string
    }

/** Computed once per template: every file's check asks. */
export const templateIncidentFormat: (template: TemplateModel) => IncidentFormat | undefined = perObject(incidentFormatOf)

/** The field that names the incident: its label, its template value, and its section where it is not in the header. */
export interface IncidentField {
  label: string
  value: string
  section: string | undefined
}

/**
 * The field that names the incident and its template value: the header's
 * (`Incident ID`), else a section's of fields (`| Incident | INC-XXXX |` in
 * `## Incident details`), with that section.
 */

export function templateIncidentField(template: TemplateModel): IncidentField | undefined {
  const label = templateIncidentLabel(template)
  if (label !== undefined) return {label, value: template.headerFields.find((field) => field.label === label)?.value ?? '', section: undefined}
  for (const group of template.roles.listFields) {
    const found = group.labels.find((item) => isIncidentLabel(item, group.values[item] ?? ''))
    if (group.section && found) return {label: found, value: group.values[found] ?? '', section: group.section.text}
  }

  return undefined
}

/** The incident as `tree` gives it: in its header (and front matter), or in the section of fields `field` names. */
export function incidentValue(tree: Root, field: IncidentField): HeaderValue | undefined {
  return field.section === undefined ? headerValue(incidentFacts(tree), field.label) : sectionFieldValue(tree, field.section, field.label)
}

/** The example a placeholder shows after its lead-in (`<JIRA key, e.g. HOT-1234>`). */
const exampleShown = new RegExp(`\\b(?:${exampleLeadWords})[,:]?\\s+(\\S+)`, 'i')

function incidentFormatOf(template: TemplateModel): IncidentFormat | undefined {
  const field = templateIncidentField(template)
  if (field === undefined) return undefined
  const value = field.value.trim()
  // A placeholder's example (`<JIRA key, e.g. HOT-1234>`) shows the form as well as a value does.
  const content = placeholderContent(value)?.trim()
  // A bracketed form (`[INC-XXXX]`) shows it as well.
  const whole = content !== undefined && /^\S+$/.test(content) ? content : undefined
  const shown = exampleShown.exec(value)?.[1]?.replace(/[\])>}.,;]+$/, '') ?? whole
  if ((value === '' || content !== undefined) && !(shown && isIncidentShape(shown))) {
    return /\bissue\b|#/i.test(value) ? {kind: 'issue'} : undefined
  }

  const example = shown && isIncidentShape(shown) ? shown : value.split(/\s+/).find(isIncidentShape)
  if (example === undefined) return undefined
  const pattern = example
    .split(incidentFill)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('[\\p{L}\\p{N}]+')
  return {
    kind: 'shape',
    example,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu'),
    // The placeholder's run where there is one (`2024-INC-XXXX`), else the first digits; then the date's (`INC-YYYYMMDD-XXXX`).
    withNumber: (number, date) =>
      example
        .replace(incidentPlaceholderRun.test(example) ? incidentPlaceholderRun : /\d+/, number)
        .replace(new RegExp(incidentDateRun.source, 'g'), (run) => writeDateRun(run, date))
  }
}

/** A word with a run standing for the number and a letter or digit of its own (`INC-`): a lone `XXXX` says nothing of the form. */
function isIncidentShape(word: string): boolean {
  const parts = word.split(incidentFill)
  return parts.length > 1 && parts.some((part) => /[\p{L}\p{N}]/u.test(part))
}

/**
 * How the team writes dates: the first date format its template shows, in
 * its header's values, then its placeholders and example rows (`[DD/MM/YYYY]`);
 * when it shows none, `YYYY-MM-DD` or a date with its month by name.
 */
export const templateDateFormat: (template: TemplateModel) => DateFormat = perObject((template: TemplateModel) => {
  const texts = [
    ...template.headerFields.map((field) => field.value),
    ...template.placeholders,
    ...template.examples.flatMap((example) => example.cells)
  ]
  for (const text of texts) {
    const format = dateFormatIn(text)
    if (format) return format
  }

  return unstatedDateFormat
})

/**
 * How the team's dates are read: its format, and the header field of the
 * incident's date: `Date`, else the header's field whose template value is
 * a date, one naming the incident first (`Date of incident`).
 */
export const templateDateReading: (template: TemplateModel) => DateReading = perObject((template: TemplateModel) => {
  const format = templateDateFormat(template)
  const headerValues = templateHeaderValues(template)
  const header = incidentDateLabel(templateHeaderLabels(template), (label) => headerValues.get(label))
  if (header) return {format, incidentLabel: header}
  // A template whose fields are in a section of their own (`## Incident details`) has the date there.
  for (const group of template.roles.listFields) {
    const label = group.section && incidentDateLabel(group.labels, (item) => group.values[item])
    if (label) return {format, incidentLabel: label, incidentSection: group.section?.text}
  }

  return {format, incidentLabel: 'Date'}
})

/**
 * `Date`, else the date-shaped label naming the incident, else the first
 * date-shaped one; else, as for dates, one whose value is a date with a
 * time (`Detected: YYYY-MM-DD HH:MM UTC`); else, where no value shows a
 * date, the first label that starts with its word (`Date / Time (UTC):` left empty).
 */
function incidentDateLabel(labels: readonly string[], valueOf: (label: string) => string | undefined): string | undefined {
  const named = labels.find((label) => normalizeText(label) === 'date')
  if (named !== undefined) return named
  for (const shows of [(value: string) => valueShape(value) === 'date', showsDateTime]) {
    const dated = labels.filter((label) => shows(valueOf(label) ?? ''))
    const found = dated.find((label) => /\bincident\b/.test(normalizeText(label))) ?? dated[0]
    if (found !== undefined) return found
  }

  return labels.find((label) => /^(?:date|datum|fecha)\b/.test(normalizeText(label)))
}

/**
 * What stands for the number in an incident ID as a template writes it: a
 * run of `X`, `N`, `#` or digits, a placeholder (`INC-{number}`,
 * `INC-[NNN]`), or the time of day (`INCIDENT-YYYY-MM-DD-HHMM`).
 */
const incidentPlaceholderRun = /[Xx]{2,}|N{2,}|#{2,}|\{[^{}\s]{1,40}\}|\[[^[\]\s]{1,40}\]|<[^<>\s]{1,40}>|[Hh]{2}[Mm]{2}/
/** A date in an ID's form (`INC-YYYYMMDD-XXXX`, `PM-YYYY-NNN`): filled in with digits like the number. */
const incidentDateRun = /[Yy]{2,4}(?:[-_.]?[Mm]{2}(?:[-_.]?[Dd]{2})?)?/
const incidentFill = new RegExp(`${incidentPlaceholderRun.source}|${incidentDateRun.source}|\\d+`)

/** `YYYYMMDD`, `YYYY-MM`, `YY` and the like written with `date`'s numbers. */
function writeDateRun(run: string, date: CalendarDate): string {
  const pad = (value: number, length: number) => String(value).padStart(length, '0')
  return run
    .replace(/[Yy]{4}/, pad(date.year, 4))
    .replace(/[Yy]{2}/, pad(date.year % 100, 2))
    .replace(/[Mm]{2}/, pad(date.month, 2))
    .replace(/[Dd]{2}/, pad(date.date, 2))
}

/** The model as JSON: headings without their parent links, which `templateModelFromJson` restores. */
export function templateModelToJson(model: TemplateModel): string {
  return JSON.stringify(model, (key, value: unknown) => (key === 'parent' ? undefined : value))
}

/** A model written by `templateModelToJson`, with its headings' parent links. */
export function templateModelFromJson(json: string): TemplateModel {
  const model = JSON.parse(json) as TemplateModel
  const link = (heading: TemplateHeading, parent: TemplateHeading | undefined) => {
    heading.parent = parent
    for (const child of heading.children) link(child, heading)
  }

  for (const heading of model.sections) link(heading, undefined)
  return model
}

/** What the template's action item status cells show each emoji for (`✅` in `✅ Done`); nothing for a list of actions. */
export function templateStatusEmoji(template: TemplateModel): Readonly<Record<string, string>> {
  const role = template.roles.actionItems
  return role?.shape === 'table' ? role.statusEmoji : {}
}
