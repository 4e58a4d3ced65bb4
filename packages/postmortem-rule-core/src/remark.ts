import type {Nodes, Root} from 'mdast'
import type {Point, Position} from 'unist'
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
  const hidden = trailingGap(tree)
  for (const report of runCheck(rule, tree, context)) {
    const place = shownPlace(report.place, hidden)
    const message = file.message(report.reason, {place})
    if (report.actual !== undefined) message.actual = report.actual
    // Moved, the place is no longer the text an edit replaces: the finding is shown without its fix.
    if (report.expected !== undefined && place === report.place) message.expected = report.expected
  }

  return undefined
}

/**
 * Where remark-lint stops showing messages: when the document's last node is
 * empty (a table's last cell, `| |`, on its last line), it takes everything
 * from that node's start to the end of the file for a gap no node covers,
 * and drops what is found there.
 */
function trailingGap(tree: Root): {from: number; to: number} | undefined {
  let node: Nodes = tree
  while ('children' in node && node.children.length > 0) node = node.children[node.children.length - 1] ?? node
  const from = node !== tree && 'children' in node ? node.position?.start.offset : undefined
  const to = tree.position?.end.offset
  return from === undefined || to === undefined || from >= to ? undefined : {from, to}
}

/** A place remark-lint would drop (see `trailingGap`), started at the start of its line instead. */
function shownPlace(place: Position | Point | undefined, hidden: {from: number; to: number} | undefined): Position | Point | undefined {
  const start = place && 'start' in place ? place.start : place
  if (!hidden || start?.offset === undefined || start.offset < hidden.from || start.offset >= hidden.to) return place
  const lineStart = {line: start.line, column: 1, offset: start.offset - (start.column - 1)}
  if (lineStart.offset >= hidden.from) return place
  return {start: lineStart, end: place && 'end' in place ? place.end : start}
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
