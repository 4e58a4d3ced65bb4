import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {templateIncidentLabel, templateModel} from 'mdast-util-postmortem'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkLintPostmortemUniqueIncident, {siblingsRead} from 'remark-lint-postmortem-unique-incident'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it, vi} from 'vitest'
import {root, scratchFolder} from '../../../test/util.js'

function templateOf(name: string) {
  return templateModel(readFileSync(join(root, 'fixtures/templates', name), 'utf8'), name)
}

/** A folder holding `copies` of one team post-mortem: the same incident, written up again. */
function folderWith(team: string, document: string, copies: string[]): string {
  const folder = scratchFolder('unique-incident-')
  for (const copy of copies) cpSync(join(root, 'fixtures/teams', team, document), join(folder, copy))
  return folder
}

async function findings(path: string, template: string): Promise<string[]> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkLintPostmortemUniqueIncident, {template: join(root, 'fixtures/templates', template)})
  const file = new VFile({path, value: readFileSync(path, 'utf8')})
  await processor.run(processor.parse(file), file)
  return file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)
}

describe('templateIncidentLabel', () => {
  it('finds the header field that names the incident, as each team writes it', () => {
    expect(templateIncidentLabel(templateOf('postmortem-template.md'))).toBe('Incident ID')
    expect(templateIncidentLabel(templateOf('lists.md'))).toBe('Incident')
    expect(templateIncidentLabel(templateOf('curly.md'))).toBe('Incident')
    // `Incident Commander` is in this template's header too: not the incident.
    expect(templateIncidentLabel(templateOf('fields.md'))).toBe('Incident ID')
    expect(templateIncidentLabel(templateModel('# T\n\n**Incident Commander**: [@handle]\n\n## A\n', 'team.md'))).toBeUndefined()
  })
})

