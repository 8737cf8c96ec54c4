import { describe, it } from 'vitest';
import rule from '../../rules/bug-revocation-delay-updates.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { bugJson, ca, closureSummary, MODERATOR, plus, whiteboardChange } from '../helpers/thread.js';

const T = '2025-09-01T10:00:00Z';
const WB = '[ca-compliance] [leaf-revocation-delay]';
const figures = (revoked: number, left: number) =>
  `Revocation status:\n- Revoked: ${revoked}\n- Not yet revoked: ${left}\n- Planned for revocation but expired: 2\n- Estimated completion: 2025-09-30`;
const updates = (times: string[], extra: Partial<Parameters<typeof bugJson>[0]> = {}) =>
  bugJson({ created: times[0] as string, whiteboard: WB, comments: times.map((t, i) => ca(t, figures(100 + i * 10, 50 - i * 10))), ...extra });

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'updates exactly 3 days apart with the four figures', kind: 'thread', now: plus(T, 7), code: updates([T, plus(T, 3), plus(T, 6)]), deadlines: [{ obligation: 'revocation-delay update', due: plus(T, 9), basis: '3 days after comment 2 (IRG 3.1, revocation delay)' }] },
    { name: 'no revocation-delay tag: not this rule', kind: 'thread', now: plus(T, 30), code: updates([T, plus(T, 10)], { whiteboard: '[ca-compliance]' }) },
    {
      name: 'figures written as prose',
      kind: 'thread',
      now: plus(T, 2),
      code: updates([T], {
        comments: [ca(T, 'So far 120 certificates have been revoked and 30 are not yet revoked. 2 certificates expired before we could revoke them. We expect revocation to be complete by 2025-09-20.')],
      }),
    },
    { name: 'revocation finished: no more updates due', kind: 'thread', now: plus(T, 30), code: updates([T], { comments: [ca(T, figures(100, 50)), ca(plus(T, 2), 'All affected certificates have been revoked.')] }) },
    { name: 'a Closure Summary ends the updates', kind: 'thread', now: plus(T, 30), code: updates([T], { comments: [ca(T, figures(100, 50)), ca(plus(T, 2), closureSummary())] }) },
    { name: 'before IRG 3.0 (2025-03-01) the 3-day rule does not apply', kind: 'thread', now: '2025-02-28', code: updates(['2025-02-01T10:00:00Z', '2025-02-10T10:00:00Z'], { resolved: '2025-02-11T00:00:00Z' }) },
    { name: 'a CA answer about something else is not an update', kind: 'thread', now: plus(T, 3), code: updates([T], { comments: [ca(T, figures(100, 50)), ca(plus(T, 1), 'The CPS link is https://example-ca.com/cps.')] }) },
    { name: 'the tag removed from the whiteboard ends the updates', kind: 'thread', now: plus(T, 30), code: updates([T], { whiteboard: '[ca-compliance]', history: [whiteboardChange(plus(T, 1), MODERATOR, WB, '[ca-compliance]')] }) },
  ],
  invalid: [
    {
      name: 'one minute past 3 days is a warning',
      kind: 'thread',
      now: plus(T, 4),
      code: updates([T, plus(T, 3, 1 / 60)]),
      errors: [{ messageId: 'gapShould', line: 1, comment: 0, severity: 'warn', message: 'After comment 0 by the CA (2025-09-01 10:00 UTC) the next revocation-delay update came 3 days 1 minute later (comment 1); IRG 3.1 asks for one at least every 3 days.' }],
    },
    {
      name: 'past 7 days is an error',
      kind: 'thread',
      now: plus(T, 8),
      code: updates([T, plus(T, 7, 1)]),
      errors: [{ messageId: 'gapMust', line: 1, comment: 0, severity: 'error' }],
    },
    {
      name: 'silence on an open bug, as of --now',
      kind: 'thread',
      now: plus(T, 8),
      code: updates([T]),
      deadlines: [{ obligation: 'revocation-delay update', due: plus(T, 3), basis: '3 days after comment 0 (IRG 3.1, revocation delay)' }],
      errors: [{ messageId: 'silentMust', line: 1, comment: 0, severity: 'error', message: 'After comment 0 by the CA (2025-09-01 10:00 UTC) there has been no revocation-delay update for 8 days as of 2025-09-09 10:00 UTC; IRG 3.1 requires one at least every 7 days (and asks for every 3).' }],
    },
    {
      name: 'an update missing two figures names them',
      kind: 'thread',
      now: plus(T, 2),
      code: updates([T], { comments: [ca(T, figures(100, 50)), ca(plus(T, 1), 'We revoked 20 more certificates today. 2 expired before revocation.')] }),
      errors: [{ messageId: 'missingFigures', line: 1, comment: 1, severity: 'warn', message: 'This revocation-delay update (comment 1) does not give: not yet revoked, estimated completion. Each update gives the number of certificates revoked, not yet revoked, planned for revocation but expired, and the estimated completion (IRG 3.1).' }],
    },
    {
      name: 'a private update does not count',
      kind: 'thread',
      now: plus(T, 4),
      code: updates([T], { comments: [ca(T, figures(100, 50)), ca(plus(T, 2), figures(120, 30), { private: true })] }),
      errors: [{ messageId: 'silentShould', line: 1, comment: 0, severity: 'warn' }],
    },
  ],
});
