#!/usr/bin/env node
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import markdownExtensions from 'markdown-extensions'
import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {args} from 'unified-args'
import {configurationFiles} from './configuration.js'
import {runNew} from './new.js'
import {runTemplate} from './template-command.js'

const {version, description} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
  description: string
}

const argv = process.argv.slice(2)

if (argv[0] === 'new') process.exitCode = runNew(argv.slice(1), process.cwd())
else if (argv[0] === 'template') process.exitCode = await runTemplate(argv.slice(1), process.cwd())
else lint()

/** Lint the files and folders named on the command line, as remark-cli would. */
function lint(): void {
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

  // A folder without post-mortems is not an error (a new repository has
  // none yet), but a typo in a CI path must not pass unnoticed.
  for (const argument of argv) {
    if (!argument.startsWith('-') && isDirectory(argument) && !containsMarkdown(argument)) {
      process.stderr.write(`postmortem-lint: no Markdown files in \`${argument}\`\n`)
    }
  }

  args({
    processor: remark().use(remarkPresetLintPostmortem),
    name: 'postmortem-lint',
    description: `${description}\n\nTo start a post-mortem from the template: postmortem-lint new --help\nTo see how a template is understood: postmortem-lint template --help`,
    version,
    extensions: markdownExtensions,
    ignoreName: '.remarkignore',
    packageField: configurationFiles.packageField,
    pluginPrefix: configurationFiles.pluginPrefix,
    rcName: configurationFiles.rcName
  })
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** Whether `folder` holds a Markdown file, outside `node_modules` and hidden folders; stops at the first. */
function containsMarkdown(folder: string): boolean {
  const extensions = new Set(markdownExtensions.map((extension) => '.' + extension))
  const folders = [folder]
  for (let current = folders.pop(); current !== undefined; current = folders.pop()) {
    let entries
    try {
      entries = readdirSync(current, {withFileTypes: true})
    } catch {
      continue
    }

    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) folders.push(join(current, entry.name))
      } else if (extensions.has(extname(entry.name).toLowerCase())) {
        return true
      }
    }
  }

  return false
}

function fail(reason: string): never {
  process.stderr.write(`postmortem-lint: ${reason}\n`)
  process.exit(1)
}
