import {
  documentAnchor,
  headerValue,
  incidentFacts,
  normalizeText,
  parseDate,
  parseDuration,
  parseVersion,
  postmortemDocument,
  valuePlace,
  type HeaderValue,
  type IncidentFacts
} from 'mdast-util-postmortem'
import {
  type ConfiguredOptions,
  defineRule,
  patternOption,
  remarkRule,
  type Report,
  requiredFieldReports,
  templateOption
} from 'postmortem-rule-core'

/** How a value of one label is read, for validity. */
interface ValueKind {
  expected: string
  read: (text: string) => unknown
}

const defaultIncident = /^(?:#\d+|https?:\/\/\S+\/(?:issues|pull)\/\d+)$/

const kinds: Record<string, ValueKind> = {
  date: {expected: 'a date as `YYYY-MM-DD`', read: parseDate},
  'failed version': {expected: 'a semantic version such as `v1.2.4`', read: parseVersion},
  'rolled back to': {expected: 'a semantic version such as `v1.2.3`', read: parseVersion},
  duration: {
    expected: 'a duration such as `8 minutes` or `1h 5m`',
    read: parseDuration
  }
}

export const metadata = defineRule({
  id: 'metadata',
  description: 'Header fields are present and valid: incident ID, date, versions, duration, impact',
  options: {
    template: templateOption,
    incidentPattern: patternOption(defaultIncident)
  },
  check(tree, {options}) {
    const facts = incidentFacts(tree)
    const labels = options.template.fields.find((group) => group.section === undefined)?.labels ?? []
    const lookup = (label: string) => headerValue(facts, label)
    const reports: Report[] = []
    const yamlNode = tree.children.find((node) => node.type === 'yaml')

    if (facts.frontMatterError !== undefined) {
      reports.push({
        reason: `Unexpected front matter that is not YAML (${facts.frontMatterError}), expected \`key: value\` lines`,
        place: yamlNode?.position
      })
    }

    reports.push(...requiredFieldReports(labels, lookup, 'the header', documentAnchor(postmortemDocument(tree))))

    for (const label of labels) {
      const value = lookup(label)
      if (!value || value.text.trim() === '') continue
      const normalized = normalizeText(label)
      const kind =
        normalized === 'incident id' ? incidentKind(options.incidentPattern, value) : kinds[normalized]

      if (kind && kind.read(value.text) === undefined) {
        reports.push({
          reason: `Unexpected ${label} \`${value.text}\`, expected ${kind.expected}`,
          place: valuePlace(value),
          actual: value.text
        })
      }

      if (!value.agrees && value.field && value.frontMatter) {
        reports.push({
          reason: `Unexpected ${label} \`${value.field.value}\` in the header, expected the front matter's \`${value.frontMatter.value}\` (\`${value.frontMatter.key}\`)`,
          place: value.field.place,
          actual: value.field.value,
          expected: [value.frontMatter.value]
        })
      }
    }

    reports.push(...versionOrder(facts))
    return reports
  }
})

/** Options as configured. */
export type Options = ConfiguredOptions<typeof metadata.options>

export default remarkRule(metadata)

/** Incident ID: `#N` or an issue URL, plain or as a link (its text or its URL). */
function incidentKind(pattern: RegExp, value: HeaderValue): ValueKind {
  const urls = (value.field?.nodes ?? []).flatMap((node) => (node.type === 'link' ? [node.url] : []))
  return {
    expected:
      pattern === defaultIncident
        ? 'an issue reference such as `#123` or an issue URL'
        : `an incident ID matching \`${pattern.source}\``,
    read: (text) => (pattern.test(text.trim()) || urls.some((url) => pattern.test(url)) ? text : undefined)
  }
}

function versionOrder(facts: IncidentFacts): Report[] {
  const {failedVersion, rolledBackTo} = facts
  if (!failedVersion || !rolledBackTo || rolledBackTo.compare(failedVersion) < 0) return []
  const value = headerValue(facts, 'Rolled Back To')
  const failed = headerValue(facts, 'Failed Version')?.text ?? failedVersion.version
  return [
    {
      reason: `Unexpected Rolled Back To \`${value?.text ?? rolledBackTo.version}\`, expected a version lower than the Failed Version \`${failed}\``,
      place: value && valuePlace(value),
      actual: value?.text
    }
  ]
}
