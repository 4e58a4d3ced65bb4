import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {remarkRule} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import type {PluggableList, Preset} from 'unified'
import remarkLintComments from './lint-comments.js'
import remarkPostmortemSettings from './settings.js'

export type {PostmortemSettings} from 'postmortem-rule-core'

/**
 * GFM, YAML and TOML front matter and every postmortem rule at severity `error`, so
 * that any finding fails the run. Override a rule's options with
 * `[rule, ['error', {…}]]` to keep that severity.
 */
const remarkPresetLintPostmortem: Preset = {
  plugins: [
    remarkLintComments,
    remarkGfm,
    [remarkFrontmatter, ['yaml', 'toml']],
    remarkPostmortemSettings,
    ...postmortemRules.map((rule): PluggableList[number] => [remarkRule(rule), ['error']])
  ]
}

export default remarkPresetLintPostmortem
