import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'

/**
 * mdast-util-to-string's text of a node, without the arrays it builds for
 * the nodes read most: a text, and a cell, paragraph or emphasis holding one
 * text. Every rule reads these on every file.
 */
export function plainText(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node && node.children.length === 1) {
    const only = node.children[0]
    if (only?.type === 'text') return only.value
  }

  return toString(node)
}
