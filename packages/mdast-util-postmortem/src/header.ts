import type {Root} from 'mdast'
import type {SemVer} from 'semver'
import {postmortemDocument} from './document.js'
import {findField, readFields, type Field} from './fields.js'
import {perObject} from './memo.js'
import {parseDate, parseVersion, type CalendarDate} from './values.js'

/**
 * What the header says about the incident, for the rules that compare
 * against it. A value is `undefined` when missing or invalid: `metadata`
 * reports that, and the other rules stay silent about comparisons with it.
 */
export interface IncidentFacts {
  /** Header fields before the first rank 2 heading. */
  fields: Field[]
  date: CalendarDate | undefined
  failedVersion: SemVer | undefined
  rolledBackTo: SemVer | undefined
}

/** The incident's header facts; computed once per tree. */
export const incidentFacts: (tree: Root) => IncidentFacts = perObject((tree: Root) => {
  const fields = readFields(postmortemDocument(tree).header)
  const value = (label: string) => findField(fields, label)?.value ?? ''
  return {
    fields,
    date: parseDate(value('Date')),
    failedVersion: parseVersion(value('Failed Version')),
    rolledBackTo: parseVersion(value('Rolled Back To'))
  }
})
