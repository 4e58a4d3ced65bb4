import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vitest/config'

const packages = fileURLToPath(new URL('packages/', import.meta.url))

/**
 * Tests import any workspace package by name (a rule's own tests import the
 * rule), without the root listing every package as a dependency.
 */
const workspaceAliases = readdirSync(packages).map((folder) => {
  const manifest = JSON.parse(readFileSync(`${packages}${folder}/package.json`, 'utf8')) as {name: string}
  return {find: new RegExp(`^${manifest.name}$`), replacement: `${packages}${folder}/dist/index.js`}
})

export default defineConfig({
  resolve: {alias: workspaceAliases},
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/.tmp/**'],
    // Scratch folders for the run, removed at its end.
    globalSetup: ['test/global-setup.ts'],
    // Many tests wait on child processes (tsc, npm, the CLI): two workers keep both cores busy.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 600_000
  }
})
