import {remarkRule, type PostmortemRule} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import type {Plugin} from 'unified'

/** A rule package's remark plugin and its definition. */
export interface RuleUnderTest {
  plugin: Plugin<[unknown?]>
  definition: PostmortemRule
}

/** Every rule, in the preset's order. */
export const rules: RuleUnderTest[] = postmortemRules.map((definition) => ({
  plugin: remarkRule(definition) as Plugin<[unknown?]>,
  definition
}))

/** Their rule ids (`postmortem-<id>`). */
export const ruleIds = rules.map(({definition}) => definition.ruleId)
