/**
 * Writes the bug thread fixtures, fixtures/threads/*.bug.json (SPEC §7's
 * export shape), from the real threads in ../shared/corpus (seeds 001 and
 * 002, real/005) and from threads written for the tests. Each file's "note"
 * says what is real and what was written. Run: node scripts/thread-fixtures.mjs
 * (then UPDATE_FIXTURES=1 npx vitest run test/thread-fixtures.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const root = path.join(import.meta.dirname, '..');
const out = `${root}/fixtures/threads`;
const corpus = process.env.IR_LINT_CORPUS ?? path.join(root, '..', 'shared', 'corpus');
const seeds = `${corpus}/seeds`;
const strip = (t) => t.replace(/^---\n[^]*?\n---\n+/, '');
const FULL = strip(readFileSync(`${root}/fixtures/reports/v3-full-clean.md`, 'utf8'));
const CLOSURE = strip(readFileSync(`${root}/fixtures/reports/v3-closure-clean.md`, 'utf8'));
const DAY = 86400000;
/** Shift every YYYY-MM-DD in a text by n days. */
const shift = (t, n) => t.replace(/\b(20\d\d)-(\d\d)-(\d\d)\b/g, (d) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10));

function write(name, { bug, comments, history = [], fetched, note }) {
  const obj = {
    note,
    bug: { id: 0, summary: '', whiteboard: '', status: 'ASSIGNED', resolution: '', flags: [], product: 'CA Program', component: 'CA Certificate Compliance', ...bug },
    comments: comments.map((c, i) => ({ id: 17000000 + bug.id % 100000 * 100 + i, bug_id: bug.id, count: c.count ?? i, text: c.text, raw_text: c.text, creator: c.creator, creation_time: c.time, time: c.time, is_private: c.is_private ?? false, is_markdown: true, tags: c.tags ?? [], attachment_id: null })),
    history: history.map((h) => ({ when: h.when, who: h.who, changes: h.changes.map(([field_name, removed, added]) => ({ field_name, removed, added })) })),
    source: 'https://bugzilla.mozilla.org',
    fetched,
  };
  writeFileSync(`${out}/${name}`, `${JSON.stringify(obj, null, 2)}\n`);
}
const quote = (t) => t.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');

