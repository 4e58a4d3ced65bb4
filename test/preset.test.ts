import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {describe, expect, it} from 'vitest'
import {ruleIds} from './rules.js'
import {fixture, lint, summary} from './util.js'


describe('remark-preset-lint-postmortem', () => {
  it('has every rule at severity error', async () => {
    const messages = await lint(fixture('examples/2025-12-18-v3.0.0.md'), [remarkPresetLintPostmortem])
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.every((message) => message.fatal === true)).toBe(true)
    const file = fixture('templates/postmortem-template.md')
    file.path = 'fixtures/templates/2025-12-10-v1.2.4.md'
    const templateMessages = await lint(file, [remarkPresetLintPostmortem])
    expect(new Set(templateMessages.map((message) => message.ruleId))).toEqual(
      new Set(['postmortem-compliance-checked', 'postmortem-no-placeholders'])
    )
    // Each placeholder left is one message: the value rules leave them to no-placeholders.
    const places = templateMessages.map((message) => `${message.line}:${message.column}`)
    expect(places.length).toBe(new Set(places).size)
    const plugins = remarkPresetLintPostmortem.plugins ?? []
    expect(plugins.map((plugin) => (Array.isArray(plugin) ? (plugin[0] as {name: string}).name : '')).filter(Boolean)).toEqual(
      expect.arrayContaining(ruleIds.map((id) => 'remark-lint:' + id))
    )
  })

  it('has no findings in the team\'s template itself, kept beside the post-mortems it is the spec of', async () => {
    const settings = {postmortem: {template: 'fixtures/templates/bullet-questions.md'}}
    expect(summary(await lint(fixture('templates/bullet-questions.md'), [{settings}, remarkPresetLintPostmortem]))).toEqual([])
    // The same text as a document started from it: its questions left unanswered.
    const started = fixture('templates/bullet-questions.md')
    started.path = 'fixtures/teams/bullet-questions/inc-2026-099.md'
    expect(summary(await lint(started, [{settings}, remarkPresetLintPostmortem]))).toContain(
      '16:1: Unexpected template guidance `What led to the incident?` as the content of `Root Cause`, expected your own text [postmortem-no-placeholders]'
    )
  })

  it('reports a `TBD` or `TODO` left in a value once, as no-placeholders\' marker, not also as the value unreadable', async () => {
    const clean = String(fixture('examples/2025-12-10-v1.2.4.md').value)
    const values = [
      ['**Duration**: 8 minutes (deploy start to rollback completion)', '**Duration**: TBD'],
      ['| 10:05:00 |', '| TBD |'],
      ['| @devops | 2025-12-15 |', '| TBD | TODO |'],
      ['**Total Duration**: 8 minutes (deploy start to rollback complete)', '**Total Duration**: TBD'],
      ['**Date Completed**: 2025-12-11', '**Date Completed**: TBD']
    ] as const
    let markers = clean
    for (const [value, marker] of values) {
      expect(markers).toContain(value)
      markers = markers.replace(value, marker)
    }

    const messages = await lint(markers, [remarkPresetLintPostmortem])
    expect(messages.map((message) => message.ruleId)).toEqual(Array.from({length: 6}, () => 'postmortem-no-placeholders'))
    expect(messages.map((message) => message.actual)).toEqual(['TBD', 'TBD', 'TBD', 'TBD', 'TODO', 'TBD'])
  })

  it('passes the clean post-mortem with every rule', async () => {
    expect(summary(await lint(fixture('examples/2025-12-10-v1.2.4.md'), [remarkPresetLintPostmortem]))).toEqual([])
  })

  it('passes a clean post-mortem whose header dates, version, timeline times and field labels carry notes (`2025-12-10 (Wednesday)`, `10:07 (approx.)`, `**Date (UTC)**`)', async () => {
    expect(summary(await lint(fixture('clean-variants/notes/2025-12-10-v1.2.4.md'), [remarkPresetLintPostmortem]))).toEqual([])
  })

  it('passes a clean post-mortem with front matter, CRLF, a BOM, an ISO timeline, [sic] and a placeholder in code', async () => {
    expect(summary(await lint(fixture('clean-variants/2025-12-10-v1.2.4.md'), [remarkPresetLintPostmortem]))).toEqual([])
  })

  it('gives every message but the file name a position', async () => {
    const messages = await lint(fixture('templates/postmortem-template.md'), [remarkPresetLintPostmortem])
    expect(messages.filter((message) => message.place === undefined)).toEqual([])
  })
})
