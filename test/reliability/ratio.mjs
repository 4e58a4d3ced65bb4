/**
 * `node ratio.mjs <file>`: the best-of-many time of linting the document in
 * `<file>` with the preset over the best time of parsing it, in a plain
 * Node.js process (the packages' production builds, unlike vitest's
 * `development` condition). Prints the ratio as JSON.
 *
 * Times are the process's CPU time, not the wall clock: on a busy machine a
 * run that is preempted is not slower, only later.
 */
import {readFileSync} from 'node:fs'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'

const value = readFileSync(process.argv[2] ?? '', 'utf8')
const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()
const preset = remark().use(remarkPresetLintPostmortem).freeze()

const runs = {
  parse: () => bare.parse(value),
  lint: async () => {
    const file = new VFile({path: 'postmortem.md', value})
    await preset.run(preset.parse(file), file)
  }
}
const best = {parse: Number.POSITIVE_INFINITY, lint: Number.POSITIVE_INFINITY}
/** Runs per timed batch: CPU time is counted in scheduler ticks, so a run of 3 ms timed alone can read as twice that. */
const batch = {parse: 1, lint: 1}

/** @param {'parse' | 'lint'} name */
async function timed(name) {
  const start = process.cpuUsage()
  for (let index = 0; index < batch[name]; index++) await runs[name]()
  const {user, system} = process.cpuUsage(start)
  return (user + system) / 1000 / batch[name]
}

// Both warmed up and batched to at least 25 ms, then alternated: the best of each sees the same machine.
for (let round = 0; round < 5; round++) {
  for (const name of /** @type {const} */ (['parse', 'lint'])) batch[name] = Math.min(64, Math.max(batch[name], Math.ceil(25 / Math.max(await timed(name), 0.1))))
}

for (let round = 0; round < 30; round++) {
  for (const name of /** @type {const} */ (['parse', 'lint'])) best[name] = Math.min(best[name], await timed(name))
}

console.log(JSON.stringify({parse: best.parse, lint: best.lint, ratio: best.lint / best.parse}))
