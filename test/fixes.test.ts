import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {applyFix} from 'markdownlint'
import {lint as markdownlint} from 'markdownlint/sync'
import markdownlintRulePostmortem from 'markdownlint-rule-postmortem'
import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {applyEdit, busyMachineTimeout, root} from './util.js'

/** Every fixture, with the template it is written to. */
const fixtures = readdirSync(join(root, 'fixtures'), {recursive: true, encoding: 'utf8'})
  .filter((name) => name.endsWith('.md') && !name.startsWith('templates/'))
  .sort()
  .map((name) => {
    const team = /^teams\/([^/]+)\//.exec(name)?.[1]
    return {name, template: team ? `fixtures/templates/${team}.md` : undefined}
  })

/** A finding, without the line numbers its reason may quote (they move when a fix inserts lines). */
function key(ruleId: string | undefined, reason: string): string {
  return `${ruleId ?? ''} ${reason.replace(/\bline \d+/g, 'line N')}`
}

async function remarkLint(value: string, name: string, template: string | undefined): Promise<VFileMessage[]> {
  const settings = template ? {postmortem: {template}} : {}
  const file = new VFile({path: 'fixtures/' + name, cwd: root, value})
  return (await remark().use({settings}).use(remarkPresetLintPostmortem).process(file)).messages
}

/** The remaining messages that are new, and those not inside `[from, to]` of the new text. */
function strays(before: readonly VFileMessage[], after: readonly VFileMessage[], value: string, from: number, to: number) {
  const index = location(value)
  const counts = new Map<string, number>()
  for (const message of before) counts.set(key(message.ruleId, message.reason), (counts.get(key(message.ruleId, message.reason)) ?? 0) + 1)
  const added: VFileMessage[] = []
  for (const message of after) {
    const name = key(message.ruleId, message.reason)
    const count = counts.get(name) ?? 0
    if (count > 0) counts.set(name, count - 1)
    else added.push(message)
  }

  return added.filter((message) => {
    const start = message.place && ('start' in message.place ? message.place.start : message.place)
    const offset = start && index.toOffset(start)
    return offset === undefined || offset < from || offset > to
  })
}

describe('every offered fix is an edit that fixes its message', {timeout: busyMachineTimeout}, () => {
  it.each(fixtures)('remark (quick fixes, as unified-language-server applies them): $name', async ({name, template}) => {
    const value = readFileSync(join(root, 'fixtures', name), 'utf8')
    const before = await remarkLint(value, name, template)
    for (const message of before) {
      for (const replacement of message.expected ?? []) {
        const fixed = applyEdit(value, message, replacement)
        const after = await remarkLint(fixed.value, name, template)
        const label = `${message.ruleId}: ${message.reason} → ${JSON.stringify(replacement)}`
        const remaining = after.filter((item) => key(item.ruleId, item.reason) === key(message.ruleId, message.reason))
        const had = before.filter((item) => key(item.ruleId, item.reason) === key(message.ruleId, message.reason))
        expect(remaining.length, label).toBe(had.length - 1)
        expect(strays(before, after, fixed.value, fixed.from, fixed.to).map((item) => item.reason), label).toEqual([])
      }
    }
  })

  it.each(fixtures)('markdownlint (fixInfo, one certain fix each): $name', ({name, template}) => {
    const path = join(root, 'fixtures', name)
    const value = readFileSync(path, 'utf8')
    const config = {default: false, postmortem: template ? {template} : true}
    const lintValue = (text: string) =>
      markdownlint({strings: {[name]: text}, config, customRules: markdownlintRulePostmortem})[name] ?? []
    const before = lintValue(value)
    for (const error of before) {
      if (!error.fixInfo) continue
      const label = `${error.ruleNames[0]}: ${error.errorDetail}`
      const lines = value.split(/\r\n|\r|\n/)
      const lineIndex = (error.fixInfo.lineNumber ?? error.lineNumber) - 1
      const fixedLine = applyFix(lines[lineIndex] ?? '', error.fixInfo, '\n')
      expect(fixedLine, label).not.toBeNull()
      const fixedLines = [...lines.slice(0, lineIndex), ...(fixedLine ?? '').split('\n'), ...lines.slice(lineIndex + 1)]
      const after = lintValue(fixedLines.join('\n'))
      const inserted = new Set(Array.from({length: (fixedLine ?? '').split('\n').length}, (_, offset) => lineIndex + 1 + offset))
      const names = (errors: typeof before) => errors.map((item) => key(item.ruleNames[0], item.errorDetail ?? ''))
      const gone = names(before).filter((item) => item === key(error.ruleNames[0], error.errorDetail ?? '')).length
      expect(names(after).filter((item) => item === key(error.ruleNames[0], error.errorDetail ?? '')).length, label).toBe(gone - 1)
      const counts = new Map<string, number>()
      for (const item of names(before)) counts.set(item, (counts.get(item) ?? 0) + 1)
      const stray = after.filter((item) => {
        const itemKey = key(item.ruleNames[0], item.errorDetail ?? '')
        const count = counts.get(itemKey) ?? 0
        if (count > 0) {
          counts.set(itemKey, count - 1)
          return false
        }

        return !inserted.has(item.lineNumber)
      })
      expect(stray.map((item) => item.errorDetail), label).toEqual([])
    }
  })

  it('offers fixes at all: quick fixes on the failing example and fixInfo for its certain ones', async () => {
    const name = 'examples/2025-12-18-v3.0.0.md'
    const value = readFileSync(join(root, 'fixtures', name), 'utf8')
    const offered = (await remarkLint(value, name, undefined)).filter((message) => message.expected)
    expect(offered.map((message) => [message.ruleId, message.expected?.length])).toEqual(
      expect.arrayContaining([
        ['postmortem-required-headings', 1],
        ['postmortem-action-items', 5],
        ['postmortem-action-items', 1]
      ])
    )
    const results = markdownlint({
      files: [join(root, 'fixtures', name)],
      config: {default: false, postmortem: true},
      customRules: markdownlintRulePostmortem
    })
    const certain = offered.filter((message) => message.expected?.length === 1).length
    expect((results[join(root, 'fixtures', name)] ?? []).filter((error) => error.fixInfo).length).toBe(certain)
  })
})
