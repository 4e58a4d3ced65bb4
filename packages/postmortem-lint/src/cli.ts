#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
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
  fail('`--output` is not supported: linting never changes the files it reads')
}

if (!argv.some((argument) => /^--(no-)?stdout$/.test(argument))) process.argv.push('--no-stdout')

const formats: Record<string, string | undefined> = {
  default: undefined,
  sarif: fileURLToPath(new URL('reporter-sarif.js', import.meta.url)),
  github: fileURLToPath(new URL('reporter-github.js', import.meta.url))
}

// `--format <name>` picks one of our reporters; the rest is unified-args'.
const formatIndex = process.argv.findIndex((argument) => /^--format(=|$)/.test(argument))
if (formatIndex !== -1) {
  const argument = process.argv[formatIndex] ?? ''
  const inline = argument.startsWith('--format=')
  const name = inline ? argument.slice('--format='.length) : process.argv[formatIndex + 1]
  if (name === undefined || !Object.hasOwn(formats, name)) {
    fail(`unexpected format \`${name ?? ''}\`, expected \`default\`, \`sarif\` or \`github\``)
  }

  if (argv.some((item) => /^--report(=|$)/.test(item))) fail('use either `--format` or `--report`, not both')
  const reporter = formats[name ?? '']
  process.argv.splice(formatIndex, inline ? 1 : 2, ...(reporter ? ['--report', reporter] : []))
}

function fail(reason: string): never {
  process.stderr.write(`postmortem-lint: ${reason}\n`)
  process.exit(1)
}

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
