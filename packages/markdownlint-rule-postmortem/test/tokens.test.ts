import fc from 'fast-check'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {RuleParams} from 'markdownlint'
import {lint} from 'markdownlint/sync'
import markdownlintRulePostmortem, {documentsRead} from 'markdownlint-rule-postmortem'
import {describe, expect, it} from 'vitest'
import {markdownDocument, postmortemDocument} from '../../../test/reliability/documents.js'
import {fuzzing} from '../../../test/reliability/lint.js'
import {busyMachineTimeout, root} from '../../../test/util.js'
import {parseForRules} from '../dist/parse.js'
import {treeFromMicromark} from '../dist/tokens.js'

/** What markdownlint hands a rule for `value`: its tokens, lines and front matter lines. */
function paramsOf(value: string): RuleParams {
  let captured: RuleParams | undefined
  lint({
    strings: {'doc.md': value},
    config: {default: false, capture: true},
    customRules: [
      {
        names: ['capture'],
        description: 'Captures the rule parameters',
        tags: ['test'],
        parser: 'micromark',
        function(params) {
          captured = params
        }
      }
    ]
  })
  if (!captured) throw new Error('markdownlint ran no rule')
  return captured
}

/** The converted tree (or the construct that stopped it) next to the rules' own parse of the same text. */
function convert(value: string) {
  const params = paramsOf(value)
  const frontMatter = params.frontMatterLines.length > 0 ? params.frontMatterLines.join('\n') + '\n' : ''
  const converted = treeFromMicromark(
    {tokens: params.parsers.micromark.tokens, lines: params.lines, frontMatterLines: params.frontMatterLines},
    frontMatter + params.lines.join('\n')
  )
  // The file's own text, with its HTML comments (markdownlint blanks them out
  // in `lines`). markdownlint cannot tell front matter alone with a final line
  // ending from one without: the adapter reads the first.
  const text = value.replace(/\r\n?/g, '\n')
  return {converted, parsed: parseForRules(params.frontMatterLines.length > 0 && params.lines.join('\n') === '' && !text.endsWith('\n') ? text + '\n' : text)}
}

function markdownFiles(folder: string): string[] {
  return readdirSync(join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name))
    .sort()
}

const documents = [
  ...markdownFiles('fixtures'),
  'README.md',
  ...readdirSync(join(root, 'packages')).map((name) => join('packages', name, 'readme.md'))
]

