import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Nodes} from 'mdast'
import {parseMarkdown, plainText} from 'mdast-util-postmortem'
import {toString} from 'mdast-util-to-string'
import {describe, expect, it} from 'vitest'

/** Team templates and post-mortems with tables, lists, fields, links, code and HTML: every kind of node the rules read. */
const folders = ['templates', 'teams', 'examples', 'no-placeholders', 'action-items'].map((name) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)))

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : []
  )
}

function* nodesOf(node: Nodes): Generator<Nodes> {
  yield node
  if ('children' in node) for (const child of node.children) yield* nodesOf(child)
}

describe('plainText', () => {
  it('gives mdast-util-to-string\'s text for every node of the team templates and post-mortems', () => {
    let compared = 0
    const differences: string[] = []
    for (const file of folders.flatMap(markdownFiles)) {
      for (const node of nodesOf(parseMarkdown(readFileSync(file, 'utf8')))) {
        if (plainText(node) !== toString(node)) differences.push(`${file}: ${node.type} at line ${node.position?.start.line}`)
        compared++
      }
    }

    expect(differences).toEqual([])
    expect(compared).toBeGreaterThan(10_000)
  })

  it('reads a cell of one text, a paragraph of several nodes and an image\'s alt as mdast-util-to-string does', () => {
    const tree = parseMarkdown('| A | B |\n| - | - |\n| one | **two** x |\n\nSome *text* and ![alt text](a.png)\n')
    const [table, paragraph] = tree.children
    expect(table?.type === 'table' && table.children[1]?.children.map((cell) => plainText(cell))).toEqual(['one', 'two x'])
    expect(paragraph && plainText(paragraph)).toBe('Some text and alt text')
  })
})
