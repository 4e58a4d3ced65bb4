import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Code, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {remark} from 'remark'
import type {Plugin} from 'unified'
import {stringifyPosition} from 'unist-util-stringify-position'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint, root, scratchFolder} from './util.js'

interface Example {
  name: string
  options: unknown
  input: string
  output: string[]
}

/**
 * The examples of a rule readme: `##### \`name.md\`` headings, each with an
 * optional "When configured with `{…}`" line, a `markdown` block (In) and a
 * `text` block or "No messages." (Out). An example named `template.md` (or
 * `…-template.md`) is a team template, written to the working directory for
 * the examples that name it.
 */
function readmeExamples(readme: string): Example[] {
  const nodes = remark().parse(readme).children
  const examples: Example[] = []
  let current: Example | undefined

  nodes.forEach((node: RootContent) => {
    if (node.type === 'heading' && node.depth === 5) {
      current = {name: toString(node), options: undefined, input: '', output: []}
      examples.push(current)
    } else if (current && node.type === 'paragraph') {
      const text = toString(node)
      const configured = node.children.find((child) => child.type === 'inlineCode')
      if (text.startsWith('When configured with') && configured) current.options = JSON.parse(configured.value)
    } else if (current && node.type === 'code') {
      const code = node as Code
      if (code.lang === 'markdown') current.input = code.value + '\n'
      else if (code.lang === 'text') current.output = code.value.split('\n')
    }
  })

  return examples
}

const packagesFolder = join(root, 'packages')
const rulePackages = readdirSync(packagesFolder).filter((name) => name.startsWith('remark-lint-postmortem-'))

describe.each(rulePackages)('%s readme examples', (packageName) => {
  const readme = readFileSync(join(packagesFolder, packageName, 'readme.md'), 'utf8')
  const examples = readmeExamples(readme)
  const cwd = scratchFolder('postmortem-readme-', 'outside')

  // Every example is on disk, as a folder of post-mortems would be (`unique-incident` reads the others);
  // a `template.md` example is a template the examples use, not a case.
  for (const example of examples) writeFileSync(join(cwd, example.name), example.input)
  const cases = examples.filter((example) => example.name !== 'template.md' && !example.name.endsWith('-template.md'))

  it('has ok and not-ok examples', () => {
    expect(cases.some((example) => example.output.length === 0)).toBe(true)
    expect(cases.some((example) => example.output.length > 0)).toBe(true)
  })

  it.each(cases.map((example) => [example.name, example] as const))('%s', async (_, example) => {
    const {default: rule} = (await import(packageName)) as {default: Plugin}
    const file = new VFile({path: join(cwd, example.name), cwd, value: example.input})
    const messages = await lint(file, [[rule, example.options]])
    expect(
      messages.map((message) => (message.place ? `${stringifyPosition(message.place)}: ` : '') + message.reason)
    ).toEqual(example.output)
  })
})
