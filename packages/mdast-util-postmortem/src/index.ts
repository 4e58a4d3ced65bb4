export {
  bareHeadingKey,
  documentAnchor,
  findSection,
  findSections,
  paragraphText,
  postmortemDocument,
  sectionContent,
  sectionLists,
  sectionOwnContent,
  type PostmortemDocument,
  type Section
} from './document.js'
export {
  checklistItems,
  findField,
  readFields,
  readGroupFields,
  readParagraphFields,
  readPlainFields,
  readLabelledLists,
  bareListFields,
  readListFields,
  readParagraphAndListFields,
  readTableFields,
  labelColon,
  type ChecklistItem,
  type Field,
  type LabelledList
} from './fields.js'
export {emojiOf, fieldsHeadingLabels, hasHeadingPlaceholder, headingKey, headingMatches, isFieldsHeading, normalizeText, repairMojibake, sameHeadingPattern, stripEmoji, withoutHeadingAttributes} from './normalize.js'
export {
  cellText,
  findColumn,
  firstTable,
  readTable,
  rowCell,
  sectionTable,
  unparsedTable,
  type SectionTable,
  type TableModel
} from './table.js'
export {frontMatterLabel, frontMatterNode, type FrontMatterValue, type Toml} from './front-matter.js'
export {
  hasFrontMatterTitle,
  hasTitleHeading,
  headerValue,
  headerVersion,
  incidentDate,
  incidentFacts,
  isTitleKey,
  sectionFieldValue,
  valuePlace,
  type HeaderValue,
  type IncidentFacts,
  type LabelledValue
} from './header.js'
export {actionColumnOf, isTimeHeader, type ActionColumn} from './columns.js'
export {
  angledPattern,
  curlyPattern,
  ellipsisValue,
  genericPlaceholder,
  holdsPlaceholder,
  isEmptyAnswer,
  isHtmlTag,
  isPlaceholderValue,
  placeholderContent,
  placeholderTokens,
  todoMarker,
  type PlaceholderMatch,
  type TemplatePlaceholders
} from './placeholders.js'
export {
  parseMarkdown,
  templateHeaderLabels,
  templateHeaderChoices,
  groupChoices,
  templateHeaderShapes,
  templateVersionPair,
  templateDateFormat,
  templateDateReading,
  templateStatusEmoji,
  templateIncidentField,
  incidentValue,
  type IncidentField,
  templateIncidentFormat,
  templateIncidentLabel,
  templateModel,
  templateText,
  templateModelFromJson,
  templateModelToJson,
  type ActionItemsRole,
  type DurationField,
  type ListFieldGroup,
  type SignOffRole,
  type TemplateExample,
  type TemplatePromptField,
  type TemplatePromptList,
  type TemplateRoles,
  type TemplateSection,
  type TimelineRole,
  type TemplateChecklist,
  type TemplateFields,
  type TemplateHeading,
  type TemplateItem,
  type IncidentFormat,
  type TemplateDeadline,
  type TemplateModel
} from './template.js'
export {
  comparableTimes,
  dateCorrection,
  dateFormatIn,
  exampleLeadIn,
  dayIn,
  isMonthAndDay,
  isoDateFormat,
  isoDateReading,
  unstatedDateFormat,
  parseDate,
  parseDuration,
  parseTime,
  parseVersion,
  cellStatus,
  statusOf,
  choicesIn,
  timeInstant,
  showsDateTime,
  showsDuration,
  shownVersion,
  valueShape,
  withoutNotes,
  type CalendarDate,
  type DateFormat,
  type DateReading,
  type DateOnly,
  type DateTime,
  type Duration,
  type RelativeTime,
  type TimeOfDay,
  type TimeValue,
  type ValueShape
} from './values.js'
export {readTimeline, type Timeline, type TimelineRow} from './timeline.js'
export {allMatches, matchesAnywhere} from './matches.js'
export {perObject} from './memo.js'
export {plainText} from './text.js'
export {listItemDue, ownerText, readActionItems, type ActionItems, type ActionRow} from './action-items.js'
export {headerSlice, headingTexts, sectionSlice, type Slice} from './slices.js'
