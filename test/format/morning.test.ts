/**
 * The morning view's pieces: the CA of a bug from its summary, the grouping
 * and order `-f due` and `-f html` share, the thread time line kept on a
 * result only when asked (`threadDetail`), and a thread rule's malformed
 * `ctx.question()` named as that rule's internal error.
 */
import { describe, expect, it } from 'vitest';
import { rules as builtins } from '../../rules/index.js';
import { defaultConfig, resolveRules } from '../../src/config/index.js';
import { lintToResult } from '../../src/engine/document.js';
import { parseNow } from '../../src/now.js';
import { makeResult } from '../../src/result.js';
import { escapeHtml } from '../../src/format/html.js';
import { caOf, groupOpenBugs, NO_CA } from '../../src/format/thread.js';
import type { BugThread } from '../../src/parse/thread.js';
import { defineRule, type LintResult } from '../../src/types.js';
import { bugExportText, CA, REVIEWER } from '../helpers/thread-export.js';

const NOW = Date.parse('2025-12-01T00:00:00Z');

function bug(id: number, summary: string, dues: string[], open = true): LintResult {
  return makeResult(`${id}.bug.json`, [], {
    deadlines: dues.map((due, i) => ({ obligation: `o${i}`, due, basis: 'b' })),
    thread: { id, summary, url: `https://bugzilla.mozilla.org/show_bug.cgi?id=${id}`, open, status: open ? 'ASSIGNED' : 'RESOLVED', resolution: '', comments: {} },
  });
}

describe('caOf', () => {
  it('takes the text before the first colon, trimmed, and the rest as the title', () => {
    expect(caOf('DigiCert: CRL issue: late')).toEqual({ ca: 'DigiCert', title: 'CRL issue: late' });
    expect(caOf('  Let\'s Encrypt :  OCSP ')).toEqual({ ca: 'Let\'s Encrypt', title: 'OCSP' });
  });
  it('puts a summary without a prefix (no colon, a leading colon, an overlong prefix) under Other', () => {
    expect(caOf('OCSP outage')).toEqual({ ca: NO_CA, title: 'OCSP outage' });
    expect(caOf(': odd')).toEqual({ ca: NO_CA, title: ': odd' });
    expect(caOf(`${'x'.repeat(81)}: y`).ca).toBe(NO_CA);
  });
});

describe('groupOpenBugs', () => {
  const results = [
    bug(5, 'Beta: b1', ['2025-12-06T00:00:00Z']),
    bug(3, 'Alpha: a-late', ['2025-11-20T00:00:00Z', '2025-12-20T00:00:00Z']),
    bug(4, 'Alpha: a-soon', ['2025-12-03T00:00:00Z']),
    bug(9, 'Alpha: a-none', []),
    bug(7, 'no prefix', ['2025-12-02T00:00:00Z']),
    bug(8, 'Alpha: closed', ['2025-11-01T00:00:00Z'], false),
    makeResult('notes.md', []),
  ];
  const { groups, threads, closed } = groupOpenBugs(results, NOW);

  it('orders groups by their soonest deadline and bugs within a group soonest first, no deadline last; closed bugs counted, not listed', () => {
    expect(groups.map((g) => [g.ca, g.bugs.map((b) => b.id), g.overdue])).toEqual([
      ['Alpha', [3, 4, 9], 1],
      [NO_CA, [7], 0],
      ['Beta', [5], 0],
    ]);
    expect([threads, closed]).toEqual([6, 1]);
  });

  it('breaks ties between groups by name, Other last', () => {
    const tie = groupOpenBugs([bug(1, 'Zed: z', ['2025-12-02T00:00:00Z']), bug(2, 'free text', ['2025-12-02T00:00:00Z']), bug(3, 'Ant: a', ['2025-12-02T00:00:00Z'])], NOW);
    expect(tie.groups.map((g) => g.ca)).toEqual(['Ant', 'Zed', NO_CA]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five specials and shows control characters as escapes', () => {
    expect(escapeHtml('<a href="x">\'&\'</a>\u001b[31m')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\\x1b[31m');
  });
});

describe('the time line on a thread result', () => {
  const rules = resolveRules(defaultConfig(), builtins);
  const text = bugExportText({ id: 1900001, whiteboard: '[ca-compliance]' }, [
    { text: 'We are looking into it.', creator: CA, creation_time: '2025-11-20T10:00:00Z' },
    { text: 'Which profiles were affected?', creator: REVIEWER, creation_time: '2025-11-21T10:00:00Z' },
    { text: 'Only the OV profile.', creator: CA, creation_time: '2025-11-23T10:00:00Z' },
    { text: 'And the EV one?', creator: REVIEWER, creation_time: '2025-11-25T10:00:00Z' },
  ]);
  const run = (threadDetail: boolean): LintResult => lintToResult('1900001.bug.json', text, 'thread', { rules, now: parseNow('2025-12-01')!, threadDetail }, false);

  it('is left out unless asked for: results stay small and every other format sees what it saw before', () => {
    const comments = Object.values(run(false).thread?.comments ?? {});
    expect(comments).toHaveLength(4);
    for (const c of comments) expect(Object.keys(c).sort()).toEqual(['creator', 'isCa', 'iso', 'line', 'lineLength']);
  });

  it('with threadDetail, marks each question with its due time and the CA comment that answered it', () => {
    const c = run(true).thread?.comments ?? {};
    expect(c[1]?.question).toEqual({ due: '2025-11-28T10:00:00.000Z', answeredBy: 2 });
    expect(c[3]?.question).toEqual({ due: '2025-12-02T10:00:00.000Z' });
    expect(c[0]?.question).toBeUndefined();
    expect(c[2]?.question).toBeUndefined();
  });

  it('a thread rule passing a malformed question is that rule\'s internal error; the other rules still run', () => {
    const bad = defineRule<undefined, BugThread>({
      meta: { id: 'bad-question', description: 'Pass a bad question.', tags: ['thread'], severity: 'error', appliesTo: 'thread', messages: { x: 'x' }, rationale: 'test', source: 'test', examples: [] },
      check(_thread, ctx) {
        ctx.question({ comment: 1.5, due: Number.NaN });
      },
    });
    const r = lintToResult('1900001.bug.json', text, 'thread', { rules: [...rules, { rule: bad, severity: 2, options: undefined }], now: parseNow('2025-12-01')!, threadDetail: true }, false);
    const crash = r.messages.find((m) => m.messageId === 'internalError');
    expect(crash?.message).toMatch(/bad-question.*question that is not \{ comment, due \(epoch ms\), answeredBy\? \}/);
    expect(r.thread?.comments[1]?.question).toEqual({ due: '2025-11-28T10:00:00.000Z', answeredBy: 2 });
  });
});
