import {headerSlice, headingTexts, sectionSlice} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'

const document = [
  '---',
  'incident: INC-1',
  '---',
  '# Rollback of v2.1.0',
  '',
  '**Date**: 2026-01-05',
  '',
  '```md',
  '## Not a heading',
  '```',
  '## Timeline ##',
  '',
  '| Time | Event |',
  '',
  '### Detection',
  '',
  'Paged at 14:02.',
  '',
  '## Action Items',
  '',
  '- [ ] Add a check',
  ''
].join('\r\n')

describe('headerSlice', () => {
  it('is the text before the first `##` heading outside code, front matter and title included', () => {
    const header = headerSlice(document)
    expect(header.line).toBe(1)
    expect(header.text.split('\r\n')).toEqual(document.split('\r\n').slice(0, 10).concat(''))
  })

  it('is the whole text when no `##` heading follows', () => {
    expect(headerSlice('# Title\n\n**Date**: 2026-01-05')).toEqual({text: '# Title\n\n**Date**: 2026-01-05', line: 1})
  })
})

describe('sectionSlice', () => {
  it('is the section whose heading matches, with its subsections, up to the next heading of its rank', () => {
    const section = sectionSlice(document, 'timeline')
    expect(section?.line).toBe(11)
    expect(section?.text).toBe('## Timeline ##\r\n\r\n| Time | Event |\r\n\r\n### Detection\r\n\r\nPaged at 14:02.\r\n\r\n')
  })

  it('runs to the end of the text for the last section, and is undefined for a heading only code has', () => {
    expect(sectionSlice(document, 'action items')).toEqual({text: '## Action Items\r\n\r\n- [ ] Add a check\r\n', line: 19})
    expect(sectionSlice(document, 'not a heading')).toBeUndefined()
  })
})

describe('headingTexts', () => {
  it('gives every ATX heading outside code, normalised', () => {
    expect(headingTexts(document)).toEqual(['rollback of v2.1.0', 'timeline', 'detection', 'action items'])
  })
})
