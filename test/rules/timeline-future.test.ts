import { describe, it } from 'vitest';
import rule from '../../rules/timeline-future.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const tl = (body: string): string => `## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'all in the past', code: tl('- 2025-05-31 23:59 received'), now: '2025-06-01' },
    { name: 'a date-only entry on the day of now', code: tl('- 2025-06-01 received'), now: '2025-06-01T08:00:00Z' },
    { name: 'a planned step', code: tl('- 2025-06-10 18:00 All certificates will be revoked'), now: '2025-06-01' },
    { name: 'a custom planned word', code: tl('- 2025-06-10 18:00 Revocation ETA'), now: '2025-06-01', options: { plannedWords: ['ETA'] } },
  ],
  invalid: [
    { name: 'a typo in the year', code: tl('- 2025-03-05 10:18 received\n- 2052-03-06 09:00 revoked'), now: '2025-06-01', errors: [{ messageId: 'future', line: 8 }] },
    { name: 'later the same day', code: tl('- 2025-06-01 18:00 revoked'), now: '2025-06-01T12:00:00Z', errors: [{ messageId: 'future', line: 7 }] },
    { name: 'a day header in the future', code: tl('2025-07-01:\n\n- 10:00 revoked'), now: '2025-06-01', errors: [{ messageId: 'future', line: 9 }] },
  ],
});
