import {readFileSync} from 'node:fs'
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
