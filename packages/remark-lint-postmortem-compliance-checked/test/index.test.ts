import remarkLintPostmortemComplianceChecked from 'remark-lint-postmortem-compliance-checked'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemComplianceChecked]
const id = ' [postmortem-compliance-checked]'

async function messagesOf(path: string, plugins: PluggableList = rule) {
  return summary(await lint(fixture(path), plugins))
}

describe('remark-lint-postmortem-compliance-checked', () => {
  it('passes the clean post-mortem', async () => {
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md')).toEqual([])
  })

  it('accepts `[X]`, any order, nested lists, a longer item text and extra checked items', async () => {
    expect(await messagesOf('compliance-checked/variants-ok.md')).toEqual([])
  })

  it.each([
    [
      'unchecked.md',
      '23:1: Unexpected unchecked item `Root cause identified and documented` in `Constitutional Compliance`, expected it checked (`[x]`)'
    ],
    [
      'no-checkbox.md',
      '25:1: Unexpected item without checkbox `Lessons learned documented` in `Constitutional Compliance`, expected a checked box (`- [x] Lessons learned documented`)'
    ],
    [
      'deleted-item.md',
      '25:51: Unexpected missing item `Action items created and assigned` in `Constitutional Compliance`, expected it checked (`- [x] Action items created and assigned`)'
    ],
    [
      'extra-unchecked.md',
      '27:1: Unexpected unchecked item `Customer communication reviewed` in `Constitutional Compliance`, expected it checked (`[x]`)'
    ],
    [
      'missing-block.md',
      '180:1: Unexpected missing checklist `Constitutional Compliance Verified`, expected `**Constitutional Compliance Verified**:` followed by 5 checked items'
    ],
    [
      'section-without-list.md',
      '18:1: Unexpected missing checklist `Constitutional Compliance`, expected a section `Constitutional Compliance` with 5 checked items'
    ]
  ])('reports %s', async (name, expected) => {
    expect(await messagesOf('compliance-checked/' + name)).toEqual([expected + id])
  })

  it('reports every unchecked box of the unfilled template', async () => {
    const messages = await messagesOf('templates/postmortem-template.md')
    expect(messages).toHaveLength(5)
    expect(messages[0]).toBe(
      '21:1: Unexpected unchecked item `Post-mortem completed within 48 hours of incident` in `Constitutional Compliance`, expected it checked (`[x]`)' +
        id
    )
  })

  it('takes the required items from a team template', async () => {
    const teamRule: PluggableList = [
      [remarkLintPostmortemComplianceChecked, {template: 'fixtures/templates/team-template.md'}]
    ]
    expect(await messagesOf('required-headings/team-template-ok.md', teamRule)).toEqual([])
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md', teamRule)).toEqual([
      '1:1: Unexpected missing checklist `Compliance`, expected a section `Compliance` with 1 checked items' + id
    ])
  })

  it('rejects unknown options', async () => {
    const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [
      [remarkLintPostmortemComplianceChecked, {items: []}]
    ])
    expect(message?.reason).toBe(
      'remark-lint-postmortem-compliance-checked: unexpected option `items`, expected `template`'
    )
    expect(message?.fatal).toBe(true)
  })
})
