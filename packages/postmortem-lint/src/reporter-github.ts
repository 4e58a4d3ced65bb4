import type {VFile} from 'vfile'
import {githubAnnotations} from './report.js'

/**
 * `--format github`: a unified-engine reporter that writes GitHub Actions
 * workflow commands to stdout, where the runner reads them.
 */
export default function reporterGithub(files: VFile[]): string {
  const annotations = githubAnnotations(files)
  if (annotations !== '') process.stdout.write(annotations + '\n')
  return ''
}
