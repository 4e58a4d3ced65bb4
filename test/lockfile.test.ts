import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './util.js'

describe('pnpm-lock.yaml', () => {
  it('resolves micromark-extension-gfm-table >= 2.1.2 on the remark path (2.1.1 is superlinear on big tables)', () => {
    const lock = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8')
    const gfm = /\n {2}micromark-extension-gfm@[^\n]*:\n {4}dependencies:\n((?: {6}[^\n]*\n)+)/.exec(lock)?.[1] ?? ''
    const table = /micromark-extension-gfm-table: (\d+)\.(\d+)\.(\d+)/.exec(gfm)
    expect(table).not.toBeNull()
    const [major, minor, patch] = (table ?? []).slice(1).map(Number)
    expect(major === 2 && ((minor ?? 0) > 1 || ((minor ?? 0) === 1 && (patch ?? 0) >= 2))).toBe(true)
  })
})
