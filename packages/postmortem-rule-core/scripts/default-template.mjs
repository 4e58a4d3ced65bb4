// Run by the build after `tsc -b`: computes the default template's model
// once, so that a run does not parse the template at start.
import {readFileSync, writeFileSync} from 'node:fs'
import {templateModel, templateModelToJson} from 'mdast-util-postmortem'
import {defaultTemplateModelPath, defaultTemplatePath} from '../dist/index.js'

const markdown = readFileSync(defaultTemplatePath, 'utf8')
const model = templateModel(markdown, defaultTemplatePath)
writeFileSync(defaultTemplateModelPath, JSON.stringify({template: markdown, model: templateModelToJson(model)}) + '\n')
