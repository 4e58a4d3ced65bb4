export {
  booleanOption,
  describeValue,
  isConfigurationMessage,
  numberOption,
  patternOption,
  PostmortemOptionError,
  readOptions,
  templateOption,
  wordsOption,
  type ConfiguredOptions,
  type OptionEnvironment,
  type OptionSpec,
  type OptionSpecs,
  type ResolvedOptions
} from './options.js'
export {remarkRule, type RemarkRule, type RemarkRuleSettings, type Severity} from './remark.js'
export {listOf, missingTableReport, requiredFieldReports} from './reports.js'
export {
  defineRule,
  ruleUrl,
  runCheck,
  type CheckContext,
  type PostmortemRule,
  type Report,
  type RuleDefinition
} from './rule.js'
export {sharedTemplate, type PostmortemSettings} from './settings.js'
export {
  defaultTemplate,
  defaultTemplateModelPath,
  defaultTemplatePath,
  loadedTemplatePaths,
  loadTemplate,
  loadTemplateSetting
} from './template.js'
export {
  contentPosition,
  fieldValueEdit,
  fieldValuePosition,
  lineStart, plainTextPosition,
  positionEndingAt,
  sourceText,
  type SourceText
} from './edits.js'
