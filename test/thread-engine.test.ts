/**
 * Bug threads through the engine (src/engine/thread.ts) and the `lint()`
 * API: thread rules with comment locations and deadlines, the CA's reports
 * in comments linted as of each comment's creation time, others' comments
 * left alone, inline directives in a comment, a malformed export.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules as builtins } from '../rules/index.js';
import { lint } from '../src/api.js';
import { defaultConfig, resolveRules } from '../src/config/index.js';
import { lintToResult, parseNow } from '../src/engine/index.js';
import type { BugThread } from '../src/parse/thread.js';
import { checkInvalid, checkValid } from '../src/testing/rule-tester.js';
import { defineRule, type ResolvedRule } from '../src/types.js';
import { bugExportText, CA, REVIEWER } from './helpers/thread-export.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'reports');
/** A v2 report (superseded on 2025-03-01): template-current flags it when posted after 2025-07-15 (CCADB Policy 2.0). */
const V2 = readFileSync(path.join(fixtures, 'v2-superseded.md'), 'utf8').replace(/^---\n[^]*?\n---\n/, '');

/** A thread rule for the plumbing: the whiteboard's Next update as a deadline, a finding on each reviewer comment. */
const probe = defineRule<undefined, BugThread>({
  meta: {
    id: 'probe-thread',
    description: 'Probe the thread plumbing.',
    tags: ['test'],
    severity: 'error',
    messages: { reviewer: 'Comment by {{who}}.', file: 'The export itself.' },
    rationale: 'A rule for tests only, which exercises what thread rules can report.',
    source: 'none',
    examples: [],
    appliesTo: 'thread',
  },
  check(thread, ctx) {
    for (const c of thread.comments) if (!c.isCa) ctx.report({ messageId: 'reviewer', data: { who: c.creator }, loc: { line: 1 }, comment: c.count });
    if (thread.comments.length === 0) ctx.report({ messageId: 'file', loc: { line: 1 } });
    const next = thread.whiteboard.nextUpdate;
    if (thread.open && next) ctx.deadline({ obligation: 'update', due: next.time, basis: 'whiteboard Next update' });
    if (thread.open) ctx.deadline({ obligation: 'Full report', due: thread.created + 14 * 86_400_000, basis: '14 days after the bug was filed' });
  },
});

function rulesWith(...extra: ResolvedRule['rule'][]): ResolvedRule[] {
  // The built-in report rules and the probes; the built-in lifecycle rules have their own tests (test/rules/bug-*.test.ts).
  const reportRules = resolveRules(defaultConfig(), builtins).filter((r) => r.rule.meta.appliesTo !== 'thread');
  return [...reportRules, ...extra.map((rule) => ({ rule, severity: 2 as const, options: undefined }))];
}

function lintExport(text: string, now = '2025-12-01', extra = [probe]) {
  return lintToResult('1900001.bug.json', text, 'thread', { rules: rulesWith(...extra), now: parseNow(now)!, filePath: '1900001.bug.json' }, true);
}

