/**
 * A real LSP client over stdio for the language server in `server.js`,
 * shared by the end-to-end test and the editor benchmark.
 */
import {spawn} from 'node:child_process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter
} from 'vscode-languageserver-protocol/node.js'

const serverPath = fileURLToPath(new URL('server.js', import.meta.url))

/**
 * Start the server with `folder` as its workspace.
 * @param {string} folder
 */
export async function startLanguageServer(folder) {
  const server = spawn(process.execPath, [serverPath, '--stdio'], {cwd: folder})
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
  /** @type {Map<string, Array<(diagnostics: import('vscode-languageserver-protocol').Diagnostic[]) => void>>} */
  const waiting = new Map()

  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const resolvers = waiting.get(params.uri) ?? []
    waiting.delete(params.uri)
    for (const resolve of resolvers) resolve(params.diagnostics)
  })
  connection.listen()

  const folderUri = pathToFileURL(folder).href
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folderUri,
    capabilities: {},
    workspaceFolders: [{uri: folderUri, name: 'post-mortems'}]
  })
  await connection.sendNotification(InitializedNotification.type, {})

  /**
   * The next diagnostics published for `uri`.
   * @param {string} uri
   * @returns {Promise<import('vscode-languageserver-protocol').Diagnostic[]>}
   */
  function nextDiagnostics(uri) {
    return new Promise((resolve) => {
      const resolvers = waiting.get(uri) ?? []
      resolvers.push(resolve)
      waiting.set(uri, resolvers)
    })
  }

  return {
    /**
     * Open a document; resolves with its diagnostics.
     * @param {string} uri
     * @param {string} text
     */
    async open(uri, text) {
      const diagnostics = nextDiagnostics(uri)
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: {uri, languageId: 'markdown', version: 1, text}
      })
      return diagnostics
    },
    /**
     * Replace a document's text; resolves with its new diagnostics.
     * @param {string} uri
     * @param {number} version
     * @param {string} text
     */
    async change(uri, version, text) {
      const diagnostics = nextDiagnostics(uri)
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: {uri, version},
        contentChanges: [{text}]
      })
      return diagnostics
    },
    /**
     * The quick fixes the server offers for `diagnostics` of `uri`.
     * @param {string} uri
     * @param {import('vscode-languageserver-protocol').Diagnostic[]} diagnostics
     */
    async codeActions(uri, diagnostics) {
      const range = diagnostics[0]?.range ?? {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
      return connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range, context: {diagnostics}})
    },
    close() {
      connection.dispose()
      server.kill()
    }
  }
}
