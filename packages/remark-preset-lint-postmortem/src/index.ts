import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkLint from 'remark-lint'
import remarkLintPostmortemActionItems from 'remark-lint-postmortem-action-items'
import remarkLintPostmortemComplianceChecked from 'remark-lint-postmortem-compliance-checked'
import remarkLintPostmortemFileName from 'remark-lint-postmortem-file-name'
import remarkLintPostmortemMetadata from 'remark-lint-postmortem-metadata'
import remarkLintPostmortemNoPlaceholders from 'remark-lint-postmortem-no-placeholders'
import remarkLintPostmortemRequiredHeadings from 'remark-lint-postmortem-required-headings'
import remarkLintPostmortemSignOff from 'remark-lint-postmortem-sign-off'
import remarkLintPostmortemTimelineDuration from 'remark-lint-postmortem-timeline-duration'
import remarkLintPostmortemTimelineOrder from 'remark-lint-postmortem-timeline-order'
import type {Preset} from 'unified'
import remarkPostmortemSettings from './settings.js'

export type {PostmortemSettings} from './settings.js'

/**
 * GFM, YAML front matter and every postmortem rule at severity `error`, so
 * that any finding fails the run. Override a rule's options with
 * `[rule, ['error', {…}]]` to keep that severity.
 */
const remarkPresetLintPostmortem: Preset = {
  plugins: [
    remarkLint,
    remarkGfm,
    [remarkFrontmatter, ['yaml']],
    remarkPostmortemSettings,
    [remarkLintPostmortemRequiredHeadings, ['error']],
    [remarkLintPostmortemComplianceChecked, ['error']],
    [remarkLintPostmortemTimelineOrder, ['error']],
    [remarkLintPostmortemActionItems, ['error']],
    [remarkLintPostmortemMetadata, ['error']],
    [remarkLintPostmortemNoPlaceholders, ['error']],
    [remarkLintPostmortemSignOff, ['error']],
    [remarkLintPostmortemTimelineDuration, ['error']],
    [remarkLintPostmortemFileName, ['error']]
  ]
}

export default remarkPresetLintPostmortem
