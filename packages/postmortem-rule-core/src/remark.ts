import type {Root} from 'mdast'
import type {TemplateModel} from 'mdast-util-postmortem'
import {lintRule} from 'unified-lint-rule'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {sourceText} from './edits.js'
import {PostmortemOptionError, readOptions, type ConfiguredOptions, type OptionSpecs} from './options.js'
import {runCheck, type PostmortemRule} from './rule.js'

declare module 'vfile' {
  interface DataMap {
    /** The template every postmortem rule uses unless its own option says otherwise (`settings.postmortem.template`). */
    postmortemTemplate: TemplateModel
  }
}

/** Severity as remark-lint takes it. */
export type Severity = 'error' | 'on' | 'off' | 'warn' | 0 | 1 | 2

/** What a rule's remark plugin accepts: a severity, options, or both. */
export type RemarkRuleSettings<Options> = Severity | Options | [Severity, Options?]

/** A rule as a remark plugin. */
export type RemarkRule<Specs extends OptionSpecs> = Plugin<
  [(RemarkRuleSettings<ConfiguredOptions<Specs>> | null | undefined)?],
  Root
>

const plugins = new WeakMap<PostmortemRule, RemarkRule<OptionSpecs>>()

/**
 * The remark-lint plugin of `rule`, with origin `remark-lint:postmortem-<id>`
 * and the rule's readme as url. One plugin per rule: the preset and the
 * rule's package hand out the same function, so that a configuration naming
 * the package overrides the preset's entry instead of adding a second one.
 */
export function remarkRule<Specs extends OptionSpecs>(rule: PostmortemRule<Specs>): RemarkRule<Specs> {
  const known = plugins.get(rule as unknown as PostmortemRule)
  if (known) return known as unknown as RemarkRule<Specs>
  const plugin = lintRule<Root, unknown>({origin: 'remark-lint:' + rule.ruleId, url: rule.url}, (tree, file, raw) =>
    runOnFile(rule, tree, file, raw)
  ) as unknown as RemarkRule<Specs>
  plugins.set(rule as unknown as PostmortemRule, plugin as unknown as RemarkRule<OptionSpecs>)
  return plugin
}

function runOnFile<Specs extends OptionSpecs>(rule: PostmortemRule<Specs>, tree: Root, file: VFile, raw: unknown): undefined {
  let options
  try {
    options = readOptions(rule, raw, {cwd: file.cwd, sharedTemplate: file.data.postmortemTemplate})
  } catch (error) {
    if (error instanceof PostmortemOptionError) failConfiguration(file, error)
    throw error
  }

  const context = {options, path: file.path || undefined, source: sourceText(String(file.value))}
  for (const report of runCheck(rule, tree, context)) {
    const message = file.message(report.reason, {place: report.place})
    if (report.actual !== undefined) message.actual = report.actual
    if (report.expected !== undefined) message.expected = report.expected
  }

  return undefined
}

/**
 * Report a configuration error so that the run fails whatever the rule's
 * severity (its cause tells tools it is one, see `isConfigurationMessage`): `unified-lint-rule` sets `fatal` from the severity after the
 * rule returns, so the flag is made immune to that assignment.
 */
function failConfiguration(file: VFile, error: PostmortemOptionError): never {
  const message = file.message(error.message, {cause: error})
  Object.defineProperty(message, 'fatal', {
    enumerable: true,
    get: () => true,
    set() {}
  })
  throw message
}
