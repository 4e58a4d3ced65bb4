import fc from 'fast-check'
import {incidentFacts, parseMarkdown} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'
import {fuzzing} from '../../../test/reliability/lint.js'
import {plainFrontMatterValues, yamlFrontMatterValues} from '../dist/front-matter.js'

const keys = ['incident_id', 'Failed Version', 'rolled-back-to', 'date', 'true', 'Null', 'y', 'a b', 'key ', ' key', 'k:x', 'é', '_x', '1st']
const separators = [':', ': ', ':  ', ' : ', ':\t']
const values = [
  '', '101', '0', '007', '1.10', '1e3', '-5', '+5', '0x1F', '0o17', '.5', '.inf', '-.inf', '.NaN', '~', 'null', 'True', 'yes', 'off',
  '2.9.1', 'v2.9.1', '2025-11-11', '14:02', '#101', 'a#b', 'a # c', 'INC-4411', '@sam', 'sam @lee', '- a', '-', '-a', '--', '...',
  '"quoted"', '"a # b"', '"a\\"b"', '"a\\nb"', "'single'", "'it''s'", "'a", '"a', 'x: y', 'x:', 'x:y', 'https://github.com/o/r/issues/1',
  '[a]', '{a: 1}', '|', '>', '&anchor a', '*alias', '!tag a', '%', '`code`', 'a  b', 'a\tb', 'café', '(a), b', 'a=b', '~x', '?', '? a',
  'trailing  ', '"a" # c', "'a' #c", 'a #'
]
const otherLines = ['# comment', '', '   ', '  indented: x', '- item', '---', '...', '? key', 'key', '%YAML 1.1', 'a: [1, 2]', 'a: &x 1', 'b: *x', '<<: {c: 1}']

const frontMatter = fc
  .tuple(
    fc.array(
      fc.oneof(
        {weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...separators), fc.constantFrom(...values)).map(([key, separator, value]) => key + separator + value)},
        {weight: 1, arbitrary: fc.constantFrom(...otherLines)}
      ),
      {maxLength: 6}
    ),
    fc.constantFrom('\n', '\r\n', '\r')
  )
  .map(([lines, ending]) => lines.join(ending))

describe('front matter', () => {
  it('reads plain `key: value` lines as yaml reads them, and leaves anything else to yaml', () => {
    const start = {line: 3, column: 1, offset: 20}
    let readPlainly = 0
    fc.assert(
      fc.property(frontMatter, (text) => {
        const plain = plainFrontMatterValues(text, start)
        if (plain) readPlainly++
        if (plain) expect(plain).toEqual(yamlFrontMatterValues(text, start))
      }),
      {numRuns: fuzzing ? 20_000 : 1000}
    )
    // The property is not vacuous: many of the generated front matters are plain.
    expect(readPlainly).toBeGreaterThan(fuzzing ? 2000 : 100)
  })

  it('reads the front matter post-mortems write without yaml', () => {
    const text = 'incident_id: "#101"\nteam: payments\nfailed_version: v2.9.1\nowner: \'@sam\'\ndate: 2025-11-11\nstarted: 14:02\nticket: https://github.com/o/r/issues/1'
    expect(plainFrontMatterValues(text, undefined)).toEqual(yamlFrontMatterValues(text, undefined))
    expect(plainFrontMatterValues('incident: 101\nrollback: 1.2', undefined)).toBeUndefined()
  })

  it('gives each value its key, text and place, the last of repeated keys winning', () => {
    const tree = parseMarkdown('---\nincident_id: "#101"\nfailed_version: 2.9.1\r\n# note\nowner: sam  \nincident_id: 102\n---\n# T\n')
    const {frontMatter, frontMatterError} = incidentFacts(tree)
    expect(frontMatterError).toBeUndefined()
    expect([...frontMatter]).toEqual([
      ['incident id', {key: 'incident_id', value: '102', place: {line: 6, column: 1}}],
      ['failed version', {key: 'failed_version', value: '2.9.1', place: {line: 3, column: 1}}],
      ['owner', {key: 'owner', value: 'sam', place: {line: 5, column: 1}}]
    ])
  })

  it('says why front matter that is not a mapping cannot be read', () => {
    expect(incidentFacts(parseMarkdown('---\n- a\n- b\n---\n# T\n')).frontMatterError).toBe('it is not a mapping of keys to values')
    expect(incidentFacts(parseMarkdown('---\nowner: @sam\n---\n# T\n')).frontMatterError).toMatch(/reserved|@/)
  })

  it('reads TOML front matter (`+++`): top-level scalars with their places, dates as written, tables and arrays left out', () => {
    const tree = parseMarkdown('+++\ntitle = "Rollback: billing"\n"incident id" = "INC-7710"\ndate = 2026-02-11\nstarted = 2026-02-11T23:40:00Z\nminutes = 35\ntags = ["a"]\n\n[review]\nreviewer = "noor"\n+++\n# T\n')
    const {frontMatter, frontMatterError} = incidentFacts(tree)
    expect(frontMatterError).toBeUndefined()
    expect([...frontMatter]).toEqual([
      ['title', {key: 'title', value: 'Rollback: billing', place: {line: 2, column: 1}}],
      ['incident id', {key: 'incident id', value: 'INC-7710', place: {line: 3, column: 1}}],
      ['date', {key: 'date', value: '2026-02-11', place: {line: 4, column: 1}}],
      ['started', {key: 'started', value: '2026-02-11T23:40:00.000Z', place: {line: 5, column: 1}}],
      ['minutes', {key: 'minutes', value: '35', place: {line: 6, column: 1}}]
    ])
    expect(incidentFacts(parseMarkdown('+++\ntitle = "open\n+++\n# T\n')).frontMatterError).toMatch(/^Invalid TOML document/)
  })
})
