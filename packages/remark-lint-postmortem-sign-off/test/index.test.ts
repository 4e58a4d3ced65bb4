import remarkLintPostmortemSignOff from 'remark-lint-postmortem-sign-off'
import type {PluggableList} from 'unified'
import {templateModel} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'
import {fixture, lint, summary} from '../../../test/util.js'

const rule: PluggableList = [remarkLintPostmortemSignOff]
const id = ' [postmortem-sign-off]'

async function messagesOf(path: string, plugins: PluggableList = rule) {
  return summary(await lint(fixture(path), plugins))
}

describe('remark-lint-postmortem-sign-off', () => {
  it('passes the clean post-mortem and one completed on the second day', async () => {
    expect(await messagesOf('examples/2025-12-10-v1.2.4.md')).toEqual([])
    expect(await messagesOf('sign-off/two-days-ok.md')).toEqual([])
  })

  it.each([
    ['missing-field.md', '180:1: Unexpected missing field `Reviewed By` in `Sign-Off`, expected `**Reviewed By**: …`'],
    ['empty-field.md', '185:1: Unexpected empty field `Action Items Tracked In` in `Sign-Off`, expected a value'],
    ['invalid-date.md', '183:1: Unexpected Date Completed `2025-12-32`, expected a date as `YYYY-MM-DD`'],
    [
      'before-incident.md',
      '183:1: Unexpected Date Completed `2025-12-09` before the incident date `2025-12-10`, expected a date on or after it'
    ],
    [
      'late.md',
      '183:1: Unexpected Date Completed `2025-12-23`, 13 days after the incident on `2025-12-10`, expected within 48 hours (Article XIII): 11 days late'
    ]
  ])('reports %s', async (name, expected) => {
    expect(await messagesOf('sign-off/' + name)).toEqual([expected + id])
  })

  it('follows `maxHours`', async () => {
    expect(await messagesOf('sign-off/two-days-ok.md', [[remarkLintPostmortemSignOff, {maxHours: 24}]])).toEqual([
      // Not the template's deadline: not what the template cites for it either.
      '183:1: Unexpected Date Completed `2025-12-12`, 2 days after the incident on `2025-12-10`, expected within 24 hours: 1 day late' +
        id
    ])
  })

  it('stays silent on the completion date when the incident date is broken', async () => {
    const file = fixture('sign-off/late.md')
    file.value = String(file.value).replace('**Date**: 2025-12-10', '**Date**: soon')
    expect(summary(await lint(file, rule))).toEqual([])
  })

  it('leaves the unfilled template\'s `[YYYY-MM-DD]` to no-placeholders: one defect, one message', async () => {
    expect(await messagesOf('templates/postmortem-template.md')).toEqual([])
  })

  it.each([[{maxHours: -1}], [{maxHours: '48'}]])('fails on the bad option %j', async (options) => {
    const [message] = await lint(fixture('examples/2025-12-10-v1.2.4.md'), [[remarkLintPostmortemSignOff, options]])
    expect(message?.reason).toContain('remark-lint-postmortem-sign-off: unexpected value')
    expect(message?.reason).toContain('for option `maxHours`, expected a number from 0 up')
  })

  it('takes the deadline from the template: the seed\'s 48 hours (Article XIII), a team\'s own words, none where it sets none', () => {
    expect(templateModel(String(fixture('templates/postmortem-template.md').value)).deadline).toEqual({
      hours: 48,
      text: 'within 48 hours',
      reference: 'Article XIII'
    })
    expect(templateModel(String(fixture('templates/fields.md').value)).deadline).toEqual({hours: 96, text: 'within 2 business days', reference: undefined})
    for (const text of ['Action items are due within 30 days.', 'Sign off within a week.', '*Reviewed within 3 hours.*']) {
      const deadline = templateModel(`# T\n\n## Review\n\n${text}\n\n**Author**: [Name]\n`).deadline
      expect(deadline?.hours, text).toBe(text.includes('3 hours') ? 3 : undefined)
    }
  })

  it('reads a deadline worded in German, French or Spanish', () => {
    const deadline = (text: string) => templateModel(`# T\n\n## Review\n\n${text}\n\n**Author**: [Name]\n`).deadline
    expect(deadline('Die Nachbetrachtung ist innerhalb von 48 Stunden freizugeben.')).toEqual({hours: 48, text: 'innerhalb von 48 Stunden', reference: undefined})
    expect(deadline('Freigabe binnen 2 Werktagen (§ 4).')).toEqual({hours: 96, text: 'binnen 2 Werktagen', reference: '§ 4'})
    expect(deadline('Le rapport est relu sous 2 jours ouvrés.')?.hours).toBe(96)
    expect(deadline('Le post-mortem est publié dans les 72 heures.')?.hours).toBe(72)
    expect(deadline('El informe se revisa en un plazo de 3 días.')?.hours).toBe(72)
    expect(deadline('Las acciones se cierran en 30 días.')).toBeUndefined()
  })

  it('checks the date of a sign-off written as a list of fields, leaving its presence and form to metadata', async () => {
    const lists: PluggableList = [[remarkLintPostmortemSignOff, {template: 'fixtures/templates/lists.md'}]]
    const clean = String(fixture('teams/lists/2025-11-03-v2.14.0.md').value)
    expect(clean).toContain('- Review date: 2025-11-06')
    expect(summary(await lint(clean, lists))).toEqual([])
    expect(summary(await lint(clean.replace('- Review date: 2025-11-06', '- Review date: 2025-11-01'), lists))).toEqual([
      '47:3: Unexpected Review date `2025-11-01` before the incident date `2025-11-03`, expected a date on or after it' + id
    ])
    expect(summary(await lint(clean.replace('- Review date: 2025-11-06', '- Review date: soon'), lists))).toEqual([])
    const due = [[remarkLintPostmortemSignOff, {template: 'fixtures/templates/lists.md', maxHours: 48}]] satisfies PluggableList
    expect(summary(await lint(clean, due))).toEqual([
      '47:3: Unexpected Review date `2025-11-06`, 3 days after the incident on `2025-11-03`, expected within 48 hours: 1 day late' + id
    ])
  })

  it('takes rows that name a signer with a note, in the plural or numbered (`Reviewer (SRE)`, `Reviewers`, `Reviewer 2`) for the template\'s row', async () => {
    const us: PluggableList = [[remarkLintPostmortemSignOff, {template: 'fixtures/templates/us.md'}]]
    const clean = String(fixture('teams/us/2025-12-04-cart.md').value)
    const reviewer = '| Reviewer | @omar | 12/05/2025 |'
    expect(clean).toContain(reviewer)
    expect(summary(await lint(clean, us))).toEqual([])
    for (const rows of ['| Reviewers | @omar, @li | 12/05/2025 |', '| Reviewer 1 | @omar | 12/05/2025 |\n| Reviewer 2 | @li | 12/06/2025 |']) {
      expect(summary(await lint(clean.replace(reviewer, rows), us)), rows).toEqual([])
    }

    expect(summary(await lint(clean.replace(reviewer, '| Reviewer (SRE) | @omar | 12/05/2025 |\n| Reviewer (Eng) | | 12/01/2025 |'), us))).toEqual([
      '43:1: Unexpected empty Name for `Reviewer (Eng)` in `Sign-off`, expected a value' + id,
      '43:22: Unexpected Date for Reviewer (Eng) `12/01/2025` before the incident date `12/04/2025`, expected a date on or after it' + id
    ])
    expect(summary(await lint(clean.replace(reviewer, '| Reviewed | @omar | 12/05/2025 |'), us))).toEqual([
      '39:1: Unexpected missing `Reviewer` row in `Sign-off`, expected `| Reviewer | … |`' + id
    ])
  })

  it('reads a sign-off of plain `Label: value` lines, as a team template writes it', async () => {
    const relative: PluggableList = [[remarkLintPostmortemSignOff, {template: 'fixtures/templates/relative.md'}]]
    const clean = String(fixture('teams/relative/2026-03-04-payments.md').value)
    expect(clean).toContain('Reviewed by: Mira Tanaka  \nReview date: 2026-03-06\n')
    expect(summary(await lint(clean, relative))).toEqual([])
    // The incident's day is that of the header's date-time (`Detected: 2026-03-04 14:10 UTC`).
    expect(summary(await lint(clean.replace('Review date: 2026-03-06', 'Review date: 2026-03-02'), relative))).toEqual([
      '42:1: Unexpected Review date `2026-03-02` before the incident date `2026-03-04`, expected a date on or after it' + id
    ])
    expect(summary(await lint(clean.replace('Reviewed by: Mira Tanaka  \n', ''), relative))).toEqual([
      '39:1: Unexpected missing field `Reviewed by` in `Sign-off`, expected `Reviewed by: …`' + id
    ])
  })
})
