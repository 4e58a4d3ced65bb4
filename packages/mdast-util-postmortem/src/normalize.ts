import {detached, perText} from './memo.js'

/**
 * Bytes 0x80–0xFF as Mac OS Roman characters (Apple's mapping, where 0xF0
 * is U+F8FF), as UTF-16 code units. UTF-8 emoji read as Mac OS Roman turn
 * into runs of these (`✅` → `‚úÖ`, `🔄` → `\u{F8FF}üîÑ`).
 */
const macRomanUpperHalf = String.fromCharCode(
  0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1, 0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
  0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3, 0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
  0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df, 0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
  0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211, 0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x2126, 0x00e6, 0x00f8,
  0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab, 0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
  0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca, 0x00ff, 0x0178, 0x2044, 0x00a4, 0x2039, 0x203a, 0xfb01, 0xfb02,
  0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1, 0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
  0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0x0131, 0x02c6, 0x02dc, 0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7
)

/** The byte each Mac OS Roman character of the upper half stands for, by UTF-16 code (all are in the BMP); -1 for others. */
const macRomanByte = new Int16Array(0x10000).fill(-1)
for (let index = 0; index < macRomanUpperHalf.length; index++) macRomanByte[macRomanUpperHalf.charCodeAt(index)] = 0x80 + index

const macRomanRun = new RegExp('[' + escapeForClass(macRomanUpperHalf) + ']+', 'gu')

/**
 * Emoji, their modifiers and joiners, keycaps, regional indicators, and the
 * replacement character left by broken decoding.
 */
const emojiPattern =
  /[\p{Extended_Pictographic}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u{FFFD}]/gu

/**
 * Undo UTF-8 text that was once decoded as Mac OS Roman, where the bytes form
 * valid UTF-8 sequences again; anything else (`café`) is left as it is.
 */
export function repairMojibake(value: string): string {
  return value.replace(macRomanRun, repairRun)
}

/** A run of Mac OS Roman characters with the UTF-8 sequences among their bytes decoded; one pass, no exceptions. */
function repairRun(run: string): string {
  let result = ''
  let copied = 0
  let index = 0

  while (index < run.length) {
    const decoded = decodeAt(run, index)
    if (decoded === undefined) {
      index++
      continue
    }

    result += run.slice(copied, index) + decoded.text
    index += decoded.length
    copied = index
  }

  return copied === 0 ? run : result + run.slice(copied)
}

/**
 * The well-formed UTF-8 sequence of two to four bytes whose Mac OS Roman
 * characters start at `index`, decoded by hand: checking the ranges of
 * RFC 3629 instead of catching a decoder's exception keeps long runs of
 * near-misses (`‡ÄÄ…`, an overlong form) linear and cheap.
 */
function decodeAt(run: string, index: number): {text: string; length: number} | undefined {
  const lead = macRomanByte[run.charCodeAt(index)] ?? -1
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1
  if (length === 1 || index + length > run.length) return undefined
  const second = macRomanByte[run.charCodeAt(index + 1)] ?? -1
  const [low, high] =
    lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf]
  if (second < low || second > high) return undefined
  let codePoint = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07)
  for (let offset = 1; offset < length; offset++) {
    const byte = macRomanByte[run.charCodeAt(index + offset)] ?? -1
    if (byte < 0x80 || byte > 0xbf) return undefined
    codePoint = (codePoint << 6) | (byte & 0x3f)
  }

  return {text: String.fromCodePoint(codePoint), length}
}

function escapeForClass(characters: string): string {
  return characters.replace(/[\\\]\[^-]/g, '\\$&')
}

/** Remove emoji, including mangled ones, from `value`. */
export function stripEmoji(value: string): string {
  return repairMojibake(value).replace(emojiPattern, '')
}

/** The emoji of `value`, mangled ones repaired, without their presentation selectors (`⏸️` and `⏸` are one). */
export function emojiOf(value: string): string {
  return (repairMojibake(value).match(emojiPattern) ?? []).filter((character) => character !== '\uFE0F' && character !== '\uFE0E').join('')
}

/**
 * Normalise text for matching: emoji (proper or mangled) removed,
 * case-folded, whitespace collapsed, trailing `?` and `:` ignored.
 */
export function normalizeText(value: string): string {
  return value.length <= 200 ? normalizeShortText(value) : computeNormalizedText(value)
}

/** Labels, headings and the template's words come back in every document: short texts are kept, up to a bound. */
const normalizeShortText = perText((value: string) => detached(computeNormalizedText(value)), 5000)

function computeNormalizedText(value: string): string {
  // ASCII has no emoji, no mojibake and nothing NFKC changes: most text takes the short way.
  const bare = ascii.test(value) ? value : typographic(stripEmoji(value).normalize('NFKC').replace(invisible, ''))
  // Case folding folds `ß` to `ss`, as upper case writes it: `MASSNAHMEN` is `Maßnahmen`.
  const folded = bare.toLowerCase().replaceAll('ß', 'ss').replace(/\s+/g, ' ').trim()
  return folded.slice(0, contentEnd(folded))
}

const ascii = /^[\u0000-\u007F]*$/

/** Typographic quotes and dashes as typed ones: a template exported from a word processor says `How’d We Do?`, its documents `How'd We Do?`. */
function typographic(value: string): string {
  return value.replace(singleQuotes, "'").replace(doubleQuotes, '"').replace(dashes, '-')
}

const singleQuotes = /[\u2018\u2019\u201A\u201B\u2032]/g
const doubleQuotes = /[\u201C-\u201F\u2033]/g
const dashes = /[\u2010-\u2015\u2212]/g

