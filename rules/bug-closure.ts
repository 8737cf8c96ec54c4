import { flag, ruleOptions, stringList, text } from '../src/options.js';
import type { BugThread, ThreadComment } from '../src/parse/thread.js';
import { defineRule } from '../src/types.js';
import { closeOnSettings, commentsUntil, DAY, formatUtc, irgAt, isDone, judgeTime, noAnswerNeeded, ownText, postedTables, reportKinds, whiteboardStates } from './bug-common.js';

/** A line that asks something (outside quotes). */
const QUESTION = /\?(?:\s|$|["')\]])/;
/** A question that asks for the closure itself. */
const ASKS_FOR_CLOSURE = /\bclos(?:e|ed|ing|ure)\b/i;

export default defineRule<{ done: string[]; needinfoTo: string; ignoreAuthors: string[]; ignoreThanks: boolean }, BugThread>({
  meta: {
    id: 'bug-closure',
    description: 'Disallow a Closure Summary while an Action Item is open or a question unanswered, and from IRG 3.1 require the needinfo to incident-reporting@ccadb.org with it.',
    tags: ['thread', 'lifecycle', 'closure'],
    severity: 'error',
    appliesTo: 'thread',
    messages: {
      openItems: 'Closure Summary (comment {{closure}}, {{at}}) while the latest Action Items table (comment {{table}}) still has {{count}} item(s) neither Complete nor Canceled: "{{item}}" is {{status}}. Request closure only when every Action Item is done.',
      openQuestion: 'Closure Summary (comment {{closure}}, {{at}}) while {{question}} is unanswered. Answer every question before requesting closure.',
      noNeedinfo: 'Closure Summary (comment {{closure}}, {{at}}) without a needinfo to {{to}} within a day{{asOf}}; {{version}} asks the CA to request closure with the closure template and that needinfo.',
    },
    options: ruleOptions({
      /** Action Item statuses that allow closure. */
      done: stringList(['Complete', 'Canceled']),
      /** The account a closure request sets needinfo on. */
      needinfoTo: text('incident-reporting@ccadb.org'),
      /** Comments that are not questions (bots). */
      ignoreAuthors: stringList(['release-mgmt-account-bot@mozilla.tld', 'nobody@mozilla.org']),
      /** A comment that only thanks is not a question. */
      ignoreThanks: flag(true),
    }),
    rationale:
      'A Closure Summary attests that every Action Item is done and asks the root programs to close the bug; posted too early it is sent back, and the bug stays open for another round. A CA comment holding an IRG 3.x Report Closure Summary is a closure request. It is judged against the latest Action Items table the CA posted before it (an item neither Complete nor Canceled is an open item; a table in the closure comment itself is closure-action-items-complete\'s to report), against the questions before it (a needinfo on a CA account still set that no CA comment followed, or a comment by someone else with a question mark that no CA comment answered before the closure; a closure comment that quotes or names that comment answers it, and so does the closure itself when the question asked for it), and from IRG 3.1 (2025-07-15) against the needinfo to incident-reporting@ccadb.org that asks the CCADB to look at it, set within a day of the closure comment (by anyone: the CA sets it, a moderator may). A Closure Summary followed by a question and then another Closure Summary is judged twice, each as it stood.',
    source:
      'CCADB IRG 3.2, "How are reports closed?": closure is requested with the Closure Summary template once all Action Items are complete (or canceled) and all questions are answered, setting needinfo to incident-reporting@ccadb.org (the needinfo since IRG 3.1, effective 2025-07-15).',
    examples: [
      {
        title: 'A closure request with an Ongoing item and no needinfo',
        kind: 'thread',
        now: '2025-10-01',
        code: '{"source":"https://bugzilla.mozilla.org","fetched":"2025-10-01T00:00:00Z","bug":{"id":1999006,"summary":"Example CA: wrong extension","whiteboard":"","status":"NEW","resolution":"","creation_time":"2025-08-01T10:00:00Z","creator":"incidents@example-ca.com","assigned_to":"incidents@example-ca.com","flags":[]},"comments":[{"count":0,"text":"| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\\n| --- | --- | --- | --- | --- | --- |\\n| Add a lint | Prevent | Root Cause #1 | No findings | 2025-12-01 | Ongoing |\\n","creator":"incidents@example-ca.com","creation_time":"2025-08-01T10:00:00Z","is_private":false,"tags":[]},{"count":1,"text":"## Report Closure Summary\\n\\n- **Incident description:** Certificates carried a wrong extension.\\n\\nAll Action Items disclosed in this Incident Report have been completed as described, and we request its closure.\\n","creator":"incidents@example-ca.com","creation_time":"2025-09-20T10:00:00Z","is_private":false,"tags":[]}],"history":[]}\n',
        expect: [
          { messageId: 'openItems', line: 1, comment: 1 },
          { messageId: 'noNeedinfo', line: 1, comment: 1 },
        ],
      },
    ],
  },
  check(thread, ctx) {
    const { now, horizon } = judgeTime(ctx);
    const o = ctx.options;
    const comments = commentsUntil(thread, horizon);
    const closures = comments.filter((c) => reportKinds(thread, c).has('closure'));
    if (closures.length === 0) return;
    const done = o.done.map((d) => d.toLowerCase());
    const tables = postedTables(thread, comments);
    const to = o.needinfoTo.toLowerCase();
    const states = whiteboardStates(thread);
    const closeOn = closeOnSettings(thread, states);
    const answerOptions = { ignoreAuthors: o.ignoreAuthors.map((a) => a.toLowerCase()), ignoreThanks: o.ignoreThanks };

    for (const c of closures) {
      const base = { closure: c.count, at: formatUtc(c.time) };
      // 1. Open Action Items in the latest table before the closure.
      const latest = tables.filter((t) => t.comment.time <= c.time).pop();
      if (latest && latest.comment.count !== c.count) {
        const open = latest.items.filter((i) => !isDone(i, done));
        const first = open[0];
        if (first) ctx.report({ messageId: 'openItems', comment: c.count, loc: { line: 1 }, data: { ...base, table: latest.comment.count, count: open.length, item: first.action, status: first.status ? `"${first.status}"` : 'without a status' } });
      }
      // 2. Questions unanswered when the closure came.
      const question = unansweredBefore(thread, comments, c, answerOptions, closeOn);
      if (question) ctx.report({ messageId: 'openQuestion', comment: c.count, loc: { line: 1 }, data: { ...base, question } });
      // 3. The needinfo to the CCADB (IRG 3.1 and later).
      const version = irgAt(c.time);
      if (!version.closureNeedinfo) continue;
      const asked = thread.needinfo.some((n) => n.change === 'set' && n.target.toLowerCase() === to && n.when >= c.time - DAY && n.when <= c.time + DAY && n.when <= horizon);
      if (asked) continue;
      const due = c.time + DAY;
      const isLast = c === closures[closures.length - 1];
      if (thread.open && isLast) ctx.deadline({ obligation: `needinfo to ${o.needinfoTo}`, due, basis: `a day after the Closure Summary in comment ${c.count} (${version.name})`, comment: c.count });
      if (thread.open && now <= due) continue;
      ctx.report({ messageId: 'noNeedinfo', comment: c.count, loc: { line: 1 }, data: { ...base, to: o.needinfoTo, version: version.name, asOf: thread.open ? ` (as of ${formatUtc(now)})` : '' } });
    }
  },
});

/** What the CA had not answered when it posted the closure comment `c`: a needinfo still set on a CA account, or a question with no CA comment between it and the closure. */
function unansweredBefore(
  thread: BugThread,
  comments: readonly ThreadComment[],
  c: ThreadComment,
  answerOptions: { ignoreAuthors: readonly string[]; ignoreThanks: boolean },
  closeOn: ReadonlyArray<{ when: number; who: string }>,
): string | undefined {
  // A needinfo on a CA account set before the closure and not cleared by then.
  const pending = new Map<string, number>();
  for (const n of thread.needinfo) {
    if (n.when >= c.time) break;
    const target = n.target.toLowerCase();
    if (!thread.isCa(target) || thread.isCa(n.who)) {
      if (n.change === 'cleared') pending.delete(target);
      continue;
    }
    if (n.change === 'set') pending.set(target, n.when);
    else pending.delete(target);
  }
  // A needinfo answered by a CA comment after it is answered even if nobody cleared the flag.
  for (const [target, when] of pending) {
    const answered = comments.some((x) => x.isCa && x.time > when && x.time < c.time);
    if (!answered) return `the needinfo on ${target} set ${formatUtc(when)}`;
  }
  const closureText = c.text;
  for (let i = comments.length - 1; i >= 0; i--) {
    const q = comments[i] as ThreadComment;
    if (q.time >= c.time || q.count === c.count) continue;
    if (q.isCa) break; // the CA spoke after everything earlier
    if (q.count === 0) continue;
    if (noAnswerNeeded(thread, q, answerOptions, closeOn) !== undefined) continue;
    const asked = ownText(q);
    if (!QUESTION.test(asked)) continue;
    if (ASKS_FOR_CLOSURE.test(asked)) continue; // "Can you post a Closure Summary?": the closure is the answer
    if (/^[ \t]*>/m.test(closureText) || namedComments(closureText).has(q.count)) continue;
    return `the question in comment ${q.count} by ${q.creator} (${formatUtc(q.time)})`;
  }
  return undefined;
}

/** The comment numbers a text names ("comment 12", "comment #12", "c12"). */
function namedComments(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/\b(?:comment|c)[ \t]*(?:#[ \t]*)?(\d{1,5})\b/gi)) out.add(Number(m[1]));
  return out;
}
