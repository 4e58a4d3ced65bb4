import type {Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

const lintComments = {name: 'lint', source: 'remark-lint'} as const

/**
 * remark-lint's `<!--lint disable …-->` comments, as remark-lint reads them,
 * but only on a file where they can change something: one where a rule
 * reported, or whose text holds the word `lint`. On a post-mortem that passes
 * and has no such comment, their two visits of every node would remove
 * nothing, and they cost half as much as all the checks together.
 */
export default function remarkLintComments(this: Processor) {
  // Added from inside the attacher, as remark-lint does, so that it runs after every rule.
  this.use(lintCommentControl)
}

function lintCommentControl() {
  const control = remarkMessageControl(lintComments)

  return function (tree: Root, file: VFile): undefined {
    if (file.messages.some((message) => message.source === lintComments.source) || mayHoldLintComment(file)) {
      control(tree, file)
    }

    return undefined
  }
}

/** `file.value` absent means the tree came without its text, so any comment may be there. */
function mayHoldLintComment(file: VFile): boolean {
  return file.value === undefined || String(file).includes(lintComments.name)
}
