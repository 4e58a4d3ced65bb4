import {createRequire} from 'node:module'
import type {Literal, Root, Yaml} from 'mdast'
import type {Point} from 'unist'
import {normalizeText} from './normalize.js'

/** TOML front matter (`+++` fences), as `remark-frontmatter` gives it with `['yaml', 'toml']`. */
export interface Toml extends Literal {
  type: 'toml'
}

declare module 'mdast' {
  interface FrontmatterContentMap {
    toml: Toml
  }

  interface RootContentMap {
    toml: Toml
  }
}

/** The document's front matter: YAML (`---`) or TOML (`+++`). */
export function frontMatterNode(tree: Root): Yaml | Toml | undefined {
  const [first] = tree.children
  return first?.type === 'yaml' || first?.type === 'toml' ? first : undefined
}

/** The values of a front matter node, read as its language. */
export function frontMatterNodeValues(node: Yaml | Toml): FrontMatterValues {
  const start = node.position?.start
  return node.type === 'toml' ? tomlFrontMatterValues(node.value, start) : frontMatterValues(node.value, start)
}

/** A value given in YAML or TOML front matter. */
export interface FrontMatterValue {
  key: string
  value: string
  /** Where the key stands in the file. */
  place: Point | undefined
}

/** Front matter values by normalised key, or why the front matter could not be read. */
export interface FrontMatterValues {
  values: Map<string, FrontMatterValue>
  error: string | undefined
}

/** A front matter key as a label: `failed_version`, `failed-version` and `Failed Version` are one. */
export function frontMatterLabel(key: string): string {
  return normalizeText(key.replace(/[_-]+/g, ' '))
}

/**
 * The scalar values of the YAML front matter `text` whose fence opens at
 * `start`. Front matter of plain `key: value` lines, as post-mortems write
 * it, is read directly; anything else by `yaml`, with the same result (a
 * property test holds the two readings equal).
 */
export function frontMatterValues(text: string, start: Point | undefined): FrontMatterValues {
  return plainFrontMatterValues(text, start) ?? yamlFrontMatterValues(text, start)
}

/** `yaml`, loaded the first time front matter is not plain lines: it is a large module. */
let yamlModule: typeof import('yaml') | undefined

function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml')
  return yamlModule
}

/** The front matter read by `yaml` (YAML 1.2, core schema, repeated keys allowed: the last wins). */
export function yamlFrontMatterValues(text: string, start: Point | undefined): FrontMatterValues {
  const values = new Map<string, FrontMatterValue>()
  const {isMap, isScalar, parseDocument} = yaml()
  const document = parseDocument(text, {uniqueKeys: false})
  const [firstError] = document.errors
  if (firstError) return {values, error: firstError.message.split('\n')[0]}
  if (document.contents === null) return {values, error: undefined}
  if (!isMap(document.contents)) return {values, error: 'it is not a mapping of keys to values'}

  const lineStarts = lineStartsOf(text)
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue
    const key = String(pair.key.value)
    const value = pair.value.value
    const offset = pair.key.range?.[0]
    values.set(frontMatterLabel(key), {
      key,
      value: value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
      place: start && offset !== undefined ? pointAt(lineStarts, offset, start.line + 1) : undefined
    })
  }

  return {values, error: undefined}
}

/**
 * A line of plain front matter: a key of words, a colon, then nothing, a
 * quoted string without escapes, or a plain value of characters that YAML
 * reads as themselves (no indicator first, no comment after a space).
 */
const plainLine =
  /^([A-Za-z_][\w-]*(?: [\w-]+)*):(?: +(?:"([^"\\\n]*)"|'([^'\n]*)'|([\w./+=()~][\w.@/+=(),:#~-]*(?: +[\w.@/+=(),:~-][\w.@/+=(),:#~-]*)*)))? *$/

/** Plain scalars that YAML's core schema reads as null, a boolean or a number. */
const typedScalar =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0o[0-7]+|0x[\dA-Fa-f]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/** Numbers that read back as written. */
const plainInteger = /^(?:0|[1-9]\d{0,14})$/

/** Front matter of plain lines read directly; `undefined` for anything else. */
export function plainFrontMatterValues(text: string, start: Point | undefined): FrontMatterValues | undefined {
  const values = new Map<string, FrontMatterValue>()
  const lines = text.split('\n')

  for (const [line, raw] of lines.entries()) {
    // CR+LF ends a line as LF does; any other CR is left to `yaml`.
    const content = line < lines.length - 1 && raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (content.includes('\r')) return undefined
    if (content === '' || content.startsWith('#')) continue

    const match = plainLine.exec(content)
    if (!match) return undefined
    const key = match[1] ?? ''
    const plain = match[4]
    const typed = plain !== undefined && typedScalar.test(plain) && !plainInteger.test(plain)
    if (typedScalar.test(key) || typed || plain?.includes(': ') || plain?.endsWith(':')) return undefined

    values.set(frontMatterLabel(key), {
      key,
      value: match[2] ?? match[3] ?? plain ?? '',
      place: start && {line: start.line + 1 + line, column: 1}
    })
  }

  return {values, error: undefined}
}

/** `smol-toml`, loaded the first time a document has TOML front matter. */
let tomlModule: typeof import('smol-toml') | undefined

function toml(): typeof import('smol-toml') {
  tomlModule ??= createRequire(import.meta.url)('smol-toml') as typeof import('smol-toml')
  return tomlModule
}

/** A top-level `key = …` line of TOML, bare or quoted key. */
const tomlKeyLine = /^[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([\w-]+))[ \t]*=/

/**
 * The top-level scalar values of the TOML front matter `text` whose fence
 * opens at `start`, read by `smol-toml` (tables and arrays are not fields);
 * a date is written `YYYY-MM-DD`, a date-time as TOML writes it.
 */
export function tomlFrontMatterValues(text: string, start: Point | undefined): FrontMatterValues {
  const values = new Map<string, FrontMatterValue>()
  let parsed: Record<string, unknown>
  try {
    parsed = toml().parse(text)
  } catch (error) {
    return {values, error: (error as Error).message.split('\n')[0]}
  }

  // Keys are placed by their lines up to the first `[table]`: TOML has no position API.
  const lines = new Map<string, number>()
  for (const [index, line] of text.split('\n').entries()) {
    if (/^[ \t]*\[/.test(line)) break
    const match = tomlKeyLine.exec(line)
    const key = match && (match[1] ?? match[2] ?? match[3])
    if (key !== undefined && key !== null && !lines.has(key)) lines.set(key, index)
  }

  for (const [key, value] of Object.entries(parsed)) {
    const written = tomlScalar(value)
    if (written === undefined) continue
    const line = lines.get(key)
    values.set(frontMatterLabel(key), {key, value: written, place: start && line !== undefined ? {line: start.line + 1 + line, column: 1} : undefined})
  }

  return {values, error: undefined}
}

function tomlScalar(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  // `smol-toml`'s dates: a local date prints as `YYYY-MM-DD`, others as RFC 3339.
  return value instanceof Date ? value.toISOString().replace(/T00:00:00\.000Z$/, '') : undefined
}

function lineStartsOf(text: string): number[] {
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) lineStarts.push(index + 1)
  }

  return lineStarts
}

/** Line and column of `offset` in the front matter, whose first line is `firstLine` of the file. */
function pointAt(lineStarts: readonly number[], offset: number, firstLine: number): Point {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((lineStarts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }

  return {line: firstLine + low, column: offset - (lineStarts[low] ?? 0) + 1}
}
