import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {busyMachineTimeout} from '../util.js'
import {expectWellFormed, fuzzing, lintValue} from './lint.js'

/** About 1 MB with `pnpm fuzz`; smaller in `pnpm test` to keep it fast, same shapes. */
const size = fuzzing ? 1_000_000 : 50_000

/**
 * micromark-extension-gfm-footnote (in remark-gfm) is itself quadratic on a
 * run of `]` (20,000 take seconds to parse, with or without our rules), so
 * that shape stays small: the bound below is on what the rules add.
 */
const closingBracketSize = fuzzing ? 40_000 : 5000

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

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/**
 * The fastest of several runs: at least one (two with `pnpm fuzz`), more
 * while they add up to under 300 ms, so that a short run is not judged on
 * one garbage-collection pause.
 */
async function fastest(run: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  let total = 0
  for (let round = 0; round < 10 && (round < (fuzzing ? 2 : 1) || total < 300); round++) {
    const start = performance.now()
    await run()
    const elapsed = performance.now() - start
    best = Math.min(best, elapsed)
    total += elapsed
  }

  return best
}

describe(`adversarial documents of about ${size.toLocaleString('en')} characters`, {timeout: busyMachineTimeout}, () => {
  // Mojibake-shaped text is held to 1.5×: its repair must stay linear and cheap.
  const cases = [
    ...Object.entries(shapes).map(([name, value]) => [name, value, 3] as const),
    ...Object.entries(mojibake).map(([name, value]) => [name, value, 1.5] as const)
  ]

  it.each(cases)('lints %s within its bound × bare parsing (3×, mojibake 1.5×), linearly', async (_, value, bound) => {
    const parse = await fastest(() => bare.parse(value))
    const lint = await fastest(() => lintValue(value))
    expectWellFormed(await lintValue(value), value)
    expect(lint / parse, `lint ${lint.toFixed(0)} ms, parse ${parse.toFixed(0)} ms`).toBeLessThanOrEqual(bound)
  }, 120_000)
})
