import {spawnSync} from 'node:child_process'
import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import Ajv from 'ajv'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import type {ActionEntry} from '../packages/postmortem-lint/dist/actions.js'
import {cliPath, runCli, runNode} from './cli.js'
import {busyMachineTimeout, projectFolder, root, scratchFolder} from './util.js'

/** The documented shape of one item of `postmortem-lint actions --format json`. */
const itemSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'line', 'incident', 'date', 'id', 'action', 'owners', 'due', 'status', 'ticket', 'state'],
  properties: {
    file: {type: 'string'},
    line: {type: 'integer', minimum: 1},
    incident: {type: ['string', 'null']},
    date: {type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$'},
    id: {type: 'string'},
    action: {type: 'string'},
    owners: {type: 'array', items: {type: 'string'}},
    due: {type: ['string', 'null']},
    status: {type: ['string', 'null']},
    ticket: {type: ['string', 'null']},
    state: {enum: ['done', 'cancelled', 'open', 'overdue', 'unknown']}
  }
}

function actions(args: string[], cwd = root) {
  const run = runNode(cliPath, ['actions', ...args], cwd)
  return {...run, items: run.stdout.trim().startsWith('[') ? (JSON.parse(run.stdout) as ActionEntry[]) : []}
}

describe('postmortem-lint actions', {timeout: busyMachineTimeout}, () => {
  it('lists every item of a table with its fields and state, in JSON of the documented shape', () => {
    const run = actions(['--today', '2025-12-22', '--format', 'json', 'fixtures/actions'])
    expect(run.status).toBe(0)
    const validate = new Ajv({allErrors: true}).compile({type: 'array', items: itemSchema})
    expect(validate(run.items), JSON.stringify(validate.errors)).toBe(true)
    expect(run.items).toHaveLength(8)
    expect(run.items[1]).toEqual({
      file: 'fixtures/actions/2025-12-10-v1.2.4.md',
      line: 138,
      incident: '#123',
      date: '2025-12-10',
      id: '2',
      action: 'Add pre-deployment validation for DB limits',
      owners: ['@devops'],
      due: '2025-12-15',
      status: '🔄 In Progress',
      ticket: 'INFRA-477',
      state: 'overdue'
    })
    expect(run.items.map((item) => [item.id, item.state])).toEqual([
      ['1', 'done'],
      ['2', 'overdue'],
      ['3', 'overdue'],
      ['4', 'open'],
      ['A-1', 'open'],
      ['A-2', 'cancelled'],
      ['A-3', 'unknown'],
      ['A-4', 'open']
    ])
    expect(run.items[4]?.owners).toEqual(['@dana', '@acme/sre'])
    expect(run.stderr).toContain('fixtures/actions/README.md: skipped: not a post-mortem')
    expect(run.stderr).toContain('fixtures/actions/no-action-items.md: no action items')
  })

  it('measures overdue against --today, and fails on it only when asked', () => {
    expect(actions(['--today', '2025-12-10', '--overdue', '--format', 'json', 'fixtures/actions']).items).toEqual([])
    const late = actions(['--today', '2026-01-06', '--overdue', '--fail-on', 'overdue', '--format', 'json', 'fixtures/actions'])
    expect(late.status).toBe(1)
    expect(late.items.map((item) => item.id)).toEqual(['2', '3', '4', 'A-1', 'A-4'])
    expect(actions(['--today', '2025-12-10', '--fail-on', 'overdue', 'fixtures/actions']).status).toBe(0)
    expect(actions(['--today', '2025-12-10', '--fail-on', 'open', 'fixtures/actions']).status).toBe(1)
  })

  it('reads a status written as the template\'s emoji alone (`✅` for `✅ Done`) as that status, to list and to filter', () => {
    const folder = scratchFolder('actions-emoji-')
    const document = readFileSync(join(root, 'fixtures/actions/2025-12-10-v1.2.4.md'), 'utf8')
    expect(document).toContain('| ✅ Done | INFRA-476 |')
    writeFileSync(join(folder, '2025-12-10-v1.2.4.md'), document.replace('| ✅ Done | INFRA-476 |', '| ✅ | INFRA-476 |').replaceAll('| ⏸️ Planned |', '| ⏸️ |'))
    const listed = actions(['--today', '2025-12-22', '--format', 'json', folder])
    expect(listed.items.map((item) => [item.id, item.status, item.state])).toEqual([
      ['1', '✅', 'done'],
      ['2', '🔄 In Progress', 'overdue'],
      ['3', '⏸️', 'overdue'],
      ['4', '⏸️', 'open']
    ])
    expect(actions(['--today', '2025-12-22', '--status', 'planned', '--format', 'json', folder]).items.map((item) => item.id)).toEqual(['3', '4'])
  })

  it('filters by owner and status, and sorts by due date', () => {
    const mine = actions(['--today', '2025-12-22', '--owner', 'dana', '--owner', '@SAM', '--format', 'json', 'fixtures/actions'])
    expect(mine.items.map((item) => item.id)).toEqual(['A-1', 'A-3', 'A-4'])
    const planned = actions(['--today', '2025-12-22', '--status', 'planned', '--sort', 'due', '--format', 'json', 'fixtures/actions'])
    expect(planned.items.map((item) => [item.id, item.due])).toEqual([
      ['3', '2025-12-20'],
      ['4', '2025-12-25'],
      ['A-3', 'next sprint']
    ])
  })

  it('writes CSV that a CSV parser reads back, quotes, commas and pipes included', () => {
    const run = actions(['--today', '2025-12-22', '--format', 'csv', 'fixtures/actions/2025-12-18-v3.1.0.md'])
    expect(run.stdout).toContain('\r\n')
    const records = parse(run.stdout, {columns: true}) as Array<Record<string, string>>
    expect(records.map((record) => record.action)).toEqual([
      'Say "no" to pool sizes above the limit, then retry',
      'Split the | separated config list',
      'Add a canary for connection limits',
      'Document the pool settings'
    ])
    expect(records[0]?.owners).toBe('@dana, @acme/sre')
  })

  it('writes a Markdown table with escaped pipes, and an aligned table with a summary', () => {
    const markdown = actions(['--today', '2025-12-22', '--format', 'markdown', 'fixtures/actions/2025-12-18-v3.1.0.md'])
    expect(markdown.stdout.split('\n')[0]).toBe('| File | Line | Incident | Date | ID | Action | Owners | Due | Status | Ticket | State |')
    expect(markdown.stdout).toContain('| Split the \\| separated config list |')
    const table = actions(['--today', '2025-12-22', 'fixtures/actions'])
    expect(table.stdout).toMatch(/^File +Line +Incident/)
    expect(table.stdout).toContain('8 action items: done 1, overdue 2, open 3, cancelled 1, unknown 1')
    expect(table.stdout).toContain('oldest overdue: fixtures/actions/2025-12-10-v1.2.4.md:138 2 "Add pre-deployment validation for DB limits"')
  })

  it('follows a team template with a list, and the statuses of the configuration', () => {
    const folder = projectFolder('actions-')
    cpSync(join(root, 'fixtures/teams/minimal'), join(folder, 'docs'), {recursive: true})
    cpSync(join(root, 'fixtures/teams/cet-stats'), join(folder, 'cet'), {recursive: true})
    cpSync(join(root, 'fixtures/templates'), join(folder, 'templates'), {recursive: true})
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'templates/minimal.md'}}}))
    const list = actions(['--today', '2025-06-01', '--format', 'json', 'docs'], folder)
    expect(list.status).toBe(0)
    expect(list.items.filter((item) => item.file === 'docs/checkout-latency.md').map((item) => [item.owners, item.state])).toEqual([
      [['@dana'], 'open'],
      [['@lee', '@acme/qa'], 'open'],
      [['@sam'], 'done']
    ])

    writeFileSync(
      join(folder, '.remarkrc.json'),
      JSON.stringify({
        settings: {postmortem: {template: 'templates/cet-stats.md'}},
        plugins: [['remark-lint-postmortem-action-items', {statuses: ['Open', 'Done', 'Dropped'], closingStatuses: {Done: 'done', Dropped: 'cancelled'}}]]
      })
    )
    const table = actions(['--today', '2025-11-15', '--format', 'json', 'cet/lager-sync.md'], folder)
    expect(table.items.map((item) => [item.action, item.owners, item.due, item.state])).toEqual([
      ['Make stock bookings idempotent', ['@jonas'], '2025-11-20', 'open'],
      ['Alert on duplicate bookings', ['@eva'], '2025-11-13', 'overdue'],
      ['Correct the 212 orders', ['@logistics'], '2025-11-06', 'done']
    ])

    // This team's header names the incident `Incident`, not `Incident ID`.
    cpSync(join(root, 'fixtures/teams/lists'), join(folder, 'lists'), {recursive: true})
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'templates/lists.md'}}}))
    const incidents = actions(['--today', '2025-12-01', '--format', 'json', 'lists/2025-11-03-v2.14.0.md'], folder)
    expect(new Set(incidents.items.map((item) => item.incident))).toEqual(new Set(['INC-4411']))

    // This team keeps the incident and its date in a section of their own (`## Incident details`).
    cpSync(join(root, 'fixtures/teams/details-table'), join(folder, 'details'), {recursive: true})
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'templates/details-table.md'}}}))
    const details = actions(['--today', '2026-06-01', '--format', 'json', 'details/2026-05-14-search-latency.md'], folder)
    expect(details.items.length).toBeGreaterThan(0)
    expect(new Set(details.items.map((item) => [item.incident, item.date].join(' ')))).toEqual(new Set(['INC-884 2026-05-14']))

    // This team's template leaves its status cells empty: common statuses count, `Completed` and `Closed` as done.
    cpSync(join(root, 'fixtures/teams/dri'), join(folder, 'dri'), {recursive: true})
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'templates/dri.md'}}}))
    const common = actions(['--today', '2026-07-20', '--format', 'json', 'dri/2026-07-08-login.md', 'dri/2026-09-02-billing.md'], folder)
    expect(common.items.map((item) => [item.status, item.state])).toEqual([
      ['Completed', 'done'],
      ['Open', 'open'],
      ['Not started', 'open'],
      ['Closed', 'done'],
      ['Resolved', 'done']
    ])
  })

  it('says what is wrong with its arguments, exit code 2', () => {
    for (const args of [['--today', '2025-13-01'], ['--sort', 'size'], ['--format', 'xml'], ['--fail-on', 'never'], ['--bogus'], ['nowhere/*.md']]) {
      const run = actions(args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(/^postmortem-lint actions: .+\n$/)
    }

    expect(runCli(['actions', '--help'], root).stdout).toContain('Usage: postmortem-lint actions')
  })
})

describe('postmortem-unique-incident across a folder', {timeout: busyMachineTimeout}, () => {
  const second = /2025-12-10-v1\.2\.5\.md\n.*3:1-3:80 +error +Unexpected incident ID `acme\/shop issue 123`, also the incident of `2025-12-10-v1\.2\.4\.md`, expected one post-mortem per incident +postmortem-unique-incident/

  it('reports the second post-mortem of an incident in the CLI and in remark-cli, once', () => {
    const ours = runCli(['fixtures/unique-incident'], root)
    expect(ours.stderr).toMatch(second)
    expect(ours.stderr.match(/postmortem-unique-incident/g)).toHaveLength(1)

    const folder = projectFolder('unique-')
    cpSync(join(root, 'fixtures/unique-incident'), join(folder, 'docs'), {recursive: true})
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({plugins: ['remark-preset-lint-postmortem']}))
    const remark = spawnSync(process.execPath, [join(root, 'node_modules/remark-cli/cli.js'), '--no-color', '--no-stdout', 'docs'], {cwd: folder, encoding: 'utf8'})
    expect(remark.stderr).toMatch(second)
    expect(remark.stderr.match(/postmortem-unique-incident/g)).toHaveLength(1)
  })
})
