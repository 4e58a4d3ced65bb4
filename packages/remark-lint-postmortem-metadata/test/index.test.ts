import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {templateIncidentFormat, templateIncidentLabel, templateModel, templateVersionPair} from 'mdast-util-postmortem'
import remarkLintPostmortemMetadata, {metadata} from 'remark-lint-postmortem-metadata'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixture, lint, root, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemMetadata]
const id = ' [postmortem-metadata]'

async function messagesOf(path: string, plugins: PluggableList = rule) {
  return summary(await lint(fixture(path), plugins))
}

function withTemplate(name: string): PluggableList {
  return [[remarkLintPostmortemMetadata, {template: join(root, 'fixtures/templates', name)}]]
}

function formatOf(markdown: string) {
  return templateIncidentFormat(templateModel(markdown, 'team.md'))
}

describe('remark-lint-postmortem-metadata', () => {
  it.each([
    'examples/2025-12-10-v1.2.4.md',
    'metadata/front-matter-ok.md',
    'metadata/incident-link-ok.md',
    'metadata/incident-url-ok.md',
    'metadata/plain-labels-ok.md',
    'clean-variants/2025-12-10-v1.2.4.md',
    'timeline-duration/clock-ok.md'
  ])('passes %s', async (path) => {
    expect(await messagesOf(path)).toEqual([])
  })

  it.each([
    ['missing-field.md', ['1:1: Unexpected missing field `Impact` in the header, expected `**Impact**: …`']],
    ['empty-field.md', ['8:1: Unexpected empty field `Impact` in the header, expected a value']],
    [
      'invalid-values.md',
      [
        '3:1: Unexpected Incident ID `INC-5`, expected an issue reference such as `#123` or an issue URL',
        '4:1: Unexpected Date `2025-02-30`, expected a date as `YYYY-MM-DD`',
        '5:1: Unexpected Failed Version `1.2`, expected a semantic version such as `v1.2.4`',
        '7:1: Unexpected Duration `a while`, expected a duration such as `8 minutes` or `1h 5m`'
      ]
    ],
    [
      'version-order.md',
      ['6:21: Unexpected Rolled Back To `v1.2.5`, expected a version lower than the Failed Version `v1.2.4`']
    ],
    [
      'version-equal.md',
      [
        '6:21: Unexpected Rolled Back To `1.2.4` without `v`, expected `v1.2.4` as the template writes versions',
        '6:21: Unexpected Rolled Back To `1.2.4`, expected a version lower than the Failed Version `v1.2.4`'
      ]
    ],
    [
      'front-matter-mismatch.md',
      [
        "12:1: Unexpected Date `2025-12-10` in the header, expected the front matter's `2025-12-11` (`date`)",
        "16:1: Unexpected Impact `No user-facing impact; production stayed on v1.2.3 throughout` in the header, expected the front matter's `No user-facing impact` (`impact`)"
      ]
    ]
  ])('reports %s', async (name, expected) => {
    expect(await messagesOf('metadata/' + name)).toEqual(expected.map((line) => line + id))
  })

  it('reads a header date written with its time (`2025-12-10T10:00:00Z`) as its day, and no impossible day', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const date = '**Date**: 2025-12-10  \n'
    expect(clean).toContain(date)
    for (const written of ['2025-12-10T10:00:00Z', '2025-12-10 10:00 UTC', '2025-12-10 11:00:00 +01:00']) {
      expect(summary(await lint(clean.replace(date, `**Date**: ${written}  \n`), rule))).toEqual([])
    }

    expect(summary(await lint(clean.replace(date, '**Date**: 2025-12-32 10:00 UTC  \n'), rule))).toEqual([
      '4:1: Unexpected Date `2025-12-32 10:00 UTC`, expected a date as `YYYY-MM-DD`' + id
    ])
  })

  it('reads a duration estimated as a range (`7-9 minutes`), its ends in order', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const duration = '**Duration**: 8 minutes (deploy start to rollback completion)'
    expect(clean).toContain(duration)
    for (const range of ['7-9 minutes', '~7–9 min (deploy start to rollback completion)', '5 to 10 minutes']) {
      expect(summary(await lint(clean.replace(duration, `**Duration**: ${range}`), rule))).toEqual([])
    }

    expect(summary(await lint(clean.replace(duration, '**Duration**: 9-7 minutes'), rule))).toEqual([
      '7:1: Unexpected Duration `9-7 minutes`, expected a duration such as `8 minutes` or `1h 5m`' + id
    ])
  })

  it('reads a site generator\'s date-time in front matter (`date: 2025-12-10T18:00:00Z`) as its day', async () => {
    const value = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const withDate = (date: string) => `---\ntitle: Rollback of v1.2.4\ndate: ${date}\n---\n\n${value}`
    expect(summary(await lint(withDate('2025-12-10T18:00:00Z'), rule))).toEqual([])
    expect(summary(await lint(withDate('2025-12-10 09:30:00 +0100'), rule))).toEqual([])
    expect(summary(await lint(withDate('2025-12-12T18:00:00Z'), rule))).toEqual([
      "9:1: Unexpected Date `2025-12-10` in the header, expected the front matter's `2025-12-12T18:00:00Z` (`date`)" + id
    ])
    // Without a header date, the front matter's day is the incident's.
    expect(summary(await lint(withDate('2025-12-10T18:00:00Z').replace(/^\*\*Date\*\*.*\n/m, ''), rule))).toEqual([])
  })

  it('reports front matter that is not YAML', async () => {
    const [message] = await lint(fixture('metadata/bad-yaml.md'), rule)
    expect(message?.line).toBe(1)
    expect(message?.reason).toMatch(/^Unexpected front matter that is not YAML \(.+\), expected `key: value` lines$/)
  })

  it('reports front matter it cannot read once, YAML or TOML, and not also each key the template asks of it', async () => {
    const yaml: PluggableList = [[remarkLintPostmortemMetadata, {template: 'fixtures/templates/front-matter.md'}]]
    const clean = String(fixture('teams/front-matter/2026-05-02-payments-timeout.md').value)
    expect(summary(await lint(clean, yaml))).toEqual([])
    const broken = summary(await lint(clean.replace(/^title: .*$/m, 'title: [unclosed'), yaml))
    expect(broken).toEqual([expect.stringMatching(/^1:1: Unexpected front matter that is not YAML \(.+\), expected `key: value` lines/)])

    const toml: PluggableList = [[remarkLintPostmortemMetadata, {template: 'fixtures/templates/toml.md'}]]
    const tomlClean = String(fixture('teams/toml/2026-02-11-billing.md').value)
    expect(summary(await lint(tomlClean, toml))).toEqual([])
    expect(summary(await lint(tomlClean.replace('incident = "INC-7710"\n', ''), toml))).toEqual([
      '1:1: Unexpected missing field `incident` in the front matter, expected `incident = …`' + id
    ])
    expect(summary(await lint(String(fixture('teams/toml/2026-04-14-auth.md').value), toml))).toEqual([
      '1:1: Unexpected front matter that is not TOML (Invalid TOML document: newlines are not allowed in strings), expected `key = "value"` lines' + id
    ])
  })

  it('reads a document\'s rank 1 heading as the `title` its front matter leaves out', async () => {
    const lists: PluggableList = [[remarkLintPostmortemMetadata, {template: 'fixtures/templates/lists.md'}]]
    const document = String(fixture('teams/lists/2025-11-20-v3.1.0.md').value)
    expect(document).toMatch(/^# 🚨 Rollback Review: search v3\.1\.0\n/)
    expect(document).toContain('- **Restored version**: 3.0.4\n')
    const clean = document.replace('- **Restored version**: 3.0.4\n', '- **Restored version**: v3.0.4\n')
    const tagged = '---\ntags: [postmortem, rollback]\n---\n\n' + clean
    expect(summary(await lint(tagged, lists))).toEqual([])
    expect(summary(await lint(tagged.replace('# 🚨 Rollback Review: search v3.1.0\n', ''), lists))).toEqual([
      '1:1: Unexpected missing field `title` in the front matter, expected `title: …`' + id
    ])
  })

  it('reports front matter values on their own line', async () => {
    const file = fixture('metadata/front-matter-ok.md')
    file.value = String(file.value).replace('failed-version: v1.2.4', 'failed-version: one')
    expect(summary(await lint(file, rule))).toEqual([
      '4:1: Unexpected Failed Version `one`, expected a semantic version such as `v1.2.4`' + id
    ])
  })

  it('reports a field of a section\'s bold list kept with nothing after its label, not one left out or with text under it', async () => {
    const written = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const emptied = written.replace('- **Notification Time**: 2 minutes from detection', '- **Notification Time**:')
    expect(summary(await lint(emptied, rule))).toEqual(['88:3: Unexpected empty field `Notification Time` in `Response Quality`, expected a value' + id])
    expect(summary(await lint(written.replace('- **Notification Time**: 2 minutes from detection\n', ''), rule))).toEqual([])
    expect(summary(await lint(written.replace('- **Notification Time**: 2 minutes from detection', '- **Notification Time**:\n  2 minutes from detection'), rule))).toEqual([])
    expect(summary(await lint(written.replace('- **Notification Time**: 2 minutes from detection', '- **Notification Time**:\n  - 2 minutes from detection'), rule))).toEqual([])
  })

  it('leaves the placeholders of the unfilled template to no-placeholders: one defect, one message', async () => {
    expect(await messagesOf('templates/postmortem-template.md')).toEqual([])
    const file = fixture('templates/postmortem-template.md')
    // `vX.Y.Z` is a placeholder token: no-placeholders reports it.
    file.value = String(file.value).replace('**Failed Version**: [e.g., v1.2.4]', '**Failed Version**: vX.Y.Z')
    expect(summary(await lint(file, rule))).toEqual([])
  })

  it('reports a placeholder left in front matter, which no-placeholders does not read, once', async () => {
    const file = fixture('metadata/front-matter-ok.md')
    file.value = String(file.value).replace('failed-version: v1.2.4', 'failed-version: "[e.g., v1.2.4]"')
    expect(summary(await lint(file, rule))).toEqual([
      '4:1: Unexpected placeholder `[e.g., v1.2.4]` for `failed-version` in the front matter, expected a value' + id
    ])
  })

  it('reads header fields written without bold labels (`Date: 2025-02-30`)', async () => {
    expect(await messagesOf('metadata/plain-labels-invalid.md')).toEqual([
      '4:1: Unexpected Date `2025-02-30`, expected a date as `YYYY-MM-DD`' + id
    ])
  })

  it.each([
    [
      'a date with its month by name where the template shows no date format',
      'free-form.md',
      'metadata/named-month-date.md',
      'metadata/named-month-date-invalid.md',
      '3:1: Unexpected Date `February 30, 2025`, expected a date as `YYYY-MM-DD`'
    ],
    [
      'a header date in the team format against an ISO front matter date as dates',
      'uk.md',
      'metadata/uk-front-matter-ok.md',
      'metadata/uk-front-matter-mismatch.md',
      "8:1: Unexpected Date `14/03/2025` in the header, expected the front matter's `2025-03-15` (`date`)"
    ],
    [
      'the header fields a template writes without bold, requiring them in that form',
      'plain-header.md',
      'metadata/plain-header-ok.md',
      'metadata/plain-header-missing.md',
      '1:1: Unexpected missing field `Owner` in the header, expected `Owner: …`'
    ],
    [
      'the incident ID as the team template writes it (`INC-XXXX`)',
      'incident-key.md',
      'metadata/incident-key-ok.md',
      'metadata/incident-key-invalid.md',
      '3:1: Unexpected Incident ID `#2044`, expected an incident ID such as `INC-XXXX`, as the template writes it'
    ],
    [
      'the incident of a team that labels it otherwise (`Incident` in a list)',
      'lists.md',
      'teams/lists/2025-11-03-v2.14.0.md',
      'metadata/lists-incident-invalid.md',
      '3:3: Unexpected Incident `4702`, expected an incident ID such as `INC-XXXX`, as the template writes it'
    ]
  ])('reads %s', async (_, template, valid, invalid, message) => {
    expect(await messagesOf(valid, withTemplate(template))).toEqual([])
    expect(await messagesOf(invalid, withTemplate(template))).toEqual([message + id])
  })

  it('keeps `YYYY-MM-DD` for templates that show it (the seed)', async () => {
    expect((await messagesOf('metadata/named-month-date.md')).filter((message) => message.includes('Date'))).toEqual([
      '3:1: Unexpected Date `December 10, 2025`, expected a date as `YYYY-MM-DD`' + id
    ])
  })

  it('learns plain header labels only where the template has no bold one', () => {
    const template = templateModel(readFileSync(join(root, 'fixtures/templates/plain-header.md'), 'utf8'))
    expect(template.fields[0]).toEqual({section: undefined, labels: ['Date', 'Failed Version', 'Owner'], plain: true})
  })

  it('reads a duration kept in a first section of fields (`## Overview`) as one in the header is read', async () => {
    const clean = String(fixture('teams/overview/2025-12-12-api.md').value)
    expect(clean).toContain('**Duration:** 40 minutes')
    expect(summary(await lint(clean, withTemplate('overview.md')))).toEqual([])
    expect(summary(await lint(clean.replace('**Duration:** 40 minutes', '**Duration:** most of the morning'), withTemplate('overview.md')))).toEqual([
      '9:1: Unexpected Duration `most of the morning`, expected a duration such as `8 minutes` or `1h 5m` [postmortem-metadata]'
    ])
  })

  it('reads an issue reference as GitHub and GitLab link one: `#123`, `acme/app#123`, `GH-123`', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const incident = '**Incident ID**: #123'
    expect(clean).toContain(incident)
    for (const reference of ['acme/app#123', 'acme-corp/checkout.api#123', 'GH-123']) {
      expect(summary(await lint(clean.replace(incident, `**Incident ID**: ${reference}`), rule))).toEqual([])
    }

    for (const other of ['app#123', 'GH123', 'acme/app#']) {
      expect(summary(await lint(clean.replace(incident, `**Incident ID**: ${other}`), rule))).toEqual([
        `3:1: Unexpected Incident ID \`${other}\`, expected an issue reference such as \`#123\` or an issue URL` + id
      ])
    }
  })

  it('follows `incidentPattern`', async () => {
    const messages = await messagesOf('examples/2025-12-10-v1.2.4.md', [
      [remarkLintPostmortemMetadata, {incidentPattern: '^INC-\\d+$'}]
    ])
    expect(messages).toEqual(['3:1: Unexpected Incident ID `#123`, expected an incident ID matching `^INC-\\d+$`' + id])
  })

  it('lets `incidentPattern` win over the template', async () => {
    const plugins: PluggableList = [
      [remarkLintPostmortemMetadata, {template: join(root, 'fixtures/templates/incident-key.md'), incidentPattern: '^#\\d+$'}]
    ]
    expect(await messagesOf('metadata/incident-key-invalid.md', plugins)).toEqual([])
  })

  it('fails on a bad option', async () => {
    const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [
      [remarkLintPostmortemMetadata, {incidentPattern: '('}]
    ])
    expect(message?.reason).toBe(
      'remark-lint-postmortem-metadata: unexpected value `"("` for option `incidentPattern`, expected a regular expression (a string or a `RegExp`)'
    )
    expect(message?.fatal).toBe(true)
  })
})

