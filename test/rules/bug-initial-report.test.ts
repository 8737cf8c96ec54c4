import { describe, it } from 'vitest';
import rule from '../../rules/bug-initial-report.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { bugJson, ca, fullReport, plus, preliminary, reviewer, REVIEWER } from '../helpers/thread.js';

const T0 = '2025-08-01T10:00:00Z';
const thirdParty = (reportAt: string, text = preliminary(), extra: Parameters<typeof bugJson>[0] extends infer S ? Partial<S> : never = {}) =>
  bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Certificates from Example CA carry a wrong extension.'), ca(reportAt, text)], ...extra });

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a Preliminary report exactly 72 hours after a third-party filing', kind: 'thread', now: '2025-09-01', code: thirdParty(plus(T0, 3)) },
    { name: 'a Full report counts as the first report', kind: 'thread', now: '2025-09-01', code: thirdParty(plus(T0, 2), fullReport({ identified: '2025-08-01 10:00 UTC' })) },
    {
      name: 'awareness stated by the report, 72 hours before it',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: '2025-08-03T10:00:00Z', comments: [ca('2025-08-03T10:00:00Z', fullReport({ identified: '2025-07-31 10:00 UTC' }))] }),
    },
    {
      name: 'a date-only identified date is read as the end of that day',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: '2025-08-04T20:00:00Z', comments: [ca('2025-08-04T20:00:00Z', fullReport({ identified: '2025-08-01' }))] }),
    },
    {
      name: 'before IRG 2.0 (2023-10-17) there is no 72-hour rule',
      kind: 'thread',
      now: '2023-12-01',
      code: bugJson({ created: '2023-09-01T10:00:00Z', creator: REVIEWER, comments: [reviewer('2023-09-01T10:00:00Z', 'Problem.'), ca('2023-09-10T10:00:00Z', preliminary())] }),
    },
    {
      name: 'an open bug still inside the 72 hours: only the deadline',
      kind: 'thread',
      now: plus(T0, 2),
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.')] }),
      deadlines: [{ obligation: 'Preliminary or Full report', due: plus(T0, 3), basis: '72 hours after awareness (the bug filed by someone else; IRG 3.1)' }],
    },
    {
      name: 'a bug resolved INVALID needed no report',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.'), reviewer(plus(T0, 1), 'Not an incident.')], resolved: plus(T0, 1), resolution: 'INVALID' }),
    },
    {
      name: 'a comment posted after --now is not seen, so the bug is judged as of then',
      kind: 'thread',
      now: plus(T0, 1),
      code: thirdParty(plus(T0, 10)),
      deadlines: [{ obligation: 'Preliminary or Full report', due: plus(T0, 3), basis: '72 hours after awareness (the bug filed by someone else; IRG 3.1)' }],
    },
  ],
  invalid: [
    {
      name: 'a Preliminary report one minute past 72 hours',
      kind: 'thread',
      now: '2025-09-01',
      code: thirdParty(plus(T0, 3, 1 / 60)),
      errors: [
        {
          messageId: 'late',
          line: 1,
          comment: 0,
          message: "The CA's first report (comment 1, 2025-08-04 10:01 UTC) came 72 hours 1 minute after awareness (2025-08-01 10:00 UTC, the bug filed by someone else); IRG 3.1 asks for a Preliminary or Full report within 72 hours.",
        },
      ],
    },
    {
      name: 'a reviewer pasting the template is not the CA report',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.'), reviewer(plus(T0, 1), `Please use the template:\n\n${preliminary()}`), ca(plus(T0, 5), preliminary())] }),
      errors: [{ messageId: 'late', line: 1, comment: 0 }],
    },
    {
      name: 'awareness from the Timeline, four days before the report (IRG 3.0)',
      kind: 'thread',
      now: '2025-06-01',
      code: bugJson({
        created: '2025-04-05T10:00:00Z',
        comments: [ca('2025-04-05T10:00:00Z', ['## Incident Report', '', '### Summary', '', 'Wrong extension.', '', '### Impact', '', '10 certificates.', '', '### Timeline', '', 'All times are UTC.', '', '- 2025-04-01 09:00 We detected the problem in a scan.', ''].join('\n'))],
      }),
      errors: [{ messageId: 'late', line: 1, comment: 0, message: "The CA's first report (comment 0, 2025-04-05 10:00 UTC) came 97 hours after awareness (2025-04-01 09:00 UTC, as the Timeline in comment 0 states); IRG 3.0 asks for a Preliminary or Full report within 72 hours." }],
    },
    {
      name: 'no report at all on an open bug (IRG 2.0)',
      kind: 'thread',
      now: '2024-05-10T10:00:00Z',
      code: bugJson({ created: '2024-05-01T10:00:00Z', creator: REVIEWER, comments: [reviewer('2024-05-01T10:00:00Z', 'Problem.'), ca('2024-05-02T10:00:00Z', 'We are looking into it.')] }),
      deadlines: [{ obligation: 'Preliminary or Full report', due: '2024-05-04T10:00:00Z', basis: '72 hours after awareness (the bug filed by someone else; IRG 2.0)' }],
      errors: [{ messageId: 'missing', line: 1, comment: 0, severity: 'error', message: 'No Preliminary or Full report from the CA 216 hours after awareness (2024-05-01 10:00 UTC, the bug filed by someone else) as of 2024-05-10 10:00 UTC; IRG 2.0 asks for one within 72 hours.' }],
    },
    {
      name: 'a private report does not count',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.'), ca(plus(T0, 1), preliminary(), { private: true }), ca(plus(T0, 4), preliminary())] }),
      errors: [{ messageId: 'late', line: 1, comment: 0 }],
    },
    {
      name: 'a spam-tagged report does not count',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.'), ca(plus(T0, 1), preliminary(), { tags: ['spam'] }), ca(plus(T0, 4), preliminary())] }),
      errors: [{ messageId: 'late', line: 1, comment: 0 }],
    },
    {
      name: 'resolved FIXED without any report',
      kind: 'thread',
      now: '2025-09-01',
      code: bugJson({ created: T0, creator: REVIEWER, comments: [reviewer(T0, 'Problem.'), ca(plus(T0, 1), 'Fixed.')], resolved: plus(T0, 5) }),
      errors: [{ messageId: 'missing', line: 1, comment: 0 }],
    },
  ],
});
