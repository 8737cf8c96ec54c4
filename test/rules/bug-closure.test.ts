import { describe, it } from 'vitest';
import rule from '../../rules/bug-closure.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { actionTable, bugJson, CA, ca, CCADB, closureSummary, needinfo, plus, reviewer, REVIEWER } from '../helpers/thread.js';

const T = '2025-08-01T10:00:00Z';
const CLOSE = plus(T, 30);
const done = actionTable([{ action: 'Add a lint', due: '2025-08-20', status: 'Complete' }]);
const ongoing = actionTable([{ action: 'Add a lint', due: '2025-12-20', status: 'Ongoing' }]);
/** A bug: the CA's table, then its Closure Summary at CLOSE, with the needinfo to the CCADB at `needinfoAt` (null: none). */
const closing = (opts: { table?: string; needinfoAt?: string | null; resolved?: string } = {}) => {
  const at = CLOSE;
  const comments = [ca(T, opts.table ?? done), ca(at, closureSummary())];
  return bugJson({
    created: T,
    comments,
    history: opts.needinfoAt === null ? [] : [needinfo(opts.needinfoAt ?? at, CA, CCADB)],
    ...(opts.resolved ? { resolved: opts.resolved } : {}),
  });
};

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'every item Complete, needinfo set with the closure', kind: 'thread', now: plus(CLOSE, 10), code: closing({ resolved: plus(CLOSE, 8) }) },
    { name: 'the needinfo 24 hours after the closure comment', kind: 'thread', now: plus(CLOSE, 10), code: closing({ needinfoAt: plus(CLOSE, 1) }) },
    { name: 'before IRG 3.1 no needinfo is asked for', kind: 'thread', now: '2025-07-01', code: bugJson({ created: '2025-05-01T10:00:00Z', comments: [ca('2025-05-01T10:00:00Z', done), ca('2025-06-01T10:00:00Z', closureSummary())] }) },
    {
      name: 'a table in the closure comment itself is closure-action-items-complete\'s',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, done), ca(CLOSE, `${closureSummary()}\n${ongoing}\n`)], history: [needinfo(CLOSE, CA, CCADB)] }),
    },
    {
      name: 'a reviewer pasting the closure template is not a closure request',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, ongoing), reviewer(CLOSE, `When you are done, use this:\n\n${closureSummary()}`)] }),
    },
    {
      name: 'a later table marks the item Complete',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, ongoing), ca(plus(T, 20), done), ca(CLOSE, closureSummary())], history: [needinfo(CLOSE, CA, CCADB)] }),
    },
    {
      name: 'a question answered before the closure',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, done), reviewer(plus(T, 10), 'Did you check the EV profile?'), ca(plus(T, 11), 'Yes.'), ca(CLOSE, closureSummary())], history: [needinfo(CLOSE, CA, CCADB)] }),
    },
    {
      name: 'a request for the Closure Summary is answered by it',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, done), reviewer(plus(T, 25), 'Can you please post a Closure Summary?'), ca(CLOSE, closureSummary())], history: [needinfo(CLOSE, CA, CCADB)] }),
    },
    {
      name: 'a closure that names the question answers it',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, done), reviewer(plus(T, 10), 'Did you check the EV profile?'), ca(CLOSE, `As to comment 1: yes.\n\n${closureSummary()}`)], history: [needinfo(CLOSE, CA, CCADB)] }),
    },
    {
      name: 'an open bug, closure posted an hour ago: the needinfo deadline',
      kind: 'thread',
      now: plus(CLOSE, 0, 1),
      code: closing({ needinfoAt: null }),
      deadlines: [{ obligation: `needinfo to ${CCADB}`, due: plus(CLOSE, 1), basis: 'a day after the Closure Summary in comment 1 (IRG 3.1)' }],
    },
  ],
  invalid: [
    {
      name: 'the needinfo a minute past a day',
      kind: 'thread',
      now: plus(CLOSE, 10),
      code: closing({ needinfoAt: plus(CLOSE, 1, 1 / 60) }),
      errors: [{ messageId: 'noNeedinfo', line: 1, comment: 1, message: `Closure Summary (comment 1, 2025-08-31 10:00 UTC) without a needinfo to ${CCADB} within a day (as of 2025-09-10 10:00 UTC); IRG 3.1 asks the CA to request closure with the closure template and that needinfo.` }],
    },
    {
      name: 'an Ongoing item in the latest table',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: closing({ table: ongoing }),
      errors: [{ messageId: 'openItems', line: 1, comment: 1, message: 'Closure Summary (comment 1, 2025-08-31 10:00 UTC) while the latest Action Items table (comment 0) still has 1 item(s) neither Complete nor Canceled: "Add a lint" is "Ongoing". Request closure only when every Action Item is done.' }],
    },
    {
      name: 'a question nobody answered',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, done), reviewer(plus(T, 25), 'Did you check the EV profile?'), ca(CLOSE, closureSummary())], history: [needinfo(CLOSE, CA, CCADB)] }),
      errors: [{ messageId: 'openQuestion', line: 1, comment: 2, message: `Closure Summary (comment 2, 2025-08-31 10:00 UTC) while the question in comment 1 by ${REVIEWER} (2025-08-26 10:00 UTC) is unanswered. Answer every question before requesting closure.` }],
    },
    {
      name: 'a needinfo on the CA still open',
      kind: 'thread',
      now: plus(CLOSE, 2),
      code: bugJson({ created: T, comments: [ca(T, done), ca(CLOSE, closureSummary())], history: [needinfo(plus(T, 25), REVIEWER, CA), needinfo(CLOSE, CA, CCADB)] }),
      errors: [{ messageId: 'openQuestion', line: 1, comment: 1 }],
    },
    {
      name: 'a resolved bug whose closure never had the needinfo',
      kind: 'thread',
      now: plus(CLOSE, 20),
      code: closing({ needinfoAt: null, resolved: plus(CLOSE, 8) }),
      errors: [{ messageId: 'noNeedinfo', line: 1, comment: 1 }],
    },
  ],
});
