import type {TemplateModel} from 'mdast-util-postmortem'
import {describeValue, PostmortemOptionError} from './options.js'
import {loadTemplateSetting} from './template.js'

/** Settings shared by every postmortem rule (`settings.postmortem` in `.remarkrc`). */
export interface PostmortemSettings {
  /** Template every rule follows unless its own `template` option says otherwise. */
  template?: string
}

/**
 * The template `settings.postmortem` names, loaded; `undefined` when it names
 * none. Throws a `PostmortemOptionError` for a malformed setting.
 */
export function sharedTemplate(settings: unknown, cwd: string): TemplateModel | undefined {
  if (settings === undefined) return undefined
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new PostmortemOptionError(
      `unexpected value \`${describeValue(settings)}\` for \`settings.postmortem\`, expected an object such as \`{"template": "docs/postmortem-template.md"}\``
    )
  }

  const {template, ...unknown} = settings as Record<string, unknown>
  const [extra] = Object.keys(unknown)
  if (extra !== undefined) {
    throw new PostmortemOptionError(`unexpected setting \`settings.postmortem.${extra}\`, expected only \`template\``)
  }

  return template === undefined ? undefined : loadTemplateSetting(template, cwd, '`settings.postmortem.template`')
}