describe('a bug thread through the engine', () => {
  const text = bugExportText({ whiteboard: '[ca-compliance] Next update 2025-12-05' }, [
    { text: V2, creator: CA, creation_time: '2025-02-20T10:00:00Z' },
    { text: 'When will the Full report be posted?', creator: REVIEWER, creation_time: '2025-02-21T09:30:00Z' },
    { text: V2, creator: REVIEWER, creation_time: '2025-08-21T09:30:00Z' },
    { text: V2, creator: CA, creation_time: '2025-08-22T10:00:00Z' },
  ]);
  const result = lintExport(text);

  it('runs thread rules, locating findings at their comment', () => {
    const probes = result.messages.filter((m) => m.ruleId === 'probe-thread');
    expect(probes.map((m) => [m.comment, m.line, m.message])).toEqual([
      [1, 1, `Comment by ${REVIEWER}.`],
      [2, 1, `Comment by ${REVIEWER}.`],
    ]);
  });

  it('lints the CA\'s reports as of each comment\'s creation time, and not a reviewer\'s paste', () => {
    const current = result.messages.filter((m) => m.ruleId === 'template-current');
    // Comment 0 was posted before CCADB Policy 2.0 took effect; comment 3 after it; comment 2 is the reviewer's.
    expect(current.map((m) => m.comment)).toEqual([3]);
    expect(current[0]?.message).toContain('posting date 2025-08-22');
    expect(result.messages.every((m) => m.comment !== 2 || m.ruleId === 'probe-thread')).toBe(true);
  });

  it('collects the deadlines of an open bug, soonest first, with due as an ISO time', () => {
    expect(result.deadlines).toEqual([
      { obligation: 'Full report', due: '2025-03-06T10:00:00.000Z', basis: '14 days after the bug was filed' },
      { obligation: 'update', due: '2025-12-05T00:00:00.000Z', basis: 'whiteboard Next update' },
    ]);
    expect(result.thread).toMatchObject({ id: 1900001, open: true });
    expect(result.thread?.comments[3]).toMatchObject({ iso: '2025-08-22T10:00:00Z', creator: CA, isCa: true });
  });

  it('gives a closed bug no deadlines', () => {
    const closed = lintExport(bugExportText({ status: 'RESOLVED', resolution: 'FIXED', whiteboard: 'Next update 2025-12-05' }, [{ text: 'Done.', creator: CA, creation_time: '2025-03-03T10:00:00Z' }]));
    expect(closed.deadlines).toEqual([]);
  });

  it('orders the export\'s own findings first, then by comment and line', () => {
    const order = result.messages.map((m) => m.comment ?? -1);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const none = lintExport(bugExportText({}, []));
    expect(none.messages.map((m) => [m.comment, m.ruleId])).toEqual([[undefined, 'probe-thread']]);
  });

  it('applies inline directives inside a comment', () => {
    const hushed = V2.replace('## Incident Report', '<!-- ir-lint-disable-file template-current -->\n\n## Incident Report');
    const r = lintExport(bugExportText({}, [{ text: hushed, creator: CA, creation_time: '2025-08-22T10:00:00Z' }]));
    expect(r.messages.filter((m) => m.ruleId === 'template-current')).toEqual([]);
    const loud = lintExport(bugExportText({}, [{ text: V2, creator: CA, creation_time: '2025-08-22T10:00:00Z' }]));
    expect(loud.messages.filter((m) => m.ruleId === 'template-current').map((m) => m.comment)).toEqual([0]);
  });

  it('reads caAccounts from the options: a colleague\'s report is the CA\'s', () => {
    const t = bugExportText({}, [{ text: V2, creator: 'colleague@ops.example', creation_time: '2025-08-22T10:00:00Z' }]);
    const without = lintExport(t);
    expect(without.messages.filter((m) => m.ruleId === 'template-current')).toEqual([]);
    const withCa = lintToResult('x.bug.json', t, 'thread', { rules: rulesWith(), now: parseNow('2025-12-01')!, caAccounts: ['colleague@ops.example'] }, false);
    expect(withCa.messages.filter((m) => m.ruleId === 'template-current').map((m) => m.comment)).toEqual([0]);
  });

  it('turns a thread rule reporting a comment the thread does not show into an internal error', () => {
    const bad = defineRule<undefined, BugThread>({ ...probe, meta: { ...probe.meta, id: 'bad-thread' }, check(_t, ctx) { ctx.report({ messageId: 'file', loc: { line: 1 }, comment: 99 }); } });
    const r = lintExport(bugExportText({}, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }]), '2025-12-01', [bad]);
    expect(r.messages.find((m) => m.ruleId === 'bad-thread')?.message).toMatch(/reported comment 99, which the thread does not show/);
    const outside = defineRule<undefined, BugThread>({ ...probe, meta: { ...probe.meta, id: 'bad-thread' }, check(_t, ctx) { ctx.report({ messageId: 'file', loc: { line: 3 }, comment: 0 }); } });
    const r2 = lintExport(bugExportText({}, [{ text: 'one line', creator: CA, creation_time: '2025-03-03T10:00:00Z' }]), '2025-12-01', [outside]);
    expect(r2.messages.find((m) => m.ruleId === 'bad-thread')?.messageId).toBe('internalError');
  });
});