describe('templateVersionPair', () => {
  it('knows the restored version by its label in the languages teams write templates in', () => {
    const pair = (failed: string, restored: string) =>
      templateVersionPair(templateModel(`# T\n\n**${failed}**: vX.Y.Z  \n**${restored}**: vX.Y.Z\n\n## A\n`, 'team.md'))
    for (const [failed, restored] of [
      ['Failed Version', 'Rolled Back To'],
      ['Versión fallida', 'Revertido a'],
      ['Versión desplegada', 'Versión anterior'],
      ['Versão com falha', 'Versão restaurada'],
      ['Version défaillante', 'Version restaurée'],
      ['Fehlerhafte Version', 'Zurückgesetzt auf']
    ] as const) {
      expect(pair(failed, restored), restored).toEqual({failed, restored})
      expect(pair(restored, failed), `${restored} first`).toEqual({failed, restored})
    }
  })
})

describe('templateIncidentLabel', () => {
  it('reads the incident\'s label in the languages teams write templates in, not another field that starts with it', () => {
    const label = (field: string) => templateIncidentLabel(templateModel(`# T\n\n**${field}**: INC-XXXX  \n**Date**: YYYY-MM-DD\n\n## A\n`, 'team.md'))
    for (const field of ['Incident ID', 'Vorfall-Nr.', 'Incidente', '事件编号', '故障编号', '障害番号', '장애 번호', '인시던트 ID']) expect(label(field), field).toBe(field)
    for (const field of ['Incident Commander', '事件经过', '장애 원인']) expect(label(field), field).toBeUndefined()
  })
})

