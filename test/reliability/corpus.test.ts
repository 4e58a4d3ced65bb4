import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {busyMachineTimeout, root} from '../util.js'
import {expectWellFormed, fuzzing, lintValue} from './lint.js'

const require = createRequire(import.meta.url)
const commonmark = require('commonmark-spec') as {text: string; tests: Array<{markdown: string; number: number}>}

const fixtures = readdirSync(join(root, 'fixtures'), {recursive: true, encoding: 'utf8'})
  .filter((name) => name.endsWith('.md'))
  .sort()
const clean = 'examples/2025-12-10-v1.2.4.md'

/** `value` without its line `index` (line endings kept as they are). */
function withoutLine(value: string, index: number): string {
  const lines = value.split(/(?<=\r\n|\r(?!\n)|\n)/)
  return lines.filter((_, line) => line !== index).join('')
}

describe('a real-world corpus', {timeout: busyMachineTimeout}, () => {
  it('lints every CommonMark spec example and the whole spec without a crash', async () => {
    for (const example of commonmark.tests) {
      expectWellFormed(await lintValue(example.markdown, `example-${example.number}.md`), example.markdown)
    }

    expectWellFormed(await lintValue(commonmark.text, 'spec.md'), commonmark.text)
    expect(commonmark.tests.length).toBeGreaterThan(600)
  }, 60_000)

  it('lints the clean post-mortem with any one line deleted without a crash or a message without a position', async () => {
    const value = readFileSync(join(root, 'fixtures', clean), 'utf8')
    const lineCount = value.split(/\r\n|\r|\n/).length
    for (let index = 0; index < lineCount; index++) {
      const changed = withoutLine(value, index)
      expectWellFormed(await lintValue(changed, '2025-12-10-v1.2.4.md'), changed)
    }
  }, 60_000)

  // One test a fixture: the fixtures grow with every team, and each gets its own time limit.
  it.each(fixtures)(`lints %s with lines deleted one at a time (${fuzzing ? 'every line' : 'a sample of lines'})`, async (name) => {
    const value = readFileSync(join(root, 'fixtures', name), 'utf8')
    const lineCount = value.split(/\r\n|\r|\n/).length
    const step = fuzzing ? 1 : Math.max(1, Math.floor(lineCount / 3))
    for (let index = name.length % step; index < lineCount; index += step) {
      const changed = withoutLine(value, index)
      expectWellFormed(await lintValue(changed, name), changed)
    }
  }, fuzzing ? 120_000 : 60_000)
})
