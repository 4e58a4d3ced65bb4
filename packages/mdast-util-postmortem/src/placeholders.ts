import {allMatches, matchesAnywhere} from './matches.js'
import {perObject} from './memo.js'

/** A placeholder found in a text: where it starts and what it is. */
export interface PlaceholderMatch {
  index: number
  text: string
}

/**
 * Placeholder tokens teams leave in values: `XXX`, `YYY`, `ZZZ`, `TBA`,
 * `??`, date and time shapes (`YYYY-MM-DD`, `DD/MM/YYYY`, `TT.MM.JJJJ`,
 * `20xx-MM-DD`, `HH:mm`, `HH:MM:SS`, `YYYY-MM-DDTHH:MM:SSZ`), a number left as a letter (`N minutes`,
 * `X hours`, `T+X` for a time counted from the incident's moment), angle placeholders (`<owner>`) and handles that name the part,
 * not a person (`@handle`, `@owner`, `@someone`, `@author`).
 * Every part is bounded or anchored on a different character class: linear
 * on any input.
 */
const tokenPattern =
  /\b(?:YYYY|20[xX]{2})-MM-DD(?:[T ]?HH:(?:mm|MM)(?::SS)?Z?)?\b|\b(?:DD|TT|JJ|MM)(?:\/(?:DD|MM)\/|\.MM\.)(?:YYYY|JJJJ|AAAA)\b|\bHH:(?:mm|MM)(?::SS)?\b|\b(?:XXX+|YYY+|ZZZ+|TBA)\b|\bT ?\+ ?[NXYZ]\b|\b[NX] (?:min(?:ute)?s?|h(?:ou)?rs?|hours?|sec(?:ond)?s?|days?)\b|\?\?+|<[\p{L}@][^<>\n]{0,79}>|\{\{[^{}\n]{1,200}\}\}|(?<![\w@.])@(?:[Hh]andle|[Oo]wner|[Uu]ser(?:name)?|[Nn]ame|[Pp]erson|[Ss]omeone|[Aa]ssignee|[Aa]uthor|[Rr]eviewer)(?![\w/.-])/gu

/**
 * A version left as its placeholder (`vX.Y.Z`, `x.y.z`): a token in a
 * document's value. A template's cell may hold one in its sample text
 * (`Deployment of version X.Y.Z started`), which stays sample text.
 */
const versionToken = /\bv?(?:X\.Y\.Z|x\.y\.z)\b/g

/** Every placeholder token in `value`, in order. */
export function placeholderTokens(value: string): PlaceholderMatch[] {
  // Most values hold none: no arrays to build for them.
  if (!holdsPlaceholderToken(value)) return []
  return [...allMatches(tokenPattern, value), ...allMatches(versionToken, value)]
    .sort((a, b) => a.index - b.index)
    .map((match) => ({index: match.index, text: match[0]}))
}

/** Whether `value` holds any placeholder token: `placeholderTokens(value).length > 0` without collecting them. */
function holdsPlaceholderToken(value: string): boolean {
  return matchesAnywhere(tokenPattern, value) || matchesAnywhere(versionToken, value)
}

/** Bracketed placeholders as a template writes them: `[YYYY-MM-DD]`, `[Name]`. */
export const bracketedPattern = /\[[^[\]\n]{1,200}\]/g

/**
 * Angle placeholders that are text, not HTML, as Markdown reads them:
 * `<Who noticed, for how long.>` (a comma is no attribute), `<例: 約 18 分>`.
 */
export const angledPattern = /<[\p{L}@][^<>\n]{0,79}>/gu

/** Template-engine placeholders, `{{service}}`, `{{ one paragraph }}`, and single-brace ones, `{Incident Title}`. */
export const curlyPattern = /\{\{[^{}\n]{1,200}\}\}|\{[^{}\n]{1,200}\}/g

/** Whether a template value is a placeholder: bracketed, a token, blank, empty, or in braces (`{affected area}`). */
export function isPlaceholderValue(value: string): boolean {
  const text = value.trim()
  if (text === '' || /^_{3,}$/.test(text) || /^\{[^{}\n]{1,200}\}$/.test(text)) return true
  // A version token (`X.Y.Z`) in a template's value is sample text, not a placeholder (see `versionToken`).
  return matchesAnywhere(bracketedPattern, text) || matchesAnywhere(tokenPattern, text)
}

