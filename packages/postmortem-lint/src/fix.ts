import {renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import type {Point} from 'unist'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'

/** Temporary files this thread has written, for their names. */
let temporaryFiles = 0

/** A fix with one certain answer: a postmortem rule's message with exactly one `expected` edit and a place. */
export function isCertainFix(message: VFileMessage): boolean {
  return Boolean(message.ruleId?.startsWith('postmortem-') && message.place && message.expected?.length === 1)
}

/**
 * `text` with every certain fix among `messages` applied, each replacing the
 * text at its place (inserting at a point); fixes that overlap one already
 * taken are left for the next run. Inserted line endings follow the
 * document's (CRLF stays CRLF). Every other character stays as it is.
 */
export function applyCertainFixes(text: string, messages: readonly VFileMessage[]): {text: string; applied: VFileMessage[]} {
  const index = location(text)
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n'
  const edits = messages.filter(isCertainFix).flatMap((message) => {
    const place = message.place
    const start: Point | undefined = place && ('start' in place ? place.start : place)
    const end: Point | undefined = place && ('end' in place ? place.end : place)
    const from = start && index.toOffset(start)
    const to = end && index.toOffset(end)
    const replacement = message.expected?.[0]
    if (from === undefined || to === undefined || to < from || replacement === undefined) return []
    return [{message, from, to, replacement: replacement.replaceAll('\n', lineEnding)}]
  })

  // Stable: insertions at one point keep the order of their messages.
  edits.sort((a, b) => a.from - b.from)
  let result = ''
  let cursor = 0
  const applied: VFileMessage[] = []
  for (const edit of edits) {
    if (edit.from < cursor) continue
    result += text.slice(cursor, edit.from) + edit.replacement
    cursor = edit.to
    applied.push(edit.message)
  }

  return {text: result + text.slice(cursor), applied}
}

/**
 * Write `value` to `path` through a new file in the same folder renamed over
 * it, so that a failed write never leaves a half-written file; an existing
 * file keeps its mode.
 */
export function writeAtomically(path: string, value: Uint8Array | string): void {
  // Unique enough with `wx` as the guard; no `node:crypto` to load for it.
  const unique = `${process.pid}-${++temporaryFiles}-${Math.random().toString(36).slice(2, 8)}`
  const temporary = join(dirname(path), `.${basename(path)}.${unique}.tmp`)
  let mode: number | undefined
  try {
    mode = statSync(path).mode
  } catch {}

  try {
    writeFileSync(temporary, value, {flag: 'wx', ...(mode === undefined ? {} : {mode})})
    renameSync(temporary, path)
  } catch (error) {
    try {
      unlinkSync(temporary)
    } catch {}

    throw error
  }
}