// ---------------------------------------------------------------- seed 001: iTrusChina, bug 1927675
{
  const page = readFileSync(`${seeds}/001_a2e404a998a75f17.txt`, 'utf8');
  const between = (a, b) => { const i = page.indexOf(a); const j = b ? page.indexOf(b, i + a.length) : page.length; return page.slice(i, j).trim(); };
  const c0 = between("iTrusChina was notified that it didn't respond", 'Assignee: nobody');
  const c1 = between('iTrusChina has finished the above-mentioned', "I'm just a random guy");
  const c3 = between("I'm just a random guy", '(In reply to Peter Cooper Jr. from comment #3)');
  const c4 = between('Hello Peter, thanks for your kind feedback.', '(In reply to iTrusChina Co.,Ltd. from comment #4)');
  const c5 = 'So then, what was the plan that those relevant teams had made in order to comply with the 24-hour response requirement, and why didn\'t that plan work in this case?';
  const c6 = between('Hello Peter, thanks for your comment.', 'Incident Report Closure Summary');
  const c7 = between('Incident Report Closure Summary', 'I will close this sometime');
  const c8 = 'I will close this sometime later this week, unless there are questions or issues to discuss.';
  const CA = 'vtrus_contact@itrus.example';
  const PETER = 'peter.cooper@reader.example';
  const BEN = 'bwilson@mozilla.com';
  write('1927675.bug.json', {
    note: 'Bug 1927675 (iTrusChina), corpus seed 001: every comment text is real, copied from the public Bugzilla page (the page shows no markdown markers, so the texts have none; "(In reply to ...)" quotes are written back as the "> " lines the REST API returns). Written: the logins (the page shows display names), every time (the page shows only "10 months ago"), and comment 2, which the page does not show, as a private comment.',
    bug: { id: 1927675, summary: "iTrusChina: CPR was not responded to within 24 hours", whiteboard: '[ca-compliance] [policy-failure]', status: 'RESOLVED', resolution: 'FIXED', creation_time: '2024-10-29T05:02:00Z', creator: CA, assigned_to: CA },
    comments: [
      { text: c0, creator: CA, time: '2024-10-29T05:02:00Z' },
      { text: c1, creator: CA, time: '2024-10-31T02:15:00Z' },
      { text: 'Internal note.', creator: CA, time: '2024-11-01T01:00:00Z', is_private: true },
      { text: c3, creator: PETER, time: '2024-11-02T15:40:00Z' },
      { text: `(In reply to Peter Cooper Jr. from comment #3)\n${quote(c3)}\n\n${c4}`, creator: CA, time: '2024-11-06T03:10:00Z' },
      { text: `(In reply to iTrusChina Co.,Ltd. from comment #4)\n${quote(c4.split('\n\n')[1])}\n\n${c5}`, creator: PETER, time: '2024-11-06T20:05:00Z' },
      { text: `(In reply to Peter Cooper Jr. from comment #5)\n${quote(c5)}\n\n${c6}`, creator: CA, time: '2024-11-12T02:30:00Z' },
      { text: c7, creator: CA, time: '2024-11-20T02:00:00Z' },
      { text: c8, creator: BEN, time: '2024-11-25T18:00:00Z' },
    ],
    history: [
      { when: '2024-10-29T08:00:00Z', who: BEN, changes: [['assigned_to', 'nobody@mozilla.org', CA], ['status', 'UNCONFIRMED', 'ASSIGNED'], ['everconfirmed', '0', '1'], ['whiteboard', '', '[ca-compliance] [policy-failure]']] },
      { when: '2024-11-20T02:00:00Z', who: CA, changes: [['flagtypes.name', '', `needinfo?(${BEN})`]] },
      { when: '2024-11-29T18:00:00Z', who: BEN, changes: [['flagtypes.name', `needinfo?(${BEN})`, ''], ['status', 'ASSIGNED', 'RESOLVED'], ['resolution', '', 'FIXED'], ['cf_last_resolved', '', '2024-11-29 18:00:00']] },
    ],
    fetched: '2025-09-01T00:00:00Z',
  });
}

