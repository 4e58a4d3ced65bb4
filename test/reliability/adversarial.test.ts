import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {busyMachineTimeout, cpuMilliseconds, scratchFolder} from '../util.js'
import {expectWellFormed, fuzzing, lintValue} from './lint.js'

/** About 1 MB with `pnpm fuzz`; smaller in `pnpm test` to keep it fast, same shapes. */
const size = fuzzing ? 1_000_000 : 50_000

/**
 * micromark-extension-gfm-footnote (in remark-gfm) is itself quadratic on a
 * run of `]` (20,000 take seconds to parse, with or without our rules), so
 * that shape stays small: the bound below is on what the rules add.
 */
const closingBracketSize = fuzzing ? 40_000 : 5000

/**
 * Each shape is parsed about four times (bare and linted, the fastest of two
 * each; the last linted run's messages are checked). At 1 MB micromark alone takes
 * ~27 s to parse the `fields` shape (one paragraph of 35,000 lines; the rules
 * add ~1.4 s), so `pnpm fuzz` allows ten minutes a shape.
 */
const shapeTimeout = fuzzing ? 600_000 : 120_000

function repeat(unit: string, prefix = '', length = size): string {
  return prefix + unit.repeat(Math.ceil((length - prefix.length) / unit.length))
}

const timeline = '# T\n\n## Incident Timeline\n\n| Time | Event |\n|---|---|\n'
const actions = '# T\n\n**Date**: 2025-12-10\n\n## Action Items\n\n| ID | Action | Owner | Due Date | Status | Ticket |\n|---|---|---|---|---|---|\n'

const shapes: Record<string, string> = {
  'brackets [': repeat('['),
  'brackets ]': repeat(']', '', closingBracketSize),
  'at signs': repeat('@'),
  'pipes': repeat('|'),
  'digits': repeat('1234567890'),
  'colons': repeat(':'),
  'asterisks': repeat('*'),
  'spaces': repeat(' ') + 'x',
  'fields': repeat('**Label**: [YYYY-MM-DD] TODO\n'),
  'checkboxes': repeat('- [ ] Post-mortem completed within 48 hours of incident\n', '**Constitutional Compliance Verified**:\n'),
  'timeline rows': repeat('| 10:61 | [e.g., x] |\n', timeline),
  'action item rows': repeat('| 1 | | bob, @x | 2025-02-30 | ‚úÖ Maybe | [X] |\n', actions),
  'headings': repeat('## Lessons Learnt?\n'),
  'one long line': repeat('a [Name] @b | 12:00 ** TODO ____ https://x.y/TODO ‚úÖ '),
  'brackets then text': repeat('[').concat('x]'),
  'underscores': repeat('_')
}

/** Runs of Mac Roman characters that look like mangled UTF-8 but are not (`‡ÄÄ` is E0 80 80, an overlong form). */
const mojibake: Record<string, string> = {
  'mojibake in a paragraph': repeat('‡ÄÄ', '# T\n\n'),
  'mojibake in a status cell': actions + '| 1 | a | @b | 2025-12-12 | ' + repeat('‡ÄÄ') + ' | AB-1 |\n'
}

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

/**
 * The fastest of several batches, per run, in milliseconds of CPU time (a
 * run preempted on a busy machine is not slower): at least two, so that no
 * document is judged on its first run (which compiles the code it reaches: a
 * long document's one run took 4× its parse on a loaded machine), more while
 * they add up to under 300 ms, so that a short run is not judged on one
 * garbage-collection pause; a batch repeats a short run until it takes 50 ms,
 * since a run of 4 ms timed alone swings by half its length (a
 * 50,000-character status cell of mojibake measured from 1.1× to 2.4× its
 * parse that way).
 */
async function fastest(run: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  let count = 1
  let total = 0
  for (let round = 0; round < 10 && (round < 2 || total < 300); ) {
    const elapsed = await cpuMilliseconds(async () => {
      for (let index = 0; index < count; index++) await run()
    })
    if (elapsed < 50 && count < 1024) {
      count *= 2
      continue
    }

    best = Math.min(best, elapsed / count)
    total += elapsed
    round++
  }

  return best
}

describe(`adversarial documents of about ${size.toLocaleString('en')} characters`, {timeout: busyMachineTimeout}, () => {
  it.each(Object.entries(shapes))('lints %s within 3× bare parsing, linearly', async (_, value) => {
    const parse = await fastest(() => bare.parse(value))
    // The timed runs' last messages are the ones checked: a long shape is not linted once more.
    let messages: VFileMessage[] = []
    const lint = await fastest(async () => {
      messages = await lintValue(value)
    })
    expectWellFormed(messages, value)
    expect(lint / parse, `lint ${lint.toFixed(0)} ms, parse ${parse.toFixed(0)} ms`).toBeLessThanOrEqual(3)
  }, shapeTimeout)

  // Mojibake-shaped text is held to 3× bare parsing, measured with the production builds the CLI runs
  // (vitest loads development builds, whose assertions cost more than the rules): quiet runs measure
  // 1.1–1.4×, a CI run beside the suite's other workers 2.2×, and a quadratic repair hundreds of times.
  it.each(Object.entries(mojibake))('lints %s within 3× bare parsing: the mojibake repair is linear', async (_, value) => {
    expectWellFormed(await lintValue(value), value)
    const path = join(scratchFolder('postmortem-mojibake-', 'outside'), 'document.md')
    writeFileSync(path, value)
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('ratio.mjs', import.meta.url)), path], {encoding: 'utf8'})
    const {parse, lint, ratio} = JSON.parse(run.stdout) as {parse: number; lint: number; ratio: number}
    expect(ratio, `lint ${lint.toFixed(1)} ms, parse ${parse.toFixed(1)} ms`).toBeLessThanOrEqual(3)
  }, shapeTimeout)
})
