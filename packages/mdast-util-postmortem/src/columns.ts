import {detached, perText} from './memo.js'

/** The columns an action items table may have, by what they hold. */
export type ActionColumn = 'id' | 'action' | 'owner' | 'due' | 'status' | 'ticket'

/**
 * Header words of each action items column, checked in this order so that
 * `Action Item` is the action and `Due Date` the due date. A header belongs
 * to the first column one of whose words it contains. `When` beside `What`
 * and `Who` is the due date; a table that starts with `When` is a timeline
 * (`startsTimeline`).
 */
const actionColumnWords: ReadonlyArray<[ActionColumn, ReadonlySet<string>]> = [
  ['id', new Set(['id', '#', 'no', 'nr'])],
  ['due', new Set(['due', 'eta', 'deadline', 'when', 'by when', 'target date'])],
  ['owner', new Set(['owner', 'owners', 'assignee', 'assignees', 'assigned', 'who', 'responsible', 'dri'])],
  // Also other languages' word for it: a status column has no shape of its own (`| 状態 |` with `未着手 / 完了`, like a `Type` menu).
  ['status', new Set(['status', 'state', 'estado', 'statut', 'stato', '状態', 'ステータス', '状況', '状态', '상태'])],
  ['ticket', new Set(['ticket', 'tickets', 'issue', 'jira', 'tracking', 'link', 'bug', 'tracker'])],
  ['action', new Set(['action', 'actions', 'task', 'description', 'item', 'what', 'follow-up', 'follow up'])]
]

/**
 * Header text without units in parentheses (`Time (UTC)` → `time`), normalised
 * words. Kept per header: every rule that reads a table asks for the words
 * of the same few headers in every document.
 */
const headerWords = perText((normalizedHeader: string): readonly string[] => {
  const bare = normalizedHeader.replace(/\([^()]{0,40}\)/g, ' ').trim()
  const words = bare.split(/[^\p{L}\p{N}#-]+/u).filter((word) => word !== '')
  return [bare, ...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)].map(detached)
}, 1000)

/** Which action items column a normalised header names, if any. */
export function actionColumnOf(normalizedHeader: string): ActionColumn | undefined {
  const words = headerWords(normalizedHeader)
  return actionColumnWords.find(([, names]) => words.some((word) => names.has(word)))?.[0]
}

const timeWords = new Set(['time', 'times', 'timestamp', 'when', 'date', 'datetime', 'date/time'])

/** Whether a normalised header names a column of days alone (`Date`, `Day`), which a separate time column may complete. */
export function isDateHeader(normalizedHeader: string): boolean {
  const [bare] = headerWords(normalizedHeader)
  return bare === 'date' || bare === 'day'
}

/** Whether a normalised header names a timeline's time column (`Time (UTC)`, `When (CET)`, `Timestamp`). */
export function isTimeHeader(normalizedHeader: string): boolean {
  return headerWords(normalizedHeader).some((word) => timeWords.has(word))
}

/**
 * Whether a table whose first header is `normalizedHeader` is a timeline's:
 * it starts with a time (`Time`, `When (CET)`), not with a due date
 * (`Due Date`, `By when`).
 */
export function startsTimeline(normalizedHeader: string): boolean {
  if (!isTimeHeader(normalizedHeader)) return false
  const column = actionColumnOf(normalizedHeader)
  return column === undefined || (column === 'due' && headerWords(normalizedHeader)[0] === 'when')
}
