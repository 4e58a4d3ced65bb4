import {lstatSync, readdirSync, realpathSync, statSync, type Dirent} from 'node:fs'
import {extname, join, relative, resolve} from 'node:path'

/** The files a run lints, and what its inputs said. */
export interface Inputs {
  /** Paths relative to the working directory, each file once. */
  files: string[]
  /** Paths and globs that match no file. */
  unmatched: string[]
  /** Folders with no file of the extensions searched for. */
  emptyFolders: string[]
}

const globCharacters = /[*?[\]{}]/

/**
 * Expand files, folders and globs as remark-cli does (folders are searched
 * for files with `extensions`, outside `node_modules` and hidden folders),
 * visiting each real folder once so that symlink loops end, and listing
 * each file once whatever the paths that lead to it.
 */
export async function expandInputs(inputs: readonly string[], cwd: string, extensions: readonly string[]): Promise<Inputs> {
  const wanted = new Set(extensions.map((extension) => '.' + extension.toLowerCase()))
  const seenFiles = new Set<string>()
  const result: Inputs = {files: [], unmatched: [], emptyFolders: []}

  const addFile = (path: string) => {
    const real = realPath(path)
    if (seenFiles.has(real)) return
    seenFiles.add(real)
    result.files.push(relative(cwd, path) || path)
  }

  for (const input of inputs) {
    const path = resolve(cwd, input)
    const stats = statOf(path)

    if (stats?.isDirectory()) {
      const found = walk(path, wanted)
      if (found.length === 0) result.emptyFolders.push(input)
      for (const file of found) addFile(file)
    } else if (stats || isLink(path)) {
      // A link to nothing is a file that cannot be read: the engine reports it on the file.
      addFile(path)
    } else if (globCharacters.test(input)) {
      // glob loads only when a glob is given.
      const {globSync} = await import('glob')
      const matches = globSync(input, {cwd, nodir: true, ignore: ['**/node_modules/**'], absolute: true})
      if (matches.length === 0) result.unmatched.push(input)
      for (const match of matches.sort()) addFile(match)
    } else {
      result.unmatched.push(input)
    }
  }

  return result
}

/** Files with `wanted` extensions under `folder`, each real folder visited once. */
function walk(folder: string, wanted: ReadonlySet<string>): string[] {
  const files: string[] = []
  const visited = new Set<string>()
  const folders = [folder]

  for (let current = folders.pop(); current !== undefined; current = folders.pop()) {
    const real = realPath(current)
    if (visited.has(real)) continue
    visited.add(real)

    for (const entry of entriesOf(current)) {
      const path = join(current, entry.name)
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statOf(path)?.isDirectory() === true)
      if (isDirectory) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) folders.push(path)
      } else if (wanted.has(extname(entry.name).toLowerCase())) {
        files.push(path)
      }
    }
  }

  return files.sort()
}

function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, {withFileTypes: true})
  } catch {
    return []
  }
}

function statOf(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
