import {cpSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {lintBatch, type BatchSettings} from '../packages/postmortem-lint/dist/batch.js'
import {lintPaths} from '../packages/postmortem-lint/dist/pool.js'
import {describe, expect, it} from 'vitest'
import {runCli} from './cli.js'
import {busyMachineTimeout, projectFolder, root} from './util.js'

const fixturePaths = readdirSync(join(root, 'fixtures'), {recursive: true, encoding: 'utf8'})
  .filter((name) => name.endsWith('.md'))
  .map((name) => join('fixtures', name))
  .sort()

const settings: BatchSettings = {
  cwd: root,
  extensions: undefined,
  filePath: undefined,
  rcPath: undefined,
  ignorePath: undefined,
  ignorePatterns: [],
  config: true,
  ignore: true,
  fix: false,
  debug: false,
  cacheLocation: undefined
}

describe('the CLI at scale', {timeout: busyMachineTimeout}, () => {
  it('finds the same in batches as in one run of every file', async () => {
    expect(fixturePaths.length).toBeGreaterThan(50)
    const whole = await lintBatch(fixturePaths, settings)
    const batched = await lintPaths(fixturePaths, settings, 1, () => {})
    expect(batched).toEqual(whole)
    expect(batched.map((file) => file.path)).toEqual(fixturePaths)
  })

  it('with --cache, reads unchanged files from the cache and lints again what changed: the file, the configuration, the template', () => {
    const folder = projectFolder('cache-')
    cpSync(join(root, 'fixtures/teams/minimal'), join(folder, 'docs'), {recursive: true})
    cpSync(join(root, 'fixtures/templates/minimal.md'), join(folder, 'template.md'))
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'template.md'}}}))
    const run = () => runCli(['--cache', '--cache-location', '.cache', 'docs'], folder)
    const first = run()
    expect(first.stderr).toContain('3 files, 2 with findings')
    expect(run().stderr).toBe(first.stderr)

    // A cache entry that says something else is believed while nothing changed…
    const entries = readdirSync(join(folder, '.cache'))
    expect(entries).toHaveLength(3)
    for (const entry of entries) {
      const path = join(folder, '.cache', entry)
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('Unexpected', 'Cached'))
    }

    expect(run().stderr).toContain('Cached ')
    // …and dropped when the template changes,
    writeFileSync(join(folder, 'template.md'), readFileSync(join(folder, 'template.md'), 'utf8') + '\n')
    expect(run().stderr).toBe(first.stderr)
    // when the configuration changes,
    for (const entry of readdirSync(join(folder, '.cache'))) {
      const path = join(folder, '.cache', entry)
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('Unexpected', 'Cached'))
    }

    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: './template.md'}}}))
    expect(run().stderr).toBe(first.stderr)
    // and when the file changes.
    const path = join(folder, 'docs/checkout-latency.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('**Date**: 2025-05-03', '**Date**: 2025-05-33'))
    expect(run().stderr).toContain('Unexpected Date `2025-05-33`')
  })
})
