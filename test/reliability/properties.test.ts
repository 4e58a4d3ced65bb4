import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {busyMachineTimeout} from '../util.js'
import {postmortemDocument as document} from './documents.js'
import {describeMessages, expectWellFormed, fuzzing, lintValue} from './lint.js'

const runs = fuzzing ? 5000 : 150

describe('any document built from post-mortem fragments', {timeout: busyMachineTimeout}, () => {
  it('never makes a rule throw, and every message is well formed and deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (value) => {
        const first = await lintValue(value, '2025-12-10-v1.2.4.md')
        expectWellFormed(first, value)
        expect(describeMessages(await lintValue(value, '2025-12-10-v1.2.4.md'))).toEqual(describeMessages(first))
      }),
      {seed: 20_251_210, numRuns: runs}
    )
  }, 120_000)

  it('gives the same messages after a thousand other documents as alone', async () => {
    const others = fc.sample(document, {seed: 7, numRuns: 1000})
    const targets = fc.sample(document, {seed: 8, numRuns: 5})
    const alone = await Promise.all(targets.map(async (value) => describeMessages(await lintValue(value))))
    for (const value of others) await lintValue(value)
    for (const [index, value] of targets.entries()) {
      expect(describeMessages(await lintValue(value))).toEqual(alone[index])
    }
  }, 120_000)
})
