import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {defaultTemplate, readOptions, templateOption, type OptionSpec} from 'postmortem-rule-core'
import {describe, expect, it} from 'vitest'
import {scratchFolder} from '../../../test/util.js'

/** A rule's options whose fallback counts how often it ran. */
function countingRule() {
  const fallbacks = {count: 0}
  const limit: OptionSpec<number, number> = {
    expected: 'a number',
    fallback: () => ++fallbacks.count,
    read: (value) => (typeof value === 'number' ? value : undefined)
  }
  return {fallbacks, rule: {packageName: 'remark-lint-postmortem-example', options: {template: templateOption, limit}}}
}

describe('readOptions', () => {
  it('reads a configuration once for the files of a run: the same options while configuration, folder and shared template stay', () => {
    const {fallbacks, rule} = countingRule()
    const environment = {cwd: '/work', sharedTemplate: undefined}
    const first = readOptions(rule, undefined, environment)
    expect(first).toEqual({template: defaultTemplate(), limit: 1})
    expect(readOptions(rule, undefined, {...environment})).toBe(first)
    expect(fallbacks.count).toBe(1)

    // Another shared template, folder or configuration is read again.
    const shared = {...defaultTemplate()}
    expect(readOptions(rule, undefined, {...environment, sharedTemplate: shared}).template).toBe(shared)
    expect(readOptions(rule, undefined, {...environment, cwd: '/elsewhere'}).limit).toBe(3)
    expect(readOptions(rule, {limit: 7}, environment).limit).toBe(7)
    expect(fallbacks.count).toBe(3)
  })

  it('reads a configuration equal to the last one once, as markdownlint hands a fresh copy of it for every file', () => {
    const {fallbacks, rule} = countingRule()
    const environment = {cwd: '/work', sharedTemplate: undefined}
    const first = readOptions(rule, {}, environment)
    expect(readOptions(rule, {}, environment)).toBe(first)
    expect(fallbacks.count).toBe(1)
    expect(readOptions(rule, {limit: 7}, environment).limit).toBe(7)
    expect(readOptions(rule, {limit: 8}, environment).limit).toBe(8)
    expect(readOptions(rule, {}, environment).limit).toBe(2)
  })

  it('still loads a template the options name for every file, so that an edit to it is seen', () => {
    const {rule} = countingRule()
    const folder = scratchFolder('options-')
    const path = join(folder, 'template.md')
    writeFileSync(path, '# Post-mortem\n\n## Summary\n')
    const configured = {template: 'template.md'}
    const before = readOptions(rule, configured, {cwd: folder, sharedTemplate: undefined})
    expect(before.template.sections.map((section) => section.text)).toEqual(['Summary'])
    writeFileSync(path, '# Post-mortem\n\n## Summary\n\n## Root Cause\n')
    const after = readOptions(rule, configured, {cwd: folder, sharedTemplate: undefined})
    expect(after.template.sections.map((section) => section.text)).toEqual(['Summary', 'Root Cause'])
  })

  it('throws for a wrong value every time it is read', () => {
    const {rule} = countingRule()
    const environment = {cwd: '/work', sharedTemplate: undefined}
    const wrong = {limit: 'seven'}
    for (let read = 0; read < 2; read++) {
      expect(() => readOptions(rule, wrong, environment)).toThrow(
        'remark-lint-postmortem-example: unexpected value `"seven"` for option `limit`, expected a number'
      )
    }
  })
})
