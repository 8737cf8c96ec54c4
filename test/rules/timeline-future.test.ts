import { describe, it } from 'vitest';
import rule from '../../rules/timeline-future.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const tl = (body: string): string => `## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'all in the past', code: tl('- 2025-05-31 23:59 received'), now: '2025-06-01' },
    { name: 'a date-only entry on the day of now', code: tl('- 2025-06-01 received'), now: '2025-06-01T08:00:00Z' },
    { name: 'a planned step', code: tl('- 2025-06-10 18:00 All certificates will be revoked'), now: '2025-06-01' },
    { name: 'a date-only --now is that whole day: the report lists its own posting', code: tl('- 2025-10-21 10:00 We post this report.'), now: '2025-10-21' },
    { name: 'the last minute of the day of --now', code: tl('- 2025-10-21 23:59 We post this report.'), now: '2025-10-21' },
    {
      name: 'an entry at 10:00 UTC+8 on the day of --now, in its own zone',
      code: '## Incident Report\n\n### Timeline\n\nAll times are UTC+8.\n\n- 2025-10-21 10:00 We post this report.\n',
      now: '2025-10-21',
    },
    {
      name: 'late on the day in UTC-5 (already the next day in UTC)',
      code: '## Incident Report\n\n### Timeline\n\nAll times are UTC-5.\n\n- 2025-10-21 22:00 We post this report.\n',
      now: '2025-10-21',
    },
    { name: 'front matter posted: is a day too', code: `---\nposted: 2025-10-21\n---\n${tl('- 2025-10-21 18:00 We post this report.')}`, now: '2026-01-01' },
    { name: 'a custom planned word', code: tl('- 2025-06-10 18:00 Revocation ETA'), now: '2025-06-01', options: { plannedWords: ['ETA'] } },
  ],
  invalid: [
    { name: 'a typo in the year', code: tl('- 2025-03-05 10:18 received\n- 2052-03-06 09:00 revoked'), now: '2025-06-01', errors: [{ messageId: 'future', line: 8 }] },
    { name: 'later the same day', code: tl('- 2025-06-01 18:00 revoked'), now: '2025-06-01T12:00:00Z', errors: [{ messageId: 'future', line: 7 }] },
    { name: 'the day after a date-only --now', code: tl('- 2025-10-22 00:00 revoked'), now: '2025-10-21', errors: [{ messageId: 'future', line: 7 }] },
    {
      name: 'the next day in the entry\'s own zone',
      code: '## Incident Report\n\n### Timeline\n\nAll times are UTC+8.\n\n- 2025-10-22 01:00 revoked\n',
      now: '2025-10-21',
      errors: [{ messageId: 'future', line: 7 }],
    },
    { name: 'after the posted: day', code: `---\nposted: 2025-10-21\n---\n${tl('- 2025-10-23 18:00 revoked')}`, now: '2026-01-01', errors: [{ messageId: 'future', line: 10 }] },
    { name: 'a day header in the future', code: tl('2025-07-01:\n\n- 10:00 revoked'), now: '2025-06-01', errors: [{ messageId: 'future', line: 9 }] },
  ],
});
