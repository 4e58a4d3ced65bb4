import {relative} from 'node:path'
import {parseArgs} from 'node:util'
import {templateHeaderLabels, type TemplateHeading, type TemplateModel} from 'mdast-util-postmortem'
import {
  defaultTemplate,
  loadTemplateSetting,
  PostmortemOptionError,
  sharedTemplate,
  type PostmortemRule
} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import {loadConfiguration} from './configuration.js'

export const templateUsage = `Usage: postmortem-lint template [path]

Print how a template is understood: its sections, what each rule checks
and where, the fields it requires and the placeholders it knows.

Without a path: the template of \`settings.postmortem.template\` in the
configuration (.remarkrc*, package.json#remarkConfig), else the default one.

Options:
  -h, --help  this help
`

/** How `template` reads to the rules, as text. */
export function describeTemplate(template: TemplateModel, rules: readonly PostmortemRule[], name: string): string {
  const source = template.fencedAt === undefined ? '' : ` (its fenced Markdown block at line ${template.fencedAt})`
  const lines = [`Template: ${name}${source}`, '', 'Sections:']
  const outline = (heading: TemplateHeading) => {
    lines.push(`  ${'#'.repeat(heading.depth)} ${heading.text}${heading.optional ? ' (may be left out)' : ''}`)
    heading.children.forEach(outline)
  }

  template.sections.forEach(outline)
  lines.push('', 'Rules:')
  for (const rule of rules) {
    const summary = rule.templateSummary(template)
    lines.push(`  ${rule.id}: ${summary ?? 'nothing in the template for this rule — silent'}`)
  }

  const {listFields, signOff} = template.roles
  const required = [
    {where: 'header', labels: templateHeaderLabels(template)},
    ...listFields.flatMap((group) => (group.section ? [{where: group.section.text, labels: group.labels}] : [])),
    // A sign-off written as a list of fields is one of the field groups above.
    ...(signOff && !signOff.list ? [{where: signOff.section.text, labels: signOff.labels}] : [])
  ].filter((group) => group.labels.length > 0)
  lines.push('', 'Required fields:')
  if (required.length === 0) lines.push('  none')
  for (const {where, labels} of required) lines.push(`  ${where}: ${labels.join(', ')}`)

  lines.push('', 'Placeholders:')
  // Code placeholders as written, in code: what a document must not keep.
  const placeholders = [...template.placeholders, ...template.codePlaceholders.map((code) => `\`${code}\``)]
  lines.push(`  ${placeholders.length > 0 ? placeholders.join(' ') : 'none'}`)
  if (template.examples.length > 0) {
    lines.push('', 'Example rows:')
    for (const example of template.examples) lines.push(`  ${example.section.text}: ${example.text}`)
  }

  return lines.join('\n') + '\n'
}

/** `postmortem-lint template [path]`: returns the exit code. */
export async function runTemplate(argv: string[], cwd: string): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: argv, options: {help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    process.stderr.write(`postmortem-lint template: ${(error as Error).message}\n\n${templateUsage}`)
    return 2
  }

  if (parsed.values.help) {
    process.stdout.write(templateUsage)
    return 0
  }

  if (parsed.positionals.length > 1) {
    process.stderr.write(`postmortem-lint template: expected at most one template path\n\n${templateUsage}`)
    return 2
  }

  const [path] = parsed.positionals
  try {
    const {template, name} = path === undefined ? await configuredTemplate(cwd) : {template: loadTemplateSetting(path, cwd, 'the template path'), name: path}
    process.stdout.write(describeTemplate(template, postmortemRules, name))
    return 0
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`postmortem-lint template: ${reason.split('\n')[0] ?? reason}\n`)
    return 2
  }
}

/** The template the configuration in `cwd` names, else the default one. */
async function configuredTemplate(cwd: string): Promise<{template: TemplateModel; name: string}> {
  const result = await loadConfiguration(cwd)
  const settings = result?.settings as {postmortem?: {template?: unknown}} | undefined
  try {
    const template = sharedTemplate(settings?.postmortem, cwd)
    if (template) return {template, name: relative(cwd, template.path ?? '') || String(settings?.postmortem?.template)}
  } catch (error) {
    if (error instanceof PostmortemOptionError) throw new PostmortemOptionError(error.message)
    throw error
  }

  return {template: defaultTemplate(), name: 'the default template'}
}
