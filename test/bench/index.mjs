/**
 * `pnpm bench`: what the rules and the CLI cost, each ratio measured in
 * pairs (A and B alternated, the median of the pair ratios; in process,
 * alternated document by document) so that both sides see the same machine. Writes `test/bench/results.md` from this one
 * run. Never part of `pnpm test`.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {cpus} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {lint as markdownlint} from 'markdownlint/sync'
import markdownlintRulePostmortem from 'markdownlint-rule-postmortem'
import {remarkRule} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkLint from 'remark-lint'
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
const cliFiles = quick ? 210 : 1050
const rssSizes = quick ? [105, 210] : [105, 525, 1050, 2100]

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
 * `b` against `a`, paired: after a warm-up of each, every round runs both
 * (in alternating order) and gives one ratio `b / a`; the result is the
 * median ratio, with the median times.
 * @param {() => unknown} a
 * @param {() => unknown} b
 * @param {number} count
 */
async function paired(a, b, count, warmUp = true) {
  if (warmUp) {
    await a()
    await b()
  }

  const as = []
  const bs = []
  const ratios = []
  for (let round = 0; round < count; round++) {
    let ta
    let tb
    if (round % 2 === 0) {
      ta = await time(a)
      tb = await time(b)
    } else {
      tb = await time(b)
      ta = await time(a)
    }

    as.push(ta)
    bs.push(tb)
    ratios.push(tb / ta)
  }

  return {ratio: median(ratios), a: median(as), b: median(bs)}
}

/**
 * The `sides` run on every document in turn (the order rotating from one
 * document to the next), each side's time summed per round: the machine's
 * speed drifts by ±15% over the seconds a whole pass takes, which timing
 * each side's pass apart turns into ratios from 1.05 to 1.33 in one run.
 * `ratio(b, a)` is the median over the rounds of side `b`'s time over side
 * `a`'s, with both times of the round that gave it.
 * @template Item
 * @param {Item[]} items
 * @param {Array<(item: Item) => unknown>} sides
 * @param {number} count
 */
async function interleaved(items, sides, count) {
  for (const item of items.slice(0, 100)) for (const side of sides) await side(item)
  /** @type {number[][]} */
  const rounds = []
  for (let round = 0; round < count; round++) {
    globalThis.gc?.()
    const spent = sides.map(() => 0)
    for (const [index, item] of items.entries()) {
      for (let turn = 0; turn < sides.length; turn++) {
        const side = (index + turn) % sides.length
        const start = performance.now()
        await sides[side]?.(item)
        spent[side] = (spent[side] ?? 0) + performance.now() - start
      }
    }

    rounds.push(spent)
  }

  /** @param {number} b @param {number} a */
  return (b, a) => {
    const pairs = rounds.map((spent) => ({ratio: (spent[b] ?? 0) / (spent[a] ?? 1), b: spent[b] ?? 0, a: spent[a] ?? 0}))
    pairs.sort((x, y) => x.ratio - y.ratio)
    return pairs[pairs.length >> 1] ?? {ratio: 0, b: 0, a: 0}
  }
}

/** @param {number} ratio @param {number} b @param {number} a */
function describeRatio(ratio, b, a) {
  return `${ratio.toFixed(2)} (${b.toFixed(0)} ms / ${a.toFixed(0)} ms)`
}

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze()
const preset = remark().use(remarkPresetLintPostmortem).freeze()

/** @param {{name: string, value: string}} document */
function parseOne(document) {
  bare.parse(document.value)
}

/** @param {Array<{name: string, value: string}>} documents */
function parseAll(documents) {
  for (const document of documents) parseOne(document)
}

/** @param {{name: string, value: string}} document */
async function lintOne(document) {
  const file = new VFile({path: document.name, value: document.value})
  await preset.run(preset.parse(file), file)
  if (file.messages.length > 0) throw new Error(`${document.name}: ${file.messages[0]?.reason}`)
}

/** @param {Array<{name: string, value: string}>} documents */
async function lintAll(documents) {
  for (const document of documents) await lintOne(document)
}

