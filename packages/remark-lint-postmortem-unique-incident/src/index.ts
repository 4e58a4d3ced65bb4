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
 * A post-mortem of the folder, kept while the file is unchanged: the words
 * of the text its incident is read from, as hashes (a few hundred
 * bytes a file, however many the folder holds), and its incident, parsed
 * only once a document's incident has all its words there: reading every
 * other header made linting one file in a folder of a thousand post-mortems
 * take three times as long.
 */
interface Sibling {
  path: string
  mtimeMs: number
  size: number
  words: Uint32Array
  incident?: Incident
}

/**
 * The post-mortems of a folder, by file name and by the words they hold (a
 * document is compared with the few files that have its incident's rarest
 * word, not with the whole folder), and when they were last checked
 * against the disk.
 */
interface FolderIndex {
  checked: number
  /** When the folder's own time was last read. */
  statted: number
  mtimeMs: number
  siblings: Map<string, Sibling>
  namesByWord: Map<number, string[]>
}

/**
 * How long a folder's index is trusted before the files are looked at
 * again: a run over a thousand post-mortems of one folder reads the folder
 * a few times, not once per file; an editor sees a saved change within it.
 */
const freshForMs = 2000

/**
 * How long a folder's list of files is trusted without asking the disk
 * whether files came or went: a file system call cost as much as the rest of
 * the rule on each file of a run; a file saved this long before is seen.
 */
const entriesFreshForMs = 250

/** Folder indexes, by incident label and folder. */
const folders = new Map<string, FolderIndex>()
const counts = {read: 0, compared: 0, parsed: 0}

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
    if (!value || !incident || holdsPlaceholder(value.text, options.template)) return []

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
 * How many other post-mortems the rule has read from disk in this process,
 * how many times it compared one's words with a document's incident, and
 * how many of those it parsed.
 */
export function siblingsRead(): {read: number; compared: number; parsed: number} {
  return {...counts}
}

/**
 * The same incident however written: `#123`, `123`, `GH-123`, `…/issues/123`
 * and a link to it are one; anything else by its text (`acme/app#123` may be
 * another repository's issue 123).
 */