// ---------------------------------------------------------------- seed 002: CFCA, bug 1888881
{
  const page = readFileSync(`${seeds}/002_0981a8dafc27efab.txt`, 'utf8');
  const between = (a, b) => { const i = page.indexOf(a); if (i < 0) throw new Error(a); const j = b ? page.indexOf(b, i + a.length) : page.length; return page.slice(i, j).trim(); };
  const CA = 'gaofei@cfca.example';
  const CA2 = 'songxinlei@cfca.example';
  const WAYNE = 'wayne@reader.example';
  const BEN = 'bwilson@mozilla.com';
  const POPPETT = 'spoppett@reader.example';
  const ni = (who, when, target = CA) => ({ when, who, changes: [['flagtypes.name', '', `needinfo?(${target})`]] });
  const clear = (who, when, target = CA) => ({ when, who, changes: [['flagtypes.name', `needinfo?(${target})`, '']] });
  const c0 = between('User Agent:', 'Assignee: nobody');
  const c1 = between('Summary\n\n2024-03-04,Ryan', 'Do we have an update on this?');
  const c3 = between('  1. We have added a new email', 'Flags: needinfo?(gaofei)');
  const c8 = between('Please complete a Closure Summary.', 'Flags: needinfo?(gaofei)\n\nReceived');
  const c13 = "Isn’t failure to provide regular (weekly?) status updates an incident in itself requiring the filing of a separate incident report?";
  const c16 = between('Report Closure Summary\n\n  • Incident description: In March 2024', 'Hi, since there');
  write('1888881.bug.json', {
    note: 'Bug 1888881 (CFCA), corpus seed 002: every comment text is real, copied from the public Bugzilla page (markdown markers lost in the copy; "(In reply to ...)" quotes written back as "> " lines). Comment 8 is a reviewer pasting the closure template, which is not the CA\'s report. Written: the logins, every time (the page gives only relative times; the closure date 2025-04-02 is the one comment 18 names), the needinfo history as the page\'s "Flags:" lines show it, and songxinlei@cfca.example as a second CA login (listed in this folder\'s .irlintrc.json caAccounts).',
    bug: { id: 1888881, summary: 'CFCA: Failure to respond to a CPR in a complete and/or timely manner', whiteboard: '[ca-compliance] [policy-failure]', status: 'RESOLVED', resolution: 'FIXED', creation_time: '2024-03-31T02:10:00Z', creator: CA, assigned_to: CA },
    comments: [
      { text: c0, creator: CA, time: '2024-03-31T02:10:00Z' },
      { text: c1, creator: CA, time: '2024-04-07T06:30:00Z' },
      { text: 'Do we have an update on this?', creator: WAYNE, time: '2024-05-08T14:00:00Z' },
      { text: `(In reply to Wayne from comment #2)\n> Do we have an update on this?\n\n${c3}`, creator: CA, time: '2024-05-10T01:20:00Z' },
      { text: 'Please note that weekly updates are expected.', creator: BEN, time: '2024-05-13T16:00:00Z' },
      { text: 'There are currently no new information updates.', creator: CA, time: '2024-06-28T02:00:00Z' },
      { text: 'Can you please provide updates and reports of success, if any? Otherwise, please request that this bug be closed.', creator: BEN, time: '2024-10-01T16:00:00Z' },
      { text: 'CFCA has completed the improvement measures. There is no new discussion at present. We apply to close the incident.', creator: CA, time: '2024-10-09T02:00:00Z' },
      { text: c8, creator: BEN, time: '2024-10-10T16:30:00Z' },
      { text: 'Received, we will provide a closure summary as soon as possible.', creator: CA, time: '2024-10-21T02:00:00Z' },
      { text: 'We will add some recent updates/discussions before providing a closing summary.', creator: CA, time: '2024-11-04T02:00:00Z' },
      { text: 'Please provide a status update.', creator: BEN, time: '2025-01-27T16:00:00Z' },
      { text: 'We canceled the additional update/discussion and will provide a closure summary this week.', creator: CA, time: '2025-02-12T02:00:00Z' },
      { text: c13, creator: POPPETT, time: '2025-03-11T09:00:00Z' },
      { text: `(In reply to S. Poppett from comment #13)\n> ${c13}\n\nok, we'll file a seperate incident report regarding to the failure to provide weekly status updates.`, creator: CA, time: '2025-03-18T02:00:00Z' },
      { text: `(In reply to S. Poppett from comment #13)\n> ${c13}\n\nHi S. Poppett,\nWe filed a seperate incident report here 1955799.`, creator: CA2, time: '2025-03-24T03:30:00Z' },
      { text: c16, creator: CA2, time: '2025-03-25T02:00:00Z' },
      { text: "Hi, since there're no further comments and the report closure summary was provided above, we request it's closure.", creator: CA2, time: '2025-03-27T02:00:00Z' },
      { text: "I'll close this on or about Wed. 2-Apr-2025, unless there are additional items or questions to discuss.", creator: BEN, time: '2025-03-28T17:00:00Z' },
    ],
    history: [
      { when: '2024-04-01T15:00:00Z', who: BEN, changes: [['assigned_to', 'nobody@mozilla.org', CA], ['status', 'UNCONFIRMED', 'ASSIGNED'], ['whiteboard', '', '[ca-compliance] [policy-failure]']] },
      ni(WAYNE, '2024-05-08T14:00:00Z'), clear(CA, '2024-05-10T01:20:00Z'),
      ni(BEN, '2024-10-01T16:00:00Z'), clear(CA, '2024-10-09T02:00:00Z'),
      ni(BEN, '2024-10-10T16:30:00Z'), clear(CA, '2024-10-21T02:00:00Z'),
      ni(BEN, '2025-01-27T16:00:00Z'), clear(CA, '2025-02-12T02:00:00Z'),
      { when: '2025-03-28T17:00:00Z', who: BEN, changes: [['flagtypes.name', '', `needinfo?(${BEN})`]] },
      { when: '2025-04-02T17:00:00Z', who: BEN, changes: [['flagtypes.name', `needinfo?(${BEN})`, ''], ['status', 'ASSIGNED', 'RESOLVED'], ['resolution', '', 'FIXED']] },
    ],
    fetched: '2025-09-01T00:00:00Z',
  });
}

