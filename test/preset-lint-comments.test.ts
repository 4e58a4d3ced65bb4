import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import remarkPresetLintRecommended from 'remark-preset-lint-recommended'
import {beforeEach, describe, expect, it, vi} from 'vitest'
import {fixture, lint, summary} from './util.js'

/** How often the preset ran remark-lint's comment handling (remark-message-control). */
const control = vi.hoisted(() => ({runs: 0}))

vi.mock('../packages/remark-preset-lint-postmortem/node_modules/remark-message-control/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../packages/remark-preset-lint-postmortem/node_modules/remark-message-control/index.js')>()
  return {
    default: (options: Parameters<typeof actual.default>[0]) => {
      const transform = actual.default(options)
      return (...parameters: Parameters<typeof transform>) => {
        control.runs++
        return transform(...parameters)
      }
    }
  }
})

const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)

describe('remark-preset-lint-postmortem: `<!--lint …-->` comments', () => {
  beforeEach(() => {
    control.runs = 0
  })

  it('silences a rule with `<!--lint disable …-->` and one finding with `<!--lint ignore …-->`', async () => {
    const broken = clean.replace('## Executive Summary', '## Summary').replace('| @devops |', '| devops |')
    const found = summary(await lint(broken, [remarkPresetLintPostmortem]))
    expect(found.filter((line) => line.endsWith('[postmortem-required-headings]')).length).toBeGreaterThan(0)
    expect(found.filter((line) => line.endsWith('[postmortem-action-items]')).length).toBe(1)

    const disabled = '<!--lint disable postmortem-required-headings-->\n\n' + broken
    const whenDisabled = summary(await lint(disabled, [remarkPresetLintPostmortem]))
    expect(whenDisabled.filter((line) => line.endsWith('[postmortem-required-headings]'))).toEqual([])
    expect(whenDisabled.filter((line) => line.endsWith('[postmortem-action-items]')).length).toBe(1)

    const ignored = broken.replace('## Action Items\n', '## Action Items\n\n<!--lint ignore postmortem-action-items-->\n')
    expect(ignored).not.toBe(broken)
    expect(summary(await lint(ignored, [remarkPresetLintPostmortem])).filter((line) => line.endsWith('[postmortem-action-items]'))).toEqual([])
  })

  it('silences the messages of other remark-lint rules used beside the preset', async () => {
    const found = await lint(clean, [remarkPresetLintPostmortem, remarkPresetLintRecommended])
    expect(found.map((message) => message.ruleId)).toContain('no-literal-urls')
    const silenced = await lint('<!--lint disable no-literal-urls-->\n\n' + clean, [remarkPresetLintPostmortem, remarkPresetLintRecommended])
    expect(silenced.map((message) => message.ruleId)).not.toContain('no-literal-urls')
  })

  it('fails on a comment with an unknown keyword, as remark-lint does, on a post-mortem that passes', async () => {
    await expect(lint('<!--lint silence postmortem-action-items-->\n\n' + clean, [remarkPresetLintPostmortem])).rejects.toThrow(
      /Unknown keyword `silence`/
    )
  })

  it('skips the comment handling on a post-mortem that passes and has no `lint` comment, where it could remove nothing', async () => {
    expect(await lint(clean, [remarkPresetLintPostmortem])).toEqual([])
    expect(control.runs).toBe(0)
    expect(summary(await lint(clean.replace('| @devops |', '| devops |'), [remarkPresetLintPostmortem])).length).toBe(1)
    expect(control.runs).toBe(1)
    expect(await lint('<!--lint enable postmortem-action-items-->\n\n' + clean, [remarkPresetLintPostmortem])).toEqual([])
    expect(control.runs).toBe(2)
  })
})
