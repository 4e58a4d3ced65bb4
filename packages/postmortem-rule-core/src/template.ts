import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {resolve} from 'node:path'
import {templateModel, type TemplateModel} from 'mdast-util-postmortem'
import {describeValue, PostmortemOptionError} from './options.js'

interface CachedTemplate {
  mtimeMs: number
  size: number
  model: TemplateModel
}

const templates = new Map<string, CachedTemplate>()

/**
 * Load the template at `path` (absolute); parsed once per process and
 * again only when the file changes. Throws when the file cannot be read.
 */
export function loadTemplate(path: string): TemplateModel {
  const stats = statSync(path)
  if (!stats.isFile()) throw Object.assign(new Error('not a file'), {code: 'not a file'})
  const cached = templates.get(path)
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.model
  const model = templateModel(readFileSync(path, 'utf8'), path)
  templates.set(path, {mtimeMs: stats.mtimeMs, size: stats.size, model})
  return model
}

/** The templates this process has loaded: what its findings may depend on. */
export function loadedTemplatePaths(): string[] {
  return [...templates.keys()]
}

/** Path of the default template, shipped with `mdast-util-postmortem`. */
export const defaultTemplatePath = createRequire(import.meta.url).resolve(
  'mdast-util-postmortem/template/postmortem-template.md'
)

/** The default template's model. */
export function defaultTemplate(): TemplateModel {
  return loadTemplate(defaultTemplatePath)
}

/**
 * The template a setting names (`template` option, `settings.postmortem.template`,
 * markdownlint's `"postmortem": {"template": …}`): a path relative to `cwd`,
 * or the default template when `undefined`. The one place a configured
 * template is checked and loaded; `label` names the setting in the error.
 */
export function loadTemplateSetting(value: unknown, cwd: string, label: string): TemplateModel {
  if (value === undefined) return defaultTemplate()
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PostmortemOptionError(
      `unexpected value \`${describeValue(value)}\` for ${label}, expected a path to a Markdown template`
    )
  }

  const path = resolve(cwd, value)
  let model: TemplateModel
  try {
    model = loadTemplate(path)
  } catch (error) {
    const cause = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new PostmortemOptionError(
      `cannot read \`${value}\` (resolved to \`${path}\`: ${cause}) for ${label}, expected a path to a readable Markdown template`
    )
  }

  if (model.sections.length === 0) {
    throw new PostmortemOptionError(
      `unexpected template \`${value}\` (resolved to \`${path}\`) for ${label}: it ${model.empty ? 'is empty' : 'has no `##` section'}, expected a post-mortem template with its \`##\` sections`
    )
  }

  return model
}