// ---------------------------------------------------------------- real/005: CFCA, bug 1955799 (partial copy)
{
  const page = readFileSync(`${corpus}/real/005-cfca-7-day-response-failure.md`, 'utf8').replace(/^<!--[^]*?-->\n/, '').replace(/\n?<!-- the copy ends here -->\s*$/, '\n');
  const CA = 'songxinlei@cfca.example';
  write('1955799.bug.json', {
    note: 'Bug 1955799 (CFCA), corpus real/005: comment 0 is the real text copied from the public Bugzilla page, cut off where the copy ends (in "Relevant policies": the cut is the copy\'s, not the CA\'s). Written: the login, the times (the report names 2025-03-22 as the identified date), the status (open when fetched) and the fetch time.',
    bug: { id: 1955799, summary: 'CFCA: Failed to follow Report lifecycle rule to respond within 7 days', whiteboard: '[ca-compliance] [disclosure-failure]', status: 'ASSIGNED', creation_time: '2025-03-24T03:00:00Z', creator: CA, assigned_to: CA },
    comments: [{ text: page.trim(), creator: CA, time: '2025-03-24T03:00:00Z' }],
    history: [{ when: '2025-03-24T15:00:00Z', who: 'bwilson@mozilla.com', changes: [['status', 'UNCONFIRMED', 'ASSIGNED'], ['whiteboard', '', '[ca-compliance] [disclosure-failure]']] }],
    fetched: '2025-03-26T00:00:00Z',
  });
}

