import {allMatches, matchesAnywhere} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'

describe('allMatches', () => {
  it('finds every match, as matchAll does, and leaves the shared pattern as it found it', () => {
    const pattern = /\b[A-Z]+-\d+\b/g
    const found = allMatches(pattern, 'OPS-1, see OPS-22 and SRE-3')
    expect(found.map((match) => [match.index, match[0]])).toEqual([
      [0, 'OPS-1'],
      [11, 'OPS-22'],
      [22, 'SRE-3']
    ])
    expect(pattern.lastIndex).toBe(0)
    expect(allMatches(pattern, 'nothing here')).toEqual([])
  })

  it('moves past empty matches by a character, a whole emoji under the unicode flag', () => {
    expect(allMatches(/x*/g, 'axb').map((match) => [match.index, match[0]])).toEqual([...'axb'.matchAll(/x*/g)].map((match) => [match.index, match[0]]))
    expect(allMatches(/x*/gu, '🔄x').map((match) => [match.index, match[0]])).toEqual([...'🔄x'.matchAll(/x*/gu)].map((match) => [match.index, match[0]]))
  })

  it('refuses a pattern without the global flag, as matchAll does', () => {
    expect(() => allMatches(/x/, 'x')).toThrow(/global/)
  })
})

describe('matchesAnywhere', () => {
  it('tests from the start whatever lastIndex a shared pattern was left with, and resets it', () => {
    const pattern = /TODO/g
    pattern.lastIndex = 10
    expect(matchesAnywhere(pattern, 'TODO: fill in')).toBe(true)
    expect(pattern.lastIndex).toBe(0)
    expect(matchesAnywhere(pattern, 'done')).toBe(false)
  })
})
