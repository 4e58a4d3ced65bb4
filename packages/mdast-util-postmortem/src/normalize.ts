import iconv from 'iconv-lite'

/**
 * Bytes 0x80–0xFF as Mac OS Roman characters. UTF-8 emoji read as Mac OS
 * Roman turn into runs of these (`✅` → `‚úÖ`). The table comes from
 * iconv-lite, which leaves 0xF0 unmapped: Apple maps it to U+F8FF, and
 * that is what mangled four-byte emoji start with (`🔄` → `\u{F8FF}üîÑ`).
 */
const macRomanUpperHalf = [
  ...iconv.decode(
    Buffer.from(Array.from({length: 128}, (_, index) => 0x80 + index)),
    'macintosh'
  )
].map((character, index) => (index === 0xf0 - 0x80 ? '\u{F8FF}' : character))

/** The byte each Mac OS Roman character of the upper half stands for, by UTF-16 code (all are in the BMP); -1 for others. */
const macRomanByte = new Int16Array(0x10000).fill(-1)
macRomanUpperHalf.forEach((character, index) => {
  macRomanByte[character.charCodeAt(0)] = 0x80 + index
})

const macRomanRun = new RegExp('[' + escapeForClass(macRomanUpperHalf.join('')) + ']+', 'gu')

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

/**
 * Normalise text for matching: emoji (proper or mangled) removed,
 * case-folded, whitespace collapsed, trailing `?` and `:` ignored.
 */
export function normalizeText(value: string): string {
  const folded = stripEmoji(value).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
  return folded.slice(0, contentEnd(folded))
}

/** Where trailing `?`, `:` and spaces start (a loop: a regex would backtrack on long runs). */
function contentEnd(value: string): number {
  let end = value.length
  while (end > 0 && ' ?:'.includes(value.charAt(end - 1))) end--
  return end
}