describe('the mdast built from markdownlint’s micromark tokens', () => {
  it.each(documents.filter((path) => !path.endsWith('unsupported.md')))('is the rules’ own parse, node for node: %s', (path) => {
    const {converted, parsed} = convert(readFileSync(join(root, path), 'utf8'))
    expect(converted.unsupported).toBeUndefined()
    expect(converted.tree).toEqual(parsed)
  })

  it('is the rules’ own parse for a file with CRLF line endings and front matter', () => {
    const {converted, parsed} = convert(readFileSync(join(root, 'fixtures/markdownlint-tokens/crlf.md'), 'utf8'))
    expect(readFileSync(join(root, 'fixtures/markdownlint-tokens/crlf.md'), 'utf8')).toContain('\r\n')
    expect(converted.tree).toEqual(parsed)
    expect(converted.tree?.children[0]).toMatchObject({type: 'yaml', value: 'title: crlf'})
  })

  it('is the rules’ own parse for TOML front matter (`+++`)', () => {
    const {converted, parsed} = convert('+++\ntitle = "x"\n+++\n\n# Title\n')
    expect(converted.tree).toEqual(parsed)
    expect(converted.tree?.children[0]).toMatchObject({type: 'toml', value: 'title = "x"'})
  })

  it('reads task list items, which markdownlint does not parse, as GFM does', () => {
    const {converted} = convert('- [ ] open\n- [x] done\n- [x]no space\n- [ ]\n  next line\n')
    const items = converted.tree?.children[0]
    expect(items).toMatchObject({
      type: 'list',
      children: [
        {checked: false, children: [{children: [{value: 'open', position: {start: {column: 7}}}]}]},
        {checked: true},
        {checked: null, children: [{children: [{value: '[x]no space'}]}]},
        {checked: false, children: [{children: [{value: 'next line'}]}]}
      ]
    })
  })

  it('rebuilds reference links and images and their definitions', () => {
    const {converted} = convert(readFileSync(join(root, 'fixtures/markdownlint-tokens/references.md'), 'utf8'))
    expect(converted.tree?.children.map((node) => node.type)).toEqual(['paragraph', 'definition', 'definition'])
    const paragraph = converted.tree?.children[0]
    const references = paragraph && 'children' in paragraph ? paragraph.children.filter((node) => node.type !== 'text') : []
    expect(references).toMatchObject([
      {type: 'linkReference', identifier: 'ref', label: 'Ref', referenceType: 'full'},
      {type: 'linkReference', identifier: 'collapsed', referenceType: 'collapsed'},
      {type: 'linkReference', identifier: 'ref', referenceType: 'shortcut'},
      {type: 'imageReference', alt: 'img', referenceType: 'full'},
      {type: 'imageReference', alt: 'ref', referenceType: 'shortcut'}
    ])
    expect(converted.tree?.children[1]).toMatchObject({type: 'definition', identifier: 'ref', url: 'https://x.y/a%20b', title: 'Title'})
  })

  it('undoes the directives and math markdownlint reads in times and prices', () => {
    const value = '| Time | Cost |\n| --- | --- |\n| 10:00:00 | $5 and $10 |\n'
    const {converted, parsed} = convert(value)
    expect(converted.tree).toEqual(parsed)
    expect(converted.tree?.children[0]).toMatchObject({
      children: [{}, {children: [{children: [{value: '10:00:00'}]}, {children: [{value: '$5 and $10'}]}]}]
    })
  })

  it.each([
    ['a label across lines', 'See [the\nrunbook][].\n\n[the runbook]: https://example.com\n', 'label across lines'],
    ['a directive with a label', 'Text :abbr[SRE] here.\n', 'directive with a label or attributes'],
    ['a container directive', ':::note\nText\n:::\n', 'directiveContainer'],
    ['a footnote', 'Text[^1].\n\n[^1]: Note.\n', 'gfmFootnoteCall'],
    ['math holding markup', 'Costs $a*b*c$ today.\n', 'math with markup'],
    ['a task after a blank line', '-\n  [ ] task\n', 'task after a blank line'],
    ['a tab in code indented within a list', '- a\n\n\t\tcode\n', 'tab in indented code']
  ])('gives up on %s, naming it, so that the document is parsed instead', (_, value, construct) => {
    expect(convert(value).converted).toEqual({unsupported: construct})
  })
})

describe('the mdast built from tokens, on generated documents', {timeout: busyMachineTimeout}, () => {
  const runs = fuzzing ? 5000 : 300
  it.each([
    ['Markdown of every construct', markdownDocument],
    ['post-mortem fragments, any line endings, cut anywhere', postmortemDocument]
  ])('is the rules’ own parse, or names what it gives up on: %s', (_, documents) => {
    fc.assert(
      fc.property(documents, (value) => {
        const {converted, parsed} = convert(value)
        if (converted.tree) expect(converted.tree).toEqual(parsed)
        else expect(converted.unsupported).toMatch(/\S/)
      }),
      {seed: 20_261_129, numRuns: runs}
    )
  })

  it('rebuilds most generated Markdown rather than giving up', () => {
    const values = fc.sample(markdownDocument, {seed: 3, numRuns: 200})
    const rebuilt = values.filter((value) => convert(value).converted.tree).length
    expect(rebuilt).toBeGreaterThan(60)
  })
})

describe('markdownlint-rule-postmortem reading documents', () => {
  it('builds each document from the tokens, and parses one with a construct it cannot rebuild', () => {
    const before = documentsRead()
    const results = lint({
      strings: {
        'a.md': readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8'),
        'b.md': readFileSync(join(root, 'fixtures/markdownlint-tokens/unsupported.md'), 'utf8')
      },
      config: {default: false, 'postmortem-required-headings': true},
      customRules: markdownlintRulePostmortem
    })
    const after = documentsRead()
    expect({fromTokens: after.fromTokens - before.fromTokens, parsed: after.parsed - before.parsed}).toEqual({fromTokens: 1, parsed: 1})
    expect(results['a.md']).toEqual([])
    expect(results['b.md']?.[0]).toMatchObject({ruleNames: ['postmortem-required-headings'], lineNumber: 6})
  })
})