// ---------------------------------------------------------------- written: a clean thread (bug 1999001)
const PRELIM = (d) => `## Preliminary Incident Report

### Summary

- **Incident description:** On ${d[0]} at 14:30 UTC our nightly compliance scanner found TLS certificates whose CAA records had been checked more than 8 hours before issuance, through a retry path that reused a cached CAA result. The incident is contained: the retry path was disabled at ${d[0]} 16:40 UTC, and a Full Incident Report will follow by ${d[1]}.
- **Relevant policies:** TLS Baseline Requirements version 2.1.7, section 3.2.2.8
- **Source of incident disclosure:** Self Reported
`;
const TABLE_HEAD = '| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n';
const row = (n, status, s = 0) => shift([
  '| Remove the CAA cache read from the retry path; the retry now repeats the CAA check | Prevent | Root Cause #1 | Retry path code no longer reads the CAA cache; integration test with a 9-hour-old CAA result fails issuance | 2025-08-20 |',
  '| Add tests that every issuance path enforces the CAA, domain validation and key checks | Prevent | Root Cause #2 | Test suite has one age-limit test per issuance path; coverage report lists all 4 paths | 2025-09-30 |',
  '| Run the CAA age check of the compliance scanner every 15 minutes instead of nightly | Detect | Root Cause #1, Root Cause #2 | Scanner schedule shows 96 runs a day; a synthetic stale-CAA certificate in staging alerts within 15 minutes | 2025-10-15 |',
][n], s) + ` ${status} |\n`;
{
  const CA = 'compliance@example-trust.example';
  const REV = 'reviewer@root-program.example';
  const BEN = 'bwilson@mozilla.com';
  const WB = '[ca-compliance] [dv-misissuance]';
  const upd = (text) => text;
  write('1999001-clean.bug.json', {
    note: 'Written for ir-lint: a clean thread under IRG 3.1. Self-reported; the Preliminary report 69 hours after the CA became aware (2025-08-12 14:30 UTC, the Full report\'s Timeline), the Full report 13 days after the bug was filed, every question answered within 7 days, an update at least weekly and within 3 days of each Action Item change, all Action Items Complete before the Closure Summary, which uses the closure template and sets a needinfo on incident-reporting@ccadb.org. The Full report and Closure Summary are fixtures/reports/v3-full-clean.md and v3-closure-clean.md without their front matter.',
    bug: { id: 1999001, summary: 'Example Trust: Certificates issued with a stale CAA check', whiteboard: WB, status: 'RESOLVED', resolution: 'FIXED', creation_time: '2025-08-15T11:20:00Z', creator: CA, assigned_to: CA },
    comments: [
      { text: PRELIM(['2025-08-12', '2025-08-29']), creator: CA, time: '2025-08-15T11:20:00Z' },
      { text: 'Thanks for the report. Do any other issuance paths read the CAA result cache?', creator: REV, time: '2025-08-18T09:00:00Z' },
      { text: '(In reply to reviewer from comment #1)\n> Do any other issuance paths read the CAA result cache?\n\nNo. We checked all four issuance paths on 2025-08-19; only the retry path read the cache. The Full report will give the details.', creator: CA, time: '2025-08-20T10:00:00Z' },
      { text: FULL, creator: CA, time: '2025-08-27T15:00:00Z' },
      { text: upd('Weekly update: the per-path tests (Action Item 2) cover 2 of the 4 issuance paths; they remain on track for 2025-09-30.'), creator: CA, time: '2025-09-03T09:00:00Z' },
      { text: upd('Weekly update: the per-path tests cover 3 of the 4 issuance paths. The scanner schedule change (Action Item 3) is in staging.'), creator: CA, time: '2025-09-10T09:00:00Z' },
      { text: upd('Weekly update: the last issuance path is being added to the test suite; no new findings.'), creator: CA, time: '2025-09-17T09:00:00Z' },
      { text: upd('Weekly update: the test suite now has one age-limit test per issuance path; we are reviewing the coverage report.'), creator: CA, time: '2025-09-24T09:00:00Z' },
      { text: `Action Item 2 is complete: the coverage report lists all 4 issuance paths.\n\n### Action Items\n\n${TABLE_HEAD}${row(0, 'Complete')}${row(1, 'Complete')}${row(2, 'Ongoing')}`, creator: CA, time: '2025-09-29T09:00:00Z' },
      { text: upd('Weekly update: the 15-minute scanner schedule runs in staging; the synthetic stale-CAA certificate alerted within 15 minutes.'), creator: CA, time: '2025-10-06T09:00:00Z' },
      { text: `Action Item 3 is complete: the scanner has run every 15 minutes in production since 2025-10-13.\n\n### Action Items\n\n${TABLE_HEAD}${row(0, 'Complete')}${row(1, 'Complete')}${row(2, 'Complete')}`, creator: CA, time: '2025-10-13T09:00:00Z' },
      { text: CLOSURE, creator: CA, time: '2025-10-14T09:00:00Z' },
      { text: "I'll close this on or about 2025-10-21, unless there are additional items or questions to discuss.", creator: BEN, time: '2025-10-15T16:00:00Z' },
    ],
    history: [
      { when: '2025-08-15T15:00:00Z', who: BEN, changes: [['status', 'UNCONFIRMED', 'ASSIGNED'], ['whiteboard', '', WB]] },
      { when: '2025-10-14T09:00:00Z', who: CA, changes: [['flagtypes.name', '', 'needinfo?(incident-reporting@ccadb.org)']] },
      { when: '2025-10-21T16:00:00Z', who: BEN, changes: [['flagtypes.name', 'needinfo?(incident-reporting@ccadb.org)', ''], ['status', 'ASSIGNED', 'RESOLVED'], ['resolution', '', 'FIXED']] },
    ],
    fetched: '2025-11-01T00:00:00Z',
  });
}

