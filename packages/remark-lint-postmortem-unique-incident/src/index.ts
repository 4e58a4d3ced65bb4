import {readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, dirname, extname, join} from 'node:path'
import markdownExtensions from 'markdown-extensions'
import {decodeString} from 'micromark-util-decode-string'
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

/** What the incident field of a post-mortem says, and its date. */
interface Incident {
  key: string | undefined
  date: CalendarDate | undefined
}

/**
 * A post-mortem of the folder, kept while the file is unchanged: the text
 * its incident is read from and the words in it, parsed only when a
 * document's incident has all its words there, since reading every
 * sibling's header made linting one file in a folder of a thousand
 * post-mortems take three times as long.
 */
interface Sibling {
  mtimeMs: number
  size: number
  header: string
  section: string | undefined
  words: Set<string>
  incident?: Incident
}

/** The post-mortems of a folder, by file name, and when they were last checked against the disk. */
interface FolderIndex {
  checked: number
  mtimeMs: number
  siblings: Map<string, Sibling>
  /** The names of the post-mortems each word is in, made at the first lookup. */
  byWord?: Map<string, string[]>
}

/**
 * How long a folder's index is trusted before the files are looked at
 * again: a run over a thousand post-mortems of one folder reads the folder
 * a few times, not once per file; an editor sees a saved change within it.
 */
const freshForMs = 2000

/** Folder indexes, by incident label and folder. */
const folders = new Map<string, FolderIndex>()
const counts = {read: 0, parsed: 0}

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

/** How many other post-mortems the rule has read from disk in this process, and how many of those it parsed. */
export function siblingsRead(): {read: number; parsed: number} {
  return {...counts}
}

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
  const words = wordsOf(incident).filter((word) => !schemeWords.has(word))
  let first: {name: string; day: number} = {name: own, day: date?.day ?? Number.POSITIVE_INFINITY}
  let shared = false

  const index = folderIndex(dirname(path), field)
  for (const name of candidates(index, words)) {
    const sibling = index.siblings.get(name)
    if (name === own || !sibling || !words.every((word) => sibling.words.has(word))) continue
    const other = incidentOf(sibling, field)
    if (other.key !== incident) continue
    shared = true
    const day = other.date?.day ?? Number.POSITIVE_INFINITY
    if (day < first.day || (day === first.day && name < first.name)) first = {name, day}
  }

  return shared && first.name !== own ? first.name : undefined
}

/** The names of the post-mortems of `index` that may have every one of `words`: those with the rarest of them, or all without words. */
function candidates(index: FolderIndex, words: string[]): Iterable<string> {
  if (words.length === 0) return index.siblings.keys()
  if (!index.byWord) {
    index.byWord = new Map()
    for (const [name, sibling] of index.siblings) {
      for (const word of sibling.words) {
        const names = index.byWord.get(word)
        if (names) names.push(name)
        else index.byWord.set(word, [name])
      }
    }
  }

  let rarest: string[] = []
  for (const [position, word] of words.entries()) {
    const names = index.byWord.get(word) ?? []
    if (position === 0 || names.length < rarest.length) rarest = names
  }

  return rarest
}

/**
 * The folder's post-mortems, with the text the incident `field` is read
 * from: looked at again when the folder changed or the index is older than
 * `freshForMs`.
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
  const siblings = new Map<string, Sibling>()
  for (const name of entries(folder)) {
    if (!extensions.has(extname(name).toLowerCase())) continue
    const sibling = siblingAt(join(folder, name), field, known?.siblings.get(name))
    if (sibling) siblings.set(name, sibling)
  }

  const index = {checked: now, mtimeMs, siblings}
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
 * The post-mortem at `path`: its header (with front matter), and the
 * incident's section where the template keeps it there; `known` while
 * unchanged.
 */
function siblingAt(path: string, field: IncidentField, known: Sibling | undefined): Sibling | undefined {
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

  counts.read++
  const header = headerSlice(text).text
  const section = field.section === undefined ? undefined : sectionSlice(text, headingKey(field.section))?.text
  // Escapes and character references decoded as the parser does, so that every word of the incident as read is a word here.
  const words = new Set(wordsOf(normalizeText(decodeString(section === undefined ? header : header + '\n' + section))))
  return {mtimeMs: stats.mtimeMs, size: stats.size, header, section, words}
}

/** The incident and date `sibling` gives, parsed once. */
function incidentOf(sibling: Sibling, field: IncidentField): Incident {
  if (sibling.incident) return sibling.incident
  counts.parsed++
  const facts = incidentFacts(parseMarkdown(sibling.header))
  const value =
    field.section === undefined ? headerValue(facts, field.label) : sibling.section === undefined ? undefined : incidentValue(parseMarkdown(sibling.section), field)
  sibling.incident = {key: value?.agrees ? incidentKey(value) : undefined, date: facts.date}
  return sibling.incident
}

/** Words the parser adds to a link's address: GFM links `www.…` to `http://www.…` and an e-mail address to `mailto:…`. */
const schemeWords = new Set(['http', 'mailto'])

/**
 * The runs of ASCII letters and digits of normalised text: an incident's
 * words are words of any text it is written in, whatever punctuation,
 * markup or other scripts surround them.
 */
function wordsOf(normalized: string): string[] {
  return normalized.match(/[a-z\d]+/g) ?? []
}