/** Characters that show nothing, which copying from chat and documents leaves in (zero-width spaces, joiners, soft hyphens). */
const invisibleCharacters = '\\u00AD\\u200B\\u200C\\u2060\\uFEFF'
const invisible = new RegExp(`[${invisibleCharacters}]`, 'g')
const invisibleEnds = new RegExp(`^[\\s${invisibleCharacters}]+|[\\s${invisibleCharacters}]+$`, 'g')

/** `value` without the spaces and invisible characters at its ends. */
export function trimInvisible(value: string): string {
  return value.replace(invisibleEnds, '')
}

/** Where trailing `?`, `:` and spaces start (a loop: a regex would backtrack on long runs). */
function contentEnd(value: string): number {
  let end = value.length
  while (end > 0 && ' ?:'.includes(value.charAt(end - 1))) end--
  return end
}

/**
 * A heading's text as sections are matched by: normalised, without a
 * leading section number (`1.`, `2)`, `3.1`), which teams add, drop and
 * shift when they insert a section, and without the attributes a site
 * generator reads after it (`{#timeline}`, `{: .no-toc}`).
 */
export function headingKey(written: string): string {
  const text = withoutHeadingAttributes(written)
  // Labels without values (`Date:`, `Authors:`, `Status:` over `---`: a setext heading by accident) stand for labels with any values.
  if (text.includes(':') && emptyLabels.test(text)) return fieldsHeadingLabels(text).map((label) => `${normalizeText(label)}: <value>`).join(' ')
  const normalized = normalizeText(text)
  const number = sectionNumber.exec(normalized)
  return number ? normalized.slice(number[0].length) : normalized
}

/** Whether a template heading's key is labels that hold their values (`date: <value> authors: <value>`): its section has no other content to give. */
export function isFieldsHeading(templateKey: string): boolean {
  return templateKey.endsWith(': <value>')
}

/** The labels of a heading that is labels without values (`Date:`, `Authors:`, `Status:`), as written; none for any other heading. */
export function fieldsHeadingLabels(text: string): string[] {
  return emptyLabels.test(text) ? text.split(':').flatMap((label) => (label.trim() === '' ? [] : [label.trim()])) : []
}

/** Two labels or more, each with a colon and no value. */
const emptyLabels = /^(?:[^:\n]{1,40}:\s*){2,}$/

/** A heading's text without the attribute block at its end (`Timeline {#timeline}` → `Timeline `). */
export function withoutHeadingAttributes(text: string): string {
  const open = text.lastIndexOf('{')
  return open !== -1 && headingAttributes.test(text.slice(open)) ? text.slice(0, open) : text
}

/** A heading's attribute block (kramdown, Pandoc, MkDocs, Docusaurus, Hugo): ids, classes and `key=value` pairs in braces at its end. */
const headingAttributes = /^\{:?[ \t]*[#.][\w-]{1,80}(?:[ \t]+(?:[#.][\w-]{1,80}|[\w-]{1,40}=[^\s{}]{1,80}))*[ \t]*\}[ \t]*$/

const sectionNumber = /^(?:\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)[ \t]+(?=\S)/

/**
 * A placeholder in a template heading's key: `<title>`, `[Service]`,
 * `{{ name }}`, and date, time and version tokens (`YYYY-MM-DD`,
 * `DD/MM/YYYY`, `HH:MM`, `XXX`, `vX.Y.Z`), lower-cased as keys are; and a
 * date itself (`2015-10-21`), which in a template written as a filled-in
 * example stands for the day of each document.
 */
const headingPlaceholder =
  /<[^<>]{1,80}>|\[[^[\]]{1,80}\]|\{\{[^{}]{1,80}\}\}|\{[^{}]{1,80}\}|\b(?:yyyy|20xx)-mm-dd\b|\b(?:dd|mm)[/.](?:mm|dd)[/.]yyyy\b|\bhh:mm\b|\bx{3,}\b|\bvx\.y\.z\b|\b\d{4}-\d{2}-\d{2}\b/g

/**
 * The literal parts of a template heading's key around its placeholders
 * (`postmortem: <title>` → `postmortem: `, ``), or `undefined` for a key
 * without one.
 */
function headingParts(key: string): readonly string[] | undefined {
  if (!/[<[{]|yyyy|20xx|hh:mm|xxx|vx\.y|\d{4}-\d{2}-\d{2}/.test(key)) return undefined
  const parts = splitAtPlaceholders(key)
  return parts.length > 1 ? parts : undefined
}

const splitAtPlaceholders = perText((key: string): readonly string[] => key.split(headingPlaceholder), 1000)

/** Whether a document heading's key matches a template heading's key, placeholders standing for any text. */
export function headingMatches(templateKey: string, key: string): boolean {
  if (templateKey === key) return true
  const parts = headingParts(templateKey)
  if (!parts) return false
  // Each placeholder stands for one character or more; the leftmost fit of each part leaves the most room (no regex: linear).
  const first = parts[0] ?? ''
  const last = parts.at(-1) ?? ''
  const end = key.length - last.length
  if (!key.startsWith(first) || !key.endsWith(last)) return false
  let from = first.length
  for (const part of parts.slice(1, -1)) {
    const index = key.indexOf(part, from + 1)
    if (index === -1) return false
    from = index + part.length
  }

  return end - from >= 1
}

/** Whether two template heading keys are one pattern with different placeholders (`1900-01-01`, `1900-01-02`). */
export function sameHeadingPattern(a: string, b: string): boolean {
  const first = headingParts(a)
  const second = headingParts(b)
  return first !== undefined && second !== undefined && first.length === second.length && first.every((part, index) => part === second[index])
}

/** Whether a template heading's key holds a placeholder, and so matches by `headingMatches` only. */
export function hasHeadingPlaceholder(templateKey: string): boolean {
  return headingParts(templateKey) !== undefined
}
