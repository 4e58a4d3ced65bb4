import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runNode} from './cli.js'
import {installProject, packAll} from './pack.js'

let project = ''

beforeAll(() => {
  project = installProject(packAll(), ['remark-cli@12'])
})

describe('remark-cli 12 with the preset installed from tarballs', () => {
  it('reports the same messages as postmortem-lint', () => {
    writeFileSync(join(project, '.remarkrc.json'), JSON.stringify({plugins: ['remark-preset-lint-postmortem']}))
    const args = ['--no-color', '--no-stdout', 'fixtures/examples', 'fixtures/required-headings']
    const remark = runNode(join(project, 'node_modules/remark-cli/cli.js'), args, project)
    const ours = runNode(join(project, 'node_modules/postmortem-lint/dist/cli.js'), args, project)

    expect(remark.stderr).toMatch(/87:1-87:18 +error +Unexpected section `Lessons Learnt`, expected `Lessons Learned`/)
    expect(remark.stderr).toContain('fixtures/examples/2025-12-10-v1.2.4.md: no issues found')
    expect(remark.status).toBe(1)
    expect(ours.stderr).toBe(remark.stderr)
    expect(ours.status).toBe(remark.status)
  })
})
