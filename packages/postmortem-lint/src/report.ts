import {relative, resolve, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Log, ReportingDescriptor, Result} from 'sarif'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** Where a message points, as 1-based start and end. */
interface Region {
  startLine: number
  startColumn: number
  endLine?: number
  endColumn?: number
}

/** The name reports give a document read from standard input without `--file-path`. */
export const stdinName = '<stdin>'

/** The file's path relative to its working directory, with `/` separators; `<stdin>` for standard input. */
export function filePath(file: VFile): string {
  if (!file.path) return stdinName
  return relative(file.cwd, resolve(file.cwd, file.path)).split(sep).join('/')
}

/** A relative URI reference for `path`: each segment percent-encoded (`q?x.md` → `q%3Fx.md`). */
export function uriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')
}

function regionOf(place: Position | Point | undefined): Region | undefined {
  if (!place) return undefined
  if (!('start' in place)) return {startLine: place.line, startColumn: place.column}
  return {
    startLine: place.start.line,
    startColumn: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column
  }
}

function levelOf(message: VFileMessage): 'error' | 'warning' | 'note' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules that reported
 * (with their `descriptions`, by rule id, and docs), one result per message,
 * artifact URIs relative to `%SRCROOT%` (the working directory).
 */
export function sarifLog(files: readonly VFile[], version: string, cwd: string, descriptions: ReadonlyMap<string, string>): Log {
  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  const results: Result[] = []

  for (const file of files) {
    for (const message of file.messages) {
      const ruleId = message.ruleId ?? undefined
      if (ruleId && !ruleIndex.has(ruleId)) {
        ruleIndex.set(ruleId, rules.length)
        const rule: ReportingDescriptor = {id: ruleId, name: ruleId, shortDescription: {text: descriptions.get(ruleId) ?? ruleId}}
        if (message.url) rule.helpUri = message.url
        rules.push(rule)
      }

      const region = regionOf(message.place)
      const result: Result = {
        level: levelOf(message),
        message: {text: message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: uriReference(filePath(file)), uriBaseId: '%SRCROOT%'},
              ...(region ? {region} : {})
            }
          }
        ]
      }
      if (ruleId) {
        result.ruleId = ruleId
        result.ruleIndex = ruleIndex.get(ruleId)
      }

      results.push(result)
    }
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            informationUri: 'https://www.npmjs.com/package/postmortem-lint',
            version,
            rules
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd).href.replace(/\/?$/, '/')}},
        results
      }
    ]
  }
}

/** Escape a workflow command's message. */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Escape a workflow command's property value. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/** GitHub Actions workflow commands (`::error file=…,line=…::…`), one line per message. */
export function githubAnnotations(files: readonly VFile[]): string {
  const lines: string[] = []

  for (const file of files) {
    for (const message of file.messages) {
      const level = {error: 'error', warning: 'warning', note: 'notice'}[levelOf(message)]
      const region = regionOf(message.place)
      const properties = [`file=${escapeProperty(filePath(file))}`]
      if (region) {
        properties.push(`line=${region.startLine}`, `col=${region.startColumn}`)
        if (region.endLine !== undefined) properties.push(`endLine=${region.endLine}`)
        if (region.endColumn !== undefined) properties.push(`endColumn=${region.endColumn}`)
      }

      if (message.ruleId) properties.push(`title=${escapeProperty(message.ruleId)}`)
      lines.push(`::${level} ${properties.join(',')}::${escapeData(message.reason)}`)
    }
  }

  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/** `3 files, 1 with findings, 10 errors, 2 warnings`, and how many files a configuration error kept from being linted. */
export function summaryLine(files: readonly VFile[], unchecked = 0): string {
  let errors = 0
  let warnings = 0
  let withFindings = 0
  for (const file of files) {
    if (file.messages.length > 0) withFindings++
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else warnings++
    }
  }

  const parts = [count(files.length, 'file'), `${withFindings} with findings`, count(errors, 'error')]
  if (warnings > 0) parts.push(count(warnings, 'warning'))
  if (unchecked > 0) parts.push(`${count(unchecked, 'file')} not linted`)
  return parts.join(', ')
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`
}
