// Run by the build after `tsc -b`: bundles the command into `bundle/`, so
// that a run opens a few files instead of some three hundred modules (the
// better part of a one-file run's start). The package's `dependencies` stay
// packages, loaded from `node_modules`: a `.remarkrc*` that names the preset
// or a rule gets the very instances the command uses, as with remark-cli.
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const {dependencies = {}} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const outdir = join(packageRoot, 'bundle')

rmSync(outdir, {recursive: true, force: true})
const {metafile} = await build({
  absWorkingDir: packageRoot,
  entryPoints: ['dist/cli.js', 'dist/worker.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]),
  // The CommonJS among the bundled modules (unified-engine's configuration loading) requires Node's own modules.
  banner: {js: "import {createRequire as createRequireForBundle} from 'node:module'; const require = createRequireForBundle(import.meta.url);"},
  metafile: true,
  logLevel: 'warning'
})

// The bundled packages' licences travel with their code.
const packageFolders = new Set(
  Object.keys(metafile.inputs).flatMap((input) => /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? [])
)
const notices = [...packageFolders]
  .map((folder) => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, folder, 'package.json'), 'utf8'))
    const licenceFile = readdirSync(join(packageRoot, folder)).find((name) => /^licen[cs]e(\.md|\.txt)?$/i.test(name))
    const text = licenceFile ? readFileSync(join(packageRoot, folder, licenceFile), 'utf8').trim() : String(manifest.license ?? 'See the package.')
    return {id: `${manifest.name}@${manifest.version}`, text}
  })
  .sort((a, b) => a.id.localeCompare(b.id))
const uniqueNotices = notices.filter((notice, index) => index === 0 || notice.id !== notices[index - 1].id)
writeFileSync(
  join(outdir, 'third-party-licenses.md'),
  `# Licences of the packages in this bundle\n\n${uniqueNotices.map(({id, text}) => `## ${id}\n\n\`\`\`text\n${text}\n\`\`\`\n`).join('\n')}`
)
