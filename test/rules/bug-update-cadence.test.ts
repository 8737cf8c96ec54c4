import { describe, it } from 'vitest';
import rule from '../../rules/bug-update-cadence.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { actionTable, bugJson, ca, closureSummary, fullReport, MODERATOR, moderator, plus, reviewer, REVIEWER, whiteboardChange } from '../helpers/thread.js';

const T = '2025-08-01T10:00:00Z';
const updates = (times: string[], extra: Partial<Parameters<typeof bugJson>[0]> = {}) =>
  bugJson({ created: times[0] as string, comments: times.map((t, i) => ca(t, i === 0 ? fullReport({ actions: [{ action: 'Add a lint', due: '2026-01-31', status: 'Ongoing' }] }) : `Update ${i}: work continues.`)), ...extra });

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'updates exactly 7 days apart', kind: 'thread', now: plus(T, 20), code: updates([T, plus(T, 7), plus(T, 14)]), deadlines: [{ obligation: 'update', due: plus(T, 21), basis: '7 days after comment 2 (IRG 3.1)' }] },
    {
      name: 'a Next update date set after a comment governs (a long wait)',
      kind: 'thread',
      now: '2025-10-01T12:00:00Z',
      code: updates([T, '2025-10-01T09:00:00Z'], { whiteboard: '[ca-compliance] Next update 2025-10-01', history: [whiteboardChange(plus(T, 1), MODERATOR, '[ca-compliance]', '[ca-compliance] Next update 2025-10-01')] }),
    },
    {
      name: 'the Next update day counts until its end (UTC)',
      kind: 'thread',
      now: '2025-10-02',
      code: updates([T, '2025-10-01T23:59:00Z'], { whiteboard: 'Next update 2025-10-01', history: [whiteboardChange(plus(T, 1), MODERATOR, '', 'Next update 2025-10-01')] }),
    },
    {
      name: 'no updates after a Closure Summary that nobody questions',
      kind: 'thread',
      now: plus(T, 60),
      code: bugJson({ created: T, comments: [ca(T, fullReport()), ca(plus(T, 5), closureSummary()), moderator(plus(T, 6), 'I will close this on or about 2025-08-20.')] }),
    },
    {
      name: 'a question on the Closure Summary, answered: the closure stands again',
      kind: 'thread',
      now: plus(T, 60),
      code: bugJson({ created: T, comments: [ca(T, fullReport()), ca(plus(T, 5), closureSummary()), reviewer(plus(T, 6), 'Did you also check the EV profile?'), ca(plus(T, 8), 'Yes, it was not affected.')] }),
    },
    {
      name: 'none while the bug is resolved',
      kind: 'thread',
      now: plus(T, 60),
      code: updates([T, plus(T, 7)], { resolved: plus(T, 10) }),
    },
    {
      name: 'an Action Item past its due date before IRG 3.1 needs only the weekly update',
      kind: 'thread',
      now: '2025-06-30',
      code: bugJson({ created: '2025-05-01T10:00:00Z', comments: [ca('2025-05-01T10:00:00Z', actionTable([{ action: 'Add a lint', due: '2025-05-02', status: 'Ongoing' }])), ca('2025-05-08T10:00:00Z', 'Update.'), ca('2025-05-15T10:00:00Z', 'Update.')], resolved: '2025-05-20T00:00:00Z' }),
    },
    {
      name: 'an Action Item past its due date, with an update within 3 days (IRG 3.1)',
      kind: 'thread',
      now: '2025-09-30',
      code: bugJson({ created: T, comments: [ca(T, actionTable([{ action: 'Add a lint', due: '2025-08-03', status: 'Ongoing' }])), ca('2025-08-06T23:00:00Z', 'The lint is delayed to 2025-08-20.')], resolved: '2025-08-10T00:00:00Z' }),
    },
    {
      name: 'an Action Item marked Complete in the latest table needs no update',
      kind: 'thread',
      now: '2025-09-30',
      code: bugJson({ created: T, comments: [ca(T, actionTable([{ action: 'Add a lint', due: '2025-08-03', status: 'Ongoing' }])), ca('2025-08-02T10:00:00Z', actionTable([{ action: 'Add a lint', due: '2025-08-03', status: 'Complete' }]))], resolved: '2025-08-08T00:00:00Z' }),
    },
    {
      name: 'an open bug with Next update 2025-12-05: the deadline is that day',
      kind: 'thread',
      now: '2025-12-01',
      code: updates(['2025-11-21T10:00:00Z', '2025-11-28T09:00:00Z'], { whiteboard: '[ca-compliance] Next update 2025-12-05', history: [whiteboardChange('2025-11-28T09:30:00Z', MODERATOR, '[ca-compliance]', '[ca-compliance] Next update 2025-12-05')] }),
      deadlines: [{ obligation: 'update', due: '2025-12-05T23:59:59.999Z', basis: 'whiteboard Next update' }],
    },
  ],
  invalid: [
    {
      name: 'one minute past 7 days',
      kind: 'thread',
      now: plus(T, 20),
      code: updates([T, plus(T, 7, 1 / 60)], { resolved: plus(T, 8) }),
      errors: [
        {
          messageId: 'late',
          line: 1,
          comment: 0,
          message: 'After comment 0 by the CA (2025-08-01 10:00 UTC) the next update was due by 2025-08-08 10:00 UTC (7 days after comment 0); the next CA comment came 7 days 1 minute later (comment 1). Update the bug at least every 7 days, or by the Next update date the whiteboard gives.',
        },
      ],
    },
    {
      name: 'the whiteboard Next update date passed without an update',
      kind: 'thread',
      now: '2025-10-10',
      code: updates([T, '2025-08-12T10:00:00Z'], { resolved: '2025-08-15T00:00:00Z', whiteboard: 'Next update 2025-08-05', history: [whiteboardChange(plus(T, 0, 1), MODERATOR, '', 'Next update 2025-08-05')] }),
      errors: [{ messageId: 'late', line: 1, comment: 0, message: "After comment 0 by the CA (2025-08-01 10:00 UTC) the next update was due by 2025-08-05 23:59 UTC (the whiteboard's Next update 2025-08-05); the next CA comment came 11 days later (comment 1). Update the bug at least every 7 days, or by the Next update date the whiteboard gives." }],
    },
    {
      name: 'silence on an open bug',
      kind: 'thread',
      now: plus(T, 10),
      code: updates([T, plus(T, 1)]),
      deadlines: [{ obligation: 'update', due: plus(T, 8), basis: '7 days after comment 1 (IRG 3.1)' }],
      errors: [{ messageId: 'overdue', line: 1, comment: 1, message: 'After comment 1 by the CA (2025-08-02 10:00 UTC) the next update was due by 2025-08-09 10:00 UTC (7 days after comment 1); there has been no CA comment for 9 days as of 2025-08-11 10:00 UTC. Update the bug at least every 7 days, or by the Next update date the whiteboard gives.' }],
    },
    {
      name: 'a questioned Closure Summary needs updates again',
      kind: 'thread',
      now: plus(T, 30),
      code: bugJson({ created: T, comments: [ca(T, fullReport()), ca(plus(T, 5), closureSummary()), reviewer(plus(T, 6), 'Did you also check the EV profile?')] }),
      errors: [{ messageId: 'overdue', line: 1, comment: 2 }],
    },
    {
      name: 'IRG 3.1: no update within 3 days after an Action Item passed its due date',
      kind: 'thread',
      now: '2025-09-30',
      code: bugJson({
        created: '2025-08-28T10:00:00Z',
        comments: [ca('2025-08-28T10:00:00Z', actionTable([{ action: 'Add a lint', due: '2025-08-29', status: 'Ongoing' }])), ca('2025-09-04T10:00:00Z', 'Update.')],
        resolved: '2025-09-05T00:00:00Z',
      }),
      errors: [{ messageId: 'actionItem', line: 1, comment: 0, message: 'Action item "Add a lint" (table in comment 0) was due 2025-08-29 and is "Ongoing"; IRG 3.1 asks for an update within 3 days after, by 2025-09-02 00:00 UTC; the next CA comment came 5.4 days after the due day ended (comment 1).' }],
    },
    {
      name: 'a reopened bug needs updates again',
      kind: 'thread',
      now: plus(T, 40),
      code: bugJson({
        created: T,
        comments: [ca(T, fullReport({ actions: [{ action: 'Add a lint', due: '2026-01-31', status: 'Ongoing' }] })), reviewer(plus(T, 20), 'Reopening: the problem is back.')],
        history: [
          { at: plus(T, 2), by: MODERATOR, changes: [{ field: 'status', removed: 'NEW', added: 'RESOLVED' }] },
          { at: plus(T, 20), by: REVIEWER, changes: [{ field: 'status', removed: 'RESOLVED', added: 'REOPENED' }] },
        ],
        status: 'REOPENED',
      }),
      errors: [{ messageId: 'overdue', line: 1, comment: 1 }],
    },
  ],
});
