/**
 * The six lifecycle rules together, as users run them: on a long clean
 * thread written for the purpose (no lifecycle finding at all), and through
 * the built binary on the fixture threads (the late one gets each rule, at
 * the comment where the obligation arose; the open one gives its deadline).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/api.js';
import { runBin, ROOT } from './helpers/bin.js';
import { actionTable, bugJson, CA, ca, CCADB, closureSummary, fullReport, moderator, MODERATOR, needinfo, needinfoCleared, plus, preliminary, reviewer, REVIEWER, whiteboardChange } from './helpers/thread.js';

const LIFECYCLE = ['bug-initial-report', 'bug-full-report', 'bug-response-time', 'bug-update-cadence', 'bug-revocation-delay-updates', 'bug-closure'];
const T = '2026-04-01T10:00:00Z';
const figures = (revoked: number, left: number, done = '2026-04-20') =>
  `Revocation status:\n- Revoked: ${revoked}\n- Not yet revoked: ${left}\n- Planned for revocation but expired: 1\n- Estimated completion: ${done}`;
const WB = '[ca-compliance] [leaf-revocation-delay]';

/** Filed by a reporter; every obligation met at or just inside its limit; closed with the template and the needinfo. */
function cleanThread(resolved: string | null = '2026-05-20T16:00:00Z'): string {
  const complete = [
    { action: 'Add a lint for the extension', due: '2026-04-20', status: 'Complete' },
    { action: 'Alert on revocation backlog', due: '2026-04-25', status: 'Complete' },
  ];
  return bugJson({
    created: T,
    creator: REVIEWER,
    whiteboard: `${WB} [close on 2026-05-20]`,
    comments: [
      reviewer(T, 'Certificates from Example CA carry a wrong extension; they must be revoked within 5 days.'),
      ca(plus(T, 3), `${preliminary('2026-04-01 10:00 UTC')}\n${figures(0, 150)}`), // 72 hours exactly
      reviewer(plus(T, 4), 'Why were the certificates not revoked within 5 days?'),
      ca(plus(T, 6), `(In reply to comment #2)\n> Why were the certificates not revoked within 5 days?\n\nSome subscribers run devices that cannot be updated quickly.\n\n${figures(60, 90)}`),
      ca(plus(T, 9), `Update.\n\n${figures(100, 50)}`),
      reviewer(plus(T, 9, 5), 'Thanks!'),
      ca(plus(T, 12), `${fullReport({ identified: '2026-04-01 10:00 UTC', actions: [{ action: 'Add a lint for the extension', due: '2026-04-20', status: 'Ongoing' }, { action: 'Alert on revocation backlog', due: '2026-04-25', status: 'Ongoing' }] })}\n${figures(130, 20)}`),
      ca(plus(T, 15), `Update.\n\n${figures(149, 0)}\n\nAll affected certificates have been revoked.`),
      ca(plus(T, 19), `Action Item 1 is complete.\n\n${actionTable([complete[0] as (typeof complete)[number], { action: 'Alert on revocation backlog', due: '2026-04-25', status: 'Ongoing' }])}`),
      ca(plus(T, 24), `Action Item 2 is complete.\n\n${actionTable(complete)}`),
      ca(plus(T, 25), closureSummary()),
      moderator(plus(T, 27), 'I will close this on or about 2026-05-20, unless there are questions.'),
      { by: 'release-mgmt-account-bot@mozilla.tld', at: plus(T, 28), text: 'Flags updated.' },
    ],
    history: [
      whiteboardChange(plus(T, 0, 2), MODERATOR, '', WB),
      needinfo(plus(T, 4), REVIEWER, CA),
      needinfoCleared(plus(T, 6), CA, CA),
      needinfo(plus(T, 25), CA, CCADB),
      whiteboardChange(plus(T, 27), MODERATOR, WB, `${WB} [close on 2026-05-20]`),
    ],
    ...(resolved ? { resolved } : {}),
  });
}

describe('lifecycle rules together', () => {
  it('a clean thread (filed by a reporter, revocation delay, every deadline met, closed with the template and the needinfo) gets no lifecycle finding and no deadline', async () => {
    const r = await lint({ text: cleanThread(), filePath: '2000001.bug.json', now: '2026-06-01' });
    expect(r.messages.filter((m) => m.ruleId?.startsWith('bug-')).map((m) => `${m.ruleId} c${m.comment}: ${m.message}`)).toEqual([]);
    expect(r.deadlines).toEqual([]);
  });

  it('the same thread judged on day 13, before it was resolved: nothing late yet, and its open obligations soonest first', async () => {
    const r = await lint({ text: cleanThread(null), filePath: '2000001.bug.json', now: plus(T, 13) });
    // Comments after --now are not seen.
    expect(r.messages.filter((m) => m.ruleId?.startsWith('bug-'))).toEqual([]);
    expect(r.deadlines?.map((d) => [d.obligation, d.due])).toEqual([
      ['revocation-delay update', '2026-04-16T10:00:00.000Z'],
      ['update', '2026-04-20T10:00:00.000Z'],
    ]);
  });
});

describe('lifecycle rules through the built binary', () => {
  const fixture = (name: string) => path.join('fixtures', 'threads', name);
  const fetched = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, fixture(name)), 'utf8')) as { fetched: string }).fetched;

  it('the late thread gets each of the six rules, at the comment where the obligation arose, and exits 1', () => {
    const r = runBin(['-f', 'json', '--now', fetched('1999002-late.bug.json'), fixture('1999002-late.bug.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string; comment?: number; line: number }> }>;
    const got = new Set(result?.messages.filter((m) => m.ruleId.startsWith('bug-')).map((m) => m.ruleId));
    expect([...got].sort()).toEqual([...LIFECYCLE].sort());
    for (const m of result?.messages.filter((x) => x.ruleId.startsWith('bug-')) ?? []) {
      expect(m.comment).toBeTypeOf('number');
      expect(m.line).toBe(1);
    }
    expect(result?.messages.find((m) => m.ruleId === 'bug-initial-report')?.comment).toBe(0);
    expect(result?.messages.find((m) => m.ruleId === 'bug-response-time')?.comment).toBe(3);
  });

  it('the clean fixture thread gives no lifecycle finding', () => {
    const r = runBin(['-f', 'json', '--now', fetched('1999001-clean.bug.json'), fixture('1999001-clean.bug.json')]);
    const [result] = JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(result?.messages.filter((m) => m.ruleId.startsWith('bug-'))).toEqual([]);
  });

  it('the open thread with Next update 2025-12-05 shows that deadline in JSON', () => {
    const r = runBin(['-f', 'json', '--now', '2025-12-01', fixture('1999003-next-update.bug.json')]);
    const [result] = JSON.parse(r.out) as Array<{ deadlines: Array<{ obligation: string; due: string; basis: string }> }>;
    expect(result?.deadlines[0]).toEqual({ obligation: 'update', due: '2025-12-05T23:59:59.999Z', basis: 'whiteboard Next update', comment: 4 });
  });

  it('a rule can be turned off from the command line like any other', () => {
    const r = runBin(['-f', 'json', '--now', fetched('1999002-late.bug.json'), '--rule', 'bug-update-cadence:off', fixture('1999002-late.bug.json')]);
    const [result] = JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(result?.messages.some((m) => m.ruleId === 'bug-update-cadence')).toBe(false);
    expect(result?.messages.some((m) => m.ruleId === 'bug-closure')).toBe(true);
  });
});
