import {readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, dirname, extname, join} from 'node:path'
import markdownExtensions from 'markdown-extensions'
import {
  headerSlice,
  headerValue,
  headingKey,
  holdsPlaceholder,
  incidentFacts,
  incidentValue,
  normalizeText,
  parseMarkdown,
  sectionSlice,
  templateIncidentField,
  type CalendarDate,
  type HeaderValue,
  type IncidentField
} from 'mdast-util-postmortem'
import {
  defineRule,
  fieldValuePosition,
  remarkRule,
  templateOption,
  type ConfiguredOptions
} from 'postmortem-rule-core'

/** What the header of a post-mortem says, kept while the file is unchanged. */
interface Header {
  mtimeMs: number
  size: number
  incident: string | undefined
  date: CalendarDate | undefined
}

/** The headers of a folder's post-mortems, by file name, and when they were last checked against the disk. */
interface FolderIndex {
  checked: number
  mtimeMs: number
  headers: Map<string, Header>
}

/**
 * How long a folder's index is trusted before the files are looked at
 * again: a run over a thousand post-mortems of one folder reads the folder
 * a few times, not once per file; an editor sees a saved change within it.
 */
const freshForMs = 2000

/** Folder indexes, by incident label and folder. */
const folders = new Map<string, FolderIndex>()

export const uniqueIncident = defineRule({
  id: 'unique-incident',
  description: 'No two post-mortems in a folder have the same incident ID',
  options: {template: templateOption},
  check(tree, {options, path, source}) {
    // The rule applies where the template names the incident, in its header or a section of fields.
    const field = templateIncidentField(options.template)
    if (!path || !field) return []
    const facts = incidentFacts(tree)
    const value = incidentValue(tree, field)
    const incident = value && value.agrees ? incidentKey(value) : undefined
    // Drafts that still say `INC-XXXX` share no incident: the placeholder is `no-placeholders`' (or `metadata`'s, in front matter) to report.
    if (!value || !incident || holdsPlaceholder(value.text, options.template.placeholders)) return []

    const first = firstWith(incident, path, facts.date, field)
    if (!first) return []
    return [
      {
        reason: `Unexpected incident ID \`${value.text.trim()}\`, also the incident of \`${first}\`, expected one post-mortem per incident`,
        place: (value.field && fieldValuePosition(value.field, source)) ?? value.field?.place ?? value.frontMatter?.place,
        actual: value.text.trim()
      }
    ]
  },
  templateSummary(template) {
    const field = templateIncidentField(template)
    const where = field?.section === undefined ? 'the header' : `\`${field.section}\``
    return field ? `\`${field.label}\` of ${where} unique among the post-mortems of the file's folder` : undefined
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof uniqueIncident.options>

export default remarkRule(uniqueIncident)

/**
 * The same incident however written: `#123`, `123`, `…/issues/123` and a
 * link to it are one; anything else by its text.
 */
function incidentKey(value: HeaderValue): string | undefined {
  const link = value.field?.nodes.find((node) => node.type === 'link')
  const trimmed = (link?.type === 'link' ? link.url : value.text).trim()
  if (trimmed === '') return undefined
  const number = /^(?:#|https?:\/\/\S+\/(?:issues|pull)\/)?(\d+)$/.exec(trimmed)?.[1]
  return number === undefined ? normalizeText(trimmed) : '#' + number
}

/**
 * The name of the post-mortem in `path`'s folder that has the incident
 * first (earliest incident date, then file name), when that is another file.
 */
function firstWith(incident: string, path: string, date: CalendarDate | undefined, field: IncidentField): string | undefined {
  const own = basename(path)
  let first: {name: string; day: number} = {name: own, day: date?.day ?? Number.POSITIVE_INFINITY}
  let shared = false

  for (const [name, other] of folderIndex(dirname(path), field).headers) {
    if (name === own || other.incident !== incident) continue
    shared = true
    const day = other.date?.day ?? Number.POSITIVE_INFINITY
    if (day < first.day || (day === first.day && name < first.name)) first = {name, day}
  }

  return shared && first.name !== own ? first.name : undefined
}

/**
 * The folder's post-mortem headers, read for the incident field `label`:
 * read again when the folder changed or the index is older than `freshForMs`.
 */
function folderIndex(folder: string, field: IncidentField): FolderIndex {
  const now = Date.now()
  const key = `${field.label}\0${field.section ?? ''}\0${folder}`
  const known = folders.get(key)
  let mtimeMs = -1
  try {
    mtimeMs = statSync(folder).mtimeMs
  } catch {}

  if (known && known.mtimeMs === mtimeMs && now - known.checked < freshForMs) return known
  const extensions = new Set(markdownExtensions.map((extension) => '.' + extension))
  const headers = new Map<string, Header>()
  for (const name of entries(folder)) {
    if (!extensions.has(extname(name).toLowerCase())) continue
    const header = headerOf(join(folder, name), field, known?.headers.get(name))
    if (header) headers.set(name, header)
  }

  const index = {checked: now, mtimeMs, headers}
  folders.set(key, index)
  return index
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder).sort()
  } catch {
    return []
  }
}

/**
 * The incident and date of the post-mortem at `path`: its header (and front
 * matter), and the incident's section where the template keeps it there,
 * parsed alone; `known` while unchanged.
 */
function headerOf(path: string, field: IncidentField, known: Header | undefined): Header | undefined {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return undefined
  }

  if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return undefined
  }

  const header = parseMarkdown(headerSlice(text).text)
  const facts = incidentFacts(header)
  const section = field.section === undefined ? undefined : sectionSlice(text, headingKey(field.section))
  const value = field.section === undefined ? headerValue(facts, field.label) : section && incidentValue(parseMarkdown(section.text), field)
  return {mtimeMs: stats.mtimeMs, size: stats.size, incident: value?.agrees ? incidentKey(value) : undefined, date: facts.date}
}
