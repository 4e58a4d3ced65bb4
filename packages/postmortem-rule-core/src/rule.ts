import {basename, resolve} from 'node:path'
import type {Root} from 'mdast'
import type {TemplateModel} from 'mdast-util-postmortem'
import type {Point, Position} from 'unist'
import type {SourceText} from './edits.js'
import type {OptionSpecs, ResolvedOptions} from './options.js'

/** One finding of a check, before it becomes a remark or markdownlint message. */
export interface Report {
  /** "Unexpected X, expected Y", with the offending text quoted. */
  reason: string
  /** The smallest node or range that holds the problem; none only for file-level findings. */
  place: Position | Point | undefined
  /** The offending text. */
  actual?: string
  /**
   * Edits, for editors' quick fixes: each replaces exactly the text at
   * `place` (is inserted at a point). One value is a certain fix, which
   * markdownlint and `postmortem-lint --fix` apply; several are a menu.
   */
  expected?: string[]
}

/** What a check sees besides the tree. */
export interface CheckContext<Options> {
  options: Options
  /** Path of the file, if it has one. */
  path: string | undefined
  /** The document's text, for fixes that replace exactly the text at their place. */
  source: SourceText
}

/** What a rule package writes: its id, what it checks, its options and the check. */
export interface RuleDefinition<Specs extends OptionSpecs> {
  /** Rule id without prefix (`required-headings`). */
  id: string
  /** One line: what the rule checks. */
  description: string
  options: Specs
  check(tree: Root, context: CheckContext<ResolvedOptions<Specs>>): Report[]
  /**
   * What the rule checks, and where, with `template` (for
   * `postmortem-lint template`); `undefined` when the template has nothing
   * for it, and the rule is silent.
   */
  templateSummary(template: TemplateModel): string | undefined
}

/** A check written once against mdast, shared by remark, markdownlint and the CLI. */
export interface PostmortemRule<Specs extends OptionSpecs = OptionSpecs> extends RuleDefinition<Specs> {
  /** `postmortem-<id>`: the message's rule id, the name in markdownlint and in `lint disable` comments. */
  ruleId: string
  /** `remark-lint-postmortem-<id>`. */
  packageName: string
  /** The rule's documentation (its readme). */
  url: string
}

/** A rule with its names and documentation link derived from its id. */
export function defineRule<Specs extends OptionSpecs>(definition: RuleDefinition<Specs>): PostmortemRule<Specs> {
  const packageName = 'remark-lint-postmortem-' + definition.id
  return {...definition, ruleId: 'postmortem-' + definition.id, packageName, url: ruleUrl(packageName)}
}

/** Where a package's documentation is read (its readme on npm). */
export function ruleUrl(packageName: string): string {
  return `https://www.npmjs.com/package/${packageName}#readme`
}

/**
 * Run a rule's check; its reports in document order (file-level ones first).
 * The template's own file is the spec, not a post-mortem: it has no findings
 * (a team keeps it beside its post-mortems, in the folder CI lints).
 */
export function runCheck<Specs extends OptionSpecs>(
  rule: PostmortemRule<Specs>,
  tree: Root,
  context: CheckContext<ResolvedOptions<Specs>>
): Report[] {
  if (isTemplateFile(context)) return []
  return rule.check(tree, context).sort((a, b) => {
    const left = startOf(a.place)
    const right = startOf(b.place)
    return left.line - right.line || left.column - right.column
  })
}

/** Whether the file checked is the template the rule reads (`path` resolved from the working directory). */
function isTemplateFile(context: CheckContext<object>): boolean {
  const template = 'template' in context.options ? (context.options.template as TemplateModel | undefined) : undefined
  if (template?.path === undefined || context.path === undefined) return false
  // Names first: every rule asks this of every file, and resolving a path costs more.
  return basename(context.path) === basename(template.path) && resolve(context.path) === template.path
}

function startOf(place: Position | Point | undefined): Point {
  if (!place) return {line: 0, column: 0}
  return 'start' in place ? place.start : place
}
