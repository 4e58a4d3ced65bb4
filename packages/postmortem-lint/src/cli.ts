#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import markdownExtensions from 'markdown-extensions'
import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {args} from 'unified-args'

const {version, description} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
  description: string
}

const argv = process.argv.slice(2)

// A linter reports; it never writes documents, neither back to disk nor
// (unlike remark-cli with a single file) to stdout.
if (argv.some((argument) => /^(-o|--output)(=|$)/.test(argument))) {
  process.stderr.write('postmortem-lint: `--output` is not supported: linting never changes the files it reads\n')
  process.exit(1)
}

if (!argv.some((argument) => /^--(no-)?stdout$/.test(argument))) process.argv.push('--no-stdout')

args({
  processor: remark().use(remarkPresetLintPostmortem),
  name: 'postmortem-lint',
  description,
  version,
  extensions: markdownExtensions,
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  rcName: '.remarkrc'
})
