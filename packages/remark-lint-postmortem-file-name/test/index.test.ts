import remarkLintPostmortemFileName from 'remark-lint-postmortem-file-name'
import type {PluggableList} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {fixture, lint} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemFileName]

describe('remark-lint-postmortem-file-name', () => {
  it('passes files named after their date and failed version, with or without `v`', async () => {
    expect(await lint(fixture('examples/2025-12-10-v1.2.4.md'), rule)).toEqual([])
    expect(await lint(fixture('file-name/2025-12-10-1.2.4.md'), rule)).toEqual([])
  })

  it('takes the day of a header date written with its time (`2025-12-10T10:00:00Z`)', async () => {
    const clean = fixture('examples/2025-12-10-v1.2.4.md')
    expect(String(clean.value)).toContain('**Date**: 2025-12-10  \n')
    const withTime = (date: string) => new VFile({path: clean.path, value: String(clean.value).replace('**Date**: 2025-12-10  \n', `**Date**: ${date}  \n`)})
    expect(await lint(withTime('2025-12-10T10:00:00Z'), rule)).toEqual([])
    expect((await lint(withTime('2025-12-11 10:00 UTC'), rule)).map((message) => message.reason)).toEqual([
      "Unexpected file name `2025-12-10-v1.2.4.md`, expected `2025-12-11-v1.2.4.md` (from the header's Date and Failed Version)"
    ])
  })

  it('reports a wrong name once, without a position', async () => {
    const [message, ...rest] = await lint(fixture('file-name/2025-12-11-v1.2.4.md'), rule)
    expect(rest).toEqual([])
    expect(message).toMatchObject({
      ruleId: 'postmortem-file-name',
      source: 'remark-lint',
      reason:
        'Unexpected file name `2025-12-11-v1.2.4.md`, expected `2025-12-10-v1.2.4.md` (from the header\'s Date and Failed Version)',
      place: undefined
    })
  })

  it('skips files without a path and files whose header is broken', async () => {
    const value = fixture('examples/2025-12-10-v1.2.4.md').value
    expect(await lint(new VFile({value}), rule)).toEqual([])
    const broken = fixture('file-name/2025-12-11-v1.2.4.md')
    broken.value = String(broken.value).replace('**Failed Version**: v1.2.4', '**Failed Version**: latest')
    expect(await lint(broken, rule)).toEqual([])
  })

  it('follows `pattern`', async () => {
    const messages = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [
      [remarkLintPostmortemFileName, {pattern: 'rollback-{failedVersion}-{date}.md'}]
    ])
    expect(messages.map((message) => message.reason)).toEqual([
      "Unexpected file name `2025-12-10-v1.2.4.md`, expected `rollback-v1.2.4-2025-12-10.md` (from the header's Date and Failed Version)"
    ])
  })

  it.each([[{pattern: '{date}-{version}.md'}], [{pattern: 'dir/{date}.md'}], [{pattern: 7}]])(
    'fails on the bad option %j',
    async (options) => {
      const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [[remarkLintPostmortemFileName, options]])
      expect(message?.reason).toContain('remark-lint-postmortem-file-name: unexpected value')
      expect(message?.reason).toContain('for option `pattern`')
      expect(message?.fatal).toBe(true)
    }
  )
})
