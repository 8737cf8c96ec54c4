import { describe, it } from 'vitest';
import rule from '../../rules/bug-full-report.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { bugJson, ca, fullReport, plus, preliminary, reviewer, REVIEWER } from '../helpers/thread.js';

const T0 = '2025-08-01T10:00:00Z';
const withFull = (fullAt: string, extra: Partial<Parameters<typeof bugJson>[0]> = {}) =>
  bugJson({ created: T0, comments: [ca(T0, preliminary()), ca(fullAt, fullReport())], ...extra });

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the Full report exactly 14 days after the bug was filed', kind: 'thread', now: '2025-09-01', code: withFull(plus(T0, 14)) },
    { name: 'the Full report as the first comment', kind: 'thread', now: '2025-09-01', code: bugJson({ created: T0, comments: [ca(T0, fullReport())] }) },
    {
      name: 'an open bug inside the 14 days: only the deadline',
      kind: 'thread',
      now: plus(T0, 10),
      code: bugJson({ created: T0, comments: [ca(T0, preliminary())] }),
      deadlines: [{ obligation: 'Full report', due: plus(T0, 14), basis: "14 days after the bug's creation (IRG 3.1)" }],
    },
    {
      name: 'a bug resolved as DUPLICATE needed no report',
      kind: 'thread',
      now: '2025-10-01',
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.')], resolved: plus(T0, 2), resolution: 'DUPLICATE' }),
    },
    {
      name: 'under the Mozilla wiki (2022) two weeks too, met',
      kind: 'thread',
      now: '2022-12-01',
      code: bugJson({ created: '2022-03-01T10:00:00Z', comments: [ca('2022-03-01T10:00:00Z', 'We will post a report.'), ca('2022-03-15T09:00:00Z', fullReport())] }),
    },
  ],
  invalid: [
    {
      name: 'the Full report a minute past 14 days',
      kind: 'thread',
      now: '2025-09-01',
      code: withFull(plus(T0, 14, 1 / 60)),
      errors: [
        {
          messageId: 'late',
          line: 1,
          comment: 0,
          message: "The Full report (comment 1, 2025-08-15 10:01 UTC) came 14 days 1 minute after the initial disclosure (2025-08-01 10:00 UTC, the bug's creation); IRG 3.1 asks for it within 14 days.",
        },
      ],
    },
    {
      name: 'no Full report three weeks in, on an open bug (overdue deadline kept)',
      kind: 'thread',
      now: plus(T0, 21),
      code: bugJson({ created: T0, comments: [ca(T0, preliminary())] }),
      deadlines: [{ obligation: 'Full report', due: plus(T0, 14), basis: "14 days after the bug's creation (IRG 3.1)" }],
      errors: [{ messageId: 'missing', line: 1, comment: 0, message: "No Full report from the CA 21 days after the initial disclosure (2025-08-01 10:00 UTC, the bug's creation) as of 2025-08-22 10:00 UTC; IRG 3.1 asks for it within 14 days." }],
    },
    {
      name: 'a reviewer pasting a Full report template does not count',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, comments: [ca(T0, preliminary()), reviewer(plus(T0, 3), fullReport()), ca(plus(T0, 20), fullReport())] }),
      errors: [{ messageId: 'late', line: 1, comment: 0 }],
    },
    {
      name: 'a private Full report does not count',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, comments: [ca(T0, preliminary()), ca(plus(T0, 3), fullReport(), { private: true })] }),
      errors: [{ messageId: 'missing', line: 1, comment: 0 }],
    },
    {
      name: 'resolved FIXED with only a Preliminary report',
      kind: 'thread',
      now: '2025-10-01',
      code: bugJson({ created: T0, comments: [ca(T0, preliminary())], resolved: plus(T0, 30) }),
      errors: [{ messageId: 'missing', line: 1, comment: 0, message: "No Full report from the CA 30 days after the initial disclosure (2025-08-01 10:00 UTC, the bug's creation) before the bug was resolved; IRG 3.1 asks for it within 14 days." }],
    },
    {
      name: 'under the Mozilla wiki (2022), 20 days is late',
      kind: 'thread',
      now: '2022-12-01',
      code: bugJson({ created: '2022-03-01T10:00:00Z', comments: [ca('2022-03-01T10:00:00Z', 'We will post a report.'), ca('2022-03-21T10:00:00Z', fullReport())] }),
      errors: [{ messageId: 'late', line: 1, comment: 0, message: 'The Full report (comment 1, 2022-03-21 10:00 UTC) came 20 days after the initial disclosure (2022-03-01 10:00 UTC, the bug\'s creation); the Mozilla wiki "Responding to an Incident" asks for it within 14 days.' }],
    },
  ],
});
