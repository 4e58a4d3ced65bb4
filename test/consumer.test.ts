import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runNode} from './cli.js'
import {installProject, installWithPnpm, packAll} from './pack.js'
import {busyMachineTimeout, root} from './util.js'

let tarballs: string[] = []
let project = ''

beforeAll(() => {
  tarballs = packAll()
  project = installProject(tarballs, ['remark-cli@12', 'remark@15', 'typescript@5.9.3'])
})

/** A folder of the project with `config` written as `name` and two post-mortems. */
function configured(folder: string, name: string, config: string): string {
  const path = join(project, folder)
  mkdirSync(path, {recursive: true})
  writeFileSync(join(path, name), config)
  cpSync(join(root, 'fixtures/examples/2025-12-18-v3.0.0.md'), join(path, '2025-12-18-v3.0.0.md'))
  cpSync(join(root, 'fixtures/required-headings/extra-section.md'), join(path, '2025-12-10-v1.2.4.md'))
  return folder
}

function remarkCli(folder: string) {
  return runNode(join(project, 'node_modules/remark-cli/cli.js'), ['--no-color', '--no-stdout', folder], project)
}

const nearMiss = /87:4-87:18 +error +Unexpected section `Lessons Learnt`, expected `Lessons Learned` +postmortem-required-headings +remark-lint/
const extra = "Unexpected section `Customer Communication`, expected only the template's sections"

