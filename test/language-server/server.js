// The remark language server, built the way remark-language-server builds it.
import {remark} from 'remark'
import {createUnifiedLanguageServer} from 'unified-language-server'

createUnifiedLanguageServer({
  processorName: 'remark',
  // remark has no default export: name the export to load from the workspace.
  processorSpecifier: 'remark',
  rcName: '.remarkrc',
  packageField: 'remarkConfig',
  ignoreName: '.remarkignore',
  pluginPrefix: 'remark',
  defaultProcessor: remark
})
