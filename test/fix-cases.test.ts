import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {remark} from 'remark'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyEdit, root} from './util.js'

async function lintValue(path: string, value: string) {
  const file = new VFile({path, cwd: root, value})
  return (await remark().use(remarkPresetLintPostmortem).process(file)).messages
}

/** Each fix: the fixture, the message, the edits offered, and the line of the document after the first. */
const cases = [
  {
    fixture: 'fixtures/required-headings/near-miss.md',
    reason: 'Unexpected section `Lessons Learnt`, expected `Lessons Learned`',
    expected: ['Lessons Learned'],
    line: [142, '## Lessons Learned']
  },
  {
    fixture: 'fixtures/required-headings/near-miss-anchor.md',
    reason: 'Unexpected section `Lessons Learnt`, expected `Lessons Learned`',
    expected: ['Lessons Learned'],
    line: [142, '## Lessons Learned <a id="lessons"></a>']
  },
  {
    fixture: 'fixtures/required-headings/wrong-rank.md',
    reason: 'Unexpected rank 3 for section `Incident Timeline`',
    expected: ['##'],
    line: [28, '## Incident Timeline']
  },
  {
    fixture: 'fixtures/required-headings/missing-section.md',
    reason: 'Unexpected missing section `Impact Assessment`',
    expected: ['## Impact Assessment\n\n### User-Facing Impact\n\n### Business Impact\n\n### Data Integrity\n\n'],
    line: [92, '## Impact Assessment']
  },
  {
    fixture: 'fixtures/compliance-checked/deleted-item.md',
    reason: 'Unexpected missing item `Action items created and assigned`',
    expected: ['\n- [ ] Action items created and assigned'],
    line: [26, '- [ ] Action items created and assigned']
  },
  {
    fixture: 'fixtures/examples/2025-12-18-v3.0.0.md',
    reason: 'Unexpected status `Maybe` in action item 2',
    expected: ['Done', 'In Progress', 'Planned', 'Blocked', 'Cancelled'],
    line: [85, '| 2 | Settings parity check | Sam | 2025-12-30 | Done | PAY-302 |']
  },
  {
    fixture: 'fixtures/fixes/values/2025-12-10-v1.2.4.md',
    reason: 'Unexpected owner `devops` in action item 2',
    expected: ['@devops'],
    line: [138, '| 2 | Add pre-deployment validation for DB limits | @devops | 2025/12/15 | 🔄 In Progress | infra-477 |']
  },
  {
    fixture: 'fixtures/fixes/values/2025-12-10-v1.2.4.md',
    reason: 'Unexpected ticket `infra-477` in action item 2',
    expected: ['INFRA-477'],
    line: [138, '| 2 | Add pre-deployment validation for DB limits | devops | 2025/12/15 | 🔄 In Progress | INFRA-477 |']
  },
  {
    fixture: 'fixtures/fixes/values/2025-12-10-v1.2.4.md',
    reason: 'Unexpected due date `2025/12/15` in action item 2',
    expected: ['2025-12-15'],
    line: [138, '| 2 | Add pre-deployment validation for DB limits | devops | 2025-12-15 | 🔄 In Progress | infra-477 |']
  },
  {
    fixture: 'fixtures/fixes/values/2025-12-10-v1.2.4.md',
    reason: 'Unexpected Rolled Back To `1.2.3` without `v`',
    expected: ['v1.2.3'],
    line: [6, '**Rolled Back To**: v1.2.3  ']
  },
  {
    fixture: 'fixtures/fixes/values/2025-12-10-v1.2.4.md',
    reason: 'Unexpected Date Completed `2025/12/11`',
    expected: ['2025-12-11'],
    line: [183, '**Date Completed**: 2025-12-11  ']
  },
  {
    fixture: 'fixtures/fixes/header-date/2025-12-10-v1.2.4.md',
    reason: 'Unexpected Date `2025/12/10`',
    expected: ['2025-12-10'],
    line: [4, '**Date**: 2025-12-10  ']
  },
  {
    fixture: 'fixtures/fixes/bracketed/2025-12-10-v1.2.4.md',
    reason: 'Unexpected Date `[2025-12-10]`',
    expected: ['2025-12-10'],
    line: [4, '**Date**: 2025-12-10  ']
  },
  {
    fixture: 'fixtures/fixes/bracketed/2025-12-10-v1.2.4.md',
    reason: 'Unexpected Failed Version `[v1.2.4]`',
    expected: ['v1.2.4'],
    line: [5, '**Failed Version**: v1.2.4  ']
  }
] as const

describe('each fix', () => {
  it.each(cases)('$reason → $expected.0', async ({fixture, reason, expected, line}) => {
    const value = readFileSync(join(root, fixture), 'utf8')
    const message = (await lintValue(fixture, value)).find((item) => item.reason.startsWith(reason))
    expect(message?.expected).toEqual(expected)
    if (!message) return
    const fixed = applyEdit(value, message, expected[0])
    expect(fixed.value.split('\n')[line[0] - 1]).toBe(line[1])
    expect((await lintValue(fixture, fixed.value)).filter((item) => item.reason === message.reason)).toEqual([])
  })

  it('offers nothing for what has no certain edit: a file name, a missing field, a header that disagrees with the front matter', async () => {
    for (const fixture of ['fixtures/file-name/2025-12-11-v1.2.4.md', 'fixtures/metadata/missing-field.md', 'fixtures/metadata/front-matter-mismatch.md']) {
      const messages = await lintValue(fixture, readFileSync(join(root, fixture), 'utf8'))
      expect(messages.length, fixture).toBeGreaterThan(0)
      expect(messages.filter((message) => message.expected), fixture).toEqual([])
    }
  })
})
