import type {Root} from 'mdast'
import {PostmortemOptionError, sharedTemplate, type PostmortemSettings} from 'postmortem-rule-core'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

declare module 'unified' {
  interface Settings {
    postmortem?: PostmortemSettings
  }
}

const packageName = 'remark-preset-lint-postmortem'

/**
 * Hands the template of `settings.postmortem.template`, loaded, to the rules
 * through `file.data`, so that a team sets its template once for every rule.
 */
export default function remarkPostmortemSettings(this: Processor) {
  const settings: unknown = this.data('settings')?.postmortem

  return function (_: Root, file: VFile): undefined {
    try {
      const template = sharedTemplate(settings, file.cwd)
      if (template) file.data.postmortemTemplate = template
    } catch (error) {
      if (error instanceof PostmortemOptionError) file.fail(`${packageName}: ${error.message}`, {cause: error})
      throw error
    }

    return undefined
  }
}
