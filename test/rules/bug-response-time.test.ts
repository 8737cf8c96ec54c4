import { describe, it } from 'vitest';
import rule from '../../rules/bug-response-time.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { bugJson, CA, ca, fullReport, moderator, MODERATOR, needinfo, plus, reviewer, REVIEWER, whiteboardChange } from '../helpers/thread.js';

// IRG 3.2 era (the MUST) and IRG 3.1 era (the Mozilla expectation, warnings).
const T = '2026-04-01T10:00:00Z';
const OLD = '2025-08-01T10:00:00Z';
const asked = (t0: string, answerAt: string | undefined, question = 'Which profiles were affected?', extra: Partial<Parameters<typeof bugJson>[0]> = {}) =>
  bugJson({
    created: t0,
    comments: [ca(t0, fullReport()), reviewer(plus(t0, 1), question), ...(answerAt ? [ca(answerAt, 'Only the OV profile.')] : [])],
    ...extra,
  });

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'answered exactly 7 days later', kind: 'thread', now: plus(T, 30), code: asked(T, plus(T, 8)) },
    { name: 'a comment that only thanks needs no answer', kind: 'thread', now: plus(T, 30), code: asked(T, undefined, 'Thanks for the update!'), },
    { name: 'a reply that only thanks, under a quote and the reply header, needs no answer', kind: 'thread', now: plus(T, 30), code: asked(T, undefined, '(In reply to Example CA from comment #0)\n> Which profiles were affected?\n\nThanks, that answers it.') },
    { name: 'a bot comment needs no answer', kind: 'thread', now: plus(T, 30), code: bugJson({ created: T, comments: [ca(T, fullReport()), { by: 'release-mgmt-account-bot@mozilla.tld', at: plus(T, 1), text: 'The assignee was changed.' }] }) },
    {
      name: "the moderator's final call for comments needs no answer",
      kind: 'thread',
      now: plus(T, 30),
      code: bugJson({ created: T, comments: [ca(T, fullReport()), moderator(plus(T, 1), 'I will close this on or about 2026-04-10.')] }),
    },
    {
      name: 'the comment posted with a whiteboard [close on] needs no answer',
      kind: 'thread',
      now: plus(T, 30),
      code: bugJson({
        created: T,
        whiteboard: '[ca-compliance] [close on 2026-04-10]',
        comments: [ca(T, fullReport()), moderator(plus(T, 1), 'Closing soon unless there are further questions.')],
        history: [whiteboardChange(plus(T, 1), MODERATOR, '[ca-compliance]', '[ca-compliance] [close on 2026-04-10]')],
      }),
    },
    {
      name: 'a comment posted with a new Next update date is answered by that update',
      kind: 'thread',
      now: plus(T, 30),
      code: bugJson({
        created: T,
        whiteboard: 'Next update 2026-04-20',
        comments: [ca(T, fullReport()), moderator(plus(T, 1), 'Setting the next update to 2026-04-20, when the first action item is due.'), ca('2026-04-20T18:00:00Z', 'Update: the first action item is complete.')],
        history: [whiteboardChange(plus(T, 1), MODERATOR, '', 'Next update 2026-04-20')],
      }),
    },
    { name: 'resolved within the 7 days', kind: 'thread', now: plus(T, 30), code: asked(T, undefined, 'Any more questions?', { resolved: plus(T, 5) }) },
    { name: 'a private comment is not seen', kind: 'thread', now: plus(T, 30), code: bugJson({ created: T, comments: [ca(T, fullReport()), reviewer(plus(T, 1), 'Private question?', { private: true })] }) },
    { name: 'a spam comment is not seen', kind: 'thread', now: plus(T, 30), code: bugJson({ created: T, comments: [ca(T, fullReport()), reviewer(plus(T, 1), 'Buy now?', { tags: ['spam'] })] }) },
    {
      name: 'an open question inside the 7 days: the deadline',
      kind: 'thread',
      now: plus(T, 3),
      code: asked(T, undefined),
      deadlines: [{ obligation: 'answer comment 1', due: plus(T, 8), basis: '7 days after comment 1 (IRG 3.2)' }],
    },
    {
      name: 'a needinfo answered within 7 days',
      kind: 'thread',
      now: plus(T, 30),
      code: bugJson({ created: T, comments: [ca(T, fullReport()), ca(plus(T, 9), 'Here is the status.')], history: [needinfo(plus(T, 2), REVIEWER, CA)] }),
    },
  ],
  invalid: [
    {
      name: 'IRG 3.2: answered 12.5 days later is an error',
      kind: 'thread',
      now: plus(T, 30),
      code: asked(T, plus(T, 13.5)),
      errors: [
        {
          messageId: 'late',
          line: 1,
          comment: 1,
          severity: 'error',
          message: `Comment 1 by ${REVIEWER} (2026-04-02 10:00 UTC) got no answer from the CA within 7 days; the next CA comment came 12.5 days later (comment 2). IRG 3.2: answer every question within 7 days, even if only to acknowledge it.`,
        },
      ],
    },
    { name: 'one minute past 7 days', kind: 'thread', now: plus(T, 30), code: asked(T, plus(T, 8, 1 / 60)), errors: [{ messageId: 'late', line: 1, comment: 1 }] },
    {
      name: 'before IRG 3.2 a late answer is a warning',
      kind: 'thread',
      now: plus(OLD, 30),
      code: asked(OLD, plus(OLD, 10)),
      errors: [{ messageId: 'late', line: 1, comment: 1, severity: 'warn' }],
    },
    {
      name: 'still unanswered on an open bug',
      kind: 'thread',
      now: plus(T, 10),
      code: asked(T, undefined, 'Please provide a status update.'),
      deadlines: [{ obligation: 'answer comment 1', due: plus(T, 8), basis: '7 days after comment 1 (IRG 3.2)' }],
      errors: [{ messageId: 'unanswered', line: 1, comment: 1, message: `Comment 1 by ${REVIEWER} (2026-04-02 10:00 UTC) has had no answer from the CA for 9 days as of 2026-04-11 10:00 UTC. IRG 3.2: answer every question within 7 days, even if only to acknowledge it.` }],
    },
    {
      name: 'a needinfo set without a comment, never answered',
      kind: 'thread',
      now: plus(T, 20),
      code: bugJson({ created: T, comments: [ca(T, fullReport())], history: [needinfo(plus(T, 2), REVIEWER, CA)] }),
      errors: [{ messageId: 'unanswered', line: 1, comment: 0 }],
    },
    {
      name: 'a needinfo set with a question counts once',
      kind: 'thread',
      now: plus(T, 20),
      code: bugJson({ created: T, comments: [ca(T, fullReport()), reviewer(plus(T, 2), 'When will this be fixed?')], history: [needinfo(plus(T, 2), REVIEWER, CA)] }),
      errors: [{ messageId: 'unanswered', line: 1, comment: 1 }],
    },
    {
      name: 'thanks needs an answer when ignoreThanks is off',
      kind: 'thread',
      now: plus(T, 30),
      options: { ignoreThanks: false },
      code: asked(T, undefined, 'Thanks.'),
      errors: [{ messageId: 'unanswered', line: 1, comment: 1 }],
    },
    {
      name: 'resolved after the 7 days without an answer',
      kind: 'thread',
      now: plus(T, 30),
      code: asked(T, undefined, 'What about the other profiles?', { resolved: plus(T, 20) }),
      errors: [{ messageId: 'unanswered', line: 1, comment: 1 }],
    },
  ],
});