/** Parsing and remark-lint's own work (its comment handling), with no rule: what any remark-lint preset costs. */
const withLint = remark().use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkLint).freeze()

/** @param {{name: string, value: string}} document */
async function lintOnlyOne(document) {
  const file = new VFile({path: document.name, value: document.value})
  await withLint.run(withLint.parse(file), file)
}

const rulePlugins = new Set(postmortemRules.map((rule) => remarkRule(rule)))

/**
 * The preset's plugins with every check finding nothing: what its comment
 * handling and ten rule plugins cost before any rule reads the document
 * (options, the template, message handling), the floor under the preset's ratio.
 */
const withoutChecks = remark()
  .use((remarkPresetLintPostmortem.plugins ?? []).filter((plugin) => !(Array.isArray(plugin) && rulePlugins.has(plugin[0]))))
  .use(postmortemRules.map((rule) => [remarkRule({...rule, check: () => []}), ['error']]))
  .freeze()

/** @param {{name: string, value: string}} document */
async function withoutChecksOne(document) {
  const file = new VFile({path: document.name, value: document.value})
  await withoutChecks.run(withoutChecks.parse(file), file)
}

const documents = Array.from({length: documentCount}, (_, index) => postmortem(index + 1))

console.error(`postmortem-lint bench${quick ? ' (quick)' : ''}: ${documentCount} documents, ${rounds} rounds`)

// 1. Overhead: the preset against bare parsing, and against parsing with remark-lint alone (its
// comment handling visits every node, for any remark-lint preset; ours skips it where it can
// remove nothing, as on these documents, which pass).
{
  const ratio = await interleaved(documents, [parseOne, lintOnlyOne, lintOne, withoutChecksOne], rounds)
  const toBare = ratio(2, 0)
  record(`overhead: preset / bare parse (${documentCount} documents)`, describeRatio(toBare.ratio, toBare.b, toBare.a), '≤ 1.10', toBare.ratio <= 1.1)
  const toRemarkLint = ratio(2, 1)
  record(`overhead: preset / parse + remark-lint (${documentCount} documents)`, describeRatio(toRemarkLint.ratio, toRemarkLint.b, toRemarkLint.a), '', undefined)
  const remarkLintToBare = ratio(1, 0)
  record(
    `overhead: parse + remark-lint, no rule / bare parse (${documentCount} documents)`,
    describeRatio(remarkLintToBare.ratio, remarkLintToBare.b, remarkLintToBare.a),
    '',
    undefined
  )
  const floor = ratio(3, 0)
  record(
    `overhead: the preset with every check finding nothing / bare parse (${documentCount} documents)`,
    describeRatio(floor.ratio, floor.b, floor.a),
    '',
    undefined
  )
}

// 2. Scaling: one document with n timeline rows and n action items.
{
  /** @type {Map<number, number>} */
  const lintTimes = new Map()
  /** @type {Map<number, number>} */
  const parseTimes = new Map()
  for (const size of quick ? [1000, 5000] : [1000, 5000, 20_000]) {
    const document = postmortem(7, {timelineRows: size, actionItems: size})
    const {ratio, a, b} = await paired(() => parseAll([document]), () => lintAll([document]), rounds)
    lintTimes.set(size, b)
    parseTimes.set(size, a)
    record(`scaling: preset / bare parse, ${size} rows`, describeRatio(ratio, b, a), '≤ 1.25', ratio <= 1.25)
  }

  if (!quick) {
    const growth = (lintTimes.get(20_000) ?? 0) / (lintTimes.get(5000) ?? 1)
    const parseGrowth = (parseTimes.get(20_000) ?? 0) / (parseTimes.get(5000) ?? 1)
    record('scaling: preset time(20k) / time(5k)', `${growth.toFixed(2)} (bare parse alone: ${parseGrowth.toFixed(2)})`, '≤ 5', growth <= 5)
  }
}

