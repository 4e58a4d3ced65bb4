import type {Point, Position} from 'unist'
import type {HeaderValue} from './header.js'
import type {Report} from './rule.js'

/** What the checks need of a value: where it comes from and its text. */
export type LabelledValue = Pick<HeaderValue, 'field' | 'frontMatter' | 'text'>

/**
 * Reports for `labels` that are missing or empty. `where` names the place in
 * words (`the header`, `` `Sign-Off` ``); `anchor` is where a missing field is
 * reported.
 */
export function requiredFieldReports(
  labels: readonly string[],
  lookup: (label: string) => LabelledValue | undefined,
  where: string,
  anchor: Position | Point | undefined
): Report[] {
  const reports: Report[] = []

  for (const label of labels) {
    const value = lookup(label)
    if (!value) {
      reports.push({
        reason: `Unexpected missing field \`${label}\` in ${where}, expected \`**${label}**: …\``,
        place: anchor,
        expected: [label]
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

/** Where a header value stands: its field, else its front matter key. */
export function valuePlace(value: LabelledValue): Position | Point | undefined {
  return value.field?.place ?? value.frontMatter?.place
}