describe('templateIncidentFormat', () => {
  it('asks for an issue reference where the placeholder names one, as the seed\'s does', () => {
    const seed = templateModel(readFileSync(join(root, 'fixtures/templates/postmortem-template.md'), 'utf8'))
    expect(templateIncidentFormat(seed)).toEqual({kind: 'issue'})
    expect(formatOf('# T\n\n**Incident**: [#issue]\n\n## A\n')).toEqual({kind: 'issue'})
  })

  it('asks for no form where the template shows none, whatever the label (`INC-2291` and `#12` both fine)', () => {
    expect(formatOf('# T\n\n**Incident ID**: [Incident number]\n\n## A\n')).toBeUndefined()
    expect(formatOf('# T\n\n**Incident ID**:\n\n## A\n')).toBeUndefined()
    expect(formatOf('# T\n\n## Summary\n\n- **Incident ID:**\n- **Severity:** SEV-1 / SEV-2\n')).toBeUndefined()
  })

  it.each([
    ['INC-XXXX', 'INC-XXXX', ['INC-2041', 'inc-2041', 'INC-A7', 'INC-2041 (SEV2)', 'Jira INC-2041'], ['#2041', 'INC 2041', 'INC-', '2041', 'XINC-2041']],
    ['PD-0000', 'PD-0000', ['PD-12', 'PD-Q7Z', 'https://example.pagerduty.com/incidents/PD-12'], ['PD12', 'PD-']],
    ['OPS.NNNN', 'OPS.NNNN', ['OPS.4411'], ['OPSX4411', 'OPS.']],
    ['SEV/XX (eng)', 'SEV/XX', ['SEV/42 (eng)', 'SEV/42'], ['SEV 42', 'SEV/']],
    ['<JIRA key, e.g. HOT-1234>', 'HOT-1234', ['HOT-3312', 'HOT-7'], ['3312', 'HOT 3312']],
    ['[Incident, such as OPS-0001]', 'OPS-0001', ['OPS-12'], ['#12']],
    ['INC-{number}', 'INC-{number}', ['INC-318', 'inc-318'], ['#318', 'INC 318', 'INC-']],
    ['INC-[NNN]', 'INC-[NNN]', ['INC-318'], ['318']]
  ])('learns the shape of `%s`', (written, example, valid, invalid) => {
    const format = formatOf(`# T\n\n**Incident Key**: ${written}\n\n## A\n`)
    expect(format).toMatchObject({kind: 'shape', example})
    const pattern = format?.kind === 'shape' ? format.pattern : /(?!)/
    for (const value of valid) expect(pattern.test(value), value).toBe(true)
    for (const value of invalid) expect(pattern.test(value), value).toBe(false)
  })

  it('writes an incident of a number in the form (`postmortem-lint new`)', () => {
    const idOf = (example: string, number: string) => {
      const format = formatOf(`# T\n\n**Incident**: ${example}\n\n## A\n`)
      return format?.kind === 'shape' ? format.withNumber(number) : undefined
    }

    expect(idOf('INC-XXXX', '2041')).toBe('INC-2041')
    expect(idOf('PD-0000', '12')).toBe('PD-12')
    expect(idOf('2024-INC-XXXX', '7')).toBe('2024-INC-7')
    expect(idOf('INC-{number}', '318')).toBe('INC-318')
  })

  it('reads the time of day in a form (`INCIDENT-YYYY-MM-DD-HHMM`) as the part that numbers the incident', () => {
    const format = formatOf('# T\n\n**Incident ID**: `INCIDENT-YYYY-MM-DD-HHMM`\n\n## A\n')
    expect(format?.kind).toBe('shape')
    if (format?.kind !== 'shape') return
    expect(format.pattern.test('INCIDENT-2026-11-03-0915')).toBe(true)
    expect(format.pattern.test('INC-2026-11-03-0915')).toBe(false)
    expect(format.withNumber('0915', {year: 2026, month: 11, date: 3})).toBe('INCIDENT-2026-11-03-0915')
  })

  it('asks for no front matter key whose template value is a path (a site\'s page cover), nor offers its parts as a choice', () => {
    const template = templateModel('---\ncover: assets/img/covers/post-mortem_template.png\nseverity: SEV1 / SEV2\n---\n# T\n\n## A\n')
    expect(metadata.templateSummary?.(template)).toBe(
      'front matter keys `severity` (where a document has front matter); `severity` one of `SEV1` or `SEV2`'
    )
  })

  it('is said by `postmortem-lint template`', () => {
    const lists = templateModel(readFileSync(join(root, 'fixtures/templates/lists.md'), 'utf8'))
    expect(metadata.templateSummary?.(lists)).toContain('; `Incident` like `INC-XXXX`;')
    expect(metadata.templateSummary?.(templateModel('# T\n\n**Incident ID**: [#]\n\n## A\n'))).toBe(
      'header fields `Incident ID`; `Incident ID` an issue reference'
    )
  })

  it('says nothing where the template gives no form', () => {
    expect(formatOf('# T\n\n**Incident**: [Incident number]\n\n## A\n')).toBeUndefined()
    expect(formatOf('# T\n\n**Incident**: XXXX\n\n## A\n')).toBeUndefined()
    expect(formatOf('# T\n\n**Incident**: the PagerDuty link\n\n## A\n')).toBeUndefined()
    expect(formatOf('# T\n\n**Incident Commander**: [@handle]\n\n## A\n')).toBeUndefined()
  })
})