function incidentKey(value: HeaderValue): string | undefined {
  const link = value.field?.nodes.find((node) => node.type === 'link')
  const trimmed = (link?.type === 'link' ? link.url : value.text).trim()
  if (trimmed === '') return undefined
  const number = /^(?:#|GH-|https?:\/\/\S+\/(?:issues|pull)\/)?(\d+)$/.exec(trimmed)?.[1]
  return number === undefined ? normalizeText(trimmed) : '#' + number
}

/**
 * The name of the post-mortem in `path`'s folder that has the incident
 * first (earliest incident date, then file name), when that is another file.
 */
function firstWith(incident: string, path: string, date: CalendarDate | undefined, field: IncidentField): string | undefined {
  const own = basename(path)
  const words = wordsOf(incident)
    .filter((word) => !schemeWords.has(word))
    .map((word) => wordHash(word))
  let first: {name: string; day: number} = {name: own, day: date?.day ?? Number.POSITIVE_INFINITY}
  let shared = false
  const {siblings, namesByWord} = folderIndex(dirname(path), field)
  const rarest = words.map((word) => namesByWord.get(word) ?? []).reduce<string[] | undefined>((fewest, names) => (fewest && fewest.length <= names.length ? fewest : names), undefined)

  for (const name of rarest ?? siblings.keys()) {
    const sibling = siblings.get(name)
    if (!sibling || name === own) continue
    counts.compared++
    if (!words.every((word) => sibling.words.includes(word))) continue
    const other = incidentOf(sibling, field)
    if (other.key !== incident) continue
    shared = true
    const day = other.date?.day ?? Number.POSITIVE_INFINITY
    if (day < first.day || (day === first.day && name < first.name)) first = {name, day}
  }

  return shared && first.name !== own ? first.name : undefined
}

/**
 * The folder's post-mortems, with the words of the text the incident
 * `field` is read from: looked at again when the folder changed or the
 * index is older than `freshForMs`.
 */
function folderIndex(folder: string, field: IncidentField): FolderIndex {
  const now = Date.now()
  const key = `${field.label}\0${field.section ?? ''}\0${folder}`
  const known = folders.get(key)
  const recent = known && now - known.checked < freshForMs ? known : undefined
  if (recent && now - recent.statted < entriesFreshForMs) return recent
  let mtimeMs = -1
  try {
    mtimeMs = statSync(folder).mtimeMs
  } catch {}

  if (recent && recent.mtimeMs === mtimeMs) {
    recent.statted = now
    return recent
  }

  const extensions = new Set(markdownExtensions.map((extension) => '.' + extension))
  const siblings = new Map<string, Sibling>()
  for (const name of entries(folder)) {
    if (!extensions.has(extname(name).toLowerCase())) continue
    const sibling = siblingAt(join(folder, name), field, known?.siblings.get(name))
    if (sibling) siblings.set(name, sibling)
  }

  const namesByWord = new Map<number, string[]>()
  for (const [name, sibling] of siblings) {
    for (const word of sibling.words) {
      const names = namesByWord.get(word)
      if (names) names.push(name)
      else namesByWord.set(word, [name])
    }
  }

  const index = {checked: now, statted: now, mtimeMs, siblings, namesByWord}
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

/** The post-mortem at `path`, its words read; `known` while unchanged. */
function siblingAt(path: string, field: IncidentField, known: Sibling | undefined): Sibling | undefined {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return undefined
  }

  if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known
  const text = readText(path)
  if (text === undefined) return undefined
  counts.read++
  const {header, section} = incidentText(text, field)
  const hashes = wordsNearLabel(section === undefined ? header : header + '\n' + section, wordsOf(normalizeText(field.label))).map((word) => wordHash(word))
  return {path, mtimeMs: stats.mtimeMs, size: stats.size, words: Uint32Array.from(new Set(hashes))}
}

/** The incident and date `sibling` gives: its file read again and parsed, once. */
function incidentOf(sibling: Sibling, field: IncidentField): Incident {
  if (sibling.incident) return sibling.incident
  counts.parsed++
  const {header, section} = incidentText(readText(sibling.path) ?? '', field)
  const facts = incidentFacts(parseMarkdown(header))
  const value = field.section === undefined ? headerValue(facts, field.label) : section === undefined ? undefined : incidentValue(parseMarkdown(section), field)
  sibling.incident = {key: value?.agrees ? incidentKey(value) : undefined, date: facts.date}
  return sibling.incident
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** The header of a post-mortem (with front matter), and the incident's section where the template keeps it there. */
function incidentText(text: string, field: IncidentField): {header: string; section: string | undefined} {
  return {header: headerSlice(text).text, section: field.section === undefined ? undefined : sectionSlice(text, headingKey(field.section))?.text}
}

/**
 * The words of `text` that can hold the value of the field whose label has
 * `labelWords`, as a superset: on each line with the label, the words after
 * it, or the two lines after where nothing follows it (a YAML value on the
 * next line); every word of `text` when no line has the label. Every word of
 * the header made a folder of numbered incidents (`#339`) parse nearly every
 * post-mortem, for other fields' numbers (`Duration: 339 minutes`). Escapes
 * and character references are decoded as the parser does, so that every
 * word of the incident as read is a word here.
 */
function wordsNearLabel(text: string, labelWords: readonly string[]): string[] {
  // One normalisation for all lines, joined by a character none holds: line by
  // line, each would take a place in normalizeText's bounded cache of short texts.
  const lines = text.split(/\r\n?|\n/).map((line) => decodeString(line).replaceAll('\0', '\uFFFD'))
  const lineWords = normalizeText(lines.join('\0')).split('\0').map((line) => wordsOf(line))
  const near: string[] = []
  let found = false
  for (const [index, words] of lineWords.entries()) {
    const at = runIndex(words, labelWords)
    if (at === -1) continue
    found = true
    const after = words.slice(at + labelWords.length)
    near.push(...after)
    if (after.length === 0) near.push(...(lineWords[index + 1] ?? []), ...(lineWords[index + 2] ?? []))
  }

  return found ? near : lineWords.flat()
}

/** Where `run` starts in `words`; -1 when it does not, or is empty. */
function runIndex(words: readonly string[], run: readonly string[]): number {
  if (run.length === 0) return -1
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((word, offset) => words[start + offset] === word)) return start
  }

  return -1
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

/** A word's FNV-1a hash: two words with one hash cost a parse, never a finding. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  return hash >>> 0
}
