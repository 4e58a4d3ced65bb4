import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {expect} from 'vitest'

/** `pnpm fuzz` runs the same properties longer and on bigger inputs. */
export const fuzzing = process.env.POSTMORTEM_FUZZ === '1'

const processor = remark().use(remarkPresetLintPostmortem).freeze()

/** Lint `value` with the preset as a file named `path`. */
export async function lintValue(value: string | Uint8Array, path = 'postmortem.md'): Promise<VFileMessage[]> {
  const file = new VFile({path, value})
  await processor.run(processor.parse(file), file)
  return file.messages
}

/** A compact, comparable form of the messages. */
export function describeMessages(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => `${message.ruleId}@${message.line}:${message.column} ${message.reason}`)
}

/**
 * What every message must be: from one of our rules, in our voice (a thrown
 * exception would show as a reason that is not), and inside the document
 * (the file name rule excepted).
 */
export function expectWellFormed(messages: readonly VFileMessage[], value: string): void {
  const lineCount = value.split(/\r\n|\r|\n/).length
  const points = location(new VFile(value.replace(/^\uFEFF/, '')))
  for (const message of messages) {
    expect(message.ruleId, message.reason).toMatch(/^postmortem-[a-z-]+$/)
    expect(message.reason).toMatch(/^Unexpected /)
    if (message.ruleId === 'postmortem-file-name') continue
    expect(message.place, message.reason).toBeDefined()
    expect(message.line, message.reason).toBeGreaterThanOrEqual(1)
    expect(message.line, message.reason).toBeLessThanOrEqual(lineCount)
    expect(message.column, message.reason).toBeGreaterThanOrEqual(1)
    expect(points.toOffset({line: message.line ?? 0, column: message.column ?? 0}), message.reason).toBeTypeOf('number')
  }
}
