import {readFileSync, writeFileSync} from 'node:fs'
import {setTimeout} from 'node:timers/promises'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {DiagnosticSeverity, type CodeAction} from 'vscode-languageserver-protocol'
import {startLanguageServer} from './language-server/client.mjs'
import {busyMachineTimeout, root, scratchFolder} from './util.js'

let client: Awaited<ReturnType<typeof startLanguageServer>>
let folder = ''

beforeAll(async () => {
  folder = scratchFolder('editor-')
  writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({plugins: ['remark-preset-lint-postmortem']}))
  client = await startLanguageServer(folder)
})

afterAll(() => {
  client?.close()
})

describe('the remark language server with the preset', {timeout: busyMachineTimeout}, () => {
  it('publishes our messages as diagnostics, then clears them when the document is fixed', async () => {
    // The editor buffer holds a defective post-mortem under the clean one's name.
    const uri = pathToFileURL(join(folder, '2025-12-10-v1.2.4.md')).href
    const text = readFileSync(join(root, 'fixtures/examples/2025-12-18-v3.0.0.md'), 'utf8')

    const start = performance.now()
    const diagnostics = await client.open(uri, text)
    console.log(`language server: open-to-diagnostics ${(performance.now() - start).toFixed(0)} ms`)

    const nearMiss = diagnostics.find((diagnostic) => diagnostic.message.startsWith('Unexpected section `Lessons Learnt`'))
    expect(nearMiss).toMatchObject({
      code: 'postmortem-required-headings',
      source: 'remark-lint',
      codeDescription: {href: 'https://www.npmjs.com/package/remark-lint-postmortem-required-headings#readme'},
      severity: DiagnosticSeverity.Error,
      range: {start: {line: 86, character: 3}, end: {line: 86, character: 17}}
    })
    const status = diagnostics.find((diagnostic) => diagnostic.code === 'postmortem-action-items')
    expect(status?.codeDescription?.href).toBe('https://www.npmjs.com/package/remark-lint-postmortem-action-items#readme')
    expect(new Set(diagnostics.map((diagnostic) => diagnostic.code))).toEqual(
      new Set([
        'postmortem-compliance-checked',
        'postmortem-timeline-order',
        'postmortem-required-headings',
        'postmortem-action-items',
        'postmortem-sign-off',
        'postmortem-file-name'
      ])
    )

    const fixed = readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8')
    expect(await client.change(uri, 2, fixed)).toEqual([])
  })

  it('offers a quick fix for a near-miss heading that, applied, clears its diagnostic', async () => {
    const uri = pathToFileURL(join(folder, 'lessons.md')).href
    const text = readFileSync(join(root, 'fixtures/examples/2025-12-18-v3.0.0.md'), 'utf8')
    const diagnostics = await client.open(uri, text)
    const nearMiss = diagnostics.find((diagnostic) => diagnostic.message.startsWith('Unexpected section `Lessons Learnt`'))
    expect(nearMiss).toBeDefined()
    const actions = nearMiss ? await client.codeActions(uri, [nearMiss]) : []
    expect(actions).toHaveLength(1)
    const [action] = actions as CodeAction[]
    expect(action?.title).toBe('Replace `Lessons Learnt` with `Lessons Learned`')
    const edits = action?.edit?.changes?.[uri] ?? []
    expect(edits).toHaveLength(1)
    const lines = text.split('\n')
    for (const edit of edits) {
      const line = lines[edit.range.start.line] ?? ''
      lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character)
    }

    expect(lines[86]).toBe('## Lessons Learned')
    const after = await client.change(uri, 2, lines.join('\n'))
    expect(after.filter((diagnostic) => diagnostic.message.includes('Lessons Learnt'))).toEqual([])
    expect(after.length).toBe(diagnostics.length - 1)
  })

  it('reports an incident another post-mortem of the workspace folder already has', async () => {
    const clean = readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8')
    writeFileSync(join(folder, 'first.md'), clean.replace('**Date**: 2025-12-10', '**Date**: 2025-12-09'))
    // The rule asks the disk for the folder's files at most every 250 ms (its readme): the tests before linted this folder.
    await setTimeout(300)
    const uri = pathToFileURL(join(folder, 'second.md')).href
    const diagnostics = await client.open(uri, clean)
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'postmortem-unique-incident').map((diagnostic) => diagnostic.message)).toEqual([
      'Unexpected incident ID `#123`, also the incident of `first.md`, expected one post-mortem per incident'
    ])
  })
})
