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

// Both warmed up, then alternated: the best of each sees the same machine.
for (let round = 0; round < 60; round++) {
  for (const name of /** @type {const} */ (['parse', 'lint'])) {
    const start = process.cpuUsage()
    await runs[name]()
    const {user, system} = process.cpuUsage(start)
    if (round >= 5) best[name] = Math.min(best[name], (user + system) / 1000)
  }
}

console.log(JSON.stringify({parse: best.parse, lint: best.lint, ratio: best.lint / best.parse}))
