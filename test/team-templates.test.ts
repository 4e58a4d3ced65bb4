import {cpSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint as markdownlint} from 'markdownlint/sync'
import markdownlintRulePostmortem from 'markdownlint-rule-postmortem'
import {loadTemplateSetting, remarkRule} from 'postmortem-rule-core'
import {postmortemRules} from 'postmortem-rules'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {describeTemplate} from '../packages/postmortem-lint/dist/template-command.js'
import {runCli} from './cli.js'
import {busyMachineTimeout, projectFolder, root} from './util.js'

/**
 * Every finding on the team-template fixtures (`fixtures/teams/<team>/`,
 * linted against `fixtures/templates/<team>.md`): each planted defect on its
 * line from the rule that owns it; the first document of each team is clean.
 */
const expected: Record<string, Record<string, string[]>> = {
  'action-tiers': {
    '2026-02-03-order-queue.md': [],
    '2026-04-14-order-queue.md': [
      "24:1 postmortem-action-items Unexpected due date `2026-06-31` in action item 3, expected a date as `YYYY-MM-DD`",
      "26:1 postmortem-sign-off Unexpected missing field `Reviewed by` in `Lessons`, expected `**Reviewed by**: …`",
      "32:1 postmortem-sign-off Unexpected Review date `2026-04-10` before the incident date `2026-04-14`, expected a date on or after it"
    ],
    '2026-05-19-order-queue.md': [
      "20:1 postmortem-action-items Unexpected empty action item 2 in `Actions`, expected what will be done",
      "24:1 postmortem-action-items Unexpected due date `2026-05-01` in action item 3, expected it on or after the incident date `2026-05-19`",
      "13:3 postmortem-no-placeholders Unexpected template placeholder `[Cause]`, expected a value"
    ],
  },
  'bold-lines': {
    '2026-05-05-checkout.md': [],
    '2026-06-09-checkout.md': [
      "16:3 postmortem-timeline-order Unexpected time `13:38` in timeline item 2, earlier than `14:30` in item 1, expected items in chronological order",
      "7:1 postmortem-metadata Unexpected missing field `Impact` in `What rolled back`, expected `**Impact**: …`",
      "10:21 postmortem-metadata Unexpected Rolled Back To `v1.6.0`, expected a version lower than the Failed Version `v1.5.0`"
    ],
    '2026-07-14-checkout.md': [
      "17:3 postmortem-timeline-order Unexpected time `14:3O` in timeline item 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "24:1 postmortem-action-items Unexpected due date `2026-07-01` in action item 2, expected it on or after the incident date `2026-07-14`",
      "5:1 postmortem-metadata Unexpected Severity `Sev2`, expected one of `Critical`, `High` or `Medium`"
    ],
  },
  'bullet-questions': {
    'inc-2026-017.md': [],
    'inc-2026-021.md': [
      "19:1 postmortem-no-placeholders Unexpected template guidance `What led to the incident?` as the content of `Root Cause`, expected your own text",
      "23:1 postmortem-no-placeholders Unexpected template guidance `What made the incident worse?` as the content of `Contributing Factors`, expected your own text",
      "5:20 postmortem-unique-incident Unexpected incident ID `INC-2026-017`, also the incident of `inc-2026-017.md`, expected one post-mortem per incident"
    ],
    'inc-2026-030.md': [
      "35:1 postmortem-action-items Unexpected template example `Follow-up tasks to prevent recurrence.` in action item 1, expected your own action",
      "7:3 postmortem-metadata Unexpected empty field `Duration` in `Incident Details`, expected a value",
      "27:1 postmortem-no-placeholders Unexpected template guidance `What actions were taken to resolve the incident?` as the content of `Resolution`, expected your own text",
      "31:1 postmortem-no-placeholders Unexpected template guidance `What did we learn from this incident?` as the content of `Lessons Learned`, expected your own text"
    ]
  },
  'bracket-menus': {
    '2026-07-09-cart.md': [],
    '2026-08-12-search.md': [
      "18:1 postmortem-timeline-order Unexpected time `14:02` in timeline row 4, earlier than `14:12` in row 3, expected rows in chronological order",
      "59:76 postmortem-action-items Unexpected status `Closed` in action item 2, expected `Open`, `In Progress` or `Done`",
      "60:41 postmortem-action-items Unexpected due date `2026-08-05` in action item 3, expected it on or after the incident date `2026-08-12`",
      "7:1 postmortem-metadata Unexpected Severity `SEV-5`, expected one of `SEV-1`, `SEV-2`, `SEV-3` or `SEV-4`"
    ],
    '2026-09-03-payments.md': [
      "58:75 postmortem-action-items Unexpected status `WIP` in action item 1, expected `Open`, `In Progress` or `Done`",
      "60:29 postmortem-action-items Unexpected owner `SRE team` in action item 3, expected one or more `@handle` or `@org/team`",
      "8:15 postmortem-no-placeholders Unexpected template placeholder `[Who reported]`, expected a value",
      "27:15 postmortem-no-placeholders Unexpected template placeholder `[Start time]`, expected a value",
      "27:30 postmortem-no-placeholders Unexpected template placeholder `[End time]`, expected a value",
      "27:42 postmortem-no-placeholders Unexpected template placeholder `[duration]`, expected a value"
    ]
  },
  braces: {
    '2025-09-14-docs-build.md': [],
    '2025-10-02-docs-build.md': [
      "19:1 postmortem-required-headings Unexpected missing section `Root causes`, expected it after `Timeline (all times in UTC)`",
      "16:1 postmortem-timeline-order Unexpected time `10:2O` in timeline item 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "3:1 postmortem-metadata Unexpected Status `done`, expected one of `draft` or `final`",
      "9:12 postmortem-no-placeholders Unexpected template placeholder `{affected area}`, expected a value"
    ],
    '2025-11-20-search-index.md': [
      "31:5 postmortem-required-headings Unexpected section `What didnt work`, expected `What didn't work`",
      "1:1 postmortem-metadata Unexpected missing field `Owners` in the header, expected `Owners: …`",
      "5:1 postmortem-metadata Unexpected missing field `Component` in `Summary`, expected `Component: …`",
      "33:1 postmortem-no-placeholders Unexpected template placeholder `{things that failed, with the issues filed for them}`, expected a value"
    ],
  },
  'cet-stats': {
    'lager-sync.md': [],
    'preis-import.md': [
      "17:1 postmortem-timeline-order Unexpected time `2025-11-11` in timeline row 2, earlier than `2025-11-12 06:00` in row 1, expected rows in chronological order",
      "29:49 postmortem-action-items Unexpected due date `2025/11/20` in action item 1, expected a date as `YYYY-MM-DD`",
      "30:55 postmortem-action-items Unexpected status `Maybe` in action item 2, expected `Open` or `Done`",
      "35:3 postmortem-metadata Unexpected empty field `Time to resolve` in `Kennzahlen (Stats)`, expected a value",
      "18:11 postmortem-no-placeholders Unexpected placeholder `?? HH:mm`, expected a value",
      "36:20 postmortem-no-placeholders Unexpected placeholder `XXX`, expected a value"
    ],
    'versand-labels.md': [
      "29:1 postmortem-required-headings Unexpected duplicate section `Ursache (Cause)`, expected it once (first on line 19)",
      "33:1 postmortem-metadata Unexpected missing field `Affected orders` in `Kennzahlen (Stats)`, expected `- Affected orders: …`",
      "4:11 postmortem-no-placeholders Unexpected template placeholder `<team>`, expected a value",
      "27:42 postmortem-no-placeholders Unexpected template placeholder `<person>`, expected a value"
    ],
  },
  'curly': {
    'inc-7781.md': [],
    'inc-7790.md': [
      "18:1 postmortem-timeline-order Unexpected time `2025-10-20 14:02` in timeline row 2, earlier than `2025-10-20 14:10` in row 1, expected rows in chronological order",
      "29:58 postmortem-action-items Unexpected status `In review` in action item 1, expected `Open` or `Done`",
      "30:22 postmortem-action-items Unexpected owner `Priya` in action item 2, expected one or more `@handle` or `@org/team`",
      "11:1 postmortem-no-placeholders Unexpected template placeholder `{{one paragraph}}`, expected a value",
      "19:45 postmortem-no-placeholders Unexpected template placeholder `{{name}}`, expected a value",
      "35:18 postmortem-no-placeholders Unexpected template placeholder `{{name}}`, expected a value"
    ],
    'inc-7802.md': [
      "19:1 postmortem-required-headings Unexpected missing section `Contributing Factors`, expected it after `Timeline`",
      "1:1 postmortem-metadata Unexpected missing field `Severity` in the header, expected `| Severity | … |`",
      "1:26 postmortem-no-placeholders Unexpected template placeholder `{{service}}`, expected a value",
      "23:3 postmortem-no-placeholders Unexpected template placeholder `{{task}}`, expected a value",
      "25:1 postmortem-sign-off Unexpected missing field `Approved by` in `Approvals`, expected `**Approved by**: …`",
      "25:1 postmortem-sign-off Unexpected missing field `Approved on` in `Approvals`, expected `**Approved on**: …`"
    ],
    'inc-7820.md': [
      "6:3 postmortem-metadata Unexpected Date `2025-10-32`, expected a date as `YYYY-MM-DD`",
      "7:3 postmortem-metadata Unexpected empty field `Severity` in the header, expected a value"
    ],
  },
  'dated-list': {
    '2026-03-09-search-latency.md': [],
    '2026-04-20-search-latency.md': [
      "19:5 postmortem-timeline-order Unexpected time `2026-04-20 09:12` in timeline item 2, earlier than `2026-04-20 10:05` in item 1, expected items in chronological order",
      "30:52 postmortem-action-items Unexpected owner `kim` in action item 1, expected one or more `@handle` or `@org/team`",
      "6:14 postmortem-no-placeholders Unexpected template placeholder `[Names]`, expected a value"
    ],
    '2026-06-02-search-latency.md': [
      "20:5 postmortem-timeline-order Unexpected time `2026-06-02 25:40` in timeline item 3, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "7:1 postmortem-metadata Unexpected Status `Done`, expected one of `Draft`, `In Review` or `Final`",
      "24:1 postmortem-no-placeholders Unexpected template guidance `Why it broke, and why nothing stopped it.`, expected your own text"
    ],
  },
  days: {
    '2026-01-09-v8.1.0.md': [],
    '2026-02-14-v8.2.0.md': [
      "22:3 postmortem-timeline-order Unexpected time `00:12` in timeline item 3, earlier than `23:55` in item 2, expected items in chronological order",
      "27:1 postmortem-action-items Unexpected action item 1 without an owner (`Idempotency key on fee postings — maya — due 2026-02-20`), expected one or more `@handle` or `@org/team`",
      "28:7 postmortem-no-placeholders Unexpected template placeholder `<action>`, expected a value",
      "28:18 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "28:31 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
    '2026-03-02-v8.3.0.md': [
      "22:3 postmortem-timeline-order Unexpected time `00:1x` in timeline item 3, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "27:1 postmortem-action-items Unexpected due date `2026-02-28` in action item 1, expected it on or after the incident date `2026-03-02`",
      "5:21 postmortem-metadata Unexpected Rolled Back To `v8.3.1`, expected a version lower than the Failed Version `v8.3.0`"
    ],
  },
  'day-tables': {
    '2026-02-11-billing.md': [],
    '2026-02-20-billing.md': [
      "20:1 postmortem-timeline-order Unexpected time `23:3x` in timeline row 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "27:1 postmortem-timeline-order Unexpected time `00:05` in timeline row 4, earlier than `00:15` in row 3, expected rows in chronological order",
      "5:23 postmortem-metadata Unexpected Restored release `v4.2.0`, expected a version lower than the Failed release `v4.1.1`",
      "38:3 postmortem-no-placeholders Unexpected template placeholder `<action>`, expected a value",
      "38:14 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "38:23 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
    '2026-03-30-search.md': [
      "34:4 postmortem-required-headings Unexpected section `Root causes`, expected `Root cause`",
      "26:1 postmortem-timeline-order Unexpected time `22:10` in timeline row 3, earlier than `07:55` in row 2, expected rows in chronological order",
      "43:31 postmortem-action-items Unexpected owner `ines` in action item 2, expected one or more `@handle` or `@org/team`"
    ],
  },
  de: {
    '2026-02-17-v3.8.0.md': [],
    '2026-03-05-v1.4.0.md': [
      "20:1 postmortem-timeline-order Unexpected time `14:30` in timeline row 3, earlier than `14:45` in row 2, expected rows in chronological order",
      "33:39 postmortem-action-items Unexpected owner `Jana` in action item 1, expected one or more `@handle` or `@org/team`",
      "33:46 postmortem-action-items Unexpected due date `01.03.2026` in action item 1, expected it on or after the incident date `05.03.2026`",
      "34:61 postmortem-action-items Unexpected due date `31.04.2026` in action item 2, expected a date as `TT.MM.JJJJ`",
      "34:74 postmortem-action-items Unexpected status `Vielleicht` in action item 2, expected `Offen`, `In Arbeit` or `Erledigt`",
      "3:1 postmortem-metadata Unexpected Vorfall-Nr. `4720`, expected an incident ID such as `INC-XXXX`, as the template writes it",
      "6:24 postmortem-metadata Unexpected Zurückgerollt auf `v1.4.2`, expected a version lower than the Fehlerhafte Version `v1.4.0`",
      "8:1 postmortem-metadata Unexpected Schweregrad `S4`, expected one of `S1`, `S2` or `S3`",
      "39:18 postmortem-no-placeholders Unexpected template placeholder `[Name]`, expected a value",
      "7:1 postmortem-timeline-duration Unexpected header Dauer `2 Stunden`, expected 70 minutes from `14:00` to `15:10` in the timeline"
    ],
    '2026-04-21-v5.0.1.md': [
      "24:1 postmortem-required-headings Unexpected missing section `Ursachenanalyse`, expected it after `Zeitlicher Ablauf`",
      "28:49 postmortem-action-items Unexpected status `Offen / In Arbeit / Erledigt` in action item 1, expected one of `Offen`, `In Arbeit` or `Erledigt`",
      "4:12 postmortem-no-placeholders Unexpected placeholder `TT.MM.JJJJ`, expected a value",
      "7:12 postmortem-no-placeholders Unexpected template placeholder `[X Minuten]`, expected a value",
      "12:1 postmortem-no-placeholders Unexpected template guidance `Zwei bis drei Sätze: Was ist passiert, warum, wie wurde e…`, expected your own text",
      "28:7 postmortem-no-placeholders Unexpected template placeholder `[Beschreibung]`, expected a value",
      "28:25 postmortem-no-placeholders Unexpected template placeholder `[name]`, expected a value",
      "28:34 postmortem-no-placeholders Unexpected template placeholder `[TT.MM.JJJJ]`, expected a value",
      "34:1 postmortem-sign-off Unexpected empty field `Freigegeben am` in `Freigabe`, expected a value"
    ],
  },
  'details-table': {
    '2026-05-14-search-latency.md': [],
    '2026-06-01-gateway-keepalive.md': [
      "21:1 postmortem-timeline-order Unexpected time `08:02` in timeline row 2, earlier than `08:10` in row 1, expected rows in chronological order",
      "27:32 postmortem-action-items Unexpected due date `2026-05-01` in action item 1, expected it on or after the incident date `2026-06-01`",
      "7:3 postmortem-metadata Unexpected Incident `901`, expected an incident ID such as `INC-XXXX`, as the template writes it",
      "10:3 postmortem-metadata Unexpected empty field `Incident lead` in `Incident details`, expected a value"
    ],
    '2026-06-09-billing-export.md': [
      "3:1 postmortem-metadata Unexpected missing field `Severity` in `Incident details`, expected `| Severity | … |`",
      "8:3 postmortem-metadata Unexpected Date `2026-06-31`, expected a date as `YYYY-MM-DD`",
      "7:18 postmortem-no-placeholders Unexpected placeholder `XXXX`, expected a value"
    ],
  },
  dri: {
    '2026-07-08-login.md': [],
    '2026-08-19-search.md': [
      "27:62 postmortem-action-items Unexpected status `Maybe` in action item 1, expected `Done`, `In Progress`, `Planned`, `Blocked`, `Cancelled`, `Open`, `To Do`, `Not Started`, `Completed`, `Complete`, `Closed`, `Resolved`, `On Hold` or `Deferred`",
      "8:3 postmortem-metadata Unexpected empty field `Severity` in `Metadata`, expected a value",
      "22:29 postmortem-no-placeholders Unexpected `TBD` marker, expected the work done or the line removed"
    ],
    '2026-09-02-billing.md': [
      "20:1 postmortem-required-headings Unexpected missing section `Root Cause`, expected it after `Customer Impact`",
      "23:55 postmortem-action-items Unexpected due date `2026-08-30` in action item 1, expected it on or after the incident date `2026-09-02`",
      "24:29 postmortem-action-items Unexpected empty owner in action item 2, expected who will do it"
    ],
  },
  'emoji': {
    'image-service.md': [],
    'thumbnails.md': [
      "17:1 postmortem-timeline-order Unexpected time `10:61` in timeline row 3, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "28:1 postmortem-action-items Unexpected action item 2 without an owner (`Review the tiling code with the imaging team`), expected one or more `@handle` or `@org/team`",
      "19:11 postmortem-no-placeholders Unexpected template placeholder `<what happened or what we did>`, expected a value"
    ],
    'upload-api.md': [
      "27:1 postmortem-required-headings Unexpected missing section `🧠 Lessons`, expected it after `✅ Follow-up Actions`",
      "17:1 postmortem-timeline-order Unexpected time `08:41` in timeline row 3, earlier than `08:44` in row 2, expected rows in chronological order",
      "4:14 postmortem-no-placeholders Unexpected template placeholder `<service>`, expected a value",
      "5:1 postmortem-timeline-duration Unexpected header Duration `15 minutes`, expected 25 minutes from `08:30` to `08:55` in the timeline"
    ],
  },
  'filled-example': {
    '2026-01-21-search.md': [],
    '2026-02-09-search.md': [
      "29:1 postmortem-required-headings Unexpected missing section `What went wrong`, expected it after `What went well` under `Lessons Learned`",
      "35:3 postmortem-timeline-order Unexpected time `23:54` in timeline item 3, earlier than `23:58` in item 2, expected items in chronological order",
      "21:42 postmortem-action-items Unexpected empty owner in action item 2, expected who will do it"
    ],
    '2026-03-03-search.md': [
      "23:4 postmortem-required-headings Unexpected section `Lesons Learned`, expected `Lessons Learned`",
      "38:3 postmortem-timeline-order Unexpected time `23:5` in timeline item 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "8:3 postmortem-metadata Unexpected Date `2026-03-33`, expected a date as `YYYY-MM-DD`",
      "20:73 postmortem-no-placeholders Unexpected `TBD` marker, expected the work done or the line removed"
    ],
  },
  'five-whys': {
    '2026-01-12-search-indexer.md': [],
    '2026-01-20-dns-resolver.md': [
      "43:3 postmortem-timeline-order Unexpected time `2026-01-20 09:19 UTC` in timeline item 5, earlier than `2026-01-20 09:23 UTC` in item 4, expected items in chronological order",
      "62:1 postmortem-action-items Unexpected action item 2 without an owner (`Indexer refuses to publish a schema newer than the oldest…`), expected one or more `@handle` or `@org/team`",
      "63:1 postmortem-action-items Unexpected due date `2026-01-13` in action item 3, expected it on or after the incident date `2026-01-20`",
      "68:3 postmortem-metadata Unexpected Approved on `2026-02-30`, expected a date as `YYYY-MM-DD`"
    ],
    '2026-02-12-queue-backlog.md': [
      "47:1 postmortem-required-headings Unexpected missing section `Five whys`, expected it after `Timeline`",
      "9:1 postmortem-metadata Unexpected Date of incident `12/02/2026`, expected a date as `YYYY-MM-DD`",
      "39:3 postmortem-no-placeholders Unexpected template placeholder `<YYYY-MM-DD HH:MM UTC>`, expected a value",
      "60:16 postmortem-no-placeholders Unexpected template placeholder `<YYYY-MM-DD>`, expected a value"
    ],
  },
  footer: {
    '2025-02-12-payments.md': [],
    '2025-03-18-payments.md': [
      "21:5 postmortem-timeline-order Unexpected time `09:39` in timeline item 3, earlier than `09:40` in item 2, expected items in chronological order",
      "29:56 postmortem-action-items Unexpected due date `2025-02-26` in action item 1, expected it on or after the incident date `2025-03-18`",
      "30:3 postmortem-action-items Unexpected duplicate ID `TASK-01` in action item 2, expected unique IDs (first in action item 1)",
      "6:1 postmortem-metadata Unexpected Status `Done`, expected one of `Draft`, `In Review` or `Final`"
    ],
    '2025-04-02-payments.md': [
      "29:56 postmortem-action-items Unexpected due date `2025-02-26` in action item 1, expected it on or after the incident date `2025-04-02`",
      "30:58 postmortem-action-items Unexpected due date `2025-03-05` in action item 2, expected it on or after the incident date `2025-04-02`",
      "3:1 postmortem-metadata Unexpected Incident ID `2025-22`, expected an incident ID such as `INC-2025-001`, as the template writes it",
      "16:20 postmortem-no-placeholders Unexpected template placeholder `[e.g., 10% of payments declined]`, expected a value",
      "24:1 postmortem-no-placeholders Unexpected template guidance `Why it broke, and why nothing caught it sooner.`, expected your own text"
    ],
  },
  fr: {
    '2026-03-12-paiement.md': [],
    '2026-04-07-paiement.md': [
      "16:1 postmortem-timeline-order Unexpected time `13h12` in timeline row 2, earlier than `14h05` in row 1, expected rows in chronological order",
      "28:51 postmortem-action-items Unexpected due date `01/04/2026` in action item 2, expected it on or after the incident date `07/04/2026`",
      "28:64 postmortem-action-items Unexpected status `Terminé` in action item 2, expected `À faire`, `En cours` or `Fait`",
      "33:1 postmortem-sign-off Unexpected Date de relecture `31/02/2026`, expected a date as `JJ/MM/AAAA`"
    ],
    '2026-05-05-paiement.md': [
      "4:1 postmortem-metadata Unexpected Gravité `critique`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "21:1 postmortem-no-placeholders Unexpected template guidance `Pourquoi c'est arrivé.`, expected your own text",
      "30:1 postmortem-sign-off Unexpected missing field `Relu par` in `Validation`, expected `**Relu par**: …`"
    ],
  },
  'front-matter': {
    '2026-05-02-payments-timeout.md': [],
    '2026-05-09-ledger-export.md': [
      "1:1 postmortem-metadata Unexpected missing field `severity` in the front matter, expected `severity: …`",
      "2:1 postmortem-metadata Unexpected placeholder `<Short title>` for `title` in the front matter, expected a value",
      "3:1 postmortem-metadata Unexpected incident `7731`, expected an incident ID such as `INC-XXXX`, as the template writes it",
      "4:1 postmortem-metadata Unexpected date `2026-13-02`, expected a date as `YYYY-MM-DD`"
    ],
    '2026-05-12-order.md': [
      "24:1 postmortem-timeline-order Unexpected time `2026-05-02 23:10` in timeline row 3, earlier than `2026-05-02 23:19` in row 2, expected rows in chronological order",
      "37:43 postmortem-action-items Unexpected owner `Kenji` in action item 2, expected one or more `@handle` or `@org/team`",
      "38:85 postmortem-action-items Unexpected status `Maybe` in action item 3, expected `Open`, `In progress` or `Done`"
    ],
  },
  'fields': {
    '2025-09-02-v3.8.1.md': [],
    '2025-09-20-v3.9.0.md': [
      "34:57 postmortem-action-items Unexpected due date `2025-09-15` in action item 1, expected it on or after the incident date `2025-09-20`",
      "35:3 postmortem-action-items Unexpected duplicate ID `1` in action item 2, expected unique IDs (first in action item 1)",
      "7:21 postmortem-metadata Unexpected Rolled Back To `v3.9.1`, expected a version lower than the Failed Version `v3.9.0`",
      "41:1 postmortem-sign-off Unexpected Review Date `2025-09-25`, 5 days after the incident on `2025-09-20`, expected within 2 business days: 1 day late",
      "28:1 postmortem-timeline-duration Unexpected Customer Impact Duration `75 minutes` longer than the Total Duration `50 minutes`, expected at most 50 minutes"
    ],
    'search-index-rollback.md': [
      "24:1 postmortem-timeline-order Unexpected time `2025-10-07T25:10:00Z` in timeline row 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "32:1 postmortem-action-items Unexpected action items table without `Owner` column, expected headers `ID`, `Action`, `Owner` and `Due Date`",
      "9:25 postmortem-no-placeholders Unexpected template placeholder `[@handle]`, expected a value",
      "36:1 postmortem-sign-off Unexpected missing field `Reviewed By` in `Review`, expected `**Reviewed By**: …`",
      "1:1 postmortem-file-name Unexpected file name `search-index-rollback.md`, expected `2025-10-07-v4.2.0.md` (from the header's Date and Failed Version)"
    ],
  },
  'heading-placeholder': {
    'cache-stampede.md': [],
    'queue-backlog.md': [
      "10:1 postmortem-required-headings Unexpected missing section `Timeline`, expected it after `Summary` under `Postmortem: <title>`",
      "14:42 postmortem-action-items Unexpected due date `2026-03-10` in action item 1, expected it on or after the incident date `2026-03-18`",
      "4:12 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "15:3 postmortem-no-placeholders Unexpected template placeholder `<action>`, expected a value",
      "15:14 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "15:23 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
    'search-latency.md': [
      "6:5 postmortem-required-headings Unexpected section `Sumary`, expected `Summary`",
      "16:1 postmortem-timeline-order Unexpected time `09:58` in timeline row 3, earlier than `10:09` in row 2, expected rows in chronological order",
      "22:49 postmortem-action-items Unexpected due date `2026-01-20` in action item 1, expected it on or after the incident date `2026-02-03`",
      "1:1 postmortem-metadata Unexpected missing field `Owner` in `Postmortem: <title>`, expected `**Owner**: …`"
    ],
  },
  'impact-list': {
    '2026-03-02-login.md': [],
    '2026-04-14-login.md': [
      "30:33 postmortem-action-items Unexpected empty owner in action item 1, expected who will do it",
      "18:1 postmortem-no-placeholders Unexpected template guidance `[What broke, and why nothing caught it]`, expected your own text",
      "23:3 postmortem-timeline-duration Unexpected Duration `30 minutes`, expected 47 minutes from `09:12` to `09:59` in the timeline"
    ],
    '2026-05-20-login.md': [
      "12:1 postmortem-timeline-order Unexpected time `9.15` in timeline row 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "30:51 postmortem-action-items Unexpected due date `2026-03-35` in action item 2, expected a date as `YYYY-MM-DD`",
      "20:1 postmortem-metadata Unexpected missing field `Support tickets` in `Impact`, expected `- Support tickets: …`"
    ],
  },
  ja: {
    '2026-02-10-search.md': [],
    '2026-04-07-search.md': [
      "32:1 postmortem-timeline-order Unexpected time `09:06` in timeline row 3, earlier than `09:18` in row 2, expected rows in chronological order",
      "49:58 postmortem-action-items Unexpected status `保留` in action item 2, expected `未着手`, `対応中` or `完了`",
      "10:11 postmortem-no-placeholders Unexpected template placeholder `<例: 新しいインデックス設定の誤り>`, expected a value"
    ],
    '2026-06-15-search.md': [
      "37:1 postmortem-required-headings Unexpected missing section `④ 根本原因（Root Cause）`, expected it after `③ タイムライン（Timeline）`",
      "41:27 postmortem-action-items Unexpected owner `佐藤` in action item 1, expected one or more `@handle` or `@org/team`",
      "22:3 postmortem-metadata Unexpected 重大度 `SEV4`, expected one of `SEV1`, `SEV2` or `SEV3`"
    ],
  },
  'lists': {
    '2025-11-03-v2.14.0.md': [],
    '2025-11-20-v3.1.0.md': [
      "21:5 postmortem-timeline-order Unexpected time `09:25` in timeline item 3, earlier than `09:32` in item 2, expected items in chronological order",
      "22:3 postmortem-timeline-order Unexpected timeline item 4 without a time, expected it to start with `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "23:3 postmortem-timeline-order Unexpected time `09:4O` in timeline item 5, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "35:1 postmortem-action-items Unexpected action item 2 without an owner (`Alert on the zero-result rate — due 2025-12-05`), expected one or more `@handle` or `@org/team`",
      "7:25 postmortem-metadata Unexpected Restored version `3.0.4` without `v`, expected `v3.0.4` as the template writes versions"
    ],
    'checkout-rollback.md': [
      "16:1 postmortem-timeline-order Unexpected missing list in `3. Timeline (UTC)`, expected a list of events, each starting with its time",
      "1:1 postmortem-metadata Unexpected missing field `Severity` in the header, expected `- **Severity**: …`",
      "14:1 postmortem-no-placeholders Unexpected template placeholder `<Who noticed, for how long.>`, expected a value",
      "31:16 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value",
      "1:1 postmortem-file-name Unexpected file name `checkout-rollback.md`, expected `2025-12-02-v1.9.0.md` (from the header's Date and Failed Version)"
    ],
  },
  'minimal': {
    'checkout-latency.md': [],
    'payments-outage.md': [
      "35:4 postmortem-required-headings Unexpected section `Learings`, expected `Learnings`",
      "20:1 postmortem-timeline-order Unexpected time `20255-06-12 09:40` in timeline row 3, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "22:1 postmortem-timeline-order Unexpected time `2025-06-12 09:56` in timeline row 5, earlier than `2025-06-12 10:05` in row 4, expected rows in chronological order",
      "32:1 postmortem-action-items Unexpected action item 2 without an owner (`Make the canary send one real authorisation`), expected one or more `@handle` or `@org/team`",
      "33:1 postmortem-action-items Unexpected empty action item 3 in `Follow-ups`, expected what will be done",
      "3:1 postmortem-metadata Unexpected Date `2025-13-03`, expected a date as `YYYY-MM-DD`",
      "5:13 postmortem-no-placeholders Unexpected template placeholder `<handle>`, expected a value",
      "19:14 postmortem-no-placeholders Unexpected placeholder `HH:mm`, expected a value"
    ],
    'search-degraded.md': [
      "21:1 postmortem-required-headings Unexpected missing section `Why`, expected it after `What Happened`",
      "4:1 postmortem-no-placeholders Unexpected `N/A` for `Severity`, expected a value: the template asks for one",
      "9:1 postmortem-no-placeholders Unexpected template guidance `One paragraph: what broke, for whom, and for how long.`, expected your own text",
      "17:1 postmortem-no-placeholders Unexpected template example row `| YYYY-MM-DD HH:mm | Example: deploy of v1.4.2 started by…` in `What Happened` with only its placeholders filled in, expected your own",
      "23:7 postmortem-no-placeholders Unexpected template placeholder `<action>`, expected a value",
      "23:17 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "28:1 postmortem-no-placeholders Unexpected `TODO` marker, expected the work done or the line removed"
    ],
  },
  names: {
    '2026-04-02-checkout.md': [],
    '2026-04-19-search.md': [
      "13:47 postmortem-action-items Unexpected empty owner in action item 1, expected who will do it",
      "14:57 postmortem-action-items Unexpected due date `2026-04-12` in action item 2, expected it on or after the incident date `2026-04-19`",
      "15:56 postmortem-action-items Unexpected status `Someday` in action item 3, expected `Open` or `Done`"
    ],
    '2026-05-07-login.md': [
      "5:1 postmortem-required-headings Unexpected missing section `Summary`, expected it as the first section",
      "9:44 postmortem-action-items Unexpected status `Open / Done` in action item 1, expected one of `Open` or `Done`",
      "1:20 postmortem-no-placeholders Unexpected template placeholder `[title]`, expected a value",
      "9:22 postmortem-no-placeholders Unexpected template placeholder `[Name]`, expected a value"
    ],
  },
  'numbered-sections': {
    '2026-10-02-ledger.md': [],
    '2026-10-20-exports.md': [
      "32:5 postmortem-timeline-order Unexpected time `2026-10-20 08:48` in timeline item 4, earlier than `2026-10-20 09:31` in item 3, expected items in chronological order",
      "7:1 postmortem-metadata Unexpected Status `Published`, expected one of `Draft`, `In Review` or `Final`",
      "22:3 postmortem-no-placeholders Unexpected template guidance `Was there any data loss or corruption?` as the value of `Data Loss`, expected your own text"
    ],
    '2026-11-05-webhooks.md': [
      "14:1 postmortem-no-placeholders Unexpected template guidance `A brief, one-paragraph summary of the incident. What happ…`, expected your own text",
      "22:3 postmortem-no-placeholders Unexpected template guidance `Was there any financial or reputational impact?` as the value of `Business Impact`, expected your own text",
      "47:60 postmortem-no-placeholders Unexpected template placeholder `[@owner]`, expected a value"
    ]
  },
  'numbered': {
    '2025-12-03-checkout.md': [],
    '2025-12-09-search.md': [
      "45:60 postmortem-action-items Unexpected due date `2025-12-32` in action item 2, expected a date as `YYYY-MM-DD`",
      "45:73 postmortem-action-items Unexpected status `Closed` in action item 2, expected `Open`, `In progress` or `Done`",
      "8:3 postmortem-metadata Unexpected Severity `SEV1 / SEV2 / SEV3`, expected one of `SEV1`, `SEV2` or `SEV3`"
    ],
    '2025-12-11-payments.md': [
      "18:1 postmortem-required-headings Unexpected empty section `2. Impact`, expected content before the next heading",
      "27:1 postmortem-timeline-order Unexpected time `2025-12-11T09:40Z` in timeline row 2, earlier than `2025-12-11T10:00Z` in row 1, expected rows in chronological order",
      "38:33 postmortem-action-items Unexpected due date `2025-12-01` in action item 1, expected it on or after the incident date `2025-12-11`",
      "38:46 postmortem-action-items Unexpected status `WIP` in action item 1, expected `Open`, `In progress` or `Done`",
      "7:3 postmortem-metadata Unexpected Severity `SEV5`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "9:22 postmortem-metadata Unexpected Restored release `v7.0.2`, expected a version lower than the Bad release `v7.0.1`",
      "10:24 postmortem-no-placeholders Unexpected placeholder `@handle`, expected a value",
      "38:23 postmortem-no-placeholders Unexpected placeholder `@handle`, expected a value"
    ],
  },
  'overview': {
    '2025-12-12-api.md': [],
    '2025-12-15-auth.md': [
      "24:1 postmortem-action-items Unexpected due date `2025-12-10` in action item 1, expected it on or after the incident date `2025-12-15`",
      "3:1 postmortem-metadata Unexpected missing field `Severity` in `Overview`, expected `**Severity**: …`",
      "7:21 postmortem-metadata Unexpected Rolled back to `v5.2.1`, expected a version lower than the Failed release `v5.2.0`",
      "8:1 postmortem-timeline-duration Unexpected Duration `55 minutes`, expected 25 minutes from `13:10` to `13:35` in the timeline"
    ],
    '2025-12-18-billing.md': [
      "20:1 postmortem-timeline-order Unexpected time `15:45` in timeline row 2, earlier than `16:00` in row 1, expected rows in chronological order",
      "5:1 postmortem-metadata Unexpected Date `2025-12-32`, expected a date as `YYYY-MM-DD`",
      "6:1 postmortem-metadata Unexpected Severity `SEV4`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "9:1 postmortem-metadata Unexpected empty field `Duration` in `Overview`, expected a value"
    ],
  },
  pt: {
    '2025-11-03-checkout.md': [],
    '2025-11-20-checkout.md': [
      "12:3 postmortem-metadata Unexpected Severidade `P5`, expected one of `P1`, `P2` or `P3`",
      "11:13 postmortem-no-placeholders Unexpected template placeholder `[Tempo total de impacto]`, expected a value",
      "18:1 postmortem-no-placeholders Unexpected template lead-in `Exemplo:`, expected your own text instead of the template's example"
    ],
    '2025-12-08-checkout.md': [
      "22:1 postmortem-required-headings Unexpected missing section `💡 Causa raiz`, expected it after `🔍 Detecção`",
      "9:3 postmortem-metadata Unexpected ID `2250`, expected an incident ID such as `INC-XXXX`, as the template writes it",
      "23:1 postmortem-sign-off Unexpected missing `Revisor técnico` row in `👥 Responsáveis`, expected `| Revisor técnico | … |`"
    ],
  },
  report: {
    '2026-04-09-bookings.md': [],
    '2026-05-21-bookings.md': [
      "40:1 postmortem-action-items Unexpected action item 1 without an owner (`Restore the index in a migration - Due: 2026-05-25`), expected one or more `@handle` or `@org/team`",
      "41:1 postmortem-action-items Unexpected due date `2026-05-20` in action item 2, expected it on or after the incident date `2026-05-21`",
      "5:1 postmortem-timeline-duration Unexpected header Duration `09:10 - 09:58`, expected 30 minutes from `09:10` to `09:40` in the timeline"
    ],
    '2026-06-30-payments.md': [
      "38:1 postmortem-required-headings Unexpected missing section `This Quarter`, expected it after `This Week` under `Action Items`",
      "6:15 postmortem-no-placeholders Unexpected template placeholder `[SEV1 / SEV2 / SEV3]`, expected a value",
      "40:1 postmortem-no-placeholders Unexpected template guidance `Remove this section in the actual report.`, expected your own text"
    ],
  },
  prompts: {
    '2026-02-17-ci-cache.md': [],
    '2026-03-03-deploy.md': [
      "26:28 postmortem-action-items Unexpected empty owner in action item 1, expected one or more `@handle` or `@org/team`",
      "11:1 postmortem-no-placeholders Unexpected template guidance `Who was affected? (Users, Developers, CI) How long did it…`, expected your own text",
      "16:6 postmortem-no-placeholders Unexpected template guidance `Answer...`, expected your own text"
    ],
    '2026-04-22-flaky-tests.md': [
      "3:13 postmortem-no-placeholders Unexpected template placeholder `[Link to Issue/PR]`, expected a value",
      "20:1 postmortem-no-placeholders Unexpected template guidance `How long did it take to fix?`, expected your own text",
      "25:37 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value"
    ],
  },
  questions: {
    '2026-06-02-registry.md': [],
    '2026-07-14-pages.md': [
      "15:1 postmortem-required-headings Unexpected empty section `Metrics`, expected content before the next heading",
      "3:1 postmortem-metadata Unexpected empty field `Incident` in the header, expected a value",
      "5:1 postmortem-metadata Unexpected missing field `Team attribution` in `Summary`, expected `2. Team attribution: …`",
      "12:4 postmortem-metadata Unexpected empty field `Time to detection` in `Summary`, expected a value"
    ],
    '2026-08-03-runners.md': [
      "46:4 postmortem-required-headings Unexpected section `Post-Incident Analyses`, expected `Post Incident Analysis`",
      "57:1 postmortem-no-placeholders Unexpected `TBD` marker, expected the work done or the line removed",
      "3:1 postmortem-unique-incident Unexpected incident ID `https://gitlab.com/gitlab-com/gl-infra/production/-/issues/18231`, also the incident of `2026-06-02-registry.md`, expected one post-mortem per incident"
    ],
  },
  relative: {
    '2026-03-04-payments.md': [],
    '2026-05-14-search.md': [
      "26:1 postmortem-timeline-order Unexpected time `T+15m` in timeline row 4, earlier than `T+25m` in row 3, expected rows in chronological order",
      "28:1 postmortem-timeline-order Unexpected time `T+soon` in timeline row 6, expected a time counted from the timeline's moment (`T+0:15`, `T-5m`, `T+1h 05m`)",
      "9:3 postmortem-metadata Unexpected Time to restore `a good while`, expected a duration such as `8 minutes` or `1h 5m`",
      "32:1 postmortem-no-placeholders Unexpected template placeholder `<Root cause.>`, expected a value",
      "39:7 postmortem-no-placeholders Unexpected template placeholder `<action>`, expected a value",
      "39:18 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "39:27 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
    '2026-06-02-auth.md': [
      "37:50 postmortem-action-items Unexpected due date `2026-05-30` in action item 2, expected it on or after the incident date `2026-06-02`",
      "8:22 postmortem-metadata Unexpected Restored release `v1.9.3`, expected a version lower than the Bad release `v1.9.0`",
      "42:1 postmortem-sign-off Unexpected Review date `2026-06-01` before the incident date `2026-06-02`, expected a date on or after it"
    ],
  },
  'tiered-tables': {
    '2026-02-08-checkout.md': [],
    '2026-03-17-search.md': [
      "105:55 postmortem-action-items Unexpected due date `2026-03-01` in action item 1, expected it on or after the incident date `2026-03-17`",
      "105:68 postmortem-action-items Unexpected status `Started` in action item 1, expected `Open`, `In Progress` or `Done`",
      "7:1 postmortem-timeline-duration Unexpected header Duration `40 minutes`, expected 52 minutes from `14:23` to `15:15` in the timeline"
    ],
    '2026-05-02-payments.md': [
      "42:1 postmortem-timeline-order Unexpected time `14:04` in timeline row 5, earlier than `14:35` in row 4, expected rows in chronological order",
      "3:1 postmortem-metadata Unexpected Status `Done`, expected one of `Draft`, `Review` or `Final`",
      "59:1 postmortem-no-placeholders Unexpected template placeholder `[Answer]`, expected a value"
    ]
  },
  zh: {
    '2026-07-08-order.md': [],
    '2026-07-20-payment.md': [
      "12:3 postmortem-timeline-order Unexpected time `10:10` in timeline item 2, earlier than `10:30` in item 1, expected items in chronological order",
      "22:10 postmortem-action-items Unexpected owner `@负责人` in action item 1, expected one or more `@handle` or `@org/team`",
      "22:30 postmortem-action-items Unexpected status `进行中 / 已完成` in action item 1, expected one of `进行中` or `已完成`",
      "6:3 postmortem-metadata Unexpected empty field `时长` in `概要`, expected a value",
      "8:3 postmortem-metadata Unexpected 严重级别 `P5`, expected one of `P1`, `P2` or `P3`",
      "17:3 postmortem-metadata Unexpected empty field `系统性原因` in `根因`, expected a value",
      "13:3 postmortem-no-placeholders Unexpected placeholder `HH:MM`, expected a value",
      "22:3 postmortem-no-placeholders Unexpected template placeholder `[行动]`, expected a value",
      "22:17 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
    '2026-08-02-search.md': [
      "22:38 postmortem-action-items Unexpected status `待办` in action item 1, expected `进行中` or `已完成`",
      "7:3 postmortem-metadata Unexpected empty field `影响范围` in `概要`, expected a value",
      "6:3 postmortem-timeline-duration Unexpected 时长 `1小时10分钟`, expected 50 minutes from `09:00` to `09:50` in the timeline"
    ]
  },
  'code-values': {
    '2026-11-03-login.md': [],
    '2026-11-20-search.md': [
      "29:1 postmortem-timeline-order Unexpected time `10:10` in timeline row 2, earlier than `10:30` in row 1, expected rows in chronological order",
      "9:1 postmortem-metadata Unexpected Severity `Urgent`, expected one of `Critical`, `High`, `Medium` or `Low`",
      "5:18 postmortem-no-placeholders Unexpected template placeholder `INCIDENT-YYYY-MM-DD-HHMM`, expected a value",
      "7:11 postmortem-no-placeholders Unexpected template placeholder `[Incident date]`, expected a value",
      "20:23 postmortem-no-placeholders Unexpected template placeholder `[Number or percentage]`, expected a value",
      "35:3 postmortem-no-placeholders Unexpected template placeholder `[Action]`, expected a value",
      "35:16 postmortem-no-placeholders Unexpected template placeholder `[@owner]`, expected a value",
      "35:29 postmortem-no-placeholders Unexpected template placeholder `[YYYY-MM-DD]`, expected a value"
    ],
    '2026-11-24-billing.md': [
      "10:1 postmortem-metadata Unexpected Status `Monitoring`, expected one of `Resolved` or `Closed`",
      "6:12 postmortem-no-placeholders Unexpected template placeholder `[Incident title]`, expected a value",
      "8:1 postmortem-timeline-duration Unexpected Duration `2 hours`, expected 45 minutes from `14:02` to `14:47` in the timeline"
    ]
  },
  'reference-sections': {
    '2026-10-01-api.md': [],
    '2026-10-14-web.md': [
      "30:48 postmortem-action-items Unexpected empty owner in action item 1, expected one or more `@handle` or `@org/team`",
      "11:1 postmortem-metadata Unexpected Severity `SEV4`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "24:1 postmortem-no-placeholders Unexpected template placeholder `[Why it happened.]`, expected a value"
    ],
    '2026-11-02-jobs.md': [
      "17:1 postmortem-required-headings Unexpected missing section `Root Cause`, expected it after `Timeline`",
      "15:1 postmortem-timeline-order Unexpected time `01:55` in timeline row 2, earlier than `02:10` in row 1, expected rows in chronological order",
      "8:1 postmortem-no-placeholders Unexpected template placeholder `[Two or three sentences.]`, expected a value"
    ]
  },
  es: {
    '2026-09-03-pagos.md': [],
    '2026-09-15-catalogo.md': [
      "20:1 postmortem-timeline-order Unexpected time `16:20` in timeline row 3, earlier than `16:45` in row 2, expected rows in chronological order",
      "30:39 postmortem-action-items Unexpected empty owner in action item 1, expected one or more `@handle` or `@org/team`",
      "30:56 postmortem-action-items Unexpected status `Pendiente` in action item 1, expected `Abierta` or `Cerrada`",
      "6:18 postmortem-metadata Unexpected Revertido a `v2.0.1`, expected a version lower than the Versión fallida `v2.0.0`",
      "8:1 postmortem-metadata Unexpected Severidad `SEV5`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "12:1 postmortem-no-placeholders Unexpected template guidance `¿Qué pasó y a quién afectó? Dos o tres frases.`, expected your own text",
      "35:19 postmortem-no-placeholders Unexpected template placeholder `[Nombre]`, expected a value",
      "36:1 postmortem-sign-off Unexpected Fecha de revisión `14/09/2026` before the incident date `15/09/2026`, expected a date on or after it",
      "7:1 postmortem-timeline-duration Unexpected header Duración `10 minutos`, expected 20 minutes from `16:00` to `16:20` in the timeline"
    ],
    '2026-10-06-busqueda.md': [
      "31:38 postmortem-action-items Unexpected status `Abierta / Cerrada` in action item 1, expected one of `Abierta` or `Cerrada`",
      "25:1 postmortem-no-placeholders Unexpected template guidance `¿Por qué falló el cambio?`, expected your own text",
      "31:3 postmortem-no-placeholders Unexpected template placeholder `[Acción]`, expected a value",
      "31:25 postmortem-no-placeholders Unexpected placeholder `DD/MM/AAAA`, expected a value",
      "7:1 postmortem-timeline-duration Unexpected header Duración `1 hora`, expected 25 minutes from `12:00` to `12:25` in the timeline"
    ]
  },
  'rollback-issue': {
    '2026-06-10-orders.md': [],
    '2026-06-18-payments.md': [
      "29:1 postmortem-action-items Unexpected template example `Action (owner, due date)` in action item 1, expected your own action",
      "12:25 postmortem-metadata Unexpected Restored Version `v2.1.0`, expected a version lower than the Bad Version `v2.0.0`",
      "7:20 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD HH:MM`, expected a value"
    ],
    '2026-07-02-search.md': [
      "21:1 postmortem-timeline-order Unexpected time `19:12` in timeline row 3, earlier than `19:31` in row 2, expected rows in chronological order",
      "5:3 postmortem-metadata Unexpected empty field `Severity` in `Summary`, expected a value",
      "12:25 postmortem-no-placeholders Unexpected placeholder `vX.Y.Z`, expected a value"
    ]
  },
  mustache: {
    '2026-04-02-cdn.md': [],
    '2026-04-19-checkout.md': [
      "18:5 postmortem-timeline-order Unexpected time `13:50` in timeline item 2, earlier than `14:05` in item 1, expected items in chronological order",
      "11:1 postmortem-metadata Unexpected empty field `Users Affected` in `Impact Assessment`, expected a value",
      "5:1 postmortem-no-placeholders Unexpected template placeholder `{{problem_description}}`, expected a value",
      "16:1 postmortem-no-placeholders Unexpected template placeholder `{{#timeline_events}}`, expected a value",
      "19:1 postmortem-no-placeholders Unexpected template placeholder `{{/timeline_events}}`, expected a value",
      "22:9 postmortem-no-placeholders Unexpected template placeholder `{{answer_1}}`, expected a value",
      "26:1 postmortem-no-placeholders Unexpected template placeholder `{{category}}`, expected a value"
    ],
    '2026-05-07-search.md': [
      "10:15 postmortem-no-placeholders Unexpected template placeholder `{{severity_level}}`, expected a value",
      "31:7 postmortem-no-placeholders Unexpected template placeholder `{{prevention_action_1}}`, expected a value",
      "13:1 postmortem-timeline-duration Unexpected Duration `20 minutes`, expected 47 minutes from `16:00` to `16:47` in the timeline"
    ]
  },
  fenced: {
    '2026-05-12-checkout.md': [],
    '2026-06-03-search.md': [
      "9:3 postmortem-timeline-order Unexpected time `09:18` in timeline item 3, earlier than `09:31` in item 2, expected items in chronological order",
      "3:1 postmortem-metadata Unexpected Severity `SEV4`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "4:13 postmortem-no-placeholders Unexpected template placeholder `[share of users affected, failed requests]`, expected a value",
      "17:3 postmortem-no-placeholders Unexpected template placeholder `[What let the change through?]`, expected a value"
    ],
    '2026-07-21-auth.md': [
      "12:1 postmortem-required-headings Unexpected empty section `Root Cause`, expected content before the next heading",
      "17:1 postmortem-required-headings Unexpected empty section `Action Items`, expected content before the next heading",
      "17:1 postmortem-action-items Unexpected missing list in `Action Items`, expected a list of actions",
      "1:14 postmortem-no-placeholders Unexpected template placeholder `[Service and version]`, expected a value"
    ]
  },
  'parenthesized-choice': {
    '2026-09-22-billing.md': [],
    '2026-10-01-billing-retry.md': [
      "16:1 postmortem-timeline-order Unexpected time `08:35` in timeline row 3, earlier than `08:41` in row 2, expected rows in chronological order",
      "5:3 postmortem-metadata Unexpected Severity `(S1/S2/S3)`, expected one of `S1`, `S2` or `S3`",
      "24:1 postmortem-no-placeholders Unexpected template guidance `Steps taken to mitigate; Permanent fixes required` as the content of `Mitigation & resolution`, expected your own text"
    ],
    '2026-10-15-billing-alert.md': [
      "31:43 postmortem-action-items Unexpected empty owner in action item 2, expected who will do it",
      "6:3 postmortem-metadata Unexpected empty field `Owner` in the header, expected a value",
      "34:1 postmortem-no-placeholders Unexpected template guidance `What went well?; What could be improved?; How will we pre…` as the content of `Lessons learned`, expected your own text"
    ]
  },
  'code-block-timeline': {
    '2026-08-03-cache.md': [],
    '2026-09-14-search.md': [
      "12:3 postmortem-timeline-order Unexpected time `14:09` in timeline item 4, earlier than `14:20` in item 3, expected items in chronological order",
      "23:1 postmortem-action-items Unexpected template example `Preventative measure 2` in action item 2, expected your own action",
      "16:1 postmortem-no-placeholders Unexpected template guidance `Describe the underlying factors that led to the incident.`, expected your own text"
    ],
    '2026-10-20-auth.md': [
      "26:1 postmortem-required-headings Unexpected empty section `Lessons Learned`, expected content before the next heading",
      "4:1 postmortem-no-placeholders Unexpected template guidance `Provide a brief description of what happened, including s…`, expected your own text",
      "20:1 postmortem-no-placeholders Unexpected template guidance `Explain how the issue was resolved and services were rest…`, expected your own text"
    ]
  },
  'heading-events': {
    '2026-02-11--archive-uploads.md': [],
    '2026-03-02--archive-uploads-again.md': [
      "36:1 postmortem-action-items Unexpected template example `Bulleted` in action item 1, expected your own action",
      "37:1 postmortem-action-items Unexpected template example `List` in action item 2, expected your own action",
      "5:1 postmortem-no-placeholders Unexpected template guidance `Summary of event. Describe what went wrong and the overal…`, expected your own text",
      "21:1 postmortem-no-placeholders Unexpected template guidance `What happened.`, expected your own text"
    ],
    '2026-04-07--crawler-queue.md': [
      "40:1 postmortem-required-headings Unexpected empty section `Responders`, expected content before the next heading",
      "1:3 postmortem-no-placeholders Unexpected template placeholder `[Date]`, expected a value",
      "19:5 postmortem-no-placeholders Unexpected template placeholder `[Date and time]`, expected a value",
      "32:1 postmortem-no-placeholders Unexpected template guidance `Bulleted; List` as the content of `What Went Wrong`, expected your own text"
    ]
  },
  'code-times': {
    'INC-2026-014.md': [],
    'INC-2026-015.md': [
      "21:4 postmortem-timeline-order Unexpected time `06:20` in timeline item 2, earlier than `06:40` in item 1, expected items in chronological order",
      "10:4 postmortem-metadata Unexpected empty field `Scribe` in `Metadata`, expected a value",
      "22:4 postmortem-no-placeholders Unexpected template placeholder `HH:MM`, expected a value"
    ],
    'INC-2026-022.md': [
      "15:4 postmortem-metadata Unexpected empty field `Scope` in `Summary`, expected a value",
      "32:4 postmortem-metadata Unexpected empty field `Owner` in `Follow-ups`, expected a value",
      "21:4 postmortem-no-placeholders Unexpected template placeholder `HH:MM`, expected a value"
    ]
  },
  'ellipsis-timeline': {
    'INC-20260312-01.md': [],
    'INC-20260313-01.md': [
      "30:1 postmortem-required-headings Unexpected empty section `Lessons Learned`, expected content before the next heading",
      "15:3 postmortem-timeline-order Unexpected time `02:27` in timeline item 4, earlier than `03:05` in item 3, expected items in chronological order",
      "26:1 postmortem-action-items Unexpected template example `Add alert for X` in action item 2, expected your own action",
      "8:3 postmortem-metadata Unexpected Severity `SEV1/SEV2/SEV3`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "7:3 postmortem-no-placeholders Unexpected template guidance `(services/users affected)` as the value of `Impact`, expected your own text"
    ],
    'INC-2026-03-20.md': [
      "5:3 postmortem-metadata Unexpected empty field `End Time` in the header, expected a value",
      "14:22 postmortem-no-placeholders Unexpected template placeholder `<name>`, expected a value",
      "17:3 postmortem-no-placeholders Unexpected template placeholder `...`, expected a value"
    ]
  },
  'prompt-lists': {
    '2026-10-02-router.md': [],
    '2026-10-03-router-retry.md': [
      "4:3 postmortem-metadata Unexpected Severity `P0 / P1 / P2`, expected one of `P0`, `P1` or `P2`",
      "9:1 postmortem-no-placeholders Unexpected template guidance `Provide a concise description of what happened and curren…`, expected your own text",
      "14:1 postmortem-no-placeholders Unexpected template guidance `Affected services / workflows; User impact assessment; Du…` as the content of `2. Impact`, expected your own text",
      "43:19 postmortem-no-placeholders Unexpected blank `__________________`, expected it filled in or removed"
    ],
    '2026-11-12-embeddings.md': [
      "21:1 postmortem-timeline-order Unexpected time `08:55` in timeline row 3, earlier than `09:10` in row 2, expected rows in chronological order",
      "25:3 postmortem-metadata Unexpected empty field `Contributing factors` in `4. Root Cause`, expected a value",
      "50:1 postmortem-no-placeholders Unexpected template guidance `Stakeholder notifications sent (channels + timestamps); E…` as the content of `10. Communication`, expected your own text"
    ]
  },
  'numbered-steps': {
    '2026-07-08-store-locator.md': [],
    '2026-08-19-image-resizer.md': [
      "8:3 postmortem-metadata Unexpected empty field `Impact` in `Summary`, expected a value",
      "13:4 postmortem-metadata Unexpected empty field `Decision to Roll Back` in `Timeline`, expected a value",
      "19:1 postmortem-no-placeholders Unexpected template guidance `Describe the primary factors that led to the rollback.`, expected your own text"
    ],
    '2026-09-30-feature-flags.md': [
      "17:1 postmortem-required-headings Unexpected empty section `Root Cause`, expected content before the next heading",
      "6:3 postmortem-metadata Unexpected empty field `Rollback Triggered By` in `Summary`, expected a value",
      "15:4 postmortem-metadata Unexpected empty field `Post-Rollback Verification` in `Timeline`, expected a value"
    ]
  },
  'plain-prompts': {
    '2026-05-12-payments.md': [],
    '2026-05-13-checkout.md': [
      "34:35 postmortem-action-items Unexpected empty owner in action item 2, expected who will do it",
      "28:3 postmortem-no-placeholders Unexpected template guidance `Example: alert noise, missing runbook, unclear ownership`, expected your own text",
      "37:1 postmortem-no-placeholders Unexpected template guidance `List the specific guardrails, monitoring improvements, au…`, expected your own text",
      "7:3 postmortem-timeline-duration Unexpected Duration `25 minutes`, expected 38 minutes from `09:14` to `09:52` in the timeline"
    ],
    '2026-06-02-search.md': [
      "33:47 postmortem-action-items Unexpected empty due date in action item 1, expected a date as `YYYY-MM-DD`",
      "11:1 postmortem-no-placeholders Unexpected template guidance `Short narrative of the incident and the key contributing …`, expected your own text",
      "15:3 postmortem-no-placeholders Unexpected placeholder `T+X`, expected a value",
      "24:3 postmortem-no-placeholders Unexpected template guidance `Example: fast rollback, good comms cadence, effective ale…`, expected your own text"
    ]
  },
  'time-slots': {
    '2026-09-09-queue.md': [],
    '2026-10-14-billing-export.md': [
      "20:3 postmortem-timeline-order Unexpected time `01:58` in timeline item 3, earlier than `02:04` in item 2, expected items in chronological order",
      "7:3 postmortem-metadata Unexpected empty field `Severity` in `Summary`, expected a value",
      "12:1 postmortem-no-placeholders Unexpected template guidance `What happened?; Who/what was affected?; Duration of impact?` as the content of `Impact`, expected your own text"
    ],
    '2026-11-03-login-rate-limit.md': [
      "18:3 postmortem-timeline-order Unexpected timeline item 1 without a time, expected it to start with `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "39:1 postmortem-action-items Unexpected template example `Item 1 (Owner, Due date)` in action item 1, expected your own action",
      "25:3 postmortem-metadata Unexpected empty field `Contributing factors` in `Root Cause`, expected a value"
    ]
  },
  'incident-review': {
    '2026-03-04-checkout.md': [],
    '2026-05-12-search-index.md': [
      "43:1 postmortem-timeline-order Unexpected time `2026-05-12 10:24` in timeline row 3, earlier than `2026-05-12 10:31` in row 2, expected rows in chronological order",
      "9:4 postmortem-metadata Unexpected empty field `Time to detection` in `Summary`, expected a value",
      "23:3 postmortem-metadata Unexpected empty field `How many customers tried to access` in `Impact & Metrics`, expected a value",
      "29:1 postmortem-no-placeholders Unexpected template guidance `How was the incident detected?; How could detection time …` as the content of `Detection & Response`, expected your own text"
    ],
    '2026-07-21-auth-tokens.md': [
      "49:1 postmortem-required-headings Unexpected missing section `What can be improved?`, expected it after `What went well?`",
      "1:20 postmortem-no-placeholders Unexpected template placeholder `[Incident title]`, expected a value",
      "19:38 postmortem-no-placeholders Unexpected `TBD` marker, expected the work done or the line removed",
      "25:1 postmortem-no-placeholders Unexpected template guidance `How was the incident detected?; How could detection time …` as the content of `Detection & Response`, expected your own text"
    ]
  },
  'setext-plain': {
    '2026-02-11-search-outage.md': [],
    '2026-03-19-resizer.md': [
      "31:1 postmortem-required-headings Unexpected empty section `Lessons Learned`, expected content before the next heading",
      "18:4 postmortem-timeline-order Unexpected time `09:14` in timeline item 4, earlier than `09:21` in item 3, expected items in chronological order",
      "4:8 postmortem-no-placeholders Unexpected template placeholder `[short descriptive title]`, expected a value",
      "23:1 postmortem-no-placeholders Unexpected template guidance `Concise explanation of what caused the incident.`, expected your own text"
    ],
    '2026-04-19-dns.md': [
      "5:1 postmortem-metadata Unexpected Date `19/04/2026`, expected a date as `YYYY-MM-DD`",
      "6:1 postmortem-metadata Unexpected empty field `Incident lead` in the header, expected a value",
      "19:3 postmortem-no-placeholders Unexpected template placeholder `[HH:MM]`, expected a value"
    ]
  },
  'setext-fields': {
    '2024-05-02-db.md': [],
    '2024-06-11-search.md': [
      "2:1 postmortem-required-headings Unexpected missing field `Status`, expected `Status: …` as the template's `Date: Authors: Status:` asks",
      "13:1 postmortem-required-headings Unexpected empty section `Root Causes`, expected content before the next heading",
      "16:1 postmortem-no-placeholders Unexpected template guidance `How was the incident detected?`, expected your own text"
    ],
    '2024-07-23-login.md': [
      "12:1 postmortem-no-placeholders Unexpected template guidance `example:`, expected your own text",
      "35:1 postmortem-no-placeholders Unexpected template guidance `What are some action items that came out of this incident?`, expected your own text",
      "36:3 postmortem-no-placeholders Unexpected `TODO` marker, expected the work done or the line removed",
      "44:1 postmortem-no-placeholders Unexpected template guidance `relevant links and/or similar previous incidents`, expected your own text"
    ],
  },
  'sre-book': {
    'cache-stampede.md': [
      "15:1 postmortem-required-headings Unexpected empty section `Trigger`, expected content before the next heading",
      "1:1 postmortem-metadata Unexpected missing field `Status` in the header, expected `**Status**: …`",
      "4:1 postmortem-metadata Unexpected empty field `Authors` in the header, expected a value",
      "29:1 postmortem-no-placeholders Unexpected template example row `| <what> | mitigate / prevent / process | @<owner> | <BUG…` in `Action Items` with only its placeholders filled in, expected your own",
      "53:3 postmortem-no-placeholders Unexpected placeholder `HH:MM`, expected a value"
    ],
    'dns-resolution.md': [],
    'queue-backlog.md': [
      "46:1 postmortem-required-headings Unexpected rank 2 for section `Where we got lucky`, expected rank 3 (### Where we got lucky)",
      "58:1 postmortem-timeline-order Unexpected time `--:--` in timeline row 3, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "59:1 postmortem-timeline-order Unexpected time `13:45` in timeline row 4, earlier than `13:50` in row 2, expected rows in chronological order",
      "32:57 postmortem-action-items Unexpected owner `Sam` in action item 1, expected one or more `@handle` or `@org/team`",
      "33:1 postmortem-action-items Unexpected empty action in action item 2, expected what will be done",
      "34:62 postmortem-action-items Unexpected ticket `bug 4412` in action item 3, expected a ticket matching `^[A-Z][A-Z0-9]+-\\d+$`",
      "62:1 postmortem-timeline-duration Unexpected Time to recovery `most of the afternoon`, expected a duration such as `8 minutes` or `1h 5m`"
    ],
  },
  'summary-list': {
    '2025-08-19-card-payments.md': [],
    '2025-09-04-card-payments.md': [
      "30:63 postmortem-action-items Unexpected due date `2025-08-28` in action item 1, expected it on or after the incident date `2025-09-04`",
      "9:3 postmortem-metadata Unexpected Severity `SEV-4`, expected one of `SEV-1`, `SEV-2` or `SEV-3`",
      "8:3 postmortem-timeline-duration Unexpected Duration `20 minutes`, expected 38 minutes from `13:40` to `14:18` in the timeline"
    ],
    '2025-10-21-card-payments.md': [
      "20:1 postmortem-timeline-order Unexpected time `13:35` in timeline row 3, earlier than `13:44` in row 2, expected rows in chronological order",
      "5:1 postmortem-metadata Unexpected missing field `Severity` in `Summary`, expected `- **Severity**: …`",
      "10:3 postmortem-metadata Unexpected State `Done`, expected one of `Draft`, `Reviewed` or `Published`"
    ],
  },
  'task-list': {
    '2026-07-08-checkout-eu.md': [
      "36:5 postmortem-timeline-order Unexpected time `10:01` in timeline item 3, earlier than `10:09` in item 2, expected items in chronological order",
      "51:1 postmortem-action-items Unexpected action item 1 without an owner (`Alert on saved-card decline rate — owner: Mei — due: 2026…`), expected one or more `@handle` or `@org/team`",
      "51:1 postmortem-action-items Unexpected due date `2026-07-01` in action item 1, expected it on or after the incident date `2026-07-08`",
      "53:1 postmortem-action-items Unexpected action item 3 without an owner (`Review gateway timeouts`), expected one or more `@handle` or `@org/team`",
      "5:3 postmortem-metadata Unexpected Severity `Sev 4`, expected one of `Sev 1`, `Sev 2` or `Sev 3`",
      "7:23 postmortem-metadata Unexpected Rolled back to `12.5.0`, expected a version lower than the Deployed version `12.4.0`",
      "21:23 postmortem-no-placeholders Unexpected template placeholder `<N>`, expected a value",
      "52:80 postmortem-no-placeholders Unexpected template placeholder `<TICKET-123>`, expected a value",
      "61:3 postmortem-sign-off Unexpected Review date `2026-07-20`, 12 days after the incident on `2026-07-08`, expected within 5 business days: 5 days late"
    ],
    '2026-07-08-checkout.md': [],
    '2026-08-19-search.md': [
      "15:1 postmortem-required-headings Unexpected missing section `Impact`, expected it after `Overview`",
      "27:5 postmortem-timeline-order Unexpected time `10:O9` in timeline item 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "43:1 postmortem-action-items Unexpected due date `2026-07-22` in action item 1, expected it on or after the incident date `2026-08-19`",
      "44:1 postmortem-action-items Unexpected due date `2026-07-10` in action item 2, expected it on or after the incident date `2026-08-19`",
      "1:1 postmortem-metadata Unexpected missing field `Incident commander` in the header, expected `- **Incident commander**: …`",
      "52:3 postmortem-metadata Unexpected Review date `13/07/2026`, expected a date as `YYYY-MM-DD`"
    ],
  },
  tldr: {
    '2026-03-04-checkout.md': [],
    '2026-04-10-search.md': [
      "23:3 postmortem-timeline-order Unexpected time `14:18` in timeline item 3, earlier than `14:22` in item 2, expected items in chronological order",
      "38:33 postmortem-action-items Unexpected owner `Li` in action item 1, expected one or more `@handle` or `@org/team`",
      "38:38 postmortem-action-items Unexpected due date `2026-04-01` in action item 1, expected it on or after the incident date `2026-04-10`",
      "5:3 postmortem-metadata Unexpected Status `Done`, expected one of `Draft`, `In review` or `Final`",
      "9:24 postmortem-metadata Unexpected Rolled back to `v2.8.1`, expected a version lower than the Bad deploy `v2.8.0`",
      "39:3 postmortem-no-placeholders Unexpected template placeholder `{{task}}`, expected a value",
      "39:14 postmortem-no-placeholders Unexpected placeholder `@someone`, expected a value",
      "39:25 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
    '2026-05-22-auth.md': [
      "24:1 postmortem-required-headings Unexpected missing section `What went wrong`, expected it after `Timeline`",
      "32:59 postmortem-action-items Unexpected due date `next sprint` in action item 1, expected a date as `YYYY-MM-DD`",
      "33:63 postmortem-action-items Unexpected ticket `ops 3002` in action item 2, expected a ticket matching `^[A-Z][A-Z0-9]+-\\d+$`",
      "7:17 postmortem-no-placeholders Unexpected placeholder `@author`, expected a value",
      "10:25 postmortem-no-placeholders Unexpected placeholder `N minutes`, expected a value",
      "21:3 postmortem-no-placeholders Unexpected placeholder `HH:MM`, expected a value"
    ],
  },
  toml: {
    '2026-02-11-billing.md': [],
    '2026-03-02-search.md': [
      "20:3 postmortem-timeline-order Unexpected time `10:4O` in timeline item 2, expected `HH:MM`, `HH:MM:SS` or an ISO 8601 date-time (`2025-12-10T10:00:00Z`)",
      "31:41 postmortem-action-items Unexpected due date `2026-02-20` in action item 1, expected it on or after the incident date `2026-03-02`",
      "4:1 postmortem-metadata Unexpected placeholder `INC-XXXX` for `incident` in the front matter, expected a value",
      "5:1 postmortem-metadata Unexpected severity `SEV4`, expected one of `SEV1`, `SEV2` or `SEV3`",
      "11:23 postmortem-metadata Unexpected Restored release `v2.9.1`, expected a version lower than the Failed release `v2.9.0`"
    ],
    '2026-04-14-auth.md': [
      "1:1 postmortem-metadata Unexpected front matter that is not TOML (Invalid TOML document: newlines are not allowed in strings), expected `key = \"value\"` lines",
      "23:1 postmortem-no-placeholders Unexpected template placeholder `<Why it broke.>`, expected a value",
      "30:39 postmortem-no-placeholders Unexpected placeholder `@owner`, expected a value",
      "30:48 postmortem-no-placeholders Unexpected placeholder `YYYY-MM-DD`, expected a value"
    ],
  },
  us: {
    '2025-12-04-cart.md': [],
    '2025-12-08-search.md': [
      "5:1 postmortem-metadata Unexpected Severity `P4`, expected one of `P1`, `P2` or `P3`",
      "39:1 postmortem-sign-off Unexpected empty Name for `Reviewer` in `Sign-off`, expected a value",
      "39:16 postmortem-sign-off Unexpected Date for Reviewer `12/05/2025` before the incident date `12/08/2025`, expected a date on or after it"
    ],
    '2025-12-15-login.md': [
      "19:1 postmortem-timeline-order Unexpected time `11:58 AM` in timeline row 3, earlier than `12:05 PM` in row 2, expected rows in chronological order",
      "33:50 postmortem-action-items Unexpected due date `12/10/2025` in action item 1, expected it on or after the incident date `12/15/2025`",
      "37:1 postmortem-sign-off Unexpected missing `Reviewer` row in `Sign-off`, expected `| Reviewer | … |`",
      "39:19 postmortem-sign-off Unexpected Date for Author `12/45/2025`, expected a date as `MM/DD/YYYY`"
    ],
  },
  uk: {
    '2025-03-14-v5.2.0.md': [],
    '2025-04-02-v5.3.1.md': [
      "19:1 postmortem-timeline-order Unexpected time `02/04/2025 13:20` in timeline row 3, earlier than `13:30` in row 2, expected rows in chronological order",
      "30:60 postmortem-action-items Unexpected due date `30/03/2025` in action item 1, expected it on or after the incident date `02/04/2025`",
      "31:62 postmortem-action-items Unexpected due date `2025/04/16` in action item 2, expected a date as `DD/MM/YYYY`",
      "3:1 postmortem-metadata Unexpected Incident `1240`, expected an incident ID such as `OPS-XXXX`, as the template writes it"
    ],
    '2025-05-20-v6.0.0.md': [
      "18:1 postmortem-timeline-order Unexpected time `05/20/2025 16:12` in timeline row 2, expected `HH:MM`, `HH:MM:SS` or a date-time such as `DD/MM/YYYY HH:MM`",
      "4:1 postmortem-metadata Unexpected Date `31/04/2025`, expected a date as `DD/MM/YYYY`",
      "34:1 postmortem-sign-off Unexpected Review Date `33/05/2025`, expected a date as `DD/MM/YYYY`"
    ],
  },
}

const teams = Object.keys(expected)

function document(team: string, name: string): VFile {
  const path = `fixtures/teams/${team}/${name}`
  return new VFile({path, cwd: root, value: readFileSync(join(root, path))})
}

async function remarkFindings(team: string, name: string): Promise<string[]> {
  const settings = {postmortem: {template: `fixtures/templates/${team}.md`}}
  const file = await remark().use({settings}).use(remarkPresetLintPostmortem).process(document(team, name))
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
}

const cases = teams.flatMap((team) => Object.keys(expected[team] ?? {}).map((name) => [team, name] as const))

describe('team templates', {timeout: busyMachineTimeout}, () => {
  it('has a template and documents for each team, and an expectation for every document', () => {
    expect(readdirSync(join(root, 'fixtures/teams')).sort()).toEqual([...teams].sort())
    for (const team of teams) {
      expect(readdirSync(join(root, 'fixtures/teams', team)).sort(), team).toEqual(Object.keys(expected[team] ?? {}).sort())
      expect(Object.values(expected[team] ?? {}).filter((findings) => findings.length === 0).length, team).toBeGreaterThanOrEqual(1)
      expect(Object.values(expected[team] ?? {}).filter((findings) => findings.length >= 3).length, team).toBeGreaterThanOrEqual(2)
    }
  })

  it.each(teams)('reports each defect of the unfilled template %s once: no two rules on one place or one text', async (team) => {
    const path = `fixtures/templates/${team}.md`
    const settings = {postmortem: {template: path}}
    // As a document started from it (the template's own file has no findings), in a folder of its own.
    const file = await remark()
      .use({settings})
      .use(remarkPresetLintPostmortem)
      .process(new VFile({path: `fixtures/templates/unfilled/${team}.md`, cwd: root, value: readFileSync(join(root, path))}))
    // One defect: one place, or one text quoted on one line (a row's time and the placeholder in its cell).
    const rulesAt = new Map<string, Set<string>>()
    for (const message of file.messages) {
      for (const place of [`${message.line}:${message.column}`, ...(message.actual ? [`${message.line} \`${message.actual}\``] : [])]) {
        rulesAt.set(place, new Set([...(rulesAt.get(place) ?? []), message.ruleId ?? '']))
      }
    }

    // A template written as a filled-in example is a post-mortem that passes; any other has its placeholders reported.
    if (team === 'filled-example') expect(file.messages).toEqual([])
    else expect(file.messages.length).toBeGreaterThan(0)
    expect([...rulesAt].filter(([, rules]) => rules.size > 1).map(([place, rules]) => `${place} ${[...rules].join(', ')}`)).toEqual([])
  })

  it.each(cases)('remark: %s/%s', async (team, name) => {
    expect(await remarkFindings(team, name)).toEqual(expected[team]?.[name])
  })

  it.each(cases)('markdownlint gives the same ids, lines and messages: %s/%s', async (team, name) => {
    const path = join(root, 'fixtures/teams', team, name)
    const results = markdownlint({
      files: [path],
      config: {default: false, postmortem: {template: `fixtures/templates/${team}.md`}},
      customRules: markdownlintRulePostmortem
    })
    // markdownlint reports nothing inside front matter: the adapter puts such a finding on the first line after it and names its line.
    const ours = (results[path] ?? []).map((error) => {
      const inFrontMatter = / \(front matter line (\d+)\)$/.exec(error.errorDetail ?? '')
      return inFrontMatter
        ? `${inFrontMatter[1]} ${error.ruleNames[0]} ${error.errorDetail?.slice(0, inFrontMatter.index)}`
        : `${error.lineNumber} ${error.ruleNames[0]} ${error.errorDetail}`
    })
    const remarks = (await remarkFindings(team, name)).map((finding) => finding.replace(/^(\d+):\d+ /, '$1 '))
    expect(ours.sort()).toEqual(remarks.sort())
  })

  it.each(cases)('each rule follows its own `template` option without the preset: %s/%s', async (team, name) => {
    for (const rule of postmortemRules) {
      const processor = remark()
        .use(remarkGfm)
        .use(remarkFrontmatter, ['yaml', 'toml'])
        .use(remarkRule(rule), {template: `fixtures/templates/${team}.md`})
      const file = await processor.process(document(team, name))
      // The preset's `remark-lint` puts a message without a place (the file name's) at 1:1.
      const findings = file.messages.map(
        (message) => `${message.line ?? 1}:${message.column ?? 1} ${message.ruleId} ${message.reason}`
      )
      expect(findings, rule.id).toEqual((expected[team]?.[name] ?? []).filter((finding) => finding.split(' ')[1] === rule.ruleId))
    }
  })

  it.each(teams)('postmortem-lint template fixtures/templates/%s.md prints the roles it found', (team) => {
    // What the command prints, without a process per team: the command itself is run below and in the CLI tests.
    const path = `fixtures/templates/${team}.md`
    const description = describeTemplate(loadTemplateSetting(path, root, 'the template path'), postmortemRules, path)
    expect(description).toMatch(new RegExp(`^Template: fixtures/templates/${team}\\.md[ \n]`))
    expect(description).toContain(roles[team])
    const required = description.split('\nRequired fields:\n')[1]?.split('\n\n')[0]?.split('\n') ?? []
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required).size, 'each group of required fields once').toBe(required.length)
  })

  it('postmortem-lint template says where a page keeps the template it shows in a fenced block', () => {
    const path = 'fixtures/templates/fenced.md'
    const description = describeTemplate(loadTemplateSetting(path, root, 'the template path'), postmortemRules, path)
    expect(description).toMatch(/^Template: fixtures\/templates\/fenced\.md \(its fenced Markdown block at line 6\)\n\nSections:\n  ## Rollback: \[Service and version\]\n/)
    expect(description).not.toContain('Why we write these')
  })

  it('postmortem-lint template lists the placeholders the template writes in code, in code', () => {
    const path = 'fixtures/templates/code-values.md'
    const description = describeTemplate(loadTemplateSetting(path, root, 'the template path'), postmortemRules, path)
    expect(description).toContain('\nPlaceholders:\n  `INCIDENT-YYYY-MM-DD-HHMM` `[Incident title]` `[Incident date]` ')
    expect(description).toContain('no-placeholders: 14 placeholders,')
  })

  it('postmortem-lint template names the sections a document may leave out', () => {
    const path = 'fixtures/templates/report.md'
    const description = describeTemplate(loadTemplateSetting(path, root, 'the template path'), postmortemRules, path)
    const sections = description.split('\nSections:\n')[1]?.split('\n\n')[0]?.split('\n') ?? []
    expect(sections.filter((line) => line.endsWith('(may be left out)'))).toEqual([
      '  ### Rollback (if applicable) (may be left out)',
      '  ## Customer Communication (may be left out)',
      '  ## Template Notes (may be left out)'
    ])
  })
})

describe('postmortem-lint template without a path', {timeout: busyMachineTimeout}, () => {
  it('describes the configured template, else the default one', () => {
    const folder = projectFolder('template-')
    cpSync(join(root, 'fixtures/templates'), join(folder, 'templates'), {recursive: true})
    expect(runCli(['template'], folder).stdout).toMatch(/^Template: the default template\n/)
    writeFileSync(join(folder, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'templates/minimal.md'}}}))
    const run = runCli(['template'], folder)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Template: templates\/minimal\.md\n/)
    expect(run.stdout).toContain(roles.minimal)
  })
})

describe('postmortem-lint template on a file that is not a template', {timeout: busyMachineTimeout}, () => {
  it.each([
    ['fixtures/templates/invalid/empty.md', 'it is empty'],
    ['fixtures/templates/invalid/no-sections.md', 'it has no `##` section'],
    ['fixtures/templates/no-such-template.md', 'cannot read `fixtures/templates/no-such-template.md`']
  ])('%s: exit 2 with one clear line', (path, why) => {
    const run = runCli(['template', path], root)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(why)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})

/** One line of each team's `postmortem-lint template` output: the role that team's template is built around. */
const roles: Record<string, string> = {
  zh: 'metadata: `事件编号` like `INC-XXXX`; fields `事件编号`, `日期`, `时长`, `影响范围`, `严重级别` in `概要`; `严重级别` one of `P1`, `P2` or `P3`; fields `直接原因`, `系统性原因` in `根因`',
  'code-values': 'metadata: `Incident ID` like `INCIDENT-YYYY-MM-DD-HHMM`; fields `Incident ID`, `Title`, `Date`, `Duration`, `Severity`, `Status` in `🚨 Incident Summary`',
  'reference-sections': 'required-headings: 6 sections of the template, in order, at their rank, not empty',
  es: 'timeline-duration: `Duración` (header, total) against the timeline in `Cronología (hora de Madrid)`',
  'rollback-issue': 'metadata: front matter keys `title` (where a document has front matter); `Restored Version` lower than `Bad Version`; fields',
  mustache: 'timeline-order: list in `Timeline of Events`, each item starting with its time',
  fenced: 'metadata: fields `Date`, `Severity`, `Impact` in `Rollback: [Service and version]`; `Severity` one of `SEV1`, `SEV2` or `SEV3`',
  'parenthesized-choice': 'metadata: header fields `Incident ID`, `Date/time detected`, `Severity`, `Owner`; `Severity` one of `S1`, `S2` or `S3`',
  'code-block-timeline': 'timeline-order: list in `Timeline`, each item starting with its time',
  'heading-events': 'no-placeholders: 3 placeholders, 3 guidance paragraphs, 4 prompt lists, 0 prompt fields, 0 example rows',
  'code-times': 'action-items: nothing in the template for this rule — silent',
  'ellipsis-timeline': 'timeline-order: list in `Timeline`, each item starting with its time',
  'prompt-lists': 'no-placeholders: 0 placeholders, 1 guidance paragraph, 2 prompt lists, 0 prompt fields, 0 example rows',
  'numbered-steps':
    'metadata: fields `Date/Time`, `Rollback Triggered By`, `Feature/Change Rolled Back`, `Impact` in `Summary`; fields `Detection`, `Decision to Roll Back`, `Rollback Execution`, `Post-Rollback Verification` in `Timeline` not left empty (may be left out)',
  'plain-prompts': 'no-placeholders: 0 placeholders, 4 guidance paragraphs, 0 prompt lists, 0 prompt fields, 0 example rows',
  'tiered-tables': 'action-items: table in `Action Items`, columns `Action`, `Owner`, `Deadline`, `Status`; statuses `Open`, `In Progress` or `Done`',
  'time-slots': 'timeline-order: list in `Timeline (UTC)`, each item starting with its time',
  'incident-review': 'no-placeholders: 2 placeholders, 0 guidance paragraphs, 1 prompt list, 0 prompt fields, 0 example rows',
  'setext-plain': 'timeline-order: list in `Timeline`, each item starting with its time',
  'numbered-sections': 'no-placeholders: 7 placeholders, 4 guidance paragraphs, 0 prompt lists, 3 prompt fields, 0 example rows',
  'bracket-menus': 'action-items: table in `Action Items`, columns `Action`, `Owner`, `Due Date`, `Status`; statuses `Open`, `In Progress` or `Done`',
  'bullet-questions': 'no-placeholders: 0 placeholders, 0 guidance paragraphs, 4 prompt lists, 0 prompt fields, 0 example rows',
  names: 'action-items: table in `Corrective actions`, columns `Action`, `Owner`, `Due date`, `Status`; statuses `Open` or `Done`; owners by name (the template shows no `@handle`)',
  numbered: 'metadata: header fields `Incident`, `Date`, `Severity`, `Bad release`, `Restored release`, `Incident commander`; `Incident` like `INC-XXXX`; `Severity` one of `SEV1`, `SEV2` or `SEV3`; `Restored release` lower than `Bad release`',
  'action-tiers': 'action-items: list in `Actions`: at least one item, none empty, due dates (`due …`) real and not before the incident (no owner/due/status/ticket columns in the template)',
  'bold-lines': 'metadata: header fields `Date`, `Incident`, `Severity`; `Incident` like `INC-{number}`; `Severity` one of `Critical`, `High` or `Medium`; `Rolled Back To` lower than `Failed Version`; fields `Failed Version`, `Rolled Back To`, `Impact` in `What rolled back`',
  braces: 'metadata: header fields `Status`, `Owners`; `Status` one of `draft` or `final`',
  'cet-stats': 'timeline-order: table in `Ablauf (Sequence)`, time column `When (CET)`',
  curly: 'action-items: table in `Remediation`, columns `Task`, `Assignee`, `Due`, `State`, `Jira`; statuses `Open` or `Done`',
  'dated-list': 'timeline-order: list in `2. Timeline (UTC)`, each item starting with its time',
  days: 'timeline-order: list in `Timeline`, each item starting with its time',
  'day-tables': 'timeline-order: table in `Timeline`, time column `Time (UTC)`',
  de: 'action-items: table in `Maßnahmen`, columns `Nr.`, `Maßnahme`, `Verantwortlich`, `Fällig am`, `Status`; statuses `Offen`, `In Arbeit` or `Erledigt`',
  'details-table': 'metadata: `Incident` like `INC-XXXX`; fields `Incident`, `Date`, `Severity`, `Incident lead` in `Incident details`',
  emoji: 'action-items: list in `✅ Follow-up Actions`: at least one item, none empty, each with an `@owner`, due dates (`due …`) real and not before the incident (no owner/due/status/ticket columns in the template)',
  'filled-example': 'action-items: table in `Action Items`, columns `Action Item`, `Owner`, `Bug`; owners by name (the template shows no `@handle`); tickets in any form (the template shows no ticket key)',
  'five-whys': 'action-items: list in `Corrective actions`: at least one item, none empty, each with an `@owner`, due dates (`due …`) real and not before the incident',
  footer: 'no-placeholders: 6 placeholders, 1 guidance paragraph, 0 prompt lists, 0 prompt fields, 1 example row',
  fr: 'action-items: table in `Actions correctives`, columns `Action`, `Responsable`, `Échéance`, `Statut`; statuses `À faire`, `En cours` or `Fait`',
  'front-matter': 'metadata: front matter keys `title`, `incident`, `date`, `severity` (where a document has front matter); `incident` like `INC-XXXX`',
  fields: "sign-off: fields `Author`, `Reviewed By`, `Review Date` in `Review`; `Review Date` a date within 2 business days of the incident (the template's deadline; `maxHours`)",
  'heading-placeholder': 'required-headings: 4 sections of the template, in order, at their rank, not empty',
  'impact-list': 'timeline-duration: `Duration` (section, total) against the timeline in `Timeline`',
  ja: 'action-items: table in `⑤ 再発防止策（Action Items）`, columns `#`, `対策`, `担当者`, `期日`, `状態`; statuses `未着手`, `対応中` or `完了`',
  lists: 'timeline-order: list in `3. Timeline (UTC)`, each item starting with its time',
  minimal: 'timeline-order: table in `What Happened`, time column `When`',
  pt: 'timeline-order: nothing in the template for this rule — silent',
  dri: 'action-items: table in `Action Items`, columns `Action`, `Owner`, `Due`, `Status`; any common status (`Open`, `Done`, `Closed`…: the template shows none)',
  prompts: 'metadata: header fields `Ticket`, `Date`, `Authors`\n',
  report:
    'action-items: list in `Action Items`: at least one item, none empty, each with an `@owner`, due dates (`due …`) real and not before the incident (no owner/due/status/ticket columns in the template)',
  questions: 'metadata: header fields `Incident`; fields `Service(s) affected`, `Team attribution`, `Time to detection`, `Minutes downtime or degradation` in `Summary`',
  'setext-fields': 'required-headings: 11 sections of the template, in order, at their rank, not empty',
  'sre-book': 'action-items: table in `Action Items`, columns `Action Item`, `Owner`, `Bug`',
  overview: 'metadata: `Rolled back to` lower than `Failed release`; fields `Date`, `Severity`, `Failed release`, `Rolled back to`, `Duration` in `Overview`; `Severity` one of `SEV1`, `SEV2` or `SEV3`',
  relative: 'timeline-order: table in `Timeline`, time column `When`',
  'summary-list': 'metadata: fields `Incident ID`, `Date / time (UTC)`, `Duration`, `Severity`, `Author`, `State` in `Summary`; `Severity` one of `SEV-1`, `SEV-2` or `SEV-3`; `State` one of `Draft`, `Reviewed` or `Published`',
  'task-list': 'sign-off: fields `Author`, `Reviewed by`, `Review date` in `Review`; `Review date` a date within 5 business days of the incident (the template\'s deadline; `maxHours`)',
  tldr: 'action-items: table in `Follow-up`, columns `What`, `Who`, `When`, `Ticket`',
  toml: 'metadata: header fields `Failed release`, `Restored release`; front matter keys `title`, `date`, `incident`, `severity` (where a document has front matter); `incident` like `INC-XXXX`; `severity` one of `SEV1`, `SEV2` or `SEV3`',
  us: 'sign-off: table in `Sign-off`: rows `Author`, `Reviewer`, each with `Name`, `Date`; `Date` dates not before the incident (the template sets no deadline; `maxHours` sets one)',
  uk: 'metadata: header fields `Incident`, `Date`, `Failed Version`, `Rolled Back To`; `Incident` like `OPS-XXXX`; `Rolled Back To` lower than `Failed Version`; dates as `DD/MM/YYYY`'
}