// ---------------------------------------------------------------- written: late on every obligation (bug 1999002), IRG 3.2
{
  const S = 232; // 2025-08-12 + 232 days = 2026-04-01
  const CA = 'pki-compliance@late-ca.example';
  const REV = 'reviewer@root-program.example';
  const WB = '[ca-compliance] [dv-misissuance] [leaf-revocation-delay]';
  write('1999002-late.bug.json', {
    note: 'Written for ir-lint: a thread late on each obligation, under IRG 3.2. Filed by a reviewer on 2026-04-01 (the CA became aware then); the Preliminary report 5 days later (over 72 hours); the Full report 23 days after filing (over 14 days); a question (comment 3) answered 11 days later (over 7 days); no update for 14 days; revocation-delay updates 14 days apart without the four figures; a Closure Summary while Action Item 3 is still Ongoing and without a needinfo on incident-reporting@ccadb.org. The report texts are fixtures/reports/v3-full-clean.md and v3-closure-clean.md with every date moved 232 days later.',
    bug: { id: 1999002, summary: 'Late CA: Certificates issued with a stale CAA check', whiteboard: WB, status: 'ASSIGNED', creation_time: '2026-04-01T10:00:00Z', creator: REV, assigned_to: CA },
    comments: [
      { text: 'Late CA issued certificates whose CAA check was more than 8 hours old (see the attached crt.sh list). Please file an incident report.', creator: REV, time: '2026-04-01T10:00:00Z' },
      { text: PRELIM(['2026-04-01', '2026-04-15']).replace('at 2026-04-01 14:30 UTC our nightly compliance scanner found', 'at 2026-04-01 10:00 UTC a reviewer reported'), creator: CA, time: '2026-04-06T12:00:00Z' },
      { text: shift(FULL, S), creator: CA, time: '2026-04-24T12:00:00Z' },
      { text: 'How many certificates are still not revoked, and when will the revocation finish?', creator: REV, time: '2026-04-25T09:00:00Z' },
      { text: 'We are working on the revocations.', creator: CA, time: '2026-05-06T09:00:00Z' },
      { text: shift(CLOSURE, S), creator: CA, time: '2026-05-20T09:00:00Z' },
    ],
    history: [
      { when: '2026-04-01T12:00:00Z', who: REV, changes: [['assigned_to', 'nobody@mozilla.org', CA], ['status', 'NEW', 'ASSIGNED'], ['whiteboard', '[ca-compliance] [dv-misissuance]', WB]] },
      { when: '2026-04-25T09:00:00Z', who: REV, changes: [['flagtypes.name', '', `needinfo?(${CA})`]] },
    ],
    fetched: '2026-06-01T00:00:00Z',
  });
}

