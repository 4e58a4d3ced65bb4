/**
 * Seeded generator of realistic deployment-rollback post-mortems, for the
 * benchmarks and the reliability tests.
 */

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same documents.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function random(seed) {
  let state = seed >>> 0
  return function () {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

const words =
  'the deployment pool connection database health check rollback release staging production traffic canary service latency error budget alert runbook config limit capacity queue worker cache replica migration schema timeout retry circuit breaker owner ticket'.split(
    ' '
  )
const events = ['Deployment triggered', 'Canary promoted', 'Health check failed', 'Rollback started', 'Alert fired', 'Services restarted']
const owners = ['@sre', '@devops', '@acme/platform', '@qa', '@dana']
const statuses = ['✅ Done', '🔄 In Progress', '⏸️ Planned', 'Blocked', '‚úÖ Done']

/**
 * @param {() => number} next
 * @param {number} count
 */
function sentence(next, count) {
  const parts = []
  for (let index = 0; index < count; index++) parts.push(words[Math.floor(next() * words.length)])
  const text = parts.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

/**
 * @param {() => number} next
 * @param {number} sentences
 */
function prose(next, sentences) {
  const lines = []
  for (let index = 0; index < sentences; index++) lines.push(sentence(next, 8 + Math.floor(next() * 10)))
  return lines.join(' ')
}

/** @param {number} value */
function pad(value) {
  return String(value).padStart(2, '0')
}

/**
 * One post-mortem.
 * @param {number} seed
 * @param {{timelineRows?: number, actionItems?: number, frontMatter?: boolean}} [options]
 * @returns {{name: string, value: string}}
 */
export function postmortem(seed, options = {}) {
  const next = random(seed)
  const timelineRows = options.timelineRows ?? 8 + Math.floor(next() * 15)
  const actionItems = options.actionItems ?? 3 + Math.floor(next() * 6)
  const day = 1 + Math.floor(next() * 20)
  const date = `2025-11-${pad(day)}`
  const minor = 1 + Math.floor(next() * 9)
  const failed = `v2.${minor}.1`
  const rolledBack = `v2.${minor}.0`
  const startMinutes = 8 * 60 + Math.floor(next() * 240)
  const stepSeconds = Math.max(1, Math.floor((6 * 3600) / Math.max(timelineRows, 1)))
  const timeAt = (/** @type {number} */ row) => {
    const seconds = startMinutes * 60 + row * stepSeconds
    const days = Math.floor(seconds / 86_400)
    const rest = seconds % 86_400
    const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`
    return days === 0 ? clock : `2025-11-${pad(day + days)}T${clock}Z`
  }

  const durationMinutes = Math.round(((timelineRows - 1) * stepSeconds) / 60)
  const lines = []
  if (options.frontMatter ?? next() < 0.3) lines.push('---', `incident_id: "#${100 + seed}"`, 'team: payments', '---')
  lines.push(
    `# Deployment Rollback Post-Mortem: ${failed}`,
    '',
    `**Incident ID**: #${100 + seed}  `,
    `**Date**: ${date}  `,
    `**Failed Version**: ${failed}  `,
    `**Rolled Back To**: ${rolledBack}  `,
    `**Duration**: ${durationMinutes} minutes  `,
    `**Impact**: ${sentence(next, 6)}`,
    '',
    '## Executive Summary',
    '',
    prose(next, 3),
    '',
    '## Constitutional Compliance',
    '',
    '**Article XIII Requirement**: All production rollback incidents require a post-mortem within 48 hours.',
    '',
    '- [x] Post-mortem completed within 48 hours of incident',
    '- [x] Root cause identified and documented',
    '- [x] Action items created and assigned',
    '- [X] Lessons learned documented',
    '- [x] Prevention measures implemented or scheduled',
    '',
    '## Incident Timeline',
    '',
    '| Time (UTC) | Event | Details |',
    '|------------|-------|---------|'
  )
  for (let row = 0; row < timelineRows; row++) {
    lines.push(`| ${timeAt(row)} | ${events[row % events.length]} | ${sentence(next, 5)} |`)
  }

  lines.push(
    '',
    `**Total Duration**: ${durationMinutes} minutes (deploy start to rollback complete)  `,
    '**Downtime**: 0 minutes',
    '',
    '## Root Cause Analysis',
    '',
    '### What Happened?',
    '',
    prose(next, 4),
    '',
    '### Why Did It Happen?',
    '',
    '1. **Why did it fail?** ' + sentence(next, 9),
    '2. **Why?** ' + sentence(next, 9),
    '',
    `**Root Cause**: ${sentence(next, 10)}`,
    '',
    '### Contributing Factors',
    '',
    '- [x] Configuration drift between environments',
    '- [ ] Insufficient documentation',
    '',
    '## Detection and Response',
    '',
    '### How Was It Detected?',
    '',
    prose(next, 2),
    '',
    '### Response Quality',
    '',
    '- **Detection Time**: 5 minutes from deploy start',
    '- **Resolution Time**: 3 minutes from detection',
    '',
    '## Impact Assessment',
    '',
    '### User-Facing Impact',
    '',
    prose(next, 2),
    '',
    '### Business Impact',
    '',
    prose(next, 2),
    '',
    '### Data Integrity',
    '',
    '- [x] No data loss confirmed',
    '- [x] Database integrity verified',
    '',
    '## Remediation Steps Taken',
    '',
    '1. **Immediate Actions** (during incident):',
    '   - [x] Automatic rollback triggered',
    '   - [x] Incident issue created',
    '',
    '## Prevention Measures',
    '',
    '### Immediate Prevention (Implemented)',
    '',
    '- [x] ' + sentence(next, 6),
    '',
    '### Long-Term Prevention (Planned)',
    '',
    `- [ ] ${sentence(next, 5)} (INFRA-${1000 + seed * 10}) - Due: 2025-12-20`,
    '',
    '## Action Items',
    '',
    '| ID | Action | Owner | Due Date | Status | JIRA Ticket |',
    '|----|--------|-------|----------|--------|-------------|'
  )
  for (let item = 0; item < actionItems; item++) {
    const ticket = item === 0 ? `INFRA-${1000 + seed * 10}` : `INFRA-${2000 + seed * 100 + item}`
    lines.push(
      `| ${item + 1} | ${sentence(next, 6)} | ${owners[item % owners.length]} | 2025-12-${pad(1 + (item % 28))} | ${statuses[item % statuses.length]} | ${item % 3 === 0 ? `[${ticket}](https://jira.example.com/browse/${ticket})` : ticket} |`
    )
  }

  lines.push(
    '',
    '## Lessons Learned',
    '',
    '### What Went Well?',
    '',
    '1. ' + sentence(next, 8),
    '',
    '### What Went Poorly?',
    '',
    '1. ' + sentence(next, 8),
    '',
    '### Surprising Discoveries?',
    '',
    '- ' + sentence(next, 8),
    '',
    '## Recommendations',
    '',
    '1. ' + sentence(next, 10),
    '',
    '## Appendix',
    '',
    '### Forensics Artifacts',
    '',
    '- **Logs**: `/var/backups/forensics/' + failed + '/`',
    '',
    '### Related Incidents',
    '',
    '- None',
    '',
    '### Monitoring Dashboards',
    '',
    '- **Pipeline**: https://grafana.example.com/d/pipeline',
    '',
    '### Related Documentation',
    '',
    '- **Runbook**: `docs/runbooks/rollback.md`',
    '',
    '## Sign-Off',
    '',
    '**Post-Mortem Author**: Dana Whitfield  ',
    `**Date Completed**: 2025-11-${pad(day + 1)}  `,
    '**Reviewed By**: Priya Raman (SRE Lead)  ',
    '**Action Items Tracked In**: INFRA-472',
    '',
    '**Constitutional Compliance Verified**:',
    '- [x] Post-mortem completed within 48 hours (Article XIII)',
    '- [x] Root cause identified and documented',
    '- [x] Prevention measures defined',
    '- [x] Action items created with owners and due dates',
    '- [x] Lessons learned documented for future reference',
    ''
  )

  return {name: `${date}-${failed}.md`, value: lines.join('\n')}
}
