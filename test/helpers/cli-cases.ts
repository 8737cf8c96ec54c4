/**
 * The CLI case table: arguments, files, stdin and environment in; exit code,
 * stdout, stderr and the files afterwards out. test/cli-hosts.test.ts runs
 * every case through main(memoryIo), main(nodeIo) and the built binary and
 * requires the same result from all three.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { FULL_REPORT_SKELETON } from '../../src/cli/info.js';
import type { CliCase } from './cli-hosts.js';
import { bugExportText, CA as THREAD_CA, REVIEWER } from './thread-export.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const fixture = (name: string): string => readFileSync(path.join(ROOT, 'fixtures', 'reports', name), 'utf8');
const project = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');

const NOW = ['--now', '2025-12-01'];
const clean = fixture('v3-full-clean.md');
const prelimClean = fixture('v3-preliminary-clean.md');
/** Findings: 1:3 title-format (warn), 3:4 contained-or-ongoing (warn), 5:5 field-required, 7:111 no-placeholder, 8:3 field-empty. */
const broken = fixture('v3-preliminary-broken.md');
/** One warning: na-format at the "Additional" line. */
const warnOnly = clean.replace('- **Additional:** N/A', '- **Additional:** None');
const WARN_LINE = warnOnly.split('\n').findIndex((l) => l.startsWith('- **Additional:** None')) + 1;

/** A v2 report (current on 2025-01-15) with two fixable findings (na-format, section-required) and nothing else wrong. */
const fixable = [
  '## Incident Report',
  '',
  '### Summary',
  '',
  'A certificate was issued with a bad extension.',
  '',
  '### Impact',
  '',
  'One certificate.',
  '',
  '### Timeline',
  '',
  'All times are UTC.',
  '',
  '### Lessons Learned',
  '',
  '- **What went well:** Fast revocation.',
  "- **What didn't go well:** The linter had no check for it.",
  '- **Where we got lucky:** None',
  '',
  '### Action Items',
  '',
  '| Action Item | Kind | Due Date |',
  '| --- | --- | --- |',
  '| Add a linter check | Prevent | 2025-03-01 |',
  '',
  '### Appendix',
  '',
  'N/A',
  '',
].join('\n');
const FIX_NOW = ['--now', '2025-01-15'];
/** What --fix makes of it: N/A spelled out, the Root Cause Analysis heading restored (empty: field-empty remains, at 15:5). */
const fixed = fixable.replace('Where we got lucky:** None', 'Where we got lucky:** N/A').replace('### Lessons Learned', '### Root Cause Analysis\n\n### Lessons Learned');
const REMAINING = [
  'r.md:11:5: warning timeline-timestamp The timeline has no dated entries; list the events with their date and time, one a line, as the IRG expects, e.g. "2024-03-05 10:18 UTC: The certificate problem report was received."',
  'r.md:15:5: error field-empty Section "Root Cause Analysis" is empty; fill it in, or write N/A when it does not apply.',
  '',
].join('\n');

/** Action items with due dates to fix: `2024-4-20` becomes `2024-04-20`. */
const dueDates = readFileSync(path.join(ROOT, 'fixtures', 'fix', 'action-item-due-date.md'), 'utf8');

const twoRules = project('fixtures/plugins/two-rules.js');
/** A house rule written as users write them: imports defineRule from the package. */
const housePlugin = `import { defineRule } from 'ir-lint';

export default defineRule({
  meta: {
    id: 'acme-no-codename',
    description: 'Disallow the internal code name in a public report.',
    severity: 'error',
    messages: { codename: 'Internal code name "{{name}}" in a public report.' },
  },
  check(report, ctx) {
    for (const line of report.lines) {
      const i = line.raw.indexOf('BLUEFIN');
      if (i >= 0) ctx.report({ messageId: 'codename', data: { name: 'BLUEFIN' }, loc: { start: line.start + i, end: line.start + i + 7 } });
    }
  },
});
`;
const codenameReport = prelimClean.replace('after a signing job failed silently', 'after the BLUEFIN signing job failed silently');
const CODENAME_LINE = codenameReport.split('\n').findIndex((l) => l.includes('BLUEFIN')) + 1;
const CODENAME_COL = (codenameReport.split('\n')[CODENAME_LINE - 1] as string).indexOf('BLUEFIN') + 1;

