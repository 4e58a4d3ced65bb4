/**
 * Peak heap of linting the Markdown files of a folder in batches of a given
 * size (one batch = one unified-engine run, as remark-cli does with all its
 * files): `node heap.mjs <folder> <files> <batch size>`.
 */
import {readdirSync} from 'node:fs'
import {lintBatch} from '../../packages/postmortem-lint/dist/batch.js'

const [cwd = '.', count = '100', size = '25'] = process.argv.slice(2)
const files = readdirSync(cwd).filter((name) => name.endsWith('.md')).sort().slice(0, Number(count))
const settings = {cwd, extensions: undefined, filePath: undefined, rcPath: undefined, ignorePath: undefined, ignorePatterns: [], config: true, ignore: true, fix: false, debug: false, cacheLocation: undefined}
let peak = 0
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed)
}, 10)
for (let start = 0; start < files.length; start += Number(size)) await lintBatch(files.slice(start, start + Number(size)), settings)
clearInterval(timer)
console.log(JSON.stringify({peakMiB: peak / 2 ** 20}))