// 3. Per rule: each rule's own run time on the same documents (parsing not counted).
{
  const parseTimes = []
  for (let round = 0; round < 3; round++) parseTimes.push(await time(() => parseAll(documents)))
  const parseTotal = median(parseTimes)
  const plugins = (remarkPresetLintPostmortem.plugins ?? []).filter(
    (plugin) => Array.isArray(plugin) && typeof plugin[0] === 'function' && plugin[0].name.startsWith('remark-lint:')
  )
  for (const plugin of plugins) {
    const rule = /** @type {[import('unified').Plugin, unknown]} */ (plugin)
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(rule[0], rule[1]).freeze()
    const trees = documents.map((document) => ({file: new VFile({path: document.name, value: document.value}), tree: processor.parse(document.value)}))
    const elapsed = await time(async () => {
      for (const {file, tree} of trees) await processor.run(tree, file)
    })
    record(`per rule: ${rule[0].name.slice('remark-lint:'.length)}`, `${elapsed.toFixed(1)} ms (${((elapsed / parseTotal) * 100).toFixed(1)}% of parsing)`, '', undefined)
  }
}

// 4. markdownlint: our rules plus its defaults against its defaults alone.
{
  // Keys as the CLI corpus names its files: names repeat among the documents.
  const strings = Object.fromEntries(documents.map((document, index) => [`${index}-${document.name}`, document.value]))
  const {ratio, a, b} = await paired(
    () => markdownlint({strings, config: {default: true}}),
    () => markdownlint({strings, config: {default: true}, customRules: markdownlintRulePostmortem}),
    rounds
  )
  record('markdownlint: defaults + ours / defaults (in-process)', describeRatio(ratio, b, a), '≤ 1.5', ratio <= 1.5)
}