const compactLine = (file: string, line: number, col: number, severity: 'error' | 'warning', rule: string): RegExp =>
  new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:${col}: ${severity} ${rule} `, 'm');
const BROKEN_COMPACT = [
  compactLine('r.md', 1, 3, 'warning', 'title-format'),
  compactLine('r.md', 3, 4, 'warning', 'contained-or-ongoing'),
  compactLine('r.md', 5, 5, 'error', 'field-required'),
  compactLine('r.md', 7, 111, 'error', 'no-placeholder'),
  compactLine('r.md', 8, 3, 'error', 'field-empty'),
];
/** Every pattern matches, in this order. */
const all =
  (...patterns: RegExp[]) =>
  (text: string): void => {
    let at = 0;
    for (const p of patterns) {
      const m = new RegExp(p.source, p.flags.replace('g', '')).exec(text.slice(at));
      expect(m, `${p} after offset ${at} in:\n${text}`).not.toBeNull();
      at += (m?.index ?? 0) + (m?.[0].length ?? 0);
    }
  };
const json = (check: (value: unknown) => void) => (text: string): void => check(JSON.parse(text));

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; line: number; column: number; message: string }>;
  errorCount: number;
  warningCount: number;
  output?: string;
}
const ruleLines = (r: JsonResult): string[] => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

const ESC = '\u001b[';
const noColor = (t: string): void => expect(t).not.toContain(ESC);
const colored = (t: string): void => {
  expect(t).toContain(ESC);
  expect(t.replace(/\u001b\[\d+m/g, '')).toMatch(/^ {4}5:5 {2}error {4}Missing field "Relevant policies"/m);
};


// ---------------------------------------------------------------- bug threads (SPEC §7)
const stripFrontMatter = (t: string): string => t.replace(/^---\n[^]*?\n---\n+/, '');
/** Open, Next update 2025-12-05; comment 1 is the CA's broken Preliminary report, comment 2 a reviewer pasting the same text. */
const threadOpen = bugExportText({ id: 1900001, whiteboard: '[ca-compliance] Next update 2025-12-05' }, [
  { text: 'Thanks for flagging; a preliminary report follows.', creator: THREAD_CA, creation_time: '2025-10-01T08:00:00Z' },
  { text: stripFrontMatter(broken), creator: THREAD_CA, creation_time: '2025-10-02T10:00:00Z' },
  { text: stripFrontMatter(broken), creator: REVIEWER, creation_time: '2025-10-03T10:00:00Z' },
]);
/** Line of comment 1's text in that export (where annotations and SARIF regions point). */
const THREAD_C1_LINE = threadOpen.split('\n').findIndex((l) => l.includes('"text": "# OCSP responses')) + 1;
/** Open, clean report, Next update 2025-11-20: overdue on 2025-12-01. */
const threadOverdue = bugExportText({ id: 1900002, summary: 'Clean CA: OCSP responses served past their nextUpdate', whiteboard: '[ca-compliance] Next update 2025-11-20' }, [{ text: stripFrontMatter(prelimClean), creator: THREAD_CA, creation_time: '2025-10-02T10:00:00Z' }]);
/** The morning view's folder: two bugs of Alpha CA (one with its Full report overdue), one of Beta CA with an unanswered question, one without a CA prefix, one closed. */
const prelimOn = (id: number, summary: string, day: string, whiteboard = '[ca-compliance]', more: Array<{ text: string; creator: string; creation_time: string }> = []): string =>
  bugExportText({ id, summary, whiteboard, creation_time: `${day}T10:00:00Z` }, [{ text: stripFrontMatter(prelimClean), creator: THREAD_CA, creation_time: `${day}T10:00:00Z` }, ...more]);
const MORNING = {
  'bugs/1900011.bug.json': prelimOn(1900011, 'Alpha CA: OCSP responses served past their nextUpdate', '2025-11-20', '[ca-compliance] Next update 2025-12-05'),
  'bugs/1900012.bug.json': prelimOn(1900012, 'Alpha CA: CRLs published late', '2025-11-01'),
  'bugs/1900013.bug.json': prelimOn(1900013, 'Beta CA: wrong key usage', '2025-11-26', '[ca-compliance]', [{ text: 'Which profiles were affected?', creator: REVIEWER, creation_time: '2025-11-27T12:00:00Z' }]),
  'bugs/1900014.bug.json': prelimOn(1900014, 'OCSP outage at a subordinate', '2025-11-25'),
  'bugs/1900015.bug.json': bugExportText({ id: 1900015, summary: 'Alpha CA: closed one', status: 'RESOLVED', resolution: 'FIXED' }, [{ text: 'Done.', creator: THREAD_CA, creation_time: '2025-10-02T10:00:00Z' }]),
};
const threadClosed = bugExportText({ id: 1900003, status: 'RESOLVED', resolution: 'FIXED', whiteboard: 'Next update 2025-11-20' }, [{ text: stripFrontMatter(prelimClean), creator: THREAD_CA, creation_time: '2025-10-02T10:00:00Z' }]);
/** A colleague's (not the assignee's) broken report: linted only when config caAccounts names the colleague. */
const threadColleague = bugExportText({ id: 1900004 }, [{ text: stripFrontMatter(broken), creator: 'ops@ca.example.org', creation_time: '2025-10-02T10:00:00Z' }]);
const threadMalformed = bugExportText({ id: 1900003, creation_time: '2025-10-02T10:00:00Z' }, [{ text: 'Report.', creator: THREAD_CA, creation_time: 'last week' }]);
const threadPlugin = project('fixtures/plugins/thread-next-update.js');
/** A closed bug of 600 short comments, 2.x MB: over the report limit, under the export limit. */
const bigThread = bugExportText({ id: 1900005, status: 'RESOLVED', resolution: 'FIXED' }, Array.from({ length: 600 }, (_, i) => ({ text: `Update ${i}: ${'the revocation continues as planned. '.repeat(100)}`, creator: i % 2 ? REVIEWER : THREAD_CA, creation_time: new Date(Date.parse('2025-03-03T10:00:00Z') + i * 3_600_000).toISOString() })));
const withPlugin = { 'house.mjs': threadPlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' };
const THREAD_BROKEN = [
  /^1900001\.bug\.json#c1:1:3: warning title-format /m,
  /^1900001\.bug\.json#c1:3:4: warning contained-or-ongoing /m,
  /^1900001\.bug\.json#c1:5:5: error field-required /m,
  /^1900001\.bug\.json#c1:7:111: error no-placeholder /m,
  /^1900001\.bug\.json#c1:8:3: error field-empty /m,
];
/** The thread cases test the plumbing with the report rules (and a plugin thread rule); the lifecycle rules have cases of their own below. */
const LIFECYCLE = ['bug-initial-report', 'bug-full-report', 'bug-response-time', 'bug-update-cadence', 'bug-revocation-delay-updates', 'bug-closure'];
const TNOW = [...NOW, ...LIFECYCLE.flatMap((id) => ['--rule', `${id}:off`])];
/** A thread late on every obligation (fixtures/threads, written for the tests), judged when it was fetched. */
const threadLate = project('fixtures/threads/1999002-late.bug.json');
const threadCleanFixture = project('fixtures/threads/1999001-clean.bug.json');
const THREAD_CASES: CliCase[] = [
  { name: 'bug thread: the lifecycle rules on a thread late on every obligation, each at the comment where it arose: exit 1', args: ['--now', '2026-06-01', '-f', 'compact', '1999002.bug.json'], files: { '1999002.bug.json': threadLate }, code: 1, stdout: all(
    /^1999002\.bug\.json#c0:1:1: error bug-full-report The Full report \(comment 2, 2026-04-24 12:00 UTC\) came 23\.1 days after the initial disclosure /m,
    /^1999002\.bug\.json#c0:1:1: error bug-initial-report The CA's first report \(comment 1, 2026-04-06 12:00 UTC\) came 96 hours after awareness /m,
    /^1999002\.bug\.json#c1:1:1: error bug-revocation-delay-updates /m,
    /^1999002\.bug\.json#c2:1:1: error bug-update-cadence /m,
    /^1999002\.bug\.json#c3:1:1: error bug-response-time Comment 3 by reviewer@root-program\.example \(2026-04-25 09:00 UTC\) got no answer from the CA within 7 days; the next CA comment came 11 days later \(comment 4\)\./m,
    /^1999002\.bug\.json#c5:1:1: error bug-closure .*without a needinfo to incident-reporting@ccadb\.org/m,
  ) },
  { name: 'bug thread: the lifecycle rules on a clean closed thread: exit 0, no output', args: ['--now', '2025-11-01', '1999001.bug.json'], files: { '1999001.bug.json': threadCleanFixture }, code: 0 },
  { name: 'bug thread: a lifecycle rule turned off with --rule', args: ['--now', '2026-06-01', '-f', 'compact', '--rule', 'bug-closure:off', '1999002.bug.json'], files: { '1999002.bug.json': threadLate }, code: 1, stdout: (t) => {
    expect(t).not.toMatch(/ bug-closure /);
    expect(t).toMatch(/ bug-response-time /);
  } },
  { name: 'bug thread: the CA\'s report in comment 1 linted as of its posting, compact path#cN:line:col, the reviewer\'s paste not linted: exit 1', args: [...TNOW, '-f', 'compact', '1900001.bug.json'], files: { '1900001.bug.json': threadOpen }, code: 1, nodes: true, stdout: (t) => {
    all(...THREAD_BROKEN)(t);
    expect(t.split('\n').filter(Boolean)).toHaveLength(5);
    expect(t).not.toMatch(/#c2:/);
  } },
  { name: 'bug thread: a clean closed thread: exit 0, no output', args: [...TNOW, '1900003.bug.json'], files: { '1900003.bug.json': threadClosed }, code: 0, nodes: true },
  { name: 'bug thread: stylish groups by comment and ends with the next deadline', args: [...TNOW, '1900001.bug.json'], files: { '1900001.bug.json': threadOpen, ...withPlugin }, code: 1, stdout: [
    '',
    '1900001.bug.json',
    '  comment 1 (2025-10-02 10:00 UTC, incidents@ca.example)',
    '      1:3  warning  Title should read "CA Owner: short description"; found "OCSP responses served past their nextUpdate".  title-format',
    '      3:4  warning  This Preliminary report does not say whether the incident is contained or still ongoing; state it (e.g. "The incident is contained: the affected profile was disabled at 2025-08-12 16:40 UTC.").  contained-or-ongoing',
    '      5:5  error    Missing field "Relevant policies" in section "Summary"; keep every template field and write N/A when it does not apply.  field-required',
    '    7:111  error    Unfinished marker "XXX" left in; finish the text before posting.  no-placeholder',
    '      8:3  error    Field "Source of incident disclosure" is empty; answer it, or write N/A when it does not apply.  field-empty',
    '  next: update due 2025-12-05 (whiteboard Next update), 4 days left',
    '',
    '\u2716 5 problems (3 errors, 2 warnings)',
    '',
  ].join('\n') },
  { name: 'bug thread: stylish shows an overdue deadline and a thread rule\'s finding at its comment', args: [...TNOW, '1900002.bug.json'], files: { '1900002.bug.json': threadOverdue, ...withPlugin }, code: 1, stdout: all(/^ {2}comment 0 \(2025-10-02 10:00 UTC, incidents@ca\.example\)\n {4}1:1 {2}error {2}The whiteboard asked for an update by 2025-11-20; none came after this comment \(11 days overdue\)\. {2}house-next-update\n {2}next: update due 2025-11-20 \(whiteboard Next update\), overdue by 11 days\n/m) },
  { name: 'bug thread: json carries comment on each message and the deadlines', args: [...TNOW, '-f', 'json', '1900001.bug.json'], files: { '1900001.bug.json': threadOpen, ...withPlugin }, code: 1, nodes: true, stdout: json((v) => {
    const [r] = v as Array<Omit<JsonResult, 'messages'> & { messages: Array<JsonResult['messages'][number] & { comment?: number }>; deadlines?: unknown; source?: string }>;
    expect(r?.messages.map((m) => `${m.comment}:${m.line}:${m.column} ${m.ruleId}`)).toEqual(['1:1:3 title-format', '1:3:4 contained-or-ongoing', '1:5:5 field-required', '1:7:111 no-placeholder', '1:8:3 field-empty']);
    expect(r?.deadlines).toEqual([{ obligation: 'update', due: '2025-12-05T00:00:00.000Z', basis: 'whiteboard Next update', comment: 1 }]);
    expect(r?.source).toBeUndefined();
  }) },
  { name: 'bug thread: json gives a closed bug an empty deadlines list', args: [...TNOW, '-f', 'json', '1900003.bug.json'], files: { '1900003.bug.json': threadClosed, ...withPlugin }, code: 0, stdout: json((v) => expect((v as Array<{ deadlines?: unknown }>)[0]?.deadlines).toEqual([])) },
  { name: 'bug thread: sarif names the comment as a logical location, the region at its text in the export', args: [...TNOW, '-f', 'sarif', '1900001.bug.json'], files: { '1900001.bug.json': threadOpen }, code: 1, nodes: true, stdout: json((v) => {
    type Loc = { physicalLocation: { region: { startLine: number; startColumn: number; endLine: number; endColumn: number } }; logicalLocations?: Array<{ name: string; fullyQualifiedName: string }>; message?: { text: string } };
    const c1Length = (threadOpen.split('\n')[THREAD_C1_LINE - 1] as string).length;
    const run = (v as { runs: Array<{ results: Array<{ ruleId: string; locations: Loc[] }>; artifacts: Array<{ mimeType: string }> }> }).runs[0];
    expect(run?.results).toHaveLength(5);
    for (const res of run?.results ?? []) {
      expect(res.locations[0]?.physicalLocation.region).toEqual({ startLine: THREAD_C1_LINE, startColumn: 1, endLine: THREAD_C1_LINE, endColumn: c1Length + 1 });
      expect(res.locations[0]?.logicalLocations).toEqual([{ name: 'comment 1', fullyQualifiedName: 'bug 1900001 comment 1', kind: 'element' }]);
    }
    expect(run?.results[2]?.locations[0]?.message?.text).toBe('comment 1 (2025-10-02 10:00 UTC, incidents@ca.example), line 5, column 5 of its text');
    expect(run?.artifacts[0]?.mimeType).toBe('application/json');
  }) },
  { name: 'bug thread: github annotates the comment\'s line in the export and names the comment', args: [...TNOW, '-f', 'github', '1900001.bug.json'], files: { '1900001.bug.json': threadOpen }, code: 1, stdout: all(new RegExp(`^::error file=1900001\\.bug\\.json,line=${THREAD_C1_LINE},col=1,title=field-required::comment 1 \\(2025-10-02 10:00 UTC, incidents@ca\\.example\\), line 5: Missing field`, 'm')) },
  { name: 'bug thread: junit names the comment in each test case', args: [...TNOW, '-f', 'junit', '1900001.bug.json'], files: { '1900001.bug.json': threadOpen }, code: 1, stdout: all(/<testcase name="field-required \(c1:5:5\)" classname="1900001\.bug"/, /1900001\.bug\.json#c1:5:5: error Missing field/) },
  { name: 'bug thread: -f due lists open bugs by CA (the summary prefix), groups by their soonest deadline, soonest first, overdue marked, the bug link; closed ones left out', args: [...NOW, '-f', 'due', 'bugs'], files: MORNING, code: 1, stdout: [
    'Alpha CA: 2 open bugs, 1 overdue',
    '  1900012  OVERDUE by 15 days  2025-11-15 10:00 UTC  https://bugzilla.mozilla.org/show_bug.cgi?id=1900012  Full report (14 days after the bug\'s creation (IRG 3.1))',
    '  1900011  3 days left         2025-12-04 10:00 UTC  https://bugzilla.mozilla.org/show_bug.cgi?id=1900011  Full report (14 days after the bug\'s creation (IRG 3.1)); +1 more',
    '',
    'Beta CA: 1 open bug',
    '  1900013  3 days left         2025-12-04 12:00 UTC  https://bugzilla.mozilla.org/show_bug.cgi?id=1900013  answer comment 1 (7 days after comment 1 (IRG 3.1)); +1 more',
    '',
    'Other: 1 open bug',
    '  1900014  8 days left         2025-12-09 10:00 UTC  https://bugzilla.mozilla.org/show_bug.cgi?id=1900014  Full report (14 days after the bug\'s creation (IRG 3.1))',
    '',
    '4 open bugs of 3 CAs, 1 overdue; 1 closed left out.',
    '3 problems (3 errors, 0 warnings) not shown: -f due lists deadlines; -f stylish shows the findings.',
    '',
  ].join('\n') },
  { name: 'bug thread: -f due colours the overdue line red and the CA bold when colour is forced (FORCE_COLOR; the other cases show none without it)', args: [...NOW, '-f', 'due', 'bugs'], env: { FORCE_COLOR: '1' }, files: MORNING, code: 1, stdout: (t) => {
    expect(t).toContain('\u001b[1mAlpha CA: 2 open bugs, 1 overdue\u001b[22m');
    expect(t).toMatch(/^ {2}\u001b\[31m\u001b\[1m1900012 {2}OVERDUE by /m);
    expect(t).toMatch(/^ {2}1900011 {2}\d+ days? left/m);
  } },
  { name: 'bug thread: -f html -o writes the page (the open bugs and their time lines, as -f due orders them), stylish on stderr, stdout empty', args: [...NOW, '-f', 'html', '-o', 'due.html', 'bugs'], files: MORNING, code: 1, stderr: all(/^bugs\/1900012\.bug\.json$/m, /next: Full report due 2025-11-15 10:00 UTC/), after: {
    'due.html': /^<!DOCTYPE html>\n<html lang="en">[^]*<th scope="rowgroup" colspan="6">Alpha CA: 2 open bugs, 1 overdue<\/th><\/tr><tr class="overdue" data-bug="1900012">[^]*OVERDUE by [^]*<tr data-bug="1900011">[^]*<section class="bug has-overdue" id="bug-1900012"[^]*<section class="bug" id="bug-1900011"[^]*<strong>Question<\/strong>: answer due 2025-12-04 12:00 UTC, 3 days left[^]*<\/html>\n$/,
  } },
  { name: 'bug thread: -f html with no bug export says so on the page', args: [...NOW, '-f', 'html', '--rule', 'section-required:off', 'r.md'], files: { 'r.md': '# Nothing\n' }, code: 1, stdout: /<p>No open bugs \(no bug thread exports, \*\.bug\.json, among the files linted\)\.<\/p>/ },
  { name: 'bug thread: -f due with no open bug says so, and counts the lifecycle findings it does not show', args: [...NOW, '-f', 'due', 'bugs/1900015.bug.json'], files: MORNING, code: 1, stdout: 'No open bugs (1 bug export linted, all closed).\n2 problems (2 errors, 0 warnings) not shown: -f due lists deadlines; -f stylish shows the findings.\n' },
  { name: 'bug thread: -f due with no open bug says so', args: [...TNOW, '-f', 'due', '1900003.bug.json'], files: { '1900003.bug.json': threadClosed }, code: 0, stdout: 'No open bugs (1 bug export linted, all closed).\n' },
  { name: 'bug thread: a malformed export is one line naming the field: exit 2', args: [...TNOW, '-f', 'compact', '1900003.bug.json'], files: { '1900003.bug.json': threadMalformed }, code: 2, stdout: /^1900003\.bug\.json:\d+:1: error ir-lint Cannot read the bug export: comments\[0\]\.creation_time: expected an ISO time, got "last week"\.\n$/ },
  { name: 'bug thread: a folder with a good and a bad export lints the good one and exits 2', args: [...TNOW, '-f', 'compact', 'bugs'], files: { 'bugs/1900001.bug.json': threadOpen, 'bugs/1900003.bug.json': threadMalformed, 'bugs/notes.json': '{}' }, code: 2, stdout: (t) => {
    all(...THREAD_BROKEN.map((p) => new RegExp(p.source.replace('^', '^bugs/'), 'm')))(t);
    expect(t).toMatch(/^bugs\/1900003\.bug\.json:\d+:1: error ir-lint Cannot read the bug export: comments\[0\]\.creation_time/m);
    expect(t).not.toMatch(/notes\.json/);
  } },
  { name: 'bug thread: config caAccounts makes a colleague\'s report the CA\'s', args: [...TNOW, '-f', 'compact', 'x.bug.json'], files: { 'x.bug.json': threadColleague, '.irlintrc.json': '{ "caAccounts": ["@ca.example.org"] }' }, code: 1, stdout: all(/^x\.bug\.json#c0:5:5: error field-required /m) },
  { name: 'bug thread: without caAccounts a colleague\'s comment is not the CA\'s report', args: [...TNOW, '-f', 'compact', 'x.bug.json'], files: { 'x.bug.json': threadColleague }, code: 0 },
  { name: 'bug thread: a bad caAccounts entry is a config error: exit 2', args: [...TNOW, 'x.bug.json'], files: { 'x.bug.json': threadColleague, '.irlintrc.json': '{ "caAccounts": ["ops team"] }' }, code: 2, stderr: /^ir-lint: invalid configuration in \.irlintrc\.json: caAccounts\[0\]: expected a Bugzilla login \(an e-mail address such as ca@example\.com\) or @domain for every login there/ },
  { name: 'bug thread: an export over 2 MB is linted by default (its limit is 20 MB), and refused over --max-file-size', args: [...TNOW, '-f', 'compact', 'big.bug.json'], files: { 'big.bug.json': bigThread }, code: 0 },
  { name: 'bug thread: an export over --max-file-size is refused: exit 2', args: [...TNOW, '-f', 'compact', '--max-file-size', '1MB', 'big.bug.json'], files: { 'big.bug.json': bigThread }, code: 2, stdout: /^big\.bug\.json:1:1: error ir-lint File is 2\.\d MB, over the 1\.0 MB limit; raise it with --max-file-size if this really is one bug export\.\n$/ },
  { name: 'bug thread: on stdin with --stdin-filename x.bug.json', args: [...TNOW, '-f', 'compact', '--stdin-filename', '1900001.bug.json', '-'], stdin: threadOpen, code: 1, stdout: all(...THREAD_BROKEN) },
];
/** A language client's messages as it writes them to the server's stdin (LSP base protocol framing). */
const lspInput = (...messages: object[]): string =>
  messages.map((m) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...m });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  }).join('');
const LSP_INIT = { id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };
const LSP_SHUTDOWN = { id: 2, method: 'shutdown' };
const LSP_EXIT = { method: 'exit' };

export const CASES: CliCase[] = [
  // Lint results and exit codes
  { name: 'clean report: exit 0, no output', args: [...NOW, 'r.md'], files: { 'r.md': clean }, code: 0, nodes: true },
  { name: 'errors: exit 1, stylish by default', args: [...NOW, 'r.md'], files: { 'r.md': broken }, code: 1, nodes: true, stdout: [
    '',
    'r.md',
    '    1:3  warning  Title should read "CA Owner: short description"; found "OCSP responses served past their nextUpdate".  title-format',
    '    3:4  warning  This Preliminary report does not say whether the incident is contained or still ongoing; state it (e.g. "The incident is contained: the affected profile was disabled at 2025-08-12 16:40 UTC.").  contained-or-ongoing',
    '    5:5  error    Missing field "Relevant policies" in section "Summary"; keep every template field and write N/A when it does not apply.  field-required',
    '  7:111  error    Unfinished marker "XXX" left in; finish the text before posting.  no-placeholder',
    '    8:3  error    Field "Source of incident disclosure" is empty; answer it, or write N/A when it does not apply.  field-empty',
    '',
    '\u2716 5 problems (3 errors, 2 warnings)',
    '',
  ].join('\n') },
  { name: 'warnings only: exit 0', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': warnOnly }, code: 0, stdout: all(compactLine('r.md', WARN_LINE, 19, 'warning', 'na-format')) },
  { name: '--max-warnings 0 with a warning: exit 1', args: [...NOW, '--max-warnings', '0', 'r.md'], files: { 'r.md': warnOnly }, code: 1, stdout: all(/na-format/, /\nir-lint: 1 warning, more than --max-warnings 0; the run fails\.\n$/) },
  { name: '--max-warnings 1 with one warning: exit 0', args: [...NOW, '--max-warnings', '1', 'r.md'], files: { 'r.md': warnOnly }, code: 0, stdout: /na-format/ },
  { name: '--max-warnings with a bad number: exit 2', args: [...NOW, '--max-warnings', 'many', 'r.md'], files: { 'r.md': warnOnly }, code: 2, stderr: /--max-warnings expects a whole number, got "many"/ },
  { name: '--quiet hides warnings', args: [...NOW, '--quiet', 'r.md'], files: { 'r.md': warnOnly }, code: 0 },
  { name: '--quiet keeps errors', args: [...NOW, '--quiet', '-f', 'compact', 'r.md'], files: { 'r.md': broken }, code: 1, stdout: (t) => {
    expect(t).not.toMatch(/warning/);
    all(...BROKEN_COMPACT.slice(2))(t);
  } },
  { name: 'two clean files', args: [...NOW, 'a.md', 'b.md'], files: { 'a.md': clean, 'b.md': prelimClean }, code: 0 },
  { name: '--template forces the template', args: [...NOW, '-f', 'compact', '--template', 'ccadb-v3-preliminary', 'r.md'], files: { 'r.md': 'Some notes without headings.\n' }, code: 1, stdout: /^r\.md:1:1: error section-required /m },
  { name: '--rule turns rules off', args: [...NOW, '--rule', 'field-required:off', '--rule', 'no-placeholder:off', '--rule', 'field-empty:0', '--rule', 'title-format:off', '--rule', 'contained-or-ongoing:off', 'r.md'], files: { 'r.md': broken }, code: 0 },
  { name: '--rule raises a warning to an error', args: [...NOW, '-f', 'compact', '--rule', 'na-format:error', 'r.md'], files: { 'r.md': warnOnly }, code: 1, stdout: all(compactLine('r.md', WARN_LINE, 19, 'error', 'na-format')) },
  { name: '--now changes date-based results', args: ['--now', '2026-11-22', '-f', 'compact', 'r.md'], files: { 'r.md': fixture('v2-clean.md').replace(/posted: .*\n/, '') }, code: 1, stdout: /^r\.md:\d+:\d+: error template-current /m },
  { name: '--now before the same report: exit 0', args: ['--now', '2024-04-02', 'r.md'], files: { 'r.md': fixture('v2-clean.md').replace(/posted: .*\n/, '') }, code: 0 },

  // Formats
  { name: 'compact', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken }, code: 1, nodes: true, stdout: all(...BROKEN_COMPACT) },
  { name: 'json', args: [...NOW, '--format', 'json', 'r.md'], files: { 'r.md': broken }, code: 1, nodes: true, stdout: json((v) => {
    const [r] = v as JsonResult[];
    expect(r?.filePath).toBe('<dir>/r.md');
    expect(ruleLines(r as JsonResult)).toEqual(['1:3 title-format', '3:4 contained-or-ongoing', '5:5 field-required', '7:111 no-placeholder', '8:3 field-empty']);
    expect([r?.errorCount, r?.warningCount]).toEqual([3, 2]);
  }) },
  { name: 'sarif', args: [...NOW, '-f', 'sarif', 'r.md'], files: { 'r.md': broken }, code: 1, nodes: true, stdout: json((v) => {
    const run = (v as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }> }>; originalUriBaseIds: Record<string, { uri: string }> }> }).runs[0];
    expect((v as { version: string }).version).toBe('2.1.0');
    expect(run?.results.map((r) => `${r.locations[0]?.physicalLocation.region.startLine} ${r.ruleId} ${r.level}`)).toEqual(['1 title-format warning', '3 contained-or-ongoing warning', '5 field-required error', '7 no-placeholder error', '8 field-empty error']);
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toMatchObject({ uri: 'r.md', uriBaseId: '%SRCROOT%' });
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file://<dir>/');
    // What GitHub code scanning needs: a category, a line-hash fingerprint and a full region on every result.
    const scanning = v as { runs: Array<{ automationDetails: { id: string }; results: Array<{ partialFingerprints: { primaryLocationLineHash: string }; locations: Array<{ physicalLocation: { region: Record<string, number> } }> }> }> };
    expect(scanning.runs[0]?.automationDetails.id).toBe('ir-lint/r.md/');
    for (const r of scanning.runs[0]?.results ?? []) {
      expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
      expect(Object.keys(r.locations[0]?.physicalLocation.region ?? {}).sort()).toEqual(['endColumn', 'endLine', 'startColumn', 'startLine']);
    }
  }) },
  { name: 'github', args: [...NOW, '-f', 'github', 'r.md'], files: { 'r.md': broken }, code: 1, nodes: true, stdout: all(
    /^::warning file=r\.md,line=1,col=3,endLine=1,endColumn=46,title=title-format::Title should read/m,
    /^::error file=r\.md,line=5,col=5,endLine=5,endColumn=12,title=field-required::Missing field "Relevant policies"/m,
    /^::error file=r\.md,line=8,col=3,endLine=8,endColumn=37,title=field-empty::/m,
  ) },
  { name: 'junit', args: [...NOW, '-f', 'junit', 'a.md', 'b.md'], files: { 'a.md': broken, 'b.md': clean }, code: 1, nodes: true, stdout: all(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="ir-lint" tests="6" failures="5" errors="0" time="0">/,
    /<testsuite name="a\.md" tests="5" failures="5"/,
    /<testcase name="field-required \(5:5\)" classname="a" time="0">\n\s*<failure message="Missing field &quot;Relevant policies&quot;/,
    /<testsuite name="b\.md" tests="1" failures="0"[^>]*>\n\s*<testcase name="b\.md" classname="b" time="0" \/>/,
  ) },
  { name: 'unknown format: exit 2', args: ['-f', 'xml', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /^ir-lint: unknown format "xml" \(one of: stylish, compact, json, sarif, github, junit/ },

  // Colour
  { name: 'FORCE_COLOR colours stylish', args: [...NOW, 'r.md'], files: { 'r.md': broken }, env: { FORCE_COLOR: '1' }, code: 1, stdout: colored },
  { name: '--color colours stylish, NO_COLOR notwithstanding', args: [...NOW, '--color', 'r.md'], files: { 'r.md': broken }, env: { NO_COLOR: '1' }, code: 1, stdout: colored },
  { name: '--no-color wins over FORCE_COLOR', args: [...NOW, '--no-color', 'r.md'], files: { 'r.md': broken }, env: { FORCE_COLOR: '1' }, code: 1, stdout: all(/^ {4}5:5 {2}error/m), stderr: '' },
  { name: 'FORCE_COLOR=0 and TERM=dumb: no colour', args: [...NOW, 'r.md'], files: { 'r.md': broken }, env: { FORCE_COLOR: '0', TERM: 'dumb' }, code: 1, stdout: (t) => {
    noColor(t);
    expect(t).toMatch(/field-required/);
  } },
  { name: 'compact is never coloured', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken }, env: { FORCE_COLOR: '1' }, code: 1, stdout: (t) => {
    noColor(t);
    all(...BROKEN_COMPACT)(t);
  } },

  // Output files
  { name: '-o writes the format to the file, stylish to stderr', args: [...NOW, '-f', 'json', '-o', 'out/report.json', 'r.md'], files: { 'r.md': broken }, code: 1, nodes: true, after: { 'out/report.json': /^\[\{"filePath":"<dir>\/r\.md","messages":\[\{"ruleId":"title-format"/ }, stderr: all(/^\nr\.md\n/, /^ {4}5:5 {2}error {4}Missing field/m, /\u2716 5 problems \(3 errors, 2 warnings\)\n$/) },
  { name: '--output-file sarif, never coloured', args: [...NOW, '-f', 'sarif', '--output-file', 'r.sarif', 'r.md'], files: { 'r.md': broken }, env: { FORCE_COLOR: '1' }, code: 1, after: { 'r.sarif': /^\{\n {2}"\$schema": "https:\/\/docs\.oasis-open\.org\/sarif\/sarif\/v2\.1\.0\/[\s\S]*"ruleId": "field-required"/ }, stderr: colored },
  { name: '-o with a clean report writes the empty report', args: [...NOW, '-f', 'junit', '-o', 'junit.xml', 'r.md'], files: { 'r.md': clean }, code: 0, after: { 'junit.xml': /<testsuite name="r\.md" tests="1" failures="0"/ } },

  // Inputs: stdin, directories, globs, unreadable files
  { name: 'stdin with a name', args: [...NOW, '-f', 'compact', '--stdin-filename', 'draft.md', '-'], stdin: broken, code: 1, nodes: true, stdout: all(compactLine('draft.md', 5, 5, 'error', 'field-required')) },
  { name: 'stdin without a name', args: [...NOW, '-f', 'compact', '-'], stdin: broken, code: 1, stdout: all(compactLine('<stdin>', 5, 5, 'error', 'field-required')) },
  { name: 'stdin name finds the config of its directory', args: [...NOW, '-f', 'compact', '--stdin-filename', 'sub/draft.md', '-'], stdin: broken, files: { 'sub/.irlintrc.json': '{ "rules": { "field-required": "off" } }' }, code: 1, stdout: (t) => {
    expect(t).not.toMatch(/field-required/);
    all(compactLine('sub/draft.md', 7, 111, 'error', 'no-placeholder'))(t);
  } },
  { name: 'directory: .md and .markdown, not node_modules or .git', args: [...NOW, '-f', 'compact', 'reports'], files: { 'reports/a.md': broken, 'reports/sub/b.markdown': broken, 'reports/c.txt': broken, 'reports/node_modules/x.md': broken, 'reports/.git/y.md': broken }, code: 1, nodes: true, stdout: (t) => {
    all(compactLine('reports/a.md', 5, 5, 'error', 'field-required'), compactLine('reports/sub/b.markdown', 5, 5, 'error', 'field-required'))(t);
    expect(t).not.toMatch(/c\.txt|x\.md|y\.md/);
  } },
  { name: 'current directory', args: [...NOW, '-f', 'compact', '.'], files: { 'a.md': broken, 'b.md': clean }, code: 1, stdout: (t) => {
    all(compactLine('a.md', 5, 5, 'error', 'field-required'))(t);
    expect(t).not.toMatch(/^b\.md/m);
  } },
  { name: 'glob', args: [...NOW, '-f', 'compact', 'reports/*.md'], files: { 'reports/a.md': broken, 'reports/b.md': clean, 'reports/deep/c.md': broken }, code: 1, nodes: true, stdout: (t) => {
    all(compactLine('reports/a.md', 5, 5, 'error', 'field-required'))(t);
    expect(t).not.toMatch(/c\.md/);
  } },
  { name: 'recursive glob', args: [...NOW, '-f', 'compact', 'reports/**/*.md'], files: { 'reports/a.md': broken, 'reports/deep/c.md': broken, 'reports/node_modules/n.md': broken }, code: 1, stdout: (t) => {
    all(compactLine('reports/a.md', 5, 5, 'error', 'field-required'), compactLine('reports/deep/c.md', 5, 5, 'error', 'field-required'))(t);
    expect(t).not.toMatch(/n\.md/);
  } },
  { name: 'glob that matches nothing: exit 2', args: [...NOW, 'nothing/*.md'], files: { 'r.md': clean }, code: 2, stdout: all(/^nothing\/\*\.md$/m, /^ {2}1:1 {2}error {2}No files match this pattern\./m) },
  { name: 'missing file among good files: reported, others linted, exit 2', args: [...NOW, '-f', 'compact', 'a.md', 'missing.md', 'b.md'], files: { 'a.md': broken, 'b.md': broken }, code: 2, stdout: all(compactLine('a.md', 5, 5, 'error', 'field-required'), /^missing\.md:1:1: error ir-lint Cannot read file: no such file or directory\.$/m, compactLine('b.md', 5, 5, 'error', 'field-required')) },
  { name: 'directory without reports: exit 2', args: [...NOW, 'empty'], files: { 'empty/notes.txt': 'x' }, code: 2, stdout: /No Markdown files \(\*\.md, \*\.markdown\) or Appendix CSVs in this directory\./ },
  { name: 'directory named like a report is searched', args: [...NOW, '-f', 'compact', 'folder.md'], files: { 'folder.md/inner.md': broken }, code: 1, stdout: all(compactLine('folder.md/inner.md', 5, 5, 'error', 'field-required')) },
  { name: 'binary file named .md', args: [...NOW, '-f', 'compact', 'img.md'], files: { 'img.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]) }, code: 2, stdout: /^img\.md:1:1: error ir-lint Cannot lint file: binary file \(a PNG image\)/m },
  { name: 'invalid UTF-8', args: [...NOW, '-f', 'compact', 'latin1.md'], files: { 'latin1.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]) }, code: 2, stdout: /^latin1\.md:1:1: error ir-lint .*not valid UTF-8 \(first bad byte at offset 5\)/m },
  { name: 'empty file: a lint error, not a crash', args: [...NOW, '-f', 'compact', 'empty.md'], files: { 'empty.md': '' }, code: 1, stdout: /^empty\.md:1:1: error report-template The file is empty/m },
  { name: 'file over --max-file-size', args: [...NOW, '-f', 'compact', '--max-file-size', '1KB', 'big.md'], files: { 'big.md': 'x'.repeat(2048) }, code: 2, stdout: /^big\.md:1:1: error ir-lint .*over the 1\.0 KB limit/m },
  { name: '--max-file-size 0: no limit', args: [...NOW, '-f', 'compact', '--max-file-size', '0', 'r.md'], files: { 'r.md': broken }, code: 1, stdout: all(...BROKEN_COMPACT) },
  { name: '--max-attachment-size refuses a larger CSV', args: [...NOW, '-f', 'compact', '--max-attachment-size', '1KB', 'certs.csv'], files: { 'certs.csv': readFileSync(path.join(ROOT, 'fixtures', 'csv', 'dossier-clean.csv')) }, code: 2, stdout: /^certs\.csv:1:1: error ir-lint .*over the 1\.0 KB limit; raise it with --max-attachment-size/m },
  { name: '--for-bugzilla prints the text to paste: no front matter, no directive', args: [...NOW, '--for-bugzilla', 'r.md'], files: { 'r.md': clean.replace('## Full Incident Report', '<!-- ir-lint-disable-next-line na-format -->\n## Full Incident Report') }, code: 0, nodes: true, stdout: clean.replace(/^---\n[\s\S]*?\n---\n/, '') },
  { name: '--for-bugzilla with --fix: usage, exit 2', args: ['--for-bugzilla', '--fix', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /^ir-lint: .*--for-bugzilla/m },
  { name: '--max-file-size with a bad size: exit 2', args: [...NOW, '--max-file-size', 'huge', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /^ir-lint: .*--max-file-size/ },

  // Usage errors and information
  { name: 'no paths: usage, exit 2', args: [], code: 2, stderr: /^Usage: ir-lint[\s\S]*no files to lint/ },
  { name: 'bad --now: exit 2', args: ['--now', 'yesterday', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /--now expects a date/ },
  { name: 'unknown template: exit 2 with suggestion', args: ['--template', 'ccadb-v3-ful', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /did you mean "ccadb-v3-full"/ },
  { name: 'unknown rule in --rule: exit 2 with suggestion', args: ['--rule', 'section-requird:off', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /unknown rule "section-requird"; did you mean "section-required"/ },
  { name: 'bad severity in --rule: exit 2', args: ['--rule', 'section-required:loud', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /severity must be off, warn or error/ },
  { name: 'unknown option: exit 2', args: ['--frobnicate', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /unknown option '--frobnicate'/ },
  { name: '--rule-timeout takes a budget', args: [...NOW, '--rule-timeout', '5000', '-f', 'compact', 'r.md'], files: { 'r.md': broken }, code: 1, stdout: all(...BROKEN_COMPACT) },
  { name: '--rule-timeout with a bad number: exit 2', args: ['--rule-timeout', 'soon', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /--rule-timeout expects a whole number, got "soon"/ },
  // --fetch (the network cases against a stand-in Bugzilla are in test/fetch*.test.ts): port 2 on loopback refuses at once, on every host.
  { name: '--fetch from a Bugzilla that is not there: the bug named, nothing written, exit 2', args: ['--fetch', '2100003', '--fetch-dir', 'exports', '--bugzilla-url', 'http://127.0.0.1:2', '--fetch-timeout', '5'], env: { BUGZILLA_API_KEY: 'case-key-never-shown' }, code: 2, nodes: true, stderr: 'ir-lint: bug 2100003: cannot reach http://127.0.0.1:2: ECONNREFUSED\nir-lint: fetched 0 of 1 bug into exports; 1 failed\n' },
  { name: '--fetch open with --fetch-assignee and --fetch-summary: the failed search named, exit 2', args: ['--fetch', 'open', '--fetch-assignee', 'pki@example-trust.example', '--fetch-summary', 'Example Trust', '--bugzilla-url', 'http://localhost:2'], code: 2, stderr: /^ir-lint: the search for open bugs failed: cannot reach http:\/\/localhost:2: ECONN(?:REFUSED|RESET)\n$/ },
  { name: '--bugzilla-url over plain http off loopback: usage, exit 2', args: ['--fetch', '12', '--bugzilla-url', 'http://bugzilla.example'], code: 2, stderr: /^ir-lint: --bugzilla-url must be an https: URL \(plain http only on 127\.0\.0\.1, ::1 or localhost\), got "http:\/\/bugzilla\.example"\n/ },
  { name: '--fetch with something that is not a bug number: exit 2', args: ['--fetch', 'x1'], code: 2, stderr: /^ir-lint: --fetch expects bug numbers or "open", got "x1"\n/ },
  { name: '--fetch-dir without --fetch: exit 2', args: ['--fetch-dir', 'd', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /^ir-lint: --fetch-dir is used with --fetch\n/ },
  { name: '--fetch-timeout 0: exit 2', args: ['--fetch', '5', '--fetch-timeout', '0'], code: 2, stderr: /^ir-lint: --fetch-timeout expects a number of seconds above 0, got "0"\n/ },
  { name: '--fetch-summary without --fetch open: exit 2', args: ['--fetch', '5', '--fetch-summary', 'Example Trust'], code: 2, stderr: /^ir-lint: --fetch-summary is used with --fetch open\n/ },
  { name: '--fetch with files to lint: exit 2, nothing fetched', args: ['--fetch', '5', '--', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /^ir-lint: --fetch downloads bugs and lints nothing; lint the exports in a second run \(ir-lint \.\), got "r\.md"\n/ },
  { name: '--debug on a plain run changes nothing', args: [...NOW, '--debug', '-f', 'compact', 'r.md'], files: { 'r.md': broken }, code: 1, stdout: all(...BROKEN_COMPACT) },
  { name: '--version', args: ['--version'], code: 0, nodes: true, stdout: `${JSON.parse(project('package.json')).version as string}\n` },
  { name: '-v', args: ['-v'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: '--help', args: ['--help'], code: 0, stdout: all(/^Usage: ir-lint \[options\] \[paths\.\.\.\]/, /--fix-dry-run/, /Exit codes: 0 no errors/) },
  { name: '-h', args: ['-h'], code: 0, stdout: /^Usage: ir-lint/ },
  { name: '--list-rules', args: ['--list-rules'], code: 0, stdout: all(/^report-template +error +Require a recognisable/m, /^na-format +warn +fixable +Require "N\/A"/m, /^\n\d+ rules \(\d+ built-in, 0 from plugins\)\. ir-lint --explain <rule-id> explains one\.\n$/m) },
  { name: '--list-rules -f json', args: ['--list-rules', '-f', 'json'], code: 0, stdout: json((v) => {
    const rows = v as Array<{ id: string; severity: string; fixable: boolean; plugin: boolean }>;
    expect(rows.find((r) => r.id === 'na-format')).toMatchObject({ severity: 'warn', fixable: true, plugin: false });
    expect(rows.length).toBeGreaterThan(40);
  }) },
  { name: '--explain', args: ['--explain', 'na-format'], code: 0, stdout: all(/^na-format \(warn by default, fixable with --fix\)\n/, /\nWhy:\n/, /\nExamples:\n/, /\nDocs: https:\/\/github\.com\/ir-lint\/ir-lint\/blob\/main\/docs\/rules\.md#na-format\n$/) },
  { name: '--explain an unknown rule: exit 2 with suggestion', args: ['--explain', 'na-formt'], code: 2, stderr: /^ir-lint: --explain: unknown rule "na-formt"; did you mean "na-format"\?/ },
  { name: '--print-config', args: ['--print-config', 'r.md'], files: { '.irlintrc.json': '{ "rules": { "na-format": "error", "rca-human-error": ["warn", { "phrases": ["oversight"] }] }, "ignores": ["old/**"] }' }, code: 0, stdout: json((v) => {
    expect(v).toMatchObject({ filePath: 'r.md', configFile: '.irlintrc.json', ignored: false, template: 'auto', ignores: ['old/**'] });
    expect((v as { rules: Record<string, unknown> }).rules).toMatchObject({ 'na-format': ['error', { spellings: expect.arrayContaining(['none', 'n.a.']) }], 'rca-human-error': ['warn', { phrases: ['oversight'] }], 'section-required': 'error' });
  }) },
  { name: '--print-config for an ignored file', args: ['--print-config', 'old/r.md'], files: { '.irlintrc.json': '{ "ignores": ["old/**"] }' }, code: 0, stdout: json((v) => expect(v).toMatchObject({ filePath: 'old/r.md', ignored: true })) },
  { name: '--init writes the skeleton', args: ['--init'], code: 0, nodes: true, after: { 'incident-report.md': FULL_REPORT_SKELETON }, stdout: /^Wrote incident-report\.md: a v3 Full Incident Report skeleton\.\n/ },
  { name: '--init with a path in a new directory', args: ['--init', 'drafts/2025-12.md'], code: 0, after: { 'drafts/2025-12.md': FULL_REPORT_SKELETON }, stdout: /^Wrote drafts\/2025-12\.md/ },
  { name: '--init never overwrites', args: ['--init', 'r.md'], files: { 'r.md': 'mine\n' }, code: 2, stderr: /^ir-lint: r\.md: already exists; ir-lint --init never overwrites a file/ },
  { name: '--init - prints the skeleton', args: ['--init', '-'], code: 0, stdout: FULL_REPORT_SKELETON },
  { name: 'the skeleton lints as unfinished', args: [...NOW, '-f', 'compact', 'incident-report.md'], files: { 'incident-report.md': FULL_REPORT_SKELETON }, code: 1, stdout: all(/^incident-report\.md:5:\d+: error field-empty /m, /no-placeholder/) },

  // Configuration files
  { name: '.irlintrc.json', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken, '.irlintrc.json': '{ "rules": { "field-required": "off", "title-format": "error" } }' }, code: 1, nodes: true, stdout: (t) => {
    expect(t).not.toMatch(/field-required/);
    all(compactLine('r.md', 1, 3, 'error', 'title-format'))(t);
  } },
  { name: '.irlintrc.yaml', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken, '.irlintrc.yaml': 'rules:\n  field-required: off\n  no-placeholder: warn\n' }, code: 1, nodes: true, stdout: (t) => {
    expect(t).not.toMatch(/field-required/);
    all(compactLine('r.md', 7, 111, 'warning', 'no-placeholder'))(t);
  } },
  { name: '.irlintrc.yml', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken, '.irlintrc.yml': 'rules:\n  field-empty: off\n' }, code: 1, stdout: (t) => expect(t).not.toMatch(/field-empty/) },
  { name: 'package.json "ir-lint" key', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken, 'package.json': '{ "name": "reports", "ir-lint": { "rules": { "no-placeholder": "off" } } }' }, code: 1, nodes: true, stdout: (t) => {
    expect(t).not.toMatch(/no-placeholder/);
    all(compactLine('r.md', 5, 5, 'error', 'field-required'))(t);
  } },
  { name: 'nearest config wins', args: [...NOW, '-f', 'compact', 'a.md', 'sub/b.md'], files: { 'a.md': broken, 'sub/b.md': broken, '.irlintrc.json': '{ "rules": { "field-empty": "off" } }', 'sub/.irlintrc.yaml': 'rules:\n  field-required: off\n' }, code: 1, stdout: (t) => {
    all(compactLine('a.md', 5, 5, 'error', 'field-required'), compactLine('sub/b.md', 8, 3, 'error', 'field-empty'))(t);
    expect(t).not.toMatch(/^a\.md:8:3/m);
    expect(t).not.toMatch(/^sub\/b\.md:5:5/m);
  } },
  { name: '-c names the config', args: [...NOW, '-f', 'compact', '-c', 'conf/strict.yaml', 'r.md'], files: { 'r.md': warnOnly, 'conf/strict.yaml': 'rules:\n  na-format: error\n', '.irlintrc.json': '{ "rules": { "na-format": "off" } }' }, code: 1, stdout: all(compactLine('r.md', WARN_LINE, 19, 'error', 'na-format')) },
  { name: '--no-config ignores config files', args: [...NOW, '-f', 'compact', '--no-config', 'r.md'], files: { 'r.md': broken, '.irlintrc.json': '{ "rules": { "no-such-rule": "off" } }' }, code: 1, stdout: all(...BROKEN_COMPACT) },
  { name: 'config with an unknown rule: exit 2 with path and suggestion', args: [...NOW, 'r.md'], files: { 'r.md': clean, '.irlintrc.json': '{ "rules": { "na-formatt": "off" } }' }, code: 2, stderr: /^ir-lint: invalid configuration in \.irlintrc\.json: .*rules\.na-formatt.*did you mean "na-format"/ },
  { name: 'config with a bad severity: exit 2', args: [...NOW, 'r.md'], files: { 'r.md': clean, '.irlintrc.yaml': 'rules:\n  na-format: loud\n' }, code: 2, stderr: /^ir-lint: invalid configuration in \.irlintrc\.yaml: .*na-format/ },
  { name: 'config that does not parse: exit 2', args: [...NOW, 'r.md'], files: { 'r.md': clean, '.irlintrc.json': '{ "rules": ' }, code: 2, stderr: /^ir-lint: invalid configuration in \.irlintrc\.json/ },
  { name: '-c with a missing file: exit 2', args: [...NOW, '-c', 'nope.json', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /^ir-lint: .*nope\.json/ },
  { name: 'template in the config', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': 'Some notes without headings.\n', '.irlintrc.json': '{ "template": "ccadb-v3-preliminary" }' }, code: 1, stdout: /^r\.md:1:1: error section-required /m },
  { name: 'ignores skip files in a directory', args: [...NOW, '-f', 'compact', '.'], files: { 'new.md': broken, 'old/r.md': broken, '.irlintrc.json': '{ "ignores": ["old/**"] }' }, code: 1, stdout: (t) => {
    all(compactLine('new.md', 5, 5, 'error', 'field-required'))(t);
    expect(t).not.toMatch(/old\//);
  } },

  // Plugins (ES modules in the working directory)
  { name: 'a plugin that imports ir-lint', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': codenameReport, 'rules/house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./rules/house.mjs"] }' }, code: 1, nodes: true, stdout: `r.md:${CODENAME_LINE}:${CODENAME_COL}: error acme-no-codename Internal code name "BLUEFIN" in a public report.\n` },
  { name: 'a plugin of plain objects, configured', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': `${prelimClean}\nDRAFT\n`, 'two-rules.mjs': twoRules, '.irlintrc.yaml': 'plugins:\n  - ./two-rules.mjs\nrules:\n  house-max-lines: [error, { max: 3 }]\n' }, code: 1, stdout: all(/^r\.md:1:1: error house-max-lines The report has \d+ lines; the house limit is 3\.$/m, /^r\.md:\d+:1: warning house-no-draft-marker Remove the "DRAFT" marker before posting\.$/m) },
  { name: 'a .js plugin in a "type": "module" package, named in package.json', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': codenameReport, 'house.js': housePlugin, 'package.json': '{ "name": "reports", "type": "module", "ir-lint": { "plugins": ["./house.js"] } }' }, code: 1, stdout: all(compactLine('r.md', CODENAME_LINE, CODENAME_COL, 'error', 'acme-no-codename')) },
  { name: 'a plugin rule turned off with --rule', args: [...NOW, '--rule', 'acme-no-codename:off', 'r.md'], files: { 'r.md': codenameReport, 'house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' }, code: 0 },
  { name: 'a plugin on stdin', args: [...NOW, '-f', 'compact', '--stdin-filename', 'r.md', '-'], stdin: codenameReport, files: { 'house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' }, code: 1, stdout: all(compactLine('r.md', CODENAME_LINE, CODENAME_COL, 'error', 'acme-no-codename')) },
  { name: 'a plugin that cannot be found: exit 2', args: [...NOW, 'r.md'], files: { 'r.md': clean, '.irlintrc.json': '{ "plugins": ["./rules/nope.mjs"] }' }, code: 2, stderr: /^ir-lint: invalid configuration in \.irlintrc\.json: plugins\[0\]: cannot find plugin "\.\/rules\/nope\.mjs"/ },
  { name: 'a plugin that throws on load: exit 2', args: [...NOW, 'r.md'], files: { 'r.md': clean, 'bad.mjs': project('fixtures/plugins/throws-on-load.js'), '.irlintrc.json': '{ "plugins": ["./bad.mjs"] }' }, code: 2, stderr: /^ir-lint: invalid configuration in \.irlintrc\.json: plugins\[0\]: .*bad\.mjs/ },
  { name: '--list-rules shows plugin rules', args: ['--list-rules'], files: { 'house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' }, code: 0, stdout: all(/^acme-no-codename +error +Disallow the internal code name in a public report\. \(plugin\)$/m, /\d+ rules \(\d+ built-in, 1 from plugins; config: \.irlintrc\.json\)/) },
  { name: '--explain a plugin rule', args: ['--explain', 'acme-no-codename'], files: { 'house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' }, code: 0, stdout: all(/^acme-no-codename \(error by default; from a plugin named in \.irlintrc\.json\)\n\nDisallow the internal code name in a public report\.\n/, /\nDocs: file:\/\/<dir>\/house\.mjs\n$/) },

  { name: 'IR_LINT_WORKERS=2: worker threads, the same output in input order', args: [...NOW, '-f', 'compact', 'c.md', 'a.md', 'b.md'], files: { 'a.md': broken, 'b.md': warnOnly, 'c.md': broken.replace('XXX add', 'add') }, env: { IR_LINT_WORKERS: '2' }, code: 1, nodes: true, stdout: (t) => {
    all(compactLine('c.md', 5, 5, 'error', 'field-required'), compactLine('a.md', 1, 3, 'warning', 'title-format'), compactLine('a.md', 7, 111, 'error', 'no-placeholder'), compactLine('b.md', WARN_LINE, 19, 'warning', 'na-format'))(t);
    expect(t).not.toMatch(/^c\.md:7:/m);
  } },
  { name: 'IR_LINT_WORKERS=0: a plugin in the main thread', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': codenameReport, 'house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' }, env: { IR_LINT_WORKERS: '0' }, code: 1, stdout: `r.md:${CODENAME_LINE}:${CODENAME_COL}: error acme-no-codename Internal code name "BLUEFIN" in a public report.\n` },

  // Inline directives
  { name: 'disable-next-line', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken.replace('- **Incident description:**', '<!-- ir-lint-disable-next-line no-placeholder -->\n- **Incident description:**') }, code: 1, stdout: (t) => {
    expect(t).not.toMatch(/no-placeholder/);
    all(compactLine('r.md', 5, 5, 'error', 'field-required'), compactLine('r.md', 9, 3, 'error', 'field-empty'))(t);
  } },
  { name: 'disable and enable', args: [...NOW, '-f', 'compact', 'r.md'], files: { 'r.md': broken.replace('### Summary', '<!-- ir-lint-disable field-required, field-empty -->\n### Summary').concat('<!-- ir-lint-enable -->\n') }, code: 1, stdout: (t) => {
    expect(t).not.toMatch(/field-required|field-empty/);
    all(compactLine('r.md', 8, 111, 'error', 'no-placeholder'))(t);
  } },
  { name: 'disable-file', args: [...NOW, 'r.md'], files: { 'r.md': `<!-- ir-lint-disable-file -->\n${broken}` }, code: 0 },
  { name: 'a directive for a plugin rule', args: [...NOW, 'r.md'], files: { 'r.md': codenameReport.replace('- **Incident description:**', '<!-- ir-lint-disable-next-line acme-no-codename -->\n- **Incident description:**'), 'house.mjs': housePlugin, '.irlintrc.json': '{ "plugins": ["./house.mjs"] }' }, code: 0 },
  { name: '--report-unused-disables', args: [...NOW, '-f', 'compact', '--report-unused-disables', 'r.md'], files: { 'r.md': clean.replace('## Full Incident Report', '<!-- ir-lint-disable-next-line na-format -->\n## Full Incident Report') }, code: 0, stdout: 'r.md:9:1: warning ir-lint Unused ir-lint-disable-next-line directive (no problems were reported for na-format); remove it.\n' },
  { name: '--report-unused-disables with --max-warnings 0: exit 1', args: [...NOW, '-f', 'compact', '--report-unused-disables', '--max-warnings', '0', 'r.md'], files: { 'r.md': clean.replace('## Full Incident Report', '<!-- ir-lint-disable-next-line na-format -->\n## Full Incident Report') }, code: 1, stdout: all(/^r\.md:9:1: warning ir-lint Unused ir-lint-disable-next-line directive/, /\nir-lint: 1 warning, more than --max-warnings 0; the run fails\.\n$/) },

  // --fix and --fix-dry-run
  { name: '--fix writes the fixed file and reports what remains', args: [...FIX_NOW, '-f', 'compact', '--fix', 'r.md'], files: { 'r.md': fixable }, code: 1, nodes: true, after: { 'r.md': fixed }, stdout: REMAINING },
  { name: '--fix fixes due dates', args: [...NOW, '-f', 'compact', '--rule', 'section-required:off', '--fix', 'r.md'], files: { 'r.md': dueDates }, code: 1, nodes: true, after: { 'r.md': dueDates.replace('| 2024-4-20 |', '| 2024-04-20 |').replace('| April 30, 2024 |', '| 2024-04-30 |') }, stdout: all(/^r\.md:\d+:\d+: error action-item-due-date .*03\/04\/2024/m) },
  { name: '--fix with nothing to fix writes nothing', args: [...NOW, '--fix', 'r.md'], files: { 'r.md': clean }, code: 0 },
  { name: '--fix on a directory fixes each file', args: [...FIX_NOW, '-f', 'compact', '--fix', 'reports'], files: { 'reports/a.md': fixable, 'reports/b.md': fixable.replace('None', 'N/A') }, code: 1, after: { 'reports/a.md': fixed, 'reports/b.md': fixed } , stdout: all(/^reports\/a\.md:15:5: error field-empty/m, /^reports\/b\.md:15:5: error field-empty/m) },
  { name: '--fix keeps CRLF line endings', args: [...FIX_NOW, '-f', 'compact', '--fix', 'r.md'], files: { 'r.md': fixable.replace(/\n/g, '\r\n') }, code: 1, after: { 'r.md': fixed.replace(/\n/g, '\r\n') }, stdout: REMAINING },
  { name: '--fix with -o: fixed file and the report file', args: [...FIX_NOW, '-f', 'json', '-o', 'report.json', '--fix', 'r.md'], files: { 'r.md': fixable }, code: 1, after: { 'r.md': fixed, 'report.json': /"output":"## Incident Report/ }, stderr: all(/^ {2}11:5 {2}warning {2}The timeline has no dated entries/m, /^ {2}15:5 {2}error {4}Section "Root Cause Analysis" is empty/m) },
  { name: '--fix on stdin prints the fixed text, the report on stderr', args: [...FIX_NOW, '-f', 'compact', '--fix', '--stdin-filename', 'r.md', '-'], stdin: fixable, code: 1, nodes: true, stdout: fixed, stderr: REMAINING },
  { name: '--fix-dry-run prints the diff and writes nothing', args: [...FIX_NOW, '-f', 'compact', '--fix-dry-run', 'r.md'], files: { 'r.md': fixable }, code: 1, nodes: true, stdout: all(/^--- a\/r\.md\n\+\+\+ b\/r\.md\n@@ /, /^\+### Root Cause Analysis$/m, /^-- \*\*Where we got lucky:\*\* None$/m, /^\+- \*\*Where we got lucky:\*\* N\/A$/m, new RegExp(`^${REMAINING.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm')) },
  { name: '--fix-dry-run with json: the diff on stderr, output in the json', args: [...FIX_NOW, '-f', 'json', '--fix-dry-run', 'r.md'], files: { 'r.md': fixable }, code: 1, stderr: /^--- a\/r\.md\n\+\+\+ b\/r\.md\n/, stdout: json((v) => {
    const [r] = v as JsonResult[];
    expect(r?.output).toBe(fixed);
    expect(ruleLines(r as JsonResult)).toEqual(['11:5 timeline-timestamp', '15:5 field-empty']);
  }) },
  { name: '--fix-dry-run with nothing to fix prints no diff', args: [...NOW, '--fix-dry-run', 'r.md'], files: { 'r.md': clean }, code: 0 },
  { name: '--fix-dry-run on stdin prints the diff', args: [...FIX_NOW, '-f', 'compact', '--fix-dry-run', '-'], stdin: fixable, code: 1, stdout: all(/^--- <stdin>\n\+\+\+ <stdin>\n|^--- a\/<stdin>\n/, /^\+### Root Cause Analysis$/m, /^<stdin>:15:5: error field-empty/m) },
  ...THREAD_CASES,

  // The language server (test/lsp.test.ts drives it as an editor does)
  { name: '--lsp with stdin closed at once: exit 0, nothing written', args: ['--lsp'], code: 0 },
  { name: '--lsp --stdio answers initialize and shutdown, exit 0 after exit', args: ['--lsp', '--stdio', ...NOW], stdin: lspInput(LSP_INIT, { method: 'initialized', params: {} }, LSP_SHUTDOWN, LSP_EXIT), code: 0, nodes: true, stdout: all(/^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2\.0","id":1,"result":\{"capabilities":\{"textDocumentSync":\{"openClose":true,"change":2,"save":\{"includeText":false\}\},"codeActionProvider":\{"codeActionKinds":\["quickfix","source\.fixAll\.ir-lint"\]\}\},"serverInfo":\{"name":"ir-lint"/, /\{"jsonrpc":"2\.0","id":2,"result":null\}$/) },
  { name: '--lsp: exit without shutdown is exit 1, as the protocol says', args: ['--lsp', '--stdio'], stdin: lspInput(LSP_INIT, LSP_EXIT), code: 1, stdout: /"id":1,"result":\{"capabilities"/ },
  { name: '--lsp takes no paths: exit 2', args: ['--lsp', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /--lsp takes no paths \(the editor sends the documents\), got "r\.md"/ },
  { name: '--lsp with a bad --now: exit 2', args: ['--lsp', '--now', 'yesterday'], code: 2, stderr: /--now expects a date \(YYYY-MM-DD\) or an ISO time, got "yesterday"/ },
  { name: '--stdio without --lsp: exit 2', args: ['--stdio', 'r.md'], files: { 'r.md': clean }, code: 2, stderr: /--stdio is the transport of --lsp; use it with --lsp/ },
];
