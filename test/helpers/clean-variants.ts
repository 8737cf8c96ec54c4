/** Single-defect variants of the clean reports in fixtures/clean/, by class of the defect. */

export interface Variant {
  name: string;
  file: string;
  /** Exact text to replace (must occur once) and its replacement. */
  from: string;
  to: string;
  rule: string;
  /** A text on the line where the finding must be (the first line holding it). */
  at: string;
  now?: string;
  messageId?: string;
}

export const VARIANTS: Variant[] = [
  // 1. the IRG in force when the report was posted
  { name: 'IRG 2.0 preliminary without the date of the full report', file: 'irg2-preliminary-2024.md', from: ' We will post the full incident report on or before 2024-05-17.', to: '', rule: 'preliminary-full-report-date', at: '## Incident Report' },
  { name: 'IRG 2.0 preliminary form posted after IRG 3.0 and the policy grace', file: 'irg2-preliminary-2024.md', from: 'posted: 2024-05-03', to: 'posted: 2025-10-21', rule: 'template-current', at: '## Incident Report' },
  { name: 'v3 Preliminary that says neither contained nor ongoing', file: 'v3-preliminary-rendered-copy.txt', from: ' We restored the CRL signing service at 2025-11-02 03:20 UTC and the incident is contained.', to: '', rule: 'contained-or-ongoing', at: 'Preliminary Incident Report' },
  // 2. --now is a day
  { name: 'an entry on the day after --now, in UTC+8', file: 'v3-full-day-headers-utc8.md', from: '2025-10-21\n\n- 10:00 We post this report.', to: '2025-10-22\n\n- 10:00 We post this report.', rule: 'timeline-future', at: '- 10:00 We post this report.' },
  { name: 'an Ongoing action item due the day before --now', file: 'v3-full-day-headers-utc8.md', from: '| 2025-10-31 | Ongoing |', to: '| 2025-10-20 | Ongoing |', rule: 'action-item-overdue', at: '| 2025-10-20 | Ongoing |' },
  // 3. text copied from Bugzilla's page
  { name: 'a wrong Kind in a flattened row', file: 'v3-full-rendered-copy.txt', from: 'other than expected Detect Root Cause # 2', to: 'other than expected Correct Root Cause # 2', rule: 'action-item-kind', at: 'other than expected Correct' },
  { name: 'a flattened row naming a factor that does not exist', file: 'v3-full-rendered-copy.txt', from: 'other than expected Detect Root Cause # 2', to: 'other than expected Detect Root Cause # 7', rule: 'action-item-root-cause', at: 'Root Cause # 7', messageId: 'unknownFactor' },
  { name: 'a wrong Status in a flattened row', file: 'v3-full-rendered-copy.txt', from: 'within 2 minutes 2025-05-23 Complete', to: 'within 2 minutes 2025-05-23 Done', rule: 'action-item-status', at: 'within 2 minutes 2025-05-23 Done' },
  {
    name: 'pipe rows separated by blank lines in Markdown source',
    file: 'v2-numbered-fullwidth.md',
    from: '| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Replace',
    to: '| Action Item | Kind | Due Date |\n\n| Replace',
    rule: 'action-items-table',
    at: '| Action Item | Kind | Due Date |',
  },
  // 4. headings and prose are not titles or CSVs
  { name: 'a real title that lacks the CA Owner, above a shifted report heading', file: 'v3-full-shifted-crlf.md', from: '# Full Incident Report', to: '# Stale jurisdiction data\r\n\r\n# Full Incident Report', rule: 'title-format', at: '# Stale jurisdiction data' },
  {
    name: 'a real CSV header with a column missing',
    file: 'v3-full-shifted-crlf.md',
    from: 'Details of the affected certificates are in the attached CSV, with the IRG columns in the IRG order: Precertificate SHA-256 hash, Certificate SHA-256 hash, Subject, Issuer, Not before, Not after, Serial #, dNSNames, Is revoked?, Revocation date, Revocation reason.',
    to: '```csv\r\nCertificate SHA-256 hash,Subject,Issuer,Not before,Not after,Serial #,dNSNames,Is revoked?,Revocation date,Revocation reason\r\n```',
    rule: 'appendix-certificate-data',
    at: 'Certificate SHA-256 hash,Subject',
  },
  // 5. vocabulary
  { name: 'a timeline without its awareness entry', file: 'v3-full-with-reviewer-comments.txt', from: '2025-08-19 07:45 Our monthly CCADB reconciliation finds the 2 certificates missing (we become aware).\n', to: '', rule: 'timeline-key-events', at: 'Timeline\n\nAll times', messageId: 'missingAwareness' },
  { name: 'a timeline without its end entry', file: 'v3-full-with-reviewer-comments.txt', from: '2025-08-19 10:20 Both certificates disclosed in the CCADB (end).\n', to: '', rule: 'timeline-key-events', at: 'Timeline\n\nAll times', messageId: 'missingEnd' },
  { name: 'a legacy report without question 3', file: 'legacy-combined-questions.md', from: '3. Have you stopped issuing certificates with this problem?\n\nYes. The profile change was rolled back on 2021-06-01 at 11:30 UTC.\n\n', to: '', rule: 'legacy-questions', at: '4 and 5.' },
  // 6. misses of covered defects
  { name: 'an ambiguous day header', file: 'v3-full-day-headers-utc8.md', from: '2025-10-13\n\n- 09:30', to: '10/03/2025\n\n- 09:30', rule: 'timeline-date-format', at: '10/03/2025' },
  { name: 'Impact pasted twice in a rendered copy', file: 'v3-full-rendered-copy.txt', from: '\nTimeline\n\nAll times are UTC.', to: '\nImpact\n\n  \u2022 Total number of certificates: N/A\n\nTimeline\n\nAll times are UTC.', rule: 'section-duplicate', at: '\nImpact\n\n  \u2022 Total number of certificates: N/A\n\nTimeline' },
  { name: "the template's link left in a Related Incidents row", file: 'v3-full-shifted-crlf.md', from: '| [1883779](https://bugzilla.mozilla.org/show_bug.cgi?id=1883779) |', to: '| [Related Bug ID](Related Bug URL) |', rule: 'no-placeholder', at: '[Related Bug ID](Related Bug URL)' },
  {
    name: 'a factor that stops at human error while the other names a process',
    file: 'v3-full-day-headers-utc8.md',
    from: '- **Description:** Version 9.2 upgraded the ASN.1 library, which sorts extensions when it re-encodes a TBSCertificate. The signing service re-encoded the certificate after adding the SCT list, so the extension order differed from the precertificate\'s. Our release notes review did not flag the library\'s changelog entry about sorting.',
    to: '- **Description:** Human error: an engineer approved the upgrade without reading its changelog. He has been reminded to read changelogs before approving.',
    rule: 'rca-human-error',
    at: 'Human error: an engineer',
  },
  // 7. ambiguous dates stay errors where clear ones are style
  { name: 'an ambiguous numeric date among clear month-name dates', file: 'v3-full-numbered-extra-columns.md', from: '| July 15, 2025 9:10 AM |', to: '| 07/08/2025 9:10 AM |', rule: 'timeline-date-format', at: '| 07/08/2025 9:10 AM |', messageId: 'ambiguous' },
];
