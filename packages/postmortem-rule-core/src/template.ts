import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {resolve} from 'node:path'
import {templateModel, templateModelFromJson, type TemplateModel} from 'mdast-util-postmortem'
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

/** Where the build keeps the default template's model, computed once (`scripts/default-template.mjs`). */
export const defaultTemplateModelPath = fileURLToPath(new URL('default-template.json', import.meta.url))

let defaultModel: TemplateModel | undefined

/**
 * The default template's model: the one the build computed when it is of
 * this very template (the build keeps the template's text beside it: a
 * comparison costs less than loading a hash function) (parsing it costs a cold start about 80 ms), else
 * parsed.
 */
export function defaultTemplate(): TemplateModel {
  if (defaultModel) return defaultModel
  const markdown = readFileSync(defaultTemplatePath, 'utf8')
  try {
    const built = JSON.parse(readFileSync(defaultTemplateModelPath, 'utf8')) as {template: string; model: string}
    if (built.template === markdown) defaultModel = templateModelFromJson(built.model)
  } catch {}

  defaultModel ??= loadTemplate(defaultTemplatePath)
  return defaultModel
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