/** The markers of work left to do: `no-placeholders` reports them wherever the template does not write them as a value. */
export const todoMarker = /\b(?:TODO|TBD|FIXME)\b/g

/** What a template says of its placeholders: its own (`[GitHub Issue #]`) and the markers it writes as values (`**TODO**` as a status). */
export interface TemplatePlaceholders {
  placeholders: readonly string[]
  valueMarkers: readonly string[]
}

/** Values that say nothing where the template asks for one: `N/A`, `-`, `?` (`TBD` and `TBA` are placeholders anyway). */
const emptyAnswers = new Set(['n/a', 'na', '-', '--', '?'])

/** Whether `value` is one of the answers that stand for no value (`N/A`, `-`). */
export function isEmptyAnswer(value: string): boolean {
  return emptyAnswers.has(value.trim().toLowerCase())
}

/** Elements teams write in Markdown on purpose; any other `<word …>` is a placeholder. */
const htmlElements = new Set(
  (
    'a abbr b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em figcaption ' +
    'figure font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark meter ol p picture pre progress q rp rt ruby s samp ' +
    'section small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr'
  ).split(' ')
)

/** Whether an inline `<…>` is real HTML (an element teams use, a closing tag, a comment) rather than a placeholder. */
export function isHtmlTag(value: string): boolean {
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(value)?.[1]
  return value.startsWith('<!') || value.startsWith('</') || (name !== undefined && htmlElements.has(name.toLowerCase()))
}

/** A value that is one placeholder and nothing else: `[…]`, `<…>`, `{{…}}` or `{…}`. */
const wholePlaceholder = /^(?:\[([^[\]\n]{1,200})\]|<([^<>\n]{1,80})>|\{\{([^{}\n]{1,200})\}\}|\{([^{}\n]{1,200})\})$/

/** What a value that is nothing but a placeholder holds (`[GitHub Issue #]` → `GitHub Issue #`); `undefined` for any other value. */
export function placeholderContent(value: string): string | undefined {
  const match = wholePlaceholder.exec(value.trim())
  return match ? (match[1] ?? match[2] ?? match[3] ?? match[4]) : undefined
}

/** Placeholder shapes of any template, reported wherever they are: `[YYYY-MM-DD]`, `[Name]`, `[e.g., …]`, `[X minutes …]`. */
export const genericPlaceholder = /\[(?:YYYY-MM-DD|Name|e\.g\.,?[^[\]\n]{0,200}|X [^[\]\n]{0,200})\]/g

const placeholderSet = perObject((placeholders: readonly string[]): ReadonlySet<string> => new Set(placeholders))

/**
 * Whether a value still holds a placeholder that `no-placeholders` reports
 * there: a placeholder token (`YYYY-MM-DD`, `XXX`, `<owner>`), one of the
 * template's own (`[GitHub Issue #]`), a generic one (`[e.g., v1.2.4]`), or
 * a marker (`TBD`) the template does not write as a value. The rules that
 * check values leave such a value to it: one defect, one message.
 */
export function holdsPlaceholder(value: string, template: TemplatePlaceholders): boolean {
  if (holdsPlaceholderToken(value)) return true
  if (matchesAnywhere(genericPlaceholder, value)) return true
  if (allMatches(todoMarker, value).some((match) => !template.valueMarkers.includes(match[0]))) return true
  const known = placeholderSet(template.placeholders)
  for (const pattern of [bracketedPattern, curlyPattern]) {
    for (const match of allMatches(pattern, value)) {
      if (known.has(match[0])) return true
    }
  }

  return false
}

/** A value that is an ellipsis (`...`, `…`), alone or after a label's colon (`Service(s) affected: ...`). */
const ellipsis = /(?:^|:)[ \t]*(\.\.\.|…)[ \t]*$/

/**
 * The ellipsis a text is, or ends a label's value with: a template's
 * placeholder for an answer (`1. ...`, `- Team: ...`), where it has one.
 */
export function ellipsisValue(value: string): PlaceholderMatch | undefined {
  const match = ellipsis.exec(value)
  const text = match?.[1]
  return match && text !== undefined ? {index: match.index + match[0].indexOf(text), text} : undefined
}
