import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {DiagnosticSeverity} from 'vscode-languageserver-protocol'
import {startLanguageServer} from './language-server/client.mjs'
import {busyMachineTimeout, root} from './util.js'

let client: Awaited<ReturnType<typeof startLanguageServer>>
let folder = ''

beforeAll(async () => {
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  folder = mkdtempSync(join(root, 'test/.tmp/editor-'))
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
      range: {start: {line: 86, character: 0}, end: {line: 86, character: 17}}
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
})
