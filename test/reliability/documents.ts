import fc from 'fast-check'
import {defaultTemplate} from 'postmortem-rule-core'

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

/** A post-mortem-like document: fragments of the default template's shapes, any line endings, a BOM, cut anywhere. */
export const postmortemDocument = fc
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

/** Inline and block Markdown of every kind the micromark-token conversion rebuilds, and some it gives up on. */
const inline = fc.oneof(
  text,
  fc.constantFrom(
    '*a*', '**b**', '_c_', '__d__', '***e***', '*a **b** c*', '`code`', '`` a ` b ``', '` x `', '\\*', '\\\\', '&amp;', '&#35;', '&#x41;', '&bogus;',
    '[l](http://x.y "t")', '[l](<a b>)', '[l]()', '![i *a*](u.png)', '<https://a.b>', '<a@b.co>', 'https://x.y/z', 'www.x.y', 'a@b.co',
    '<span>h</span>', '<!-- c -->', '10:00:00', ':smile:', ':name[x]', '$5 and $10', '$a*b*$', '[ref]', '[x][ref]', '[Ref]', '[ref][]', '![i][ref]', '![ref]', '[a&amp;b]', '[a\\]b]', '[*e* x][ref]', '[^1]', '~~s~~', 'a  ', 'a\\', '|', '\\|', '[', ']', '*', '_'
  )
)

const line = fc.array(inline, {minLength: 1, maxLength: 6}).map((parts) => parts.join(' '))

const block = fc.oneof(
  line,
  fc.tuple(fc.constantFrom('#', '##', '######', '#######'), line).map(([marks, value]) => `${marks} ${value}`),
  line.map((value) => `${value}\n===`),
  line.map((value) => `${value}\n---`),
  fc
    .array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] ', '- [X]', '-\t', '-   ', '  - ', '    - '), line, fc.constantFrom('\n', '\n\n', '\n  more\n', '\n\n  para\n')), {
      minLength: 1,
      maxLength: 5
    })
    .map((items) => items.map(([marker, value, after]) => marker + value + after).join('')),
  fc.array(line, {minLength: 1, maxLength: 3}).map((lines) => lines.map((value) => '> ' + value).join('\n')),
  fc
    .tuple(fc.array(fc.constantFrom('---', ':--', '--:', ':-:'), {minLength: 1, maxLength: 4}), fc.array(fc.array(inline, {maxLength: 5}), {maxLength: 4}))
    .map(([delimiters, rows]) =>
      [`| ${delimiters.map((_, index) => 'h' + index).join(' | ')} |`, `|${delimiters.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
    ),
  fc.constantFrom(
    '```js meta\ncode\n\n```', '~~~\nx\n', '    indented\n    code', '<div>\nblock\n</div>', '<!--\nc\n-->', '***', '- a\n\n  > q\n  > r\n- b',
    '- ```\n  code\n  ```', '[ref]: https://x.y', '[REF]: <a b> "t"', '[a&amp;b]: /u \'t\'', '[a\\]b]: /v (p)', '> [ref]: /q', '- [ref]: /l', '[^1]: note', ':::note\nx\n:::', '$$\nmath\n$$', '> a\nlazy', '1. a\n1. b\n\n1. c', '- [ ]  \n  x'
  )
)

/** A Markdown document of random blocks, line endings and front matter. */
export const markdownDocument = fc
  .tuple(
    fc.option(fc.constantFrom('---\ntitle: x\n---\n', '---\n---\n', '---\na: 1\n---\n\n\n', '+++\na = 1\n+++\n')),
    fc.array(block, {maxLength: 12}),
    fc.constantFrom('\n\n', '\n'),
    fc.constantFrom('\n', '\r\n')
  )
  .map(([frontMatter, blocks, separator, newline]) => ((frontMatter ?? '') + blocks.join(separator) + '\n').replace(/\n/g, newline))
