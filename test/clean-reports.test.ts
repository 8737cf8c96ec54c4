/**
 * Clean reports in the styles CAs really write (fixtures/clean/: rendered
 * Bugzilla copies, bold-line and shifted headings, UTC+8, CRLF, numbered
 * headings, full-width colons, extra table columns, reviewer comments around
 * the report, IRG 2.0-era preliminaries, legacy reports with combined
 * questions): every rule at its default gives no finding, in the source and
 * through the built binary. Then single-defect variants of them: each defect
 * is found at its line.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAll } from './helpers/lint.js';

const root = path.join(import.meta.dirname, '..');
const dir = path.join(root, 'fixtures', 'clean');
const bin = path.join(root, 'bin', 'ir-lint.js');

/** The day each report without front matter `posted:` is checked as of (what `--now` is given). */
const NOW: Record<string, string> = {
  'irg2-preliminary-no-heading.txt': '2023-11-22',
  'v3-closure-bold-headings.md': '2025-04-01',
  'v3-full-day-headers-utc8.md': '2025-10-21',
  'v3-full-numbered-extra-columns.md': '2025-07-16',
  'v3-full-rendered-copy.txt': '2025-05-21',
  'v3-full-shifted-crlf.md': '2025-06-10',
  'v3-full-with-reviewer-comments.txt': '2025-08-20',
  'v3-preliminary-rendered-copy.txt': '2025-11-03',
};
/** Reports with `posted:` are checked much later: the posting date must be what counts. */
const LATE = '2026-11-22';

const names = readdirSync(dir).filter((n) => /\.(?:md|txt)$/.test(n)).sort();
const nowOf = (name: string): string => NOW[name] ?? LATE;
const text = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

describe('clean reports', () => {
  it('cover the styles', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const hasPosted = /^---\r?\n(?:.*\r?\n)*?posted:/.test(text(name));
      expect(hasPosted || NOW[name] !== undefined, `${name} needs posted: or an entry in NOW`).toBe(true);
    }
  });

  for (const name of names) {
    it(`${name}: no finding`, () => {
      const found = lintAll(text(name), nowOf(name)).map((m) => `${m.line}: ${m.ruleId} ${m.message}`);
      expect(found).toEqual([]);
    });
  }

  it('no finding through the built binary either (exit 0, no output)', () => {
    for (const name of names) {
      const r = spawnSync(process.execPath, [bin, '-f', 'compact', '--now', nowOf(name), path.join('fixtures', 'clean', name)], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect({ name, code: r.status, out: r.stdout, err: r.stderr }).toEqual({ name, code: 0, out: '', err: '' });
    }
  });
});

interface Variant {
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

const VARIANTS: Variant[] = [
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

function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the variant`);
  // A needle that starts with a line break points at the line after it.
  const start = needle.startsWith('\n') ? at + 1 : at;
  return source.slice(0, start).split(/\r\n|\r|\n/).length;
}

describe('single-defect variants of the clean reports', () => {
  for (const v of VARIANTS) {
    it(`${v.name}: ${v.rule}`, () => {
      const original = text(v.file);
      const from = original.includes('\r\n') ? v.from.replace(/(?<!\r)\n/g, '\r\n') : v.from;
      const to = original.includes('\r\n') ? v.to.replace(/(?<!\r)\n/g, '\r\n') : v.to;
      expect(original.split(from).length - 1, `"${v.from}" occurs once in ${v.file}`).toBe(1);
      const source = original.replace(from, to);
      const line = lineOf(source, original.includes('\r\n') ? v.at.replace(/(?<!\r)\n/g, '\r\n') : v.at);
      const found = lintAll(source, v.now ?? nowOf(v.file)).filter((m) => m.ruleId === v.rule && (v.messageId === undefined || m.messageId === v.messageId));
      expect(found.map((m) => m.line)).toContain(line);
    });
  }
});

describe('through the built binary', () => {
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, [bin, '-f', 'compact', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('--now as a day: an entry later that day is fine, one on the next day is reported with its line', () => {
    const report = (day: string) => `## Incident Report\n\nThis is a preliminary report; the full report follows by 2024-05-17.\n\nAll times are UTC+8.\n\n- 2024-05-03 09:00 We learned of the problem.\n- ${day} 23:30 We post this report.\n`;
    expect(run(['--now', '2024-05-03', '--stdin-filename', 'r.md', '-'], report('2024-05-03'))).toMatchObject({ status: 0, stdout: '' });
    const late = run(['--now', '2024-05-03', '--stdin-filename', 'r.md', '-'], report('2024-05-04'));
    expect(late.status).toBe(0); // a warning
    expect(late.stdout).toMatch(/^r\.md:8:3: warning timeline-future /m);
  });

  it('--template ccadb-v2-preliminary forces the era: a first report without the date of the full report', () => {
    const r = run(['--now', '2024-05-03', '--template', 'ccadb-v2-preliminary', '--stdin-filename', 'r.md', '-'], 'On 2024-05-02 we found 5 certificates with a wrong policy OID and stopped issuance.\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^r\.md:1:1: warning preliminary-full-report-date /m);
  });
});
