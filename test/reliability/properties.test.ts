import fc from 'fast-check'
import {defaultTemplate} from 'postmortem-rule-core'
import {describe, expect, it} from 'vitest'
import {busyMachineTimeout} from '../util.js'
import {describeMessages, expectWellFormed, fuzzing, lintValue} from './lint.js'

const template = defaultTemplate()
const headingNames = template.sections.flatMap((section) => [section.text, ...section.children.map((child) => child.text)])
const labels = template.fields.flatMap((group) => group.labels)

const text = fc.oneof(
  fc.string({maxLength: 30}),
  fc.string({unit: 'binary', maxLength: 20}),
  fc.constantFrom('10:05', '2025-12-10', 'v1.2.4', '@sre', '✅ Done', '‚úÖ Done', 'INFRA-12', 'TODO', '[YYYY-MM-DD]', '8 minutes', '', '|', '\t')
)

const heading = fc
  .tuple(fc.integer({min: 1, max: 7}), fc.oneof(fc.constantFrom(...headingNames), text))
  .map(([depth, value]) => '#'.repeat(depth) + ' ' + value)

const field = fc
  .tuple(fc.oneof(fc.constantFrom(...labels), text), text, fc.constantFrom('  \n', '\\\n', '\n', ''))
  .map(([label, value, end]) => `**${label}**: ${value}${end}`)

const table = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom('Time (UTC)', 'ID', 'Action', 'Owner', 'Due Date', 'Status', 'Ticket', 'Event'), text), {minLength: 1, maxLength: 6}),
    fc.array(fc.array(text, {maxLength: 7}), {maxLength: 6})
  )
  .map(([head, rows]) =>
    [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
  )

const checklist = fc
  .array(fc.tuple(fc.constantFrom('- [x] ', '- [ ] ', '* [X] ', '- ', '  - [ ] ', '1. [x] '), text), {minLength: 1, maxLength: 6})
  .map((items) => items.map(([marker, value]) => marker + value).join('\n'))

const fragment = fc.oneof(
  heading,
  field,
  table,
  checklist,
  text,
  fc.constantFrom(
    '```\n## Appendix\nTODO\n```',
    '`[YYYY-MM-DD]`',
    '<div>\n\n## Sign-Off\n\n</div>',
    '<!-- TODO -->',
    '> ## Action Items\n> | a |\n> |---|',
    '**Constitutional Compliance Verified**:\n- [ ] Root cause identified and documented',
    '*Brief 2-3 sentence summary of what happened, the root cause, and resolution.*',
    'Example:',
    '- [ ] Other: ____',
    '---',
    '\t\tindented code',
    '- a\n  - b\n    - c\n      - [x] d'
  )
)

const document = fc
  .tuple(
    fc.boolean(),
    fc.option(fc.constantFrom('---\ndate: 2025-12-10\nfailed_version: v1.2.4\n---\n', '---\n: [\n---\n', '---\n---\n')),
    fc.array(fragment, {maxLength: 25}),
    fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    fc.option(fc.nat())
  )
  .map(([bom, frontMatter, fragments, newline, cut]) => {
    let value = (bom ? '\uFEFF' : '') + (frontMatter ?? '') + fragments.join('\n\n')
    if (newline === 'mixed') value = value.replace(/\n/g, (_, offset: number) => ['\n', '\r\n', '\r'][offset % 3] ?? '\n')
    else value = value.replace(/\n/g, newline)
    if (cut === null) return value
    // Truncate at any byte, as a partial write would.
    const bytes = new TextEncoder().encode(value)
    return new TextDecoder().decode(bytes.subarray(0, cut % (bytes.length + 1)))
  })

const runs = fuzzing ? 5000 : 150

describe('any document built from post-mortem fragments', {timeout: busyMachineTimeout}, () => {
  it('never makes a rule throw, and every message is well formed and deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (value) => {
        const first = await lintValue(value, '2025-12-10-v1.2.4.md')
        expectWellFormed(first, value)
        expect(describeMessages(await lintValue(value, '2025-12-10-v1.2.4.md'))).toEqual(describeMessages(first))
      }),
      {seed: 20_251_210, numRuns: runs}
    )
  }, 120_000)

  it('gives the same messages after a thousand other documents as alone', async () => {
    const others = fc.sample(document, {seed: 7, numRuns: 1000})
    const targets = fc.sample(document, {seed: 8, numRuns: 5})
    const alone = await Promise.all(targets.map(async (value) => describeMessages(await lintValue(value))))
    for (const value of others) await lintValue(value)
    for (const [index, value] of targets.entries()) {
      expect(describeMessages(await lintValue(value))).toEqual(alone[index])
    }
  }, 120_000)
})
