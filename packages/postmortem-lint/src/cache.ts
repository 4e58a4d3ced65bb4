import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type {BatchSettings, SerializedFile} from './batch.js'
import {writeAtomically} from './fix.js'

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}

/**
 * Files whose content, whenever it changes, may change a file's findings:
 * configuration (remark-cli's names), ignore files, and the lockfiles that
 * pin the plugins' versions.
 */
const dependencyNames = [
  '.remarkrc',
  '.remarkrc.json',
  '.remarkrc.yaml',
  '.remarkrc.yml',
  '.remarkrc.js',
  '.remarkrc.cjs',
  '.remarkrc.mjs',
  'package.json',
  '.remarkignore',
  'pnpm-lock.yaml',
  'package-lock.json',
  'yarn.lock'
]

/** A cache entry: the findings, and the templates they were linted with (path and content hash). */
interface Entry {
  file: SerializedFile
  templates: Array<[path: string, hash: string]>
}

/** Findings of unchanged files, kept between runs. */
export interface Cache {
  read(path: string): SerializedFile | undefined
  /** Keep `file`'s findings, found with `templates` (paths). */
  write(path: string, file: SerializedFile, templates: readonly string[]): void
}

/**
 * The cache in `location`: an entry per file, keyed by the file's content,
 * the content of every configuration, ignore and lock file from its folder
 * up, the settings, and this version; an entry also records the templates
 * its findings came from and is stale when one of them changed.
 */
export function openCache(location: string, settings: BatchSettings): Cache {
  const folder = resolve(settings.cwd, location)
  const folderHashes = new Map<string, string>()
  const siblingHashes = new Map<string, string>()
  const fileHashes = new Map<string, string | undefined>()
  const base = hash(
    JSON.stringify([
      version,
      settings.extensions,
      settings.rcPath && hashOf(resolve(settings.cwd, settings.rcPath)),
      settings.ignorePath && hashOf(resolve(settings.cwd, settings.ignorePath)),
      settings.ignorePatterns,
      settings.config,
      settings.ignore
    ])
  )

  function hashOf(path: string): string | undefined {
    if (!fileHashes.has(path)) {
      let value: string | undefined
      try {
        value = hash(readFileSync(path))
      } catch {
        value = undefined
      }

      fileHashes.set(path, value)
    }

    return fileHashes.get(path)
  }

  /** The hash of the dependencies of files in `directory`: its own and its parents'. */
  function folderHash(directory: string): string {
    const known = folderHashes.get(directory)
    if (known !== undefined) return known
    const parent = dirname(directory)
    const own = dependencyNames.map((name) => hashOf(join(directory, name)) ?? '').join(',')
    const value = hash((parent === directory ? '' : folderHash(parent)) + own)
    folderHashes.set(directory, value)
    return value
  }

  /**
   * The Markdown files beside a file, by name, size and modification time:
   * `unique-incident` reads them, so a change to any of them is a change.
   */
  function siblingsHash(directory: string): string {
    const known = siblingHashes.get(directory)
    if (known !== undefined) return known
    let names: string[] = []
    try {
      names = readdirSync(directory).filter((name) => /\.(?:md|markdown|mdown|mkdn|mkd|mdwn|mkdown|ron)$/i.test(name)).sort()
    } catch {}

    const listing = names.map((name) => {
      try {
        const stats = statSync(join(directory, name))
        return `${name}:${stats.size}:${stats.mtimeMs}`
      } catch {
        return name
      }
    })
    const value = hash(listing.join('\n'))
    siblingHashes.set(directory, value)
    return value
  }

  function keyOf(path: string): string | undefined {
    const absolute = resolve(settings.cwd, path)
    const content = hashOf(absolute)
    const directory = dirname(absolute)
    return content && hash([base, absolute, content, folderHash(directory), siblingsHash(directory)].join('\n'))
  }

  return {
    read(path) {
      const key = keyOf(path)
      if (!key) return undefined
      try {
        const entry = JSON.parse(readFileSync(join(folder, key + '.json'), 'utf8')) as Entry
        return entry.templates.every(([template, expected]) => hashOf(template) === expected) ? entry.file : undefined
      } catch {
        return undefined
      }
    },
    write(path, file, templates) {
      // After --fix the file changed: its key is taken anew.
      const absolute = resolve(settings.cwd, path)
      fileHashes.delete(absolute)
      siblingHashes.delete(dirname(absolute))
      const key = keyOf(path)
      if (!key) return
      const entry: Entry = {file, templates: templates.map((template) => [template, hashOf(template) ?? ''])}
      try {
        mkdirSync(folder, {recursive: true})
        writeAtomically(join(folder, key + '.json'), JSON.stringify(entry))
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
  }
}

function hash(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex')
}
