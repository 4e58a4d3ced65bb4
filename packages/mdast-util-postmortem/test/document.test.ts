import {
  checklistItems,
  findField,
  findSection,
  headerValue,
  incidentFacts,
  parseMarkdown,
  postmortemDocument,
  readFields,
  readLabelledLists,
  readListFields,
  sectionContent,
  templateModel,
  templateText
} from 'mdast-util-postmortem'
import {defaultTemplate} from 'postmortem-rule-core'
import {describe, expect, it} from 'vitest'

describe('postmortemDocument', () => {
  it('finds sections by normalised heading, ending at the next heading of the same or higher rank', () => {
    const tree = parseMarkdown('# T\n\n## 🕒 Incident timeline:\n\nx\n\n### Detail\n\ny\n\n## Next\n')
    const document = postmortemDocument(tree)
    const section = findSection(document, 'Incident Timeline')
    expect(section?.depth).toBe(2)
    expect(sectionContent(document, section!).map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(postmortemDocument(tree)).toBe(document)
  })

  it('reads a setext heading\'s lines as one text, whether they end plainly or with a hard break', () => {
    for (const ending of ['\n', '  \n', '\\\n']) {
      const [section] = postmortemDocument(parseMarkdown(`# T\n\nDate:${ending}Authors:${ending}Status:\n---\n`)).sections.slice(1)
      expect(section?.text).toBe('Date: Authors: Status:')
    }
  })

  it('ignores headings in block quotes, lists and code', () => {
    const tree = parseMarkdown('> ## Appendix\n\n- ## Appendix\n\n```\n## Appendix\n```\n')
    expect(findSection(postmortemDocument(tree), 'Appendix')).toBeUndefined()
  })
})

describe('readFields', () => {
  it('reads fields ending in hard breaks, backslashes or plain line endings', () => {
    const tree = parseMarkdown(
      '**Incident ID**: #123  \n**Date**: 2025-12-10\\\n**Failed Version**: `v1.2.4`\n**Rolled Back To:** v1.2.3\n**Impact**:\n'
    )
    const fields = readFields(tree.children)
    expect(fields.map((field) => [field.label, field.value, field.place.start.line])).toEqual([
      ['Incident ID', '#123', 1],
      ['Date', '2025-12-10', 2],
      ['Failed Version', 'v1.2.4', 3],
      ['Rolled Back To', 'v1.2.3', 4],
      ['Impact', '', 5]
    ])
    expect(findField(fields, 'failed version')?.nodes.some((node) => node.type === 'inlineCode')).toBe(true)
  })

  it('reads an HTML comment or a `<br>` in a value as no part of it: the template\'s note, or the writer\'s; a line break', () => {
    const tree = parseMarkdown('**Incident**: <!-- link to the incident issue -->  \n**Date**: 2026-06-02 <!-- UTC -->  \n**Impact**: <br> none  \n**Status**: {draft|final}<br>\n**Owner**: <b>sam</b>\n')
    expect(readFields(tree.children).map((field) => [field.label, field.value, field.place.end.column])).toEqual([
      ['Incident', '', 50],
      ['Date', '2026-06-02', 34],
      ['Impact', 'none', 22],
      ['Status', '{draft|final}', 30],
      ['Owner', '<b>sam</b>', 22]
    ])
  })

  it('reads a list item field from its first line only, placed on that line', () => {
    const tree = parseMarkdown('- Category: Config drift\n  seen twice before\n- **Owner**: @sam  \n  and @lee\n- Severity: SEV2\r\n')
    const list = tree.children[0]
    const fields = list?.type === 'list' ? readListFields(list) : []
    expect(fields.map((field) => [field.label, field.value, field.place.start, field.place.end])).toEqual([
      ['Category', 'Config drift', {line: 1, column: 3, offset: 2}, {line: 1, column: 25}],
      ['Owner', '@sam', {line: 3, column: 3, offset: 47}, {line: 3, column: 18, offset: 62}],
      ['Severity', 'SEV2', {line: 5, column: 3, offset: 78}, {line: 5, column: 17, offset: 92}]
    ])
  })

  it('reads no field from an item that starts with a time or its placeholder (`HH:MM — event`)', () => {
    const tree = parseMarkdown('- HH:MM — {{what happened}}\n- hh:mm: deploy\n- T+00:05 — alert\n- Time: 10:05\n')
    const list = tree.children[0]
    const fields = list?.type === 'list' ? readListFields(list) : []
    expect(fields.map((field) => [field.label, field.value])).toEqual([['Time', '10:05']])
  })

  it('reads a label that ends in a full-width colon (`时长：35 分钟`), digits right after it included', () => {
    const tree = parseMarkdown('- 事件编号：INC-2210\n- 时长：35 分钟\n- **严重级别**：P2\n- 日期：\n')
    const list = tree.children[0]
    const fields = list?.type === 'list' ? readListFields(list) : []
    expect(fields.map((field) => [field.label, field.value])).toEqual([
      ['事件编号', 'INC-2210'],
      ['时长', '35 分钟'],
      ['严重级别', 'P2'],
      ['日期', '']
    ])
  })

  it('reads a label alone on its line before a list as a labelled list, and not one with more lines', () => {
    const tree = parseMarkdown('**Verified**:\n- [x] One\n\n**Checked**: yes\nand more\n\n- [x] Two\n')
    expect(readLabelledLists(tree.children).map((labelled) => labelled.label)).toEqual(['Verified'])
  })

  it('reads a labelled list and its checkboxes', () => {
    const tree = parseMarkdown('**Compliance Verified**:\n- [x] One\n- [ ] Two\n- Three\n  - [x] nested\n')
    const [labelled] = readLabelledLists(tree.children)
    expect(labelled?.label).toBe('Compliance Verified')
    expect(checklistItems(labelled!.list).map((item) => [item.text, item.checked])).toEqual([
      ['One', true],
      ['Two', false],
      ['Three', null]
    ])
  })
})

describe('template model', () => {
  it('derives the default template', () => {
    const template = defaultTemplate()
    expect(template.sections.map((section) => section.text)).toEqual([
      'Executive Summary',
      'Constitutional Compliance',
      'Incident Timeline',
      'Root Cause Analysis',
      'Detection and Response',
      'Impact Assessment',
      'Remediation Steps Taken',
      'Prevention Measures',
      'Action Items',
      'Lessons Learned',
      'Recommendations',
      'Appendix',
      'Sign-Off'
    ])
    expect(template.checklists.map((list) => [list.kind, list.name, list.items.length])).toEqual([
      ['section', 'Constitutional Compliance', 5],
      ['labelled-list', 'Constitutional Compliance Verified', 5]
    ])
    expect(template.placeholders).toEqual(expect.arrayContaining(['[YYYY-MM-DD]', '[Name]', '[e.g., v1.2.4]']))
    expect(template.fields[0]?.labels).toEqual(['Incident ID', 'Date', 'Failed Version', 'Rolled Back To', 'Duration', 'Impact'])
    expect(template.fields.find((group) => group.section === 'Sign-Off')?.labels).toEqual([
      'Post-Mortem Author',
      'Date Completed',
      'Reviewed By',
      'Action Items Tracked In'
    ])
    expect(defaultTemplate()).toBe(template)
  })

  it('reads a team template', () => {
    const template = templateModel('# T\n\n## A\n\n### A1\n\n## Compliance\n\n- [ ] Reviewed\n', 'team.md')
    expect(template.sections.map((section) => [section.text, section.children.map((child) => child.text)])).toEqual([
      ['A', ['A1']],
      ['Compliance', []]
    ])
    expect(template.checklists[0]?.items.map((item) => item.text)).toEqual(['Reviewed'])
  })

  it('marks the sections a document may leave out: by their heading, the guidance they open with, or as being about the template or reference material', () => {
    const template = templateModel(
      [
        '# T',
        '## Summary\n\n_What happened._',
        '## Rollback (if applicable)\n\n- Version: [vX.Y.Z]',
        '## Optional: Customer comms\n\nLinks.',
        '## Vendor\n\n<!-- Optional: the vendor ticket. -->',
        '## Template notes\n\n_Remove this section in the actual report._',
        '## Screenshots\n\n_Attach screenshots. Links are optional._',
        '## Optional dependencies\n\nWhich were down.',
        '## How to use this template\n\nCopy this file and fill in every section.',
        '## 📖 Instructions\n\nKeep it blameless.',
        '## Rollback instructions followed\n\nWhich runbook steps.',
        '## Severity definitions\n\n| Severity | Meaning |\n| --- | --- |\n| SEV1 | Full outage |',
        '## Glossary\n\n- RTO: recovery time objective',
        '## Definitions of done\n\nWhat done meant.'
      ].join('\n\n'),
      'team.md'
    )
    expect(template.sections.filter((section) => section.optional).map((section) => section.text)).toEqual([
      'Rollback (if applicable)',
      'Optional: Customer comms',
      'Vendor',
      'Template notes',
      'How to use this template',
      '📖 Instructions',
      'Severity definitions',
      'Glossary'
    ])
  })

  it('reads as guidance a section\'s only plain paragraph, not a statement of the team\'s, an introduction to subsections or a reference', () => {
    const template = templateModel(
      [
        '# T',
        '## What happened\n\nShort narrative of the incident.',
        '## Blameless\n\nWe focus on systems, not people.',
        '## Note\n\nThis post-mortem is shared with the whole company.',
        '## Grundsatz\n\nWir suchen Ursachen, keine Schuldigen.',
        '## Timeline\n\n*(All times UTC.)*\n\n### Day one\n\nWhat happened first.',
        '## Runbook\n\nSee [the runbook](https://example.com).',
        '## Root cause\n\nWhy it broke, see [5 Whys](https://example.com) for help.',
        '## Lessons\n\n- Example: fast rollback, clear comms\n- Example (good): alerting'
      ].join('\n\n'),
      'team.md'
    )
    expect(template.guidance).toEqual([
      'short narrative of the incident.',
      'what happened first.',
      'why it broke, see 5 whys for help.',
      'example: fast rollback, clear comms',
      'example (good): alerting'
    ])
  })
})

describe('a section\'s bold list of fields', () => {
  it('shows a date or a version through a note after it, not where the note allows another answer', () => {
    const template = templateModel(
      '# T\n\n## Release\n\n- **Bad Version**: vX.Y.Z (the release rolled back)\n- **Restored Version**: vX.Y.Z\n- **Fixed On**: YYYY-MM-DD (or ongoing)\n- **Closed On**: YYYY-MM-DD (if closed)\n- **Found On**: YYYY-MM-DD (first alert)\n',
      'team.md'
    )
    const group = [...template.roles.listFields, ...template.roles.optionalFields].find((fields) => fields.section?.text === 'Release')
    expect(group?.shapes).toEqual({'Bad Version': 'version', 'Restored Version': 'version', 'Found On': 'date'})
  })
})

describe('a template timeline list', () => {
  it('starts its items with a time, or a placeholder that names one (`{{event_time}}`, `[Time]`, `{timestamp}`)', () => {
    const timeline = (list: string) => templateModel(`# T\n\n## Events\n\n${list}\n`).roles.timeline?.shape
    expect(timeline('- **{{event_time}}**: {{event_description}}')).toBe('list')
    expect(timeline('- [Time] - Alert fired\n- [Time] - Rolled back')).toBe('list')
    expect(timeline('- {timestamp}: event')).toBe('list')
    expect(timeline('- [Date/Time] event')).toBe('list')
    expect(timeline('- [Zeitpunkt] Ereignis')).toBe('list')
    // A due date starts an action, and `when` a prompt: neither is a time to write.
    expect(timeline('- [Due date] [action]')).toBeUndefined()
    expect(timeline('- [When it started]\n- [When it was detected]')).toBeUndefined()
    expect(timeline('- [Owner] follow up')).toBeUndefined()
  })
})

describe('a template shown in a fenced block', () => {
  const page = [
    '# How we review rollbacks',
    'Copy the block below and sign it off within 2 business days.',
    '````markdown\n## Summary\n\n**Date**: [YYYY-MM-DD]\n\n## Timeline\n\n```\n- 10:00 deployed\n```\n\n## Review\n\n**Author**: [Name]\n````',
    '## Why we write these\n\nTo learn.'
  ].join('\n\n')

  it('is read from the block that has more sections than the page around it', () => {
    const template = templateModel(page, 'team.md')
    expect(template.sections.map((section) => section.text)).toEqual(['Summary', 'Timeline', 'Review'])
    expect(template.fencedAt).toBe(5)
    expect(template.deadline?.text).toBe('within 2 business days')
    expect(templateText(page)).toMatch(/^## Summary\n[^]*\*\*Author\*\*: \[Name\]$/)
  })

  it('is not the template where the page has as many sections, or the block fewer than two', () => {
    const example = '# T\n\n## Format\n\n```md\n## Summary\n## Impact\n```\n\n## Impact\n\nx\n'
    expect(templateModel(example).sections.map((section) => section.text)).toEqual(['Format', 'Impact'])
    expect(templateModel(example).fencedAt).toBeUndefined()
    expect(templateText(example)).toBe(example)
    const single = '# T\n\n```markdown\n## Summary\n```\n'
    expect(templateModel(single).sections).toEqual([])
    const shell = '# T\n\n```sh\n## one\n## two\n```\n'
    expect(templateText(shell)).toBe(shell)
  })
})

describe('header values', () => {
  it('are found under a label with a note, on either side (`**Date (UTC)**:` for `Date`, `Start` for `Start (UTC)`), the exact label first', () => {
    const facts = incidentFacts(parseMarkdown('# T\n\n**Date (UTC)**: 2025-12-10  \n**Start**: 10:00  \n**End (planned)**: 10:30  \n**End**: 10:20\n'))
    expect(headerValue(facts, 'Date')?.text).toBe('2025-12-10')
    expect(facts.date?.text).toBe('2025-12-10')
    expect(headerValue(facts, 'Start (UTC)')?.text).toBe('10:00')
    expect(headerValue(facts, 'End')?.text).toBe('10:20')
    expect(findField(facts.fields, 'Impact')).toBeUndefined()
    expect(findField(facts.fields, '(UTC)')).toBeUndefined()
  })

  it('compare a field with its front matter as values where they have a type, else as text', () => {
    const tree = parseMarkdown(
      '---\nfailed_version: 1.2.4\ndate: 2025-12-10\nimpact: none\n---\n# T\n\n**Failed Version**: v1.2.4  \n**Date**: 2025-12-11  \n**Impact**: None\n'
    )
    const facts = incidentFacts(tree)
    expect(headerValue(facts, 'Failed Version')?.agrees).toBe(true)
    expect(headerValue(facts, 'Impact')?.agrees).toBe(true)
    expect(headerValue(facts, 'Date')?.agrees).toBe(false)
    expect(facts.failedVersion?.version).toBe('1.2.4')
    expect(facts.date).toBeUndefined()
  })
})
