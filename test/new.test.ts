import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import remarkLintPostmortemFileName from 'remark-lint-postmortem-file-name'
import remarkLintPostmortemNoPlaceholders from 'remark-lint-postmortem-no-placeholders'
import remarkLintPostmortemRequiredHeadings from 'remark-lint-postmortem-required-headings'
import {VFile} from 'vfile'
import {beforeEach, describe, expect, it} from 'vitest'
import {runCli} from './cli.js'
import {newPostmortem} from '../packages/postmortem-lint/dist/new.js'
import {busyMachineTimeout, cpuMilliseconds, lint, root, scratchFolder} from './util.js'

let folder = ''

beforeEach(() => {
  folder = scratchFolder('new-')
})

const args = ['new', '--failed', 'v1.2.4', '--rolled-back', 'v1.2.3', '--date', '2025-12-10', '--incident', '123']
const expectedPath = 'contexts/retrospectives/deployment-rollbacks/2025-12-10-v1.2.4.md'

describe('postmortem-lint new', {timeout: busyMachineTimeout}, () => {
  it('writes a post-mortem from the template with its header filled and prints its path', async () => {
    const run = runCli(args, folder)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(expectedPath + '\n')

    const value = readFileSync(join(folder, expectedPath), 'utf8')
    expect(value).toContain('# Deployment Rollback Post-Mortem: v1.2.4\n')
    expect(value).toContain('**Incident ID**: #123  \n**Date**: 2025-12-10  \n**Failed Version**: v1.2.4  \n**Rolled Back To**: v1.2.3  \n')
    expect(value).toContain('**Duration**: [Time from deploy start to rollback completion]')

    const file = new VFile({path: join(folder, expectedPath), cwd: folder, value})
    expect(await lint(file, [remarkLintPostmortemRequiredHeadings, remarkLintPostmortemFileName])).toEqual([])
    const placeholders = await lint(file, [remarkLintPostmortemNoPlaceholders])
    expect(placeholders.length).toBeGreaterThan(10)
    expect(placeholders[0]?.reason).toMatch(/^Unexpected template placeholder `\[Time from deploy start/)
  })

  it('writes the incident as the team template does (`INC-XXXX`), from its number or whole', () => {
    writeFileSync(join(folder, 'team.md'), readFileSync(join(root, 'fixtures/templates/incident-key.md')))
    const run = (incident: string) =>
      runCli(['new', '--failed', 'v4.2.0', '--rolled-back', 'v4.1.9', '--date', '2025-10-14', '--incident', incident, '--template', 'team.md', '--dir', incident], folder)
    for (const incident of ['2041', 'INC-2041']) {
      expect(run(incident).status).toBe(0)
      expect(readFileSync(join(folder, incident, '2025-10-14-v4.2.0.md'), 'utf8')).toContain('**Incident ID**: INC-2041  \n')
    }

    const wrong = run('#2041')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toBe(
      'postmortem-lint new: unexpected --incident `#2041`, expected an incident ID such as `INC-XXXX` (as the template writes it) or its number\n'
    )
  })

  it('writes any incident ID where the template\'s incident field shows no form (`- **Incident ID:**`)', () => {
    writeFileSync(join(folder, 'bullets.md'), readFileSync(join(root, 'fixtures/templates/bullet-questions.md')))
    const run = runCli(
      ['new', '--failed', 'v8.3.0', '--rolled-back', 'v8.2.6', '--date', '2026-04-22', '--incident', 'INC-2026-040', '--template', 'bullets.md', '--dir', 'bullets'],
      folder
    )
    expect(run.status).toBe(0)
    expect(readFileSync(join(folder, 'bullets', '2026-04-22-v8.3.0.md'), 'utf8')).toContain('- **Incident ID:** INC-2026-040\n')
  })

  it.each([
    [
      'front-matter.md',
      ['---\ntitle: "<Short title>"\nincident: "INC-7750"\ndate: 2026-05-20\nseverity: "SEV<N>"\n'],
      'INC-7750'
    ],
    ['toml.md', ['+++\ntitle = "Rollback: <service> <version>"\ndate = "2026-05-20"\nincident = "INC-7750"\n', '**Failed release:** v3.12.0\n**Restored release:** v3.11.2\n'], 'INC-7750'],
    ['lists.md', ['- **Incident**: INC-7750\n- **Date**: 2026-05-20\n', '- **Failed version**: v3.12.0\n- **Restored version**: v3.11.2\n'], 'INC-7750'],
    ['five-whys.md', ['**Incident:** HOT-7750\n**Date of incident:** 2026-05-20\n'], 'HOT-7750'],
    ['plain-header.md', ['Date: 2026-05-20  \nFailed Version: v3.12.0  \n'], undefined],
    ['uk.md', ['# Rollback Review: <service> v3.12.0\n', '**Date**: 20/05/2026  \n**Failed Version**: v3.12.0  \n**Rolled Back To**: v3.11.2\n'], 'OPS-7750'],
    ['us.md', ['**Date**: 05/20/2026\n', '**Deployed version**: v3.12.0\n**Rolled back to**: v3.11.2\n'], '**Incident #**: #7750\n'],
    ['overview.md', ['## Overview\n\n**Date:** 2026-05-20\n', '**Failed release:** v3.12.0\n**Rolled back to:** v3.11.2\n'], undefined],
    ['details-table.md', ['| Incident | INC-7750 |\n| Date | 2026-05-20 |\n'], undefined],
    ['de.md', ['# Post-Mortem: [Dienst] – Rollback von v3.12.0\n', '**Vorfall-Nr.**: INC-7750  \n**Datum**: 20.05.2026  \n**Fehlerhafte Version**: v3.12.0  \n**Zurückgerollt auf**: v3.11.2  \n'], undefined],
    ['tldr.md', ['# Postmortem: {{title}}\n\n', '| **Incident date** | 2026-05-20 |\n', '| **Bad deploy** | v3.12.0 |\n| **Rolled back to** | v3.11.2 |\n'], undefined],
    ['report.md', ['**Incident ID**: INC-20260520-7750  \n**Date**: 2026-05-20  \n'], undefined],
    [
      'numbered.md',
      ['# Incident Review: <Service> rollback of v3.12.0\n', '| Incident | INC-7750 |\n| Date | 2026-05-20 |\n', '| Bad release | v3.12.0 |\n| Restored release | v3.11.2 |\n'],
      'INC-7750'
    ]
  ])('fills the header as the team template %s writes it: front matter, lists, tables, its own labels and date format, plain lines; a title with its own placeholder left to the writer; no incident field said', async (name, parts, incident) => {
    writeFileSync(join(folder, name), readFileSync(join(root, 'fixtures/templates', name)))
    const run = runCli(
      ['new', '--failed', 'v3.12.0', '--rolled-back', 'v3.11.2', '--date', '2026-05-20', '--incident', '7750', '--template', name, '--dir', 'out'],
      folder
    )
    // A template without an incident field gets no incident, and says so.
    const withoutIncident = ['plain-header.md', 'overview.md', 'tldr.md'].includes(name)
    expect(run.stderr).toBe(withoutIncident ? 'postmortem-lint new: the template has no incident field, so --incident `7750` is not written\n' : '')
    expect(run.status).toBe(0)
    const value = readFileSync(join(folder, 'out/2026-05-20-v3.12.0.md'), 'utf8')
    for (const part of parts) expect(value).toContain(part)
    if (incident) expect(value).toContain(incident)
  })

  it('uses today (UTC) when no date is given, and the team template and folder when given', () => {
    writeFileSync(join(folder, 'team.md'), readFileSync(join(root, 'fixtures/templates/team-template.md')))
    const run = runCli(['new', '--failed', '2.0.0', '--rolled-back', '1.9.9', '--template', 'team.md', '--dir', 'docs'], folder)
    const today = new Date().toISOString().slice(0, 10)
    expect(run.stdout).toBe(`docs/${today}-2.0.0.md\n`)
    const value = readFileSync(join(folder, 'docs', `${today}-2.0.0.md`), 'utf8')
    expect(value).toMatch(/^# Rollback Review: 2\.0\.0\n/)
    expect(value).toContain(`**Date**: ${today}\n`)
    expect(value).toContain('## Follow-Up')
  })

  it('writes the template a page shows in a fenced block, not the page', () => {
    const {value} = newPostmortem({cwd: root, template: 'fixtures/templates/fenced.md', failed: 'v2.8.1', rolledBack: 'v2.8.0', date: '2026-05-12'})
    expect(value).toMatch(/^## Rollback: \[Service and version\]\n\*\*Date:\*\* 2026-05-12\n\*\*Severity:\*\* SEV1\/SEV2\/SEV3\n/)
    expect(value).not.toContain('Copy the block below')
    expect(value).not.toContain('````')
  })

  it('fills labels that end in a full-width colon as Chinese writes them (`日期：2026-07-08`), the incident in `事件编号`', () => {
    const {value, notes} = newPostmortem({cwd: root, template: 'fixtures/templates/zh.md', failed: 'v3.2.0', rolledBack: 'v3.1.9', date: '2026-07-08', incident: '2210'})
    expect(value).toContain('\n- 事件编号：INC-2210\n- 日期：2026-07-08\n- 时长：\n')
    expect(notes).toEqual([])
  })

  it('refuses to overwrite an existing post-mortem', () => {
    expect(runCli(args, folder).status).toBe(0)
    writeFileSync(join(folder, expectedPath), 'edited by the author')
    const run = runCli(args, folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^postmortem-lint new: `.*2025-12-10-v1\.2\.4\.md` already exists; not overwriting it\n$/)
    expect(readFileSync(join(folder, expectedPath), 'utf8')).toBe('edited by the author')
  })

  it.each([
    [['--date', '2025-02-30'], 'unexpected --date `2025-02-30`, expected a real date as YYYY-MM-DD'],
    [['--failed', 'latest'], 'unexpected --failed `latest`, expected a semantic version such as v1.2.4'],
    [['--rolled-back', '1.2'], 'unexpected --rolled-back `1.2`, expected a semantic version such as v1.2.3'],
    [['--rolled-back', 'v1.2.5'], 'unexpected --rolled-back `v1.2.5`, expected a version lower than --failed `v1.2.4`'],
    [['--incident', 'INC five'], 'unexpected --incident `INC five`, expected an issue number (123, #123) or an issue URL'],
    [['--template', 'missing.md'], 'cannot read --template `missing.md`']
  ])('rejects %j with a clear error', (override, reason) => {
    const changed = [...args]
    for (let index = 0; index < override.length; index += 2) {
      const position = changed.indexOf(override[index] ?? '')
      if (position === -1) changed.push(override[index] ?? '', override[index + 1] ?? '')
      else changed[position + 1] = override[index + 1] ?? ''
    }

    const run = runCli(changed, folder)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('postmortem-lint new: ' + reason)
    expect(run.stdout).toBe('')
  })

  it('explains itself and its required options', () => {
    expect(runCli(['new', '--help'], folder).stdout).toContain('Usage: postmortem-lint new --failed <version> --rolled-back <version>')
    const missing = runCli(['new', '--failed', 'v1.2.4'], folder)
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('postmortem-lint new: --failed and --rolled-back are required')
  })

  it('says in one line why it cannot write, and leaves no file behind', () => {
    writeFileSync(join(folder, 'a-file'), 'not a folder')
    const run = runCli([...args, '--dir', 'a-file/sub'], folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^postmortem-lint new: cannot create the folder `.*a-file\/sub` \((ENOTDIR|EEXIST)\)\n$/)
    expect(runCli(args, folder).status).toBe(0)
    expect(runCli(args, folder).status).toBe(1)
    const dir = join(folder, 'contexts/retrospectives/deployment-rollbacks')
    expect(readdirSync(dir)).toEqual(['2025-12-10-v1.2.4.md'])
  })

  it('trims and checks --date once: the header and the file name get the same date', () => {
    const run = runCli(['new', '--failed', 'v1.2.4', '--rolled-back', 'v1.2.3', '--date', '2025-12-10\n'], folder)
    expect(run.stdout).toBe(expectedPath + '\n')
    expect(readFileSync(join(folder, expectedPath), 'utf8')).toContain('**Date**: 2025-12-10  \n')
  })

  it.each([
    ['binary.md', Uint8Array.from([0xff, 0xfe, 0x00, 0x41, 0x80]), 'it is not UTF-8 text'],
    ['empty.md', '', 'it has no `##` section'],
    ['readme.md', '# Runbooks\n\nJust prose.\n', 'it has no `##` section']
  ])('rejects a template that is not one: %s', (name, value, reason) => {
    writeFileSync(join(folder, name), value)
    const run = runCli([...args, '--template', name], folder)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(`postmortem-lint new: unexpected --template \`${name}\`: ${reason}`)
  })

  it('handles a setext title and long runs of spaces in linear time', async () => {
    const spaces = ' '.repeat(40_000)
    writeFileSync(join(folder, 'setext.md'), `Team Rollback Template${spaces}\n===\n\n**Date**: [YYYY-MM-DD]${spaces}\n\n## Summary\n`)
    const time = await cpuMilliseconds(() =>
      newPostmortem({failed: 'v1.2.4', rolledBack: 'v1.2.3', date: '2025-12-10', template: 'setext.md', cwd: folder})
    )
    expect(time).toBeLessThan(2000)
    const run = runCli([...args, '--template', 'setext.md'], folder)
    expect(run.status).toBe(0)
    const value = readFileSync(join(folder, expectedPath), 'utf8')
    expect(value.startsWith('# Team Rollback: v1.2.4\n\n**Date**: 2025-12-10  \n')).toBe(true)
    expect(value).not.toContain('===')
  })
})
