import type {PostmortemRule} from 'postmortem-rule-core'
import {actionItems} from 'remark-lint-postmortem-action-items'
import {complianceChecked} from 'remark-lint-postmortem-compliance-checked'
import {fileName} from 'remark-lint-postmortem-file-name'
import {metadata} from 'remark-lint-postmortem-metadata'
import {noPlaceholders} from 'remark-lint-postmortem-no-placeholders'
import {requiredHeadings} from 'remark-lint-postmortem-required-headings'
import {signOff} from 'remark-lint-postmortem-sign-off'
import {timelineDuration} from 'remark-lint-postmortem-timeline-duration'
import {timelineOrder} from 'remark-lint-postmortem-timeline-order'
import {uniqueIncident} from 'remark-lint-postmortem-unique-incident'

/**
 * Every postmortem-lint rule, in the order the preset runs them and the
 * markdownlint adapter lists them. Registering a rule is a line here.
 */
export const postmortemRules: readonly PostmortemRule[] = [
  requiredHeadings,
  complianceChecked,
  timelineOrder,
  actionItems,
  metadata,
  noPlaceholders,
  signOff,
  timelineDuration,
  fileName,
  uniqueIncident
]
