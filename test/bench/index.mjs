/**
 * `pnpm bench`: what the rules cost beside parsing, measured side by side in
 * one run. Never part of `pnpm test`.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {cpus} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {lint as markdownlint} from 'markdownlint/sync'
import markdownlintRulePostmortem from 'markdownlint-rule-postmortem'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {startLanguageServer} from '../language-server/client.mjs'
import {postmortem} from './generate.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const quick = process.argv.includes('--quick')
const documentCount = quick ? 200 : 1000
const rounds = quick ? 3 : 5

/** @type {Array<{measure: string, value: string, target: string, pass: boolean | undefined}>} */
const rows = []

/**
 * @param {string} measure
 * @param {string} value
 * @param {string} target
 * @param {boolean | undefined} pass
 */
function record(measure, value, target, pass) {
  rows.push({measure, value, target, pass})
  console.error(`  ${measure}: ${value}${target ? ` (target ${target}: ${pass ? 'pass' : 'FAIL'})` : ''}`)
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** @param {() => unknown} run */
async function time(run) {
  // With `--expose-gc` (as `pnpm bench` runs it), start each measure from a clean heap.
  globalThis.gc?.()
  const start = performance.now()
  await run()
  return performance.now() - start
}

/**
 * Median times of `a` and `b`, run alternately so that both see the same
 * machine (warm-up round discarded).
 * @param {() => unknown} a
 * @param {() => unknown} b
 * @param {number} count
 */
async function sideBySide(a, b, count) {
  await a()
  await b()
  const as = []
  const bs = []
  for (let round = 0; round < count; round++) {
    as.push(await time(a))
    bs.push(await time(b))
  }

  return [median(as), median(bs)]
}

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()
const preset = remark().use(remarkPresetLintPostmortem).freeze()

/** @param {Array<{name: string, value: string}>} documents */
function parseAll(documents) {
  for (const document of documents) bare.parse(document.value)
}

/** @param {Array<{name: string, value: string}>} documents */
async function lintAll(documents) {
  for (const document of documents) {
    const file = new VFile({path: document.name, value: document.value})
    await preset.run(preset.parse(file), file)
    if (file.messages.length > 0) throw new Error(`${document.name}: ${file.messages[0]?.reason}`)
  }
}

const documents = Array.from({length: documentCount}, (_, index) => postmortem(index + 1))

console.error(`postmortem-lint bench: ${documentCount} documents, ${rounds} rounds`)

// 1. Overhead: the preset against bare parsing.
{
  const [parse, lint] = await sideBySide(
    () => parseAll(documents),
    () => lintAll(documents),
    rounds
  )
  const ratio = lint / parse
  record(`overhead: preset / bare parse (${documentCount} documents)`, `${ratio.toFixed(2)} (${lint.toFixed(0)} ms / ${parse.toFixed(0)} ms)`, '≤ 1.25', ratio <= 1.25)
}

// 2. Scaling: one document with n timeline rows and n action items.
{
  /** @type {Map<number, number>} */
  const lintTimes = new Map()
  /** @type {Map<number, number>} */
  const parseTimes = new Map()
  for (const size of quick ? [1000, 5000] : [1000, 5000, 20_000]) {
    const document = postmortem(7, {timelineRows: size, actionItems: size})
    const [parse, lint] = await sideBySide(
      () => parseAll([document]),
      () => lintAll([document]),
      rounds
    )
    lintTimes.set(size, lint)
    parseTimes.set(size, parse)
    const ratio = lint / parse
    record(`scaling: preset / bare parse, ${size} rows`, `${ratio.toFixed(2)} (${lint.toFixed(0)} ms / ${parse.toFixed(0)} ms)`, '≤ 1.25', ratio <= 1.25)
  }

  const growth = (lintTimes.get(20_000) ?? 0) / (lintTimes.get(5000) ?? 1)
  const parseGrowth = (parseTimes.get(20_000) ?? 0) / (parseTimes.get(5000) ?? 1)
  if (!quick) {
    record('scaling: preset time(20k) / time(5k)', `${growth.toFixed(2)} (bare parse alone: ${parseGrowth.toFixed(2)})`, '≤ 5', growth <= 5)
  }
}

// 3. Per rule: each rule's own run time on the same documents (parsing not counted).
{
  const parseTotal = median(await Promise.all([0, 1, 2].map(() => time(() => parseAll(documents)))))
  const plugins = (remarkPresetLintPostmortem.plugins ?? []).filter(
    (plugin) => Array.isArray(plugin) && typeof plugin[0] === 'function' && plugin[0].name.startsWith('remark-lint:')
  )
  for (const plugin of plugins) {
    const rule = /** @type {[import('unified').Plugin, unknown]} */ (plugin)
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(rule[0], rule[1]).freeze()
    const trees = documents.map((document) => ({file: new VFile({path: document.name, value: document.value}), tree: processor.parse(document.value)}))
    const elapsed = await time(async () => {
      for (const {file, tree} of trees) await processor.run(tree, file)
    })
    record(`per rule: ${rule[0].name.slice('remark-lint:'.length)}`, `${elapsed.toFixed(1)} ms (${((elapsed / parseTotal) * 100).toFixed(1)}% of parsing)`, '', undefined)
  }
}

// 4. markdownlint: our rules plus its defaults against its defaults alone.
{
  const strings = Object.fromEntries(documents.map((document) => [document.name, document.value]))
  const [defaults, withOurs] = await sideBySide(
    () => markdownlint({strings, config: {default: true}}),
    () => markdownlint({strings, config: {default: true}, customRules: markdownlintRulePostmortem}),
    rounds
  )
  const ratio = withOurs / defaults
  record('markdownlint: defaults + ours / defaults', `${ratio.toFixed(2)} (${withOurs.toFixed(0)} ms / ${defaults.toFixed(0)} ms)`, '≤ 2.0', ratio <= 2)
}

// 5. CLI: postmortem-lint against remark-cli with remark-preset-lint-recommended on the same files.
{
  // Inside the repository, so that remark-cli finds remark-preset-lint-recommended.
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  const folder = mkdtempSync(join(root, 'test/.tmp/bench-cli-'))
  documents.forEach((document, index) => writeFileSync(join(folder, `${index}-${document.name}`), document.value))
  const rss = join(root, 'test/bench/max-rss.mjs')

  /** @param {string} script @param {string[]} args */
  const measure = (script, args) => {
    const start = performance.now()
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(rss).href, script, ...args], {
      cwd: folder,
      encoding: 'utf8',
      maxBuffer: 1 << 30
    })
    const wall = performance.now() - start
    const maxRss = /max-rss (\d+)/.exec(result.stderr)?.[1]
    return {wall, rssMb: Number(maxRss ?? 0) / 1024}
  }

  const ours = measure(join(root, 'packages/postmortem-lint/dist/cli.js'), ['--quiet', '--no-color', '.'])
  const theirs = measure(join(root, 'node_modules/remark-cli/cli.js'), ['--quiet', '--no-color', '--no-stdout', '--use', 'remark-preset-lint-recommended', '.'])
  record(
    `CLI: postmortem-lint / remark-cli + preset-lint-recommended (${documentCount} files)`,
    `wall ${(ours.wall / theirs.wall).toFixed(2)} (${ours.wall.toFixed(0)} ms / ${theirs.wall.toFixed(0)} ms), peak RSS ${ours.rssMb.toFixed(0)} MB / ${theirs.rssMb.toFixed(0)} MB`,
    '',
    undefined
  )
  rmSync(folder, {recursive: true, force: true})
}