describe('a malformed export', () => {
  it('is one fatal message naming the field', () => {
    const text = JSON.stringify({ bug: { id: 5, summary: 's', status: 'NEW', creation_time: '2025-03-03T10:00:00Z', creator: CA, assigned_to: CA }, comments: [{ count: 0, text: 'x', creator: CA, creation_time: 'soon' }] }, null, 2);
    const r = lintExport(text);
    expect(r.fatalError).toBe(true);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ ruleId: null, messageId: 'threadFormat', fatal: true, message: 'Cannot read the bug export: comments[0].creation_time: expected an ISO time, got "soon".' });
    expect(r.deadlines).toBeUndefined();
  });
});

describe('lint() on a .bug.json path', () => {
  it('lints it as a thread, with config caAccounts', async () => {
    const t = bugExportText({}, [{ text: V2, creator: 'colleague@ops.example', creation_time: '2025-08-22T10:00:00Z' }]);
    const lifecycleOff = Object.fromEntries(builtins.filter((b) => b.meta.appliesTo === 'thread').map((b) => [b.meta.id, 'off' as const]));
    const r = await lint({ text: t, filePath: 'bugs/1900001.bug.json', now: '2025-12-01', config: { caAccounts: ['colleague@ops.example'], rules: lifecycleOff } });
    expect(r.thread?.id).toBe(1900001);
    expect(r.deadlines).toEqual([]);
    expect(r.messages.filter((m) => m.ruleId === 'template-current').map((m) => m.comment)).toEqual([0]);
    expect(r.source).toBeUndefined();
  });

  it('refuses a bad caAccounts entry with the key path', async () => {
    await expect(lint({ text: '{}', filePath: 'a.bug.json', config: { caAccounts: ['not a login'] } })).rejects.toThrow(/caAccounts\[0\]: expected a Bugzilla login/);
    await expect(lint({ text: '{}', filePath: 'a.bug.json', config: { caAccounts: 'ca@example.com' as unknown as string[] } })).rejects.toThrow(/caAccounts/);
  });
});

describe('the RuleTester on thread rules', () => {
  const code = bugExportText({ whiteboard: 'Next update 2025-12-05' }, [
    { text: 'Report.', creator: CA, creation_time: '2025-03-03T10:00:00Z' },
    { text: 'A question?', creator: REVIEWER, creation_time: '2025-03-04T10:00:00Z' },
  ]);
  it('compares findings with their comment, and deadlines', () => {
    const deadlines = [
      { obligation: 'Full report', due: '2025-03-17T10:00:00Z', basis: '14 days after the bug was filed' },
      { obligation: 'update', due: '2025-12-05', basis: 'whiteboard Next update' },
    ];
    expect(() => checkInvalid(probe, { code, kind: 'thread', errors: [{ messageId: 'reviewer', line: 1, comment: 1 }], deadlines })).not.toThrow();
    expect(() => checkInvalid(probe, { code, kind: 'thread', errors: [{ messageId: 'reviewer', line: 1 }] })).toThrow(/expected\n {2}reviewer@1\ngot\n {2}reviewer@c1:1:1/);
    expect(() => checkInvalid(probe, { code, kind: 'thread', errors: [{ messageId: 'reviewer', line: 1, comment: 1 }], deadlines: deadlines.slice(1) })).toThrow(/expected deadlines/);
    expect(() => checkValid(probe, { code: bugExportText({}, [{ text: 'x', creator: CA, creation_time: '2025-03-03T10:00:00Z' }]), kind: 'thread', caAccounts: [REVIEWER] })).not.toThrow();
    expect(() => checkValid(probe, { code, kind: 'thread', caAccounts: [REVIEWER] })).not.toThrow();
    expect(() => checkValid(probe, { code })).toThrow(/set the case's kind to "thread"/);
  });
});
