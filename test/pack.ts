import {execFileSync} from 'node:child_process'
import {cpSync, readdirSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {root, scratchFolder} from './util.js'

/** Pack every workspace package with `pnpm pack`; returns the tarball paths. */
export function packAll(): string[] {
  const destination = scratchFolder('postmortem-lint-packs-', 'outside')
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
  const folder = scratchFolder('postmortem-lint-consumer-', 'outside')
  writeFileSync(join(folder, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, ...extra], {
    cwd: folder,
    stdio: 'pipe'
  })
  cpSync(join(root, 'fixtures'), join(folder, 'fixtures'), {recursive: true})
  return folder
}

/**
 * A project outside the workspace that installs `direct` with pnpm (strict:
 * a package sees only its own dependencies), every workspace package coming
 * from its tarball; `extra` from the registry.
 */
export function installWithPnpm(tarballs: readonly string[], direct: readonly string[], extra: Record<string, string>): string {
  const folder = scratchFolder('postmortem-lint-pnpm-', 'outside')
  const byName = new Map(tarballs.map((tarball) => [basename(tarball).replace(/-\d+\.\d+\.\d+\.tgz$/, ''), `file:${tarball}`]))
  const dependencies = Object.fromEntries(direct.map((name) => [name, byName.get(name) ?? '']))
  writeFileSync(join(folder, 'package.json'), JSON.stringify({name: 'pnpm-consumer', private: true, type: 'module', dependencies: {...dependencies, ...extra}}))
  // Where pnpm takes overrides from: every workspace package resolves to its tarball.
  writeFileSync(join(folder, 'pnpm-workspace.yaml'), 'overrides:\n' + [...byName].map(([name, spec]) => `  ${name}: ${JSON.stringify(spec)}\n`).join(''))
  execFileSync('npx', ['--yes', 'pnpm@12.4.2', 'install', '--config.node-linker=isolated', '--config.hoist=false', '--reporter=silent'], {
    cwd: folder,
    stdio: 'pipe'
  })
  cpSync(join(root, 'fixtures'), join(folder, 'fixtures'), {recursive: true})
  return folder
}
