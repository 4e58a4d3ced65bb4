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

const macRomanByte: ReadonlyMap<string, number> = new Map(
  macRomanUpperHalf.map((character, index) => [character, 0x80 + index])
)

const macRomanRun = new RegExp('[' + escapeForClass(macRomanUpperHalf.join('')) + ']+', 'gu')

const utf8 = new TextDecoder('utf-8', {fatal: true})

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

function repairRun(run: string): string {
  const characters = [...run]
  const bytes = Uint8Array.from(characters, (character) => macRomanByte.get(character) ?? 0)
  let result = ''
  let index = 0

  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes[index] ?? 0)
    const decoded =
      length > 1 && index + length <= bytes.length ? decodeSequence(bytes.subarray(index, index + length)) : undefined

    if (decoded === undefined) {
      result += characters[index]
      index++
    } else {
      result += decoded
      index += length
    }
  }

  return result
}

function utf8SequenceLength(byte: number): number {
  if (byte >= 0xc2 && byte <= 0xdf) return 2
  if (byte >= 0xe0 && byte <= 0xef) return 3
  if (byte >= 0xf0 && byte <= 0xf4) return 4
  return 1
}

function decodeSequence(sequence: Uint8Array): string | undefined {
  // Cheap shape check first: throwing per character would be slow on long runs.
  for (let index = 1; index < sequence.length; index++) {
    const byte = sequence[index] ?? 0
    if (byte < 0x80 || byte > 0xbf) return undefined
  }

  try {
    return utf8.decode(sequence)
  } catch {
    return undefined
  }
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