// 5. CLI: postmortem-lint against remark-cli with GFM and remark-preset-lint-recommended, on the same files.
{
  // Inside the repository, so that remark-cli finds its plugins.
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  const base = mkdtempSync(join(root, 'test/.tmp/bench-cli-'))
  const rss = join(root, 'test/bench/max-rss.mjs')
  const ours = join(root, 'packages/postmortem-lint/bundle/cli.js')
  const remarkCli = join(root, 'node_modules/remark-cli/cli.js')
  const theirsArgs = ['--quiet', '--no-color', '--no-stdout', '--use', 'remark-gfm', '--use', 'remark-preset-lint-recommended']

  /** @param {number} count */
  const corpus = (count) => {
    const folder = join(base, `corpus-${count}`)
    mkdirSync(folder, {recursive: true})
    for (let index = 0; index < count; index++) {
      const document = postmortem(index + 1)
      writeFileSync(join(folder, `${index}-${document.name}`), document.value)
    }

    return folder
  }

  /** @param {string} script @param {string[]} args @param {string} cwd */
  const measure = (script, args, cwd) => {
    const start = performance.now()
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(rss).href, script, ...args], {cwd, encoding: 'utf8', maxBuffer: 1 << 30})
    const wall = performance.now() - start
    if (result.status !== 0 && result.status !== 1) throw new Error(`${script} ${args.join(' ')}: ${result.stderr}`)
    // A run on threads runs in a second Node.js (see the CLI's `relaunchTuned`): every process's peak counts.
    const peaks = [...result.stderr.matchAll(/max-rss (\d+)/g)].map((match) => Number(match[1]) / 1024)
    return {wall, rssMb: peaks.reduce((sum, peak) => sum + peak, 0)}
  }

  const folder = corpus(cliFiles)
  const {ratio, a, b} = await paired(
    () => measure(remarkCli, [...theirsArgs, '.'], folder).wall,
    () => measure(ours, ['--quiet', '--no-color', '.'], folder).wall,
    quick ? 1 : 3,
    false
  )
  record(`CLI: postmortem-lint / remark-cli + GFM + preset-lint-recommended, ${cliFiles} files, ${cpus().length} cores, wall`, describeRatio(ratio, b, a), '≤ 0.6', ratio <= 0.6)

  // markdownlint-cli2 with its default rules, with and without ours, on the same files.
  const markdownlintCli2 = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')
  const defaultsConfig = join(base, 'defaults.markdownlint-cli2.jsonc')
  const oursConfig = join(base, 'ours.markdownlint-cli2.jsonc')
  writeFileSync(defaultsConfig, JSON.stringify({config: {default: true}}))
  writeFileSync(oursConfig, JSON.stringify({config: {default: true}, customRules: ['markdownlint-rule-postmortem']}))
  const cli2 = await paired(
    () => measure(markdownlintCli2, ['--config', defaultsConfig, '**/*.md'], folder).wall,
    () => measure(markdownlintCli2, ['--config', oursConfig, '**/*.md'], folder).wall,
    quick ? 1 : 3,
    false
  )
  record(`markdownlint-cli2: defaults + ours / defaults, ${cliFiles} files, wall`, describeRatio(cli2.ratio, cli2.b, cli2.a), '≤ 1.5', cli2.ratio <= 1.5)

  const listing = await paired(
    () => measure(ours, ['--quiet', '--no-color', '.'], folder).wall,
    () => measure(ours, ['actions', '--format', 'json', '.'], folder).wall,
    quick ? 1 : 3,
    false
  )
  record(`actions: postmortem-lint actions / linting the same ${cliFiles} files`, describeRatio(listing.ratio, listing.b, listing.a), '≤ 1.10', listing.ratio <= 1.1)

  const single = measure(ours, ['--quiet', '--no-color', '--concurrency', '1', '.'], folder)
  record(`CLI: one thread (--concurrency 1), ${cliFiles} files, wall`, `${single.wall.toFixed(0)} ms`, '', undefined)

  const cacheFolder = join(base, 'cache')
  const fresh = measure(ours, ['--quiet', '--no-color', '--cache', '--cache-location', cacheFolder, '.'], folder)
  const cached = measure(ours, ['--quiet', '--no-color', '--cache', '--cache-location', cacheFolder, '.'], folder)
  const cacheRatio = cached.wall / fresh.wall
  record(`CLI: --cache re-run on ${cliFiles} unchanged files / full run`, describeRatio(cacheRatio, cached.wall, fresh.wall), '≤ 0.10', cacheRatio <= 0.1)

  const peaks = new Map()
  for (const size of rssSizes) {
    const sized = size === cliFiles ? folder : corpus(size)
    // On threads at every size: by default a run of fewer than 200 files stays on one, which is not what grows.
    const ourRun = measure(ours, ['--quiet', '--no-color', '--concurrency', String(cpus().length), '.'], sized)
    const theirRun = measure(remarkCli, [...theirsArgs, '.'], sized)
    peaks.set(size, ourRun.rssMb)
    const target = size === 1050 ? '≤ 400 MiB' : ''
    record(`CLI: peak RSS, ${size} files, --concurrency ${cpus().length} (remark-cli + GFM + recommended)`, `${ourRun.rssMb.toFixed(0)} MiB (${theirRun.rssMb.toFixed(0)} MiB)`, target, target ? ourRun.rssMb <= 400 : undefined)
  }

  // Where remark-cli's memory goes: unified-engine keeps every file of a run (and its tree) until the run ends.
  const heapOf = (size) => {
    const result = spawnSync(process.execPath, [join(root, 'test/bench/heap.mjs'), folder, String(cliFiles >= 525 ? 525 : cliFiles), String(size)], {cwd: root, encoding: 'utf8'})
    return JSON.parse(result.stdout).peakMiB
  }
  const whole = heapOf(cliFiles >= 525 ? 525 : cliFiles)
  const batched = heapOf(25)
  const count = cliFiles >= 525 ? 525 : cliFiles
  record(
    `memory: peak heap, ${count} files in one unified-engine run / in batches of 25`,
    `${whole.toFixed(0)} MiB / ${batched.toFixed(0)} MiB: ${((whole - batched) / count).toFixed(2)} MiB a file kept alive by one run`,
    '',
    undefined
  )

  const growth = (peaks.get(rssSizes.at(-1)) ?? 0) / (peaks.get(rssSizes[0]) ?? 1)
  record(`CLI: peak RSS growth, ${rssSizes.at(-1)} / ${rssSizes[0]} files`, growth.toFixed(2), '≤ 1.3', growth <= 1.3)

  const one = join(base, 'one')
  mkdirSync(one)
  cpSync(join(folder, `0-${postmortem(1).name}`), join(one, 'doc.md'))
  const cold = await paired(
    () => measure(remarkCli, ['--no-color', '--no-stdout', '--use', 'remark-preset-lint-recommended', 'doc.md'], one).wall,
    () => measure(ours, ['--no-color', 'doc.md'], one).wall,
    quick ? 5 : 11
  )
  record('CLI: cold start, one file / remark-cli + preset-lint-recommended', describeRatio(cold.ratio, cold.b, cold.a), '≤ 1.05', cold.ratio <= 1.05)
  rmSync(base, {recursive: true, force: true})
}

