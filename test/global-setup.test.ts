import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, expect, it} from 'vitest'
import setup from './global-setup.js'
import {root, scratchFolder} from './util.js'

const runFolders = {inside: process.env.POSTMORTEM_TEST_SCRATCH, outside: process.env.POSTMORTEM_TEST_SCRATCH_OUTSIDE}

afterEach(() => {
  process.env.POSTMORTEM_TEST_SCRATCH = runFolders.inside
  process.env.POSTMORTEM_TEST_SCRATCH_OUTSIDE = runFolders.outside
})

it('gives every scratch folder of a run one parent in the repository and one outside, and removes both at the end', () => {
  const teardown = setup()
  const inside = scratchFolder('inside-')
  const outside = scratchFolder('outside-', 'outside')
  writeFileSync(join(inside, 'file.md'), '# T\n')
  expect(inside.startsWith(join(root, 'test/.tmp/run-'))).toBe(true)
  expect(outside.startsWith(root)).toBe(false)
  expect(existsSync(outside)).toBe(true)

  teardown()
  expect(existsSync(inside)).toBe(false)
  expect(existsSync(outside)).toBe(false)
})
