import {resolve} from 'node:path'
import type {Root} from 'mdast'
import {describe, loadTemplate} from 'mdast-util-postmortem'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

/** Settings shared by every postmortem rule (`settings.postmortem` in `.remarkrc`). */
export interface PostmortemSettings {
  /** Template every rule follows unless its own `template` option says otherwise. */
  template?: string
}

declare module 'unified' {
  interface Settings {
    postmortem?: PostmortemSettings
  }
}

const packageName = 'remark-preset-lint-postmortem'

/**
 * Hands `settings.postmortem.template` to the rules through `file.data`, so
 * that a team sets its template once for every rule.
 */
export default function remarkPostmortemSettings(this: Processor) {
  const settings: unknown = this.data('settings')?.postmortem

  return function (_: Root, file: VFile): undefined {
    if (settings === undefined) return undefined
    const template = readTemplateSetting(settings, file)
    if (template !== undefined) file.data.postmortemTemplate = template
    return undefined
  }
}

/** The template setting, checked; a mistake fails the file with a clear reason. */
function readTemplateSetting(settings: unknown, file: VFile): string | undefined {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return file.fail(
      `${packageName}: unexpected value \`${describe(settings)}\` for \`settings.postmortem\`, expected an object such as \`{"template": "docs/postmortem-template.md"}\``
    )
  }

  const {template, ...unknown} = settings as Record<string, unknown>
  const [extra] = Object.keys(unknown)

  if (extra !== undefined) {
    return file.fail(`${packageName}: unexpected setting \`settings.postmortem.${extra}\`, expected only \`template\``)
  }

  if (template === undefined) return undefined

  if (typeof template !== 'string' || template.trim() === '') {
    return file.fail(
      `${packageName}: unexpected value \`${describe(template)}\` for \`settings.postmortem.template\`, expected a path to a Markdown template`
    )
  }

  const path = resolve(file.cwd, template)
  try {
    loadTemplate(path)
  } catch {
    return file.fail(
      `${packageName}: cannot read \`${template}\` (resolved to \`${path}\`) for \`settings.postmortem.template\`, expected a readable Markdown template`
    )
  }

  return template
}
