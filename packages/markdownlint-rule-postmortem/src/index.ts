import type {Root} from 'mdast'
import type {Rule, RuleOnError, RuleParams} from 'markdownlint'
import {PostmortemOptionError, readOptions, runCheck, type PostmortemRule, type Report} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import {parseForRules} from './parse.js'

/**
 * One parse per document, shared by every rule. markdownlint hands every
 * rule of one document the same frozen `lines` array, so it is the key; the
 * entry goes when markdownlint lets go of the document.
 */
const trees = new WeakMap<readonly string[], Root>()
let parses = 0

/** The mdast tree of the document `params` describes, with the file's own line numbers. */
function treeOf(params: RuleParams): Root {
  let tree = trees.get(params.lines)
  if (!tree) {
    // markdownlint strips front matter from `lines`; put it back so that
    // positions are the file's and front matter fields are read.
    const frontMatter = params.frontMatterLines.length > 0 ? params.frontMatterLines.join('\n') + '\n' : ''
    tree = parseForRules(frontMatter + params.lines.join('\n'))
    parses++
    trees.set(params.lines, tree)
  }

  return tree
}

/** How many documents the rules have parsed so far in this process (each once, whatever the rule count). */
export function parsedDocuments(): number {
  return parses
}

/** A postmortem rule as a markdownlint custom rule: the same check, the same id. */
function toMarkdownlintRule(definition: PostmortemRule): Rule {
  return {
    names: [definition.ruleId],
    description: definition.description,
    information: new URL(definition.url),
    tags: ['postmortem'],
    parser: 'none',
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

      const reports = runCheck(definition, treeOf(params), {options, path: params.name || undefined})
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

  return info
}

/** Every postmortem-lint check as a markdownlint custom rule. */
const markdownlintRulePostmortem: Rule[] = postmortemRules.map((rule) => toMarkdownlintRule(rule))

export default markdownlintRulePostmortem
