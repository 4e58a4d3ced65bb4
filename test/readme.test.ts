import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {remark} from 'remark'
import remarkGfm from 'remark-gfm'
import {describe, expect, it} from 'vitest'
import {rules} from './rules.js'
import {root} from './util.js'

const definitions = rules.map(({definition}) => ({
  id: definition.id,
  packageName: definition.packageName,
  options: Object.keys(definition.options)
}))

/** The first table after the heading `heading` in `markdown`, as rows of cell texts. */
function tableAfter(markdown: string, heading: string): string[][] {
  const nodes = remark().use(remarkGfm).parse(markdown).children
  const start = nodes.findIndex((node) => node.type === 'heading' && toString(node) === heading)
  const table = nodes.slice(start).find((node): node is Table => node.type === 'table')
  return (table?.children ?? []).slice(1).map((row) => row.children.map((cell) => toString(cell).trim()))
}

describe('the root README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')

  it('starts with the two commands', () => {
    const commands = /```sh\n(.*)\n(.*)\n```/.exec(readme)
    expect(commands?.[1]).toBe('npx --yes pnpm@12.4.2 install --frozen-lockfile && npx --yes pnpm@12.4.2 examples')
    expect(commands?.[2]).toBe('npx --yes pnpm@12.4.2 install --frozen-lockfile && npx --yes pnpm@12.4.2 test')
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain(commands?.[2])
  })

  it('has a rules table that matches the rules: ids, options, fixable, links', () => {
    const rows = tableAfter(readme, 'What it checks')
    expect(rows.map((row) => row[0])).toEqual(definitions.map((definition) => 'postmortem-' + definition.id))
    rows.forEach((row, index) => {
      const definition = definitions[index]
      const options = row[2] === 'none' ? [] : (row[2] ?? '').split(', ')
      expect(options, row[0]).toEqual(definition?.options)
      const fixes = readFileSync(join(root, 'packages', definition?.packageName ?? '', 'readme.md'), 'utf8').split('## Fixes\n\n')[1] ?? ''
      expect(row[3], row[0]).toBe(fixes.startsWith('None') ? 'no' : 'yes')
    })

    for (const definition of definitions) {
      expect(readme).toContain(`(packages/${definition.packageName}#readme)`)
      expect(existsSync(join(root, 'packages', definition.packageName, 'readme.md'))).toBe(true)
    }
  })
})

describe.each(definitions)('the readme of $packageName', ({packageName, options}) => {
  const readme = readFileSync(join(root, 'packages', packageName, 'readme.md'), 'utf8')

  it('documents every option with its type and default', () => {
    const rows = tableAfter(readme, 'Options')
    expect(rows.map((row) => row[0])).toEqual(options)
    for (const row of rows) expect(row.slice(1, 3).every((cell) => cell !== ''), row[0]).toBe(true)
  })

  it('has the sections of a remark-lint rule readme, in order', () => {
    const sections = remark()
      .parse(readme)
      .children.flatMap((node) => (node.type === 'heading' && node.depth === 2 ? [toString(node)] : []))
    expect(sections).toEqual([
      'Contents',
      'What is this?',
      'When should I use this?',
      'Install',
      'Use',
      'API',
      'Examples',
      'Fixes',
      'Compatibility',
      'Related',
      'License'
    ])
    expect(readme).toContain('### Options')
  })
})
