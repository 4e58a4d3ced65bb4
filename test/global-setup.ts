import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * The run's scratch folders, removed when it ends so that test runs leave
 * nothing behind: one in the repository (`test/.tmp/`, where a project sees
 * the workspace's packages) and one outside it (where a consumer project
 * must not see the workspace). Tests create theirs with `scratchFolder`.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  mkdirSync(join(root, 'test/.tmp'), {recursive: true})
  const inside = mkdtempSync(join(root, 'test/.tmp/run-'))
  const outside = mkdtempSync(join(tmpdir(), 'postmortem-lint-test-'))
  process.env.POSTMORTEM_TEST_SCRATCH = inside
  process.env.POSTMORTEM_TEST_SCRATCH_OUTSIDE = outside
  return () => {
    rmSync(inside, {recursive: true, force: true})
    rmSync(outside, {recursive: true, force: true})
  }
}