describe('remark-lint-postmortem-unique-incident with team templates', () => {
  it('reports the second post-mortem of an `Incident` in a list header (lists template)', async () => {
    const folder = folderWith('lists', '2025-11-03-v2.14.0.md', ['2025-11-03-v2.14.0.md', '2025-11-04-v2.14.1.md'])
    expect(await findings(join(folder, '2025-11-03-v2.14.0.md'), 'lists.md')).toEqual([])
    expect(await findings(join(folder, '2025-11-04-v2.14.1.md'), 'lists.md')).toEqual([
      '8:17 Unexpected incident ID `INC-4411`, also the incident of `2025-11-03-v2.14.0.md`, expected one post-mortem per incident'
    ])
  })

  it('reports the second post-mortem of an `Incident` in a header table (curly template)', async () => {
    const folder = folderWith('curly', 'inc-7781.md', ['inc-7781.md', 'inc-7781b.md'])
    expect(await findings(join(folder, 'inc-7781b.md'), 'curly.md')).toEqual([
      expect.stringMatching(/^5:\d+ Unexpected incident ID `INC-7781`, also the incident of `inc-7781\.md`/)
    ])
  })

  it('reports the second post-mortem of an `Incident` kept in a section of fields (details-table template)', async () => {
    const folder = folderWith('details-table', '2026-05-14-search-latency.md', ['2026-05-14-search-latency.md', 'search-latency-again.md'])
    expect(await findings(join(folder, '2026-05-14-search-latency.md'), 'details-table.md')).toEqual([])
    expect(await findings(join(folder, 'search-latency-again.md'), 'details-table.md')).toEqual([
      expect.stringMatching(/^7:\d+ Unexpected incident ID `INC-884`, also the incident of `2026-05-14-search-latency\.md`/)
    ])
  })

  it('finds an incident written with character references or as a `www.` link in the other post-mortem', async () => {
    const plain = readFileSync(join(root, 'fixtures/teams/lists/2025-11-03-v2.14.0.md'), 'utf8')
    const referenced = scratchFolder('unique-incident-')
    writeFileSync(join(referenced, 'a.md'), plain.replace('INC-4411', '&#73;NC&#x2D;4411'))
    writeFileSync(join(referenced, 'b.md'), plain)
    expect(await findings(join(referenced, 'b.md'), 'lists.md')).toEqual([
      '8:17 Unexpected incident ID `INC-4411`, also the incident of `a.md`, expected one post-mortem per incident'
    ])

    const linked = scratchFolder('unique-incident-')
    const link = plain.replace('INC-4411', 'www.tracker.example/browse/INC-4411')
    writeFileSync(join(linked, 'a.md'), link)
    writeFileSync(join(linked, 'b.md'), link)
    expect(await findings(join(linked, 'b.md'), 'lists.md')).toEqual([
      '8:3 Unexpected incident ID `www.tracker.example/browse/INC-4411`, also the incident of `a.md`, expected one post-mortem per incident'
    ])
  })

  it('reads `GH-123` as `#123`, and `acme/app#123` as an incident of its own (another repository may have an issue 123)', async () => {
    const plain = readFileSync(join(root, 'fixtures/unique-incident/2025-12-10-v1.2.4.md'), 'utf8')
    const folder = scratchFolder('unique-incident-')
    writeFileSync(join(folder, 'a.md'), plain)
    writeFileSync(join(folder, 'b.md'), plain.replace('**Incident ID**: #123', '**Incident ID**: GH-123'))
    writeFileSync(join(folder, 'c.md'), plain.replace('**Incident ID**: #123', '**Incident ID**: acme/app#123'))
    expect(await findings(join(folder, 'b.md'), 'postmortem-template.md')).toEqual([
      '3:18 Unexpected incident ID `GH-123`, also the incident of `a.md`, expected one post-mortem per incident'
    ])
    expect(await findings(join(folder, 'c.md'), 'postmortem-template.md')).toEqual([])
  })

  it('parses only the other post-mortems that have every word of the incident', async () => {
    const plain = readFileSync(join(root, 'fixtures/teams/lists/2025-11-03-v2.14.0.md'), 'utf8')
    const folder = scratchFolder('unique-incident-')
    for (let index = 0; index < 40; index++) writeFileSync(join(folder, `${index}.md`), plain.replaceAll('4411', String(5000 + index)))
    // Another incident with the same words in another order, and the same incident as code.
    writeFileSync(join(folder, 'reordered.md'), plain.replace('INC-4411', '4411-INC'))
    writeFileSync(join(folder, 'same.md'), plain.replace('INC-4411', '`INC-4411`'))
    writeFileSync(join(folder, 'z.md'), plain)
    const before = siblingsRead()
    expect(await findings(join(folder, 'z.md'), 'lists.md')).toEqual([
      '8:17 Unexpected incident ID `INC-4411`, also the incident of `same.md`, expected one post-mortem per incident'
    ])
    const after = siblingsRead()
    // Every Markdown file of the folder is read, the linted one too; of the 42 others, only the two with the
    // incident's words are compared with it, and parsed.
    expect(after.read - before.read).toBe(43)
    expect(after.compared - before.compared).toBe(2)
    expect(after.parsed - before.parsed).toBe(2)
  })

  it('parses none of the other post-mortems whose incident\'s words stand only in other fields (`Duration: 123 minutes` beside `#123`)', async () => {
    const clean = readFileSync(join(root, 'fixtures/examples/2025-12-10-v1.2.4.md'), 'utf8')
    const duration = '**Duration**: 8 minutes (deploy start to rollback completion)'
    expect(clean).toContain('**Incident ID**: #123')
    expect(clean).toContain(duration)
    const folder = scratchFolder('unique-incident-')
    for (let index = 0; index < 40; index++) {
      writeFileSync(join(folder, `${index}.md`), clean.replace('#123', `#${200 + index}`).replace(duration, '**Duration**: 123 minutes'))
    }

    // The same incident in a header table of fields, and in front matter with its value on the next line.
    writeFileSync(join(folder, 'table.md'), clean.replace('**Incident ID**: #123', '| Field | Value |\n| --- | --- |\n| Incident ID | #123 |\n'))
    writeFileSync(join(folder, 'yaml.md'), '---\nincident_id: >-\n  #123\n---\n\n' + clean.replace('**Incident ID**: #123  \n', ''))
    writeFileSync(join(folder, 'z.md'), clean)
    const before = siblingsRead()
    expect(await findings(join(folder, 'z.md'), 'postmortem-template.md')).toEqual([
      '3:18 Unexpected incident ID `#123`, also the incident of `table.md`, expected one post-mortem per incident'
    ])
    expect(siblingsRead().parsed - before.parsed).toBe(2)
    expect(await findings(join(folder, 'table.md'), 'postmortem-template.md')).toEqual([])
    expect(await findings(join(folder, 'yaml.md'), 'postmortem-template.md')).toEqual([
      expect.stringMatching(/^2:\d+ Unexpected incident ID `#123`, also the incident of `table\.md`/)
    ])
  })

  it('asks the disk for a folder\'s files at most every 250 ms: a post-mortem added since is seen after that', async () => {
    const folder = folderWith('lists', '2025-11-03-v2.14.0.md', ['a.md'])
    const start = Date.now()
    vi.useFakeTimers({toFake: ['Date'], now: start})
    try {
      expect(await findings(join(folder, 'a.md'), 'lists.md')).toEqual([])
      // The same incident, first by name: `a.md` is the second post-mortem once `0.md` is seen.
      cpSync(join(folder, 'a.md'), join(folder, '0.md'))
      vi.setSystemTime(start + 100)
      expect(await findings(join(folder, 'a.md'), 'lists.md')).toEqual([])
      vi.setSystemTime(start + 300)
      expect(await findings(join(folder, 'a.md'), 'lists.md')).toEqual([
        '8:17 Unexpected incident ID `INC-4411`, also the incident of `0.md`, expected one post-mortem per incident'
      ])
    } finally {
      vi.useRealTimers()
    }
  })

  it('stays silent with a template whose header does not name the incident', async () => {
    const folder = folderWith('minimal', 'checkout-latency.md', ['a.md', 'b.md'])
    expect(await findings(join(folder, 'b.md'), 'minimal.md')).toEqual([])
  })
})