// 6. Editor: diagnostics after a change in the language server, on a 500-line post-mortem, against the same server with remark-preset-lint-recommended; and where our time goes.
{
  let rowsFor500 = 300
  let document = postmortem(11, {timelineRows: rowsFor500, actionItems: 60})
  while (document.value.split('\n').length > 500) document = postmortem(11, {timelineRows: --rowsFor500, actionItems: 60})

  /** @param {string[]} plugins */
  const roundTrips = async (plugins) => {
    mkdirSync(join(root, 'test/.tmp'), {recursive: true})
    const folder = mkdtempSync(join(root, 'test/.tmp/bench-editor-'))
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({plugins}))
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
    return median(latencies)
  }

  const ours = await roundTrips(['remark-preset-lint-postmortem'])
  const theirs = await roundTrips(['remark-gfm', 'remark-preset-lint-recommended'])
  const lines = document.value.split('\n').length
  record(`editor: diagnostics after a change, median of 20, ${lines}-line post-mortem / with GFM + preset-lint-recommended`, describeRatio(ours / theirs, ours, theirs), '≤ 1.2', ours / theirs <= 1.2)

  // Medians of 15 rounds: parsing, then running remark-lint alone, the
  // preset's plugins with every check finding nothing, and the preset on
  // trees already parsed (the runs are timed apart from parsing, so that
  // their few milliseconds are not a difference of two parses). Our rules are
  // the preset over its own plugins: the preset skips remark-lint's comment
  // handling on a document that passes, so the preset over remark-lint alone
  // would take that saving off the rules.
  const parses = []
  const remarkLintRuns = []
  const floorRuns = []
  const presetRuns = []
  const runOn = async (processor, runs) => {
    const file = new VFile({path: document.name, value: document.value})
    const tree = processor.parse(file)
    runs.push(await time(() => processor.run(tree, file)))
  }
  for (let round = 0; round < 15; round++) {
    parses.push(await time(() => parseAll([document])))
    await runOn(withLint, remarkLintRuns)
    await runOn(withoutChecks, floorRuns)
    await runOn(preset, presetRuns)
  }

  const parse = median(parses)
  const remarkLintShare = median(remarkLintRuns)
  const rules = Math.max(0, median(presetRuns) - median(floorRuns))
  record(
    'editor: where the time goes, measured in this process on the same document: parse / remark-lint (any remark-lint preset; ours skips it on a document that passes) / our rules',
    `${parse.toFixed(0)} ms / ${remarkLintShare.toFixed(1)} ms / ${rules.toFixed(1)} ms`,
    'rules ≤ 15 ms',
    rules <= 15
  )
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`
const table = [
  `Machine: ${machine}.${quick ? ' Quick run (`--quick`): fewer documents and rounds.' : ''}`,
  '',
  '| Measure | Result | Target | Pass |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.measure} | ${row.value} | ${row.target || '–'} | ${row.pass === undefined ? '–' : row.pass ? 'yes' : 'no'} |`)
].join('\n')
console.log(table)
writeFileSync(join(root, 'test/bench/results.md'), '<!-- Written by `pnpm bench` (test/bench/index.mjs) from one run: do not edit. -->\n\n' + table + '\n')
process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0
