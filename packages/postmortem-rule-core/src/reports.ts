import type {LabelledValue, SectionTable} from 'mdast-util-postmortem'
import type {Point, Position} from 'unist'
import type {Report} from './rule.js'

/**
 * Reports for `labels` that are missing or empty. `where` names the place in
 * words (`the header`, `` `Sign-Off` ``); `anchor` is where a missing field is
 * reported; `written` shows how the field is written.
 */
export function requiredFieldReports(
  labels: readonly string[],
  lookup: (label: string) => LabelledValue | undefined,
  where: string,
  anchor: Position | Point | undefined,
  written: (label: string) => string = (label) => `**${label}**: …`
): Report[] {
  const reports: Report[] = []

  for (const label of labels) {
    const value = lookup(label)
    if (!value) {
      reports.push({
        reason: `Unexpected missing field \`${label}\` in ${where}, expected \`${written(label)}\``,
        place: anchor
      })
    } else if (value.text.trim() === '') {
      reports.push({
        reason: `Unexpected empty field \`${label}\` in ${where}, expected a value`,
        place: value.field?.place ?? value.frontMatter?.place ?? anchor
      })
    }
  }

  return reports
}

/** The report for a section that should hold a table and does not. */
export function missingTableReport(found: Exclude<SectionTable, {kind: 'table'} | {kind: 'html'}>, section: string, holds: string): Report {
  return found.kind === 'unparsed'
    ? {
        reason: `Unexpected paragraph starting with \`|\` in \`${section}\`, expected a table: the table was not parsed, enable \`remark-gfm\``,
        place: found.paragraph.position
      }
    : {
        reason: `Unexpected missing table in \`${section}\`, expected a table of ${holds}`,
        place: found.heading.position
      }
}

/** Words quoted and joined for a message: `` `a`, `b` or `c` ``. */
export function listOf(words: readonly string[], conjunction: 'and' | 'or'): string {
  const quoted = words.map((word) => '`' + word + '`')
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}` : (quoted[0] ?? '')
}
