import type {Root} from 'mdast'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'

/**
 * The two GFM constructs the rules read: tables and task list items. The
 * other GFM constructs (autolink literals above all) cost parse time and
 * change nothing the rules report, and markdownlint has already parsed the
 * document once with its own parser.
 */
function gfmTablesAndTasks(this: Processor) {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
}

const parser = unified().use(remarkParse).use(gfmTablesAndTasks).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

/** Parse a document for the rules. */
export function parseForRules(value: string): Root {
  return parser.parse(value)
}
