import type {PostmortemRule} from 'mdast-util-postmortem'
import remarkLintPostmortemActionItems, {actionItems} from 'remark-lint-postmortem-action-items'
import remarkLintPostmortemComplianceChecked, {complianceChecked} from 'remark-lint-postmortem-compliance-checked'
import remarkLintPostmortemFileName, {fileName} from 'remark-lint-postmortem-file-name'
import remarkLintPostmortemMetadata, {metadata} from 'remark-lint-postmortem-metadata'
import remarkLintPostmortemNoPlaceholders, {noPlaceholders} from 'remark-lint-postmortem-no-placeholders'
import remarkLintPostmortemRequiredHeadings, {requiredHeadings} from 'remark-lint-postmortem-required-headings'
import remarkLintPostmortemSignOff, {signOff} from 'remark-lint-postmortem-sign-off'
import remarkLintPostmortemTimelineDuration, {timelineDuration} from 'remark-lint-postmortem-timeline-duration'
import remarkLintPostmortemTimelineOrder, {timelineOrder} from 'remark-lint-postmortem-timeline-order'
import type {Plugin} from 'unified'

/** A rule package's remark plugin and its definition. */
export interface RuleUnderTest {
  plugin: Plugin<[unknown?]>
  definition: PostmortemRule<never>
}

/** The nine rules, in the preset's order. */
export const rules: RuleUnderTest[] = [
  [remarkLintPostmortemRequiredHeadings, requiredHeadings],
  [remarkLintPostmortemComplianceChecked, complianceChecked],
  [remarkLintPostmortemTimelineOrder, timelineOrder],
  [remarkLintPostmortemActionItems, actionItems],
  [remarkLintPostmortemMetadata, metadata],
  [remarkLintPostmortemNoPlaceholders, noPlaceholders],
  [remarkLintPostmortemSignOff, signOff],
  [remarkLintPostmortemTimelineDuration, timelineDuration],
  [remarkLintPostmortemFileName, fileName]
].map(([plugin, definition]) => ({
  plugin: plugin as Plugin<[unknown?]>,
  definition: definition as PostmortemRule<never>
}))

/** Their rule ids (`postmortem-<id>`). */
export const ruleIds = rules.map(({definition}) => 'postmortem-' + definition.id)
