import {mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type {PluggableList} from 'unified'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
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
  const processor = remark().use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(plugins)
  const result = await processor.process(input)
  return result.messages
}

/** `line:column: reason [ruleId]` per message, for compact assertions. */
export function summary(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => `${message.line}:${message.column}: ${message.reason} [${message.ruleId}]`)
}

/**
 * A new empty folder named `prefix…` in the run's scratch folder (see
 * `global-setup.ts`), removed when the run ends: under `test/.tmp/` in the
 * repository, or outside the repository with `outside`.
 */
export function scratchFolder(prefix: string, where: 'repository' | 'outside' = 'repository'): string {
  const scratch =
    where === 'outside' ? process.env.POSTMORTEM_TEST_SCRATCH_OUTSIDE ?? tmpdir() : process.env.POSTMORTEM_TEST_SCRATCH ?? join(root, 'test/.tmp')
  mkdirSync(scratch, {recursive: true})
  return mkdtempSync(join(scratch, prefix))
}

/**
 * A new scratch folder in the repository set up as a repository that
 * installed every package of this workspace: each is linked into its
 * `node_modules`, so that rule packages named in a configuration resolve.
 */
export function projectFolder(prefix: string): string {
  const folder = scratchFolder(prefix)
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

/**
 * Milliseconds of this process's CPU time that `run` takes: unlike the wall
 * clock, not lengthened when a busy machine preempts the run.
 */
export async function cpuMilliseconds(run: () => unknown): Promise<number> {
  const start = process.cpuUsage()
  await run()
  const {user, system} = process.cpuUsage(start)
  return (user + system) / 1000
}

/**
 * `value` with `replacement` at `message`'s place (inserted at a point), as
 * unified-language-server applies a quick fix; and where the new text is.
 */
export function applyEdit(value: string, message: VFileMessage, replacement: string): {value: string; from: number; to: number} {
  const index = location(value)
  const place = message.place
  const start = place && ('start' in place ? place.start : place)
  const end = place && ('end' in place ? place.end : place)
  const from = start && index.toOffset(start)
  const to = end && index.toOffset(end)
  if (from === undefined || to === undefined) throw new Error(`no place for ${message.reason}`)
  return {value: value.slice(0, from) + replacement + value.slice(to), from, to: from + replacement.length}
}
