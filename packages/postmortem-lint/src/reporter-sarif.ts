import {readFileSync} from 'node:fs'
import type {VFile} from 'vfile'
import {sarifLog} from './report.js'

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}

/**
 * `--format sarif`: a unified-engine reporter that writes SARIF to stdout
 * (the engine itself writes reports to stderr) and gives the engine nothing.
 */
export default function reporterSarif(files: VFile[]): string {
  process.stdout.write(JSON.stringify(sarifLog(files, version), undefined, 2) + '\n')
  return ''
}
