import {execFileSync} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {root} from './util.js'

/** Pack every workspace package with `pnpm pack`; returns the tarball paths. */
export function packAll(): string[] {
  const destination = mkdtempSync(join(tmpdir(), 'postmortem-lint-packs-'))
  execFileSync('npx', ['--yes', 'pnpm@12.4.2', '-r', 'pack', '--pack-destination', destination], {
    cwd: root,
    stdio: 'pipe'
  })
  return readdirSync(destination)
    .filter((name) => name.endsWith('.tgz'))
    .map((name) => join(destination, name))
}

/**
 * A project outside the workspace with the tarballs and `extra` packages
 * installed by npm (no workspace links), and a copy of the fixtures.
 */
export function installProject(tarballs: readonly string[], extra: readonly string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'postmortem-lint-consumer-'))
  writeFileSync(join(folder, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, ...extra], {
    cwd: folder,
    stdio: 'pipe'
  })
  cpSync(join(root, 'fixtures'), join(folder, 'fixtures'), {recursive: true})
  return folder
}