// 6. Editor: open-to-diagnostics in the language server on a 500-line post-mortem.
{
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  const folder = mkdtempSync(join(root, 'test/.tmp/bench-editor-'))
  writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({plugins: ['remark-preset-lint-postmortem']}))
  let rowsFor500 = 300
  let document = postmortem(11, {timelineRows: rowsFor500, actionItems: 60})
  while (document.value.split('\n').length > 500) document = postmortem(11, {timelineRows: --rowsFor500, actionItems: 60})
  const client = await startLanguageServer(folder)
  const uri = pathToFileURL(join(folder, document.name)).href
  await client.open(uri, document.value)
  const latencies = []
  for (let version = 2; version < 22; version++) {
    const start = performance.now()
    await client.change(uri, version, document.value + '\n'.repeat(version % 2))
    latencies.push(performance.now() - start)
  }

  client.close()
  rmSync(folder, {recursive: true, force: true})
  record(`editor: language server diagnostics after a change, median of 20 (${document.value.split('\n').length}-line post-mortem)`, `${median(latencies).toFixed(0)} ms`, '', undefined)
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`
const table = [
  `Machine: ${machine}.`,
  '',
  '| Measure | Result | Target | Pass |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.measure} | ${row.value} | ${row.target || '–'} | ${row.pass === undefined ? '–' : row.pass ? 'yes' : 'no'} |`)
].join('\n')
console.log(table)
if (process.argv.includes('--write')) writeFileSync(join(root, 'test/bench/results.md'), table + '\n')
process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0
