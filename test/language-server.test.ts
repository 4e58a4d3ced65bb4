import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  createProtocolConnection,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js'
import {root} from './util.js'

let server: ChildProcessWithoutNullStreams
let connection: ProtocolConnection
let folder = ''
const published: PublishDiagnosticsParams[] = []
const waiters: Array<() => void> = []

/** The next diagnostics published for `uri`. */
function nextDiagnostics(uri: string): Promise<Diagnostic[]> {
  const seen = published.length
  return new Promise((resolve) => {
    const check = () => {
      const found = published.slice(seen).find((params) => params.uri === uri)
      if (!found) return false
      resolve(found.diagnostics)
      return true
    }

    if (!check()) waiters.push(() => void check())
  })
}

beforeAll(async () => {
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  folder = mkdtempSync(join(root, 'test/.tmp/editor-'))
  writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({plugins: ['remark-preset-lint-postmortem']}))
  cpSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), join(folder, '2025-12-10-v1.2.4.md'))

  server = spawn(process.execPath, [join(root, 'test/language-server/server.js'), '--stdio'], {cwd: folder})
  connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params)
    for (const waiter of waiters.splice(0)) waiter()
  })
  connection.listen()

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    capabilities: {},
    workspaceFolders: [{uri: pathToFileURL(folder).href, name: 'post-mortems'}]
  })
  await connection.sendNotification(InitializedNotification.type, {})
})

afterAll(() => {
  connection?.dispose()
  server?.kill()
})

describe('the remark language server with the preset', () => {
  it('publishes our messages as diagnostics, then clears them when the document is fixed', async () => {
    // The editor buffer holds a defective post-mortem under the clean one's name.
    const uri = pathToFileURL(join(folder, '2025-12-10-v1.2.4.md')).href
    const text = readFileSync(join(root, 'fixtures/examples/2025-12-18-v3.0.0.md'), 'utf8')

    const opened = nextDiagnostics(uri)
    const start = performance.now()
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text}
    })
    const diagnostics = await opened
    const latency = performance.now() - start
    console.log(`language server: open-to-diagnostics ${latency.toFixed(0)} ms`)

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

    const changed = nextDiagnostics(uri)
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version: 2},
      contentChanges: [{text: readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8')}]
    })
    expect(await changed).toEqual([])
  })
})
