import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {postmortemRules} from 'postmortem-rules'
import {describe, expect, it} from 'vitest'
import {root} from './util.js'

interface Manifest {
  name: string
  dependencies?: Record<string, string>
}

const packagesFolder = join(root, 'packages')
const folders = readdirSync(packagesFolder)
const manifest = (folder: string) =>
  JSON.parse(readFileSync(join(packagesFolder, folder, 'package.json'), 'utf8')) as Manifest
const ruleFolders = folders.filter((folder) => folder.startsWith('remark-lint-postmortem-'))

/** Every `src` module of every package with the module specifiers it imports. */
const modules = folders.flatMap((folder) =>
  readdirSync(join(packagesFolder, folder, 'src'), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const source = readFileSync(join(packagesFolder, folder, 'src', name), 'utf8')
      const specifiers = [...source.matchAll(/^(?:import|export)\b[^'"]*?from '([^']+)'/gm)].map((match) => match[1])
      return {path: `packages/${folder}/src/${name}`, specifiers}
    })
)

describe('the package architecture', () => {
  it('imports each rule package in exactly one module: the list of rules', () => {
    for (const folder of ruleFolders) {
      const name = manifest(folder).name
      const importers = modules.filter((module) => module.specifiers.includes(name)).map((module) => module.path)
      expect({rule: name, importers}).toEqual({rule: name, importers: ['packages/postmortem-rules/src/index.ts']})
    }
  })

  it('lists every rule package once, and the list package depends on and references each', () => {
    expect(postmortemRules.map((rule) => rule.packageName).sort()).toEqual(
      ruleFolders.map((folder) => manifest(folder).name).sort()
    )
    const list = manifest('postmortem-rules')
    const references = (
      JSON.parse(readFileSync(join(packagesFolder, 'postmortem-rules/tsconfig.json'), 'utf8')) as {
        references: Array<{path: string}>
      }
    ).references.map((reference) => reference.path)
    for (const folder of ruleFolders) {
      expect(list.dependencies, folder).toHaveProperty(manifest(folder).name, 'workspace:*')
      expect(references, folder).toContain('../' + folder)
    }
  })

  it('has the preset and the markdownlint adapter read the list', () => {
    for (const path of ['packages/remark-preset-lint-postmortem/src/index.ts', 'packages/markdownlint-rule-postmortem/src/index.ts']) {
      expect(modules.find((module) => module.path === path)?.specifiers, path).toContain('postmortem-rules')
    }
  })

  it('keeps mdast-util-postmortem a reader: no files, no vfile, no lint rule machinery', () => {
    const dependencies = Object.keys(manifest('mdast-util-postmortem').dependencies ?? {})
    expect(dependencies).not.toContain('vfile')
    expect(dependencies).not.toContain('unified-lint-rule')
    const own = modules.filter((module) => module.path.startsWith('packages/mdast-util-postmortem/'))
    expect(own.length).toBeGreaterThan(0)
    for (const module of own) {
      expect(module.specifiers.filter((specifier) => /^(node:)?fs(\/|$)|^vfile|^unified-lint-rule/.test(specifier ?? '')), module.path).toEqual([])
    }
  })
})