// ---------------------------------------------------------------- written: open, Next update 2025-12-05 (bug 1999003)
{
  const S = 90; // the clean incident moved 90 days later: aware 2025-11-10
  const CA = 'compliance@next-update-ca.example';
  const REV = 'reviewer@root-program.example';
  const WB0 = '[ca-compliance] [dv-misissuance]';
  const WB = `${WB0} Next update 2025-12-05`;
  write('1999003-next-update.bug.json', {
    note: 'Written for ir-lint: an open thread whose whiteboard says "Next update 2025-12-05", judged on 2025-12-01 (fetched). Self-reported; Preliminary and Full reports on time; the last CA comment (2025-11-28) says the next update comes on 2025-12-05 and the whiteboard was set to that date. The Full report is fixtures/reports/v3-full-clean.md with every date moved 90 days later.',
    bug: { id: 1999003, summary: 'Next Update CA: Certificates issued with a stale CAA check', whiteboard: WB, status: 'ASSIGNED', creation_time: '2025-11-13T11:20:00Z', creator: CA, assigned_to: CA },
    comments: [
      { text: PRELIM(['2025-11-10', '2025-11-27']), creator: CA, time: '2025-11-13T11:20:00Z' },
      { text: 'Which issuance paths read the CAA cache?', creator: REV, time: '2025-11-14T09:00:00Z' },
      { text: 'Only the retry path; the Full report will give the details.', creator: CA, time: '2025-11-17T09:00:00Z' },
      { text: shift(FULL, S), creator: CA, time: '2025-11-25T15:00:00Z' },
      { text: 'Update: Action Item 2 is on track for its due date. We will post the next update on 2025-12-05.', creator: CA, time: '2025-11-28T09:00:00Z' },
    ],
    history: [
      { when: '2025-11-13T15:00:00Z', who: REV, changes: [['status', 'UNCONFIRMED', 'ASSIGNED'], ['whiteboard', '', WB0]] },
      { when: '2025-11-28T09:05:00Z', who: CA, changes: [['whiteboard', WB0, WB]] },
    ],
    fetched: '2025-12-01T00:00:00Z',
  });
}

// ---------------------------------------------------------------- written: private and spam comments (bug 1999004)
{
  const CA = 'incidents@quiet-ca.example';
  const REV = 'reviewer@root-program.example';
  write('1999004-private-spam.bug.json', {
    note: 'Written for ir-lint: an open thread with a private CA comment and a comment tagged spam, both holding report blocks with defects; neither is linted or counted. The public Preliminary report is clean.',
    bug: { id: 1999004, summary: 'Quiet CA: Certificates issued with a stale CAA check', whiteboard: '[ca-compliance] [dv-misissuance]', status: 'ASSIGNED', creation_time: '2025-08-15T11:20:00Z', creator: CA, assigned_to: CA },
    comments: [
      { text: PRELIM(['2025-08-12', '2025-08-29']), creator: CA, time: '2025-08-15T11:20:00Z' },
      { text: '## Preliminary Incident Report\n\n### Summary\n\nDraft for legal review; not for the public bug.\n', creator: CA, time: '2025-08-15T12:00:00Z', is_private: true },
      { text: '## Full Incident Report\n\nBuy cheap certificates at spam.example!\n', creator: 'seller@spam.example', time: '2025-08-16T03:00:00Z', tags: ['spam'] },
      { text: 'Thanks; we look forward to the Full report.', creator: REV, time: '2025-08-16T09:00:00Z' },
    ],
    history: [],
    fetched: '2025-08-18T00:00:00Z',
  });
}

// ---------------------------------------------------------------- written: a malformed export
{
  const CA = 'incidents@broken-export.example';
  write('1999005-malformed.bug.json', {
    note: 'Written for ir-lint: an export whose comments[2].creation_time is not an ISO time (a date as the web page shows it). ir-lint reports that one field and lints nothing else in the file.',
    bug: { id: 1999005, summary: 'Broken export', whiteboard: '', status: 'ASSIGNED', creation_time: '2025-08-15T11:20:00Z', creator: CA, assigned_to: CA },
    comments: [
      { text: 'First.', creator: CA, time: '2025-08-15T11:20:00Z' },
      { text: 'Second.', creator: CA, time: '2025-08-16T11:20:00Z' },
      { text: 'Third.', creator: CA, time: '3 months ago' },
    ],
    fetched: '2025-08-18T00:00:00Z',
  });
}