describe('another repository using the packed packages', {timeout: busyMachineTimeout}, () => {
  it('packs a licence, the readme, the built code, its types with declaration maps and the sources they map to, and nothing else', () => {
    for (const tarball of tarballs) {
      const name = basename(tarball)
      const files = execFileSync('tar', ['tzf', tarball], {encoding: 'utf8'}).trim().split('\n')
      const main = name.startsWith('postmortem-lint-') ? 'package/bundle/cli.js' : 'package/dist/index.js'
      for (const required of ['package/package.json', 'package/readme.md', 'package/license', main]) {
        expect(files, name).toContain(required)
      }

      for (const file of files) {
        expect(file, name).toMatch(
          /^package\/(package\.json|readme\.md|license|dist\/[\w-]+\.(js|d\.ts|d\.ts\.map)|dist\/default-template\.json|bundle\/([\w-]+\.js|third-party-licenses\.md)|src\/[\w-]+\.ts|template\/postmortem-template\.md)$/
        )
      }

      if (name.startsWith('postmortem-lint-')) {
        // The CLI is a command: no types to ship; its bundle carries the licences of what it holds.
        expect(files.filter((file) => file.endsWith('.d.ts')), name).toEqual([])
        expect(files, name).toContain('package/bundle/third-party-licenses.md')
        continue
      }

      const declarations = files.filter((file) => file.endsWith('.d.ts'))
      expect(declarations.length, name).toBeGreaterThan(0)
      for (const declaration of declarations) {
        expect(files, name).toContain(declaration + '.map')
        expect(files, name).toContain(declaration.replace('/dist/', '/src/').replace(/\.d\.ts$/, '.ts'))
      }
    }

    expect(tarballs.map((tarball) => basename(tarball)).sort()).toHaveLength(readdirSync(join(root, 'packages')).length)
  })

  it('remark-cli with `.remarkrc.json` reports the same messages as postmortem-lint', () => {
    const folder = configured('json', '.remarkrc.json', JSON.stringify({plugins: ['remark-preset-lint-postmortem']}))
    const remark = remarkCli(folder)
    const ours = runNode(join(project, 'node_modules/postmortem-lint/bundle/cli.js'), ['--no-color', folder], project)
    expect(remark.status).toBe(1)
    expect(remark.stderr).toMatch(nearMiss)
    expect(remark.stderr).toContain('json/2025-12-10-v1.2.4.md: no issues found')
    // The same report, and a summary line after it.
    expect(ours.stderr).toBe(remark.stderr + '2 files, 1 with findings, 10 errors\n')
    expect(ours.status).toBe(remark.status)
  })

  it('remark-cli with `.remarkrc.mjs` importing the preset and overriding a rule option', () => {
    const folder = configured(
      'mjs',
      '.remarkrc.mjs',
      [
        "import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'",
        "import remarkLintPostmortemRequiredHeadings from 'remark-lint-postmortem-required-headings'",
        '',
        'export default {',
        "  plugins: [remarkPresetLintPostmortem, [remarkLintPostmortemRequiredHeadings, ['error', {allowExtra: false}]]]",
        '}',
        ''
      ].join('\n')
    )
    const run = remarkCli(folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(nearMiss)
    expect(run.stderr).toContain(extra)
  })

  it('remark-cli with `package.json#remarkConfig`', () => {
    const folder = configured(
      'pkg',
      'package.json',
      JSON.stringify({private: true, remarkConfig: {plugins: ['remark-preset-lint-postmortem']}})
    )
    const run = remarkCli(folder)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(nearMiss)
    expect(run.stderr).not.toContain(extra)
  })

  it('type-checks a TypeScript config importing the preset and a rule, and rejects a wrong option type', () => {
    const tsconfig = {
      compilerOptions: {module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true},
      files: ['lint.ts']
    }
    const source = (allowExtra: string) =>
      [
        "import {remark} from 'remark'",
        "import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'",
        "import remarkLintPostmortemRequiredHeadings from 'remark-lint-postmortem-required-headings'",
        '',
        'export const processor = remark()',
        '  .use(remarkPresetLintPostmortem)',
        `  .use(remarkLintPostmortemRequiredHeadings, ['error', {allowExtra: ${allowExtra}}])`,
        ''
      ].join('\n')
    const tsc = (folder: string, allowExtra: string) => {
      mkdirSync(join(project, folder), {recursive: true})
      writeFileSync(join(project, folder, 'tsconfig.json'), JSON.stringify(tsconfig))
      writeFileSync(join(project, folder, 'lint.ts'), source(allowExtra))
      return spawnSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', folder], {
        cwd: project,
        encoding: 'utf8'
      })
    }

    const good = tsc('ts-good', 'false')
    expect(good.stdout + good.stderr).toBe('')
    expect(good.status).toBe(0)
    const bad = tsc('ts-bad', "'yes'")
    expect(bad.status).not.toBe(0)
    expect(bad.stdout).toMatch(/lint\.ts\(7,\d+\): error TS2345/)
  })

  it('works under pnpm (no hoisting): the preset, one rule overridden when its package is installed, and the CLI beside them', () => {
    const folder = installWithPnpm(tarballs, ['remark-preset-lint-postmortem', 'remark-lint-postmortem-required-headings', 'postmortem-lint'], {
      'remark-cli': '^12.0.1'
    })
    const docs = join(folder, 'docs')
    mkdirSync(docs)
    cpSync(join(root, 'fixtures/required-headings/extra-section.md'), join(docs, '2025-12-10-v1.2.4.md'))
    writeFileSync(
      join(folder, '.remarkrc.json'),
      JSON.stringify({plugins: ['remark-preset-lint-postmortem', ['remark-lint-postmortem-required-headings', ['error', {allowExtra: false}]]]})
    )
    const run = runNode(join(folder, 'node_modules/remark-cli/cli.js'), ['--no-color', '--no-stdout', 'docs'], folder)
    expect(run.stderr).toContain(extra)
    expect(run.stderr).not.toContain('Cannot find')
    expect(run.status).toBe(1)
    // The CLI's bundle loads the preset and the rule from the same packages as the configuration: the same report, each finding once.
    const ours = runNode(join(folder, 'node_modules/postmortem-lint/bundle/cli.js'), ['--no-color', 'docs'], folder)
    const total = /✖ (\d+ errors?)/.exec(run.stderr)?.[1]
    expect(ours.stderr).toBe(`${run.stderr}1 file, 1 with findings, ${total}\n`)
    expect(ours.status).toBe(1)
  })
})
