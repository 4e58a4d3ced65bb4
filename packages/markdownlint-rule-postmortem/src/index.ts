import type {Root} from 'mdast'
import type {FixInfo, Rule, RuleOnError, RuleParams} from 'markdownlint'
import type {Point} from 'unist'
import {
  PostmortemOptionError,
  readOptions,
  runCheck,
  sourceText,
  type PostmortemRule,
  type Report,
  type SourceText
} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import {parseForRules} from './parse.js'
import {treeFromMicromark} from './tokens.js'

/**
 * One tree per document, shared by every rule. markdownlint hands every
 * rule of one document the same frozen `lines` array, so it is the key; the
 * entry goes when markdownlint lets go of the document.
 */
const documents = new WeakMap<readonly string[], {tree: Root; source: SourceText}>()
const counts = {fromTokens: 0, parsed: 0}

/**
 * The mdast tree and text of the document `params` describes, with the
 * file's own line numbers: built from the micromark tokens markdownlint has
 * made, or, where they hold a construct that cannot be rebuilt faithfully
 * (footnotes, labelled directives…), parsed again.
 */
function documentOf(params: RuleParams): {tree: Root; source: SourceText} {
  let document = documents.get(params.lines)
  if (!document) {
    // markdownlint strips front matter from `lines`; put it back so that
    // positions are the file's and front matter fields are read.
    const frontMatter = params.frontMatterLines.length > 0 ? params.frontMatterLines.join('\n') + '\n' : ''
    const value = frontMatter + params.lines.join('\n')
    const tokens = params.parsers.micromark?.tokens
    const converted = tokens ? treeFromMicromark({tokens, lines: params.lines, frontMatterLines: params.frontMatterLines}, value) : undefined
    let tree = converted?.tree
    if (tree) counts.fromTokens++
    else {
      tree = parseForRules(value)
      counts.parsed++
    }

    document = {tree, source: sourceText(value)}
    documents.set(params.lines, document)
  }

  return document
}

/**
 * How many documents the rules have read in this process, each once
 * whatever the rule count: built from markdownlint's tokens, or parsed.
 */
export function documentsRead(): {fromTokens: number; parsed: number} {
  return {...counts}
}

/** A postmortem rule as a markdownlint custom rule: the same check, the same id. */
function toMarkdownlintRule(definition: PostmortemRule): Rule {
  return {
    names: [definition.ruleId],
    description: definition.description,
    information: new URL(definition.url),
    tags: ['postmortem'],
    parser: 'micromark',
    function(params, onError) {
      let options
      try {
        options = readOptions(definition, params.config, {
          cwd: process.cwd(),
          sharedTemplate: undefined
        })
      } catch (error) {
        if (!(error instanceof PostmortemOptionError)) throw error
        onError({lineNumber: 1, detail: error.message})
        return
      }

      const {tree, source} = documentOf(params)
      const reports = runCheck(definition, tree, {options, path: params.name || undefined, source})
      for (const report of reports) onError(errorInfo(report, params))
    }
  }
}

/** A report as markdownlint wants it: lines without the front matter, a range within the line. */
function errorInfo(report: Report, params: RuleParams): Parameters<RuleOnError>[0] {
  const offset = params.frontMatterLines.length
  const start = report.place && ('start' in report.place ? report.place.start : report.place)
  const end = report.place && 'end' in report.place ? report.place.end : undefined
  const line = start ? start.line - offset : 1
  const inFrontMatter = line < 1
  const lineNumber = Math.min(Math.max(line, 1), Math.max(params.lines.length, 1))
  const info: Parameters<RuleOnError>[0] = {
    lineNumber,
    detail: inFrontMatter && start ? `${report.reason} (front matter line ${start.line})` : report.reason
  }

  if (report.actual) info.context = report.actual.replace(/\s+/g, ' ').trim().slice(0, 200)

  const text = params.lines[lineNumber - 1] ?? ''
  if (start && !inFrontMatter && start.column <= text.length) {
    const last = end && end.line === start.line ? end.column - 1 : text.length
    info.range = [start.column, Math.max(1, Math.min(last, text.length) - start.column + 1)]
  }

  const fix = start && !inFrontMatter && line === lineNumber ? fixInfo(report, start, end, text) : undefined
  if (fix) info.fixInfo = fix
  return info
}

/**
 * A certain fix (one `expected` value) as markdownlint's `fixInfo`, so that
 * `markdownlint-cli2 --fix` applies it; a menu (several values) stays an
 * editor's choice. Only edits within one line: inserted text may hold line
 * endings.
 */
function fixInfo(report: Report, start: Point, end: Point | undefined, text: string): FixInfo | undefined {
  const [insertText, ...others] = report.expected ?? []
  if (insertText === undefined || others.length > 0) return undefined
  const stop = end ?? start
  if (stop.line !== start.line || start.column > text.length + 1 || stop.column > text.length + 1) return undefined
  return {editColumn: start.column, deleteCount: stop.column - start.column, insertText}
}

/** Every postmortem-lint check as a markdownlint custom rule. */
const markdownlintRulePostmortem: Rule[] = postmortemRules.map((rule) => toMarkdownlintRule(rule))

export default markdownlintRulePostmortem
