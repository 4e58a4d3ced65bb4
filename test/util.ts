import {mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type {PluggableList} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url))

/** A fixture as a file with a path relative to the repository root. */
export function fixture(path: string): VFile {
  return new VFile({path: 'fixtures/' + path, cwd: root, value: readFileSync(new URL('../fixtures/' + path, import.meta.url))})
}

/** Run `plugins` (after GFM and front matter) on `file` and return its messages. */
export async function lint(file: VFile | string, plugins: PluggableList): Promise<VFileMessage[]> {
  const input = typeof file === 'string' ? new VFile({value: file, cwd: root}) : file
  const processor = remark().use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(plugins)
  const result = await processor.process(input)
  return result.messages
}

/** `line:column: reason [ruleId]` per message, for compact assertions. */
export function summary(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => `${message.line}:${message.column}: ${message.reason} [${message.ruleId}]`)
}

/**
 * A new folder under `test/.tmp/` set up as a repository that installed
 * every package of this workspace: each is linked into its `node_modules`,
 * so that rule packages named in a configuration resolve.
 */
export function projectFolder(prefix: string): string {
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  const folder = mkdtempSync(join(root, 'test/.tmp', prefix))
  mkdirSync(join(folder, 'node_modules'))
  for (const name of readdirSync(join(root, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {name: string}
    symlinkSync(join(root, 'packages', name), join(folder, 'node_modules', manifest.name), 'dir')
  }

  return folder
}

/**
 * The limit for a test that spawns processes (tsc, npm, the CLI, a server)
 * or lints hundreds of documents: sized for a 2-core machine with other
 * work running, where such a test can take ten times its quiet-machine time.
 */
export const busyMachineTimeout = 300_000
