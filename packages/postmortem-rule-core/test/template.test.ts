import {readFileSync} from 'node:fs'
import {templateModel} from 'mdast-util-postmortem'
import {defaultTemplate, defaultTemplateModelPath, defaultTemplatePath} from 'postmortem-rule-core'
import {describe, expect, it} from 'vitest'

describe('the default template', () => {
  it('comes from the model the build computed, equal to parsing the template', () => {
    const markdown = readFileSync(defaultTemplatePath, 'utf8')
    const built = JSON.parse(readFileSync(defaultTemplateModelPath, 'utf8')) as {template: string}
    expect(built.template).toBe(markdown)
    const parsed = templateModel(markdown, defaultTemplatePath)
    const model = defaultTemplate()
    expect(model).toEqual(parsed)
    expect(model.sections[3]?.children[0]?.parent).toBe(model.sections[3])
  })
})
