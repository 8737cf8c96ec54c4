import { describe, it } from 'vitest';
import rule from '../../rules/timeline-timestamp.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const tl = (body: string): string => `## Incident Report\n\n### Timeline\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'every entry to the minute', code: tl('All times are UTC.\n\n- 2024-03-05 10:18 received\n- 2024-03-06 09:00:12 revoked') },
    { name: 'bare times under a day header', code: tl('All times are UTC.\n\n2024-03-05:\n\n- 10:18 received\n- 11:00 replied') },
    { name: 'a timeline marked N/A', code: tl('N/A') },
    { name: 'an empty timeline is left to field-empty', code: '## Incident Report\n\n### Timeline\n\n### Root Cause Analysis\n\nText.\n' },
  ],
  invalid: [
    { name: 'one date-only entry', code: tl('- 2024-03-05 10:18 UTC received\n- 2024-03-06 revoked'), errors: [{ messageId: 'noTime', line: 6 }] },
    { name: 'every entry date-only: one diagnostic', code: tl('- 2024-03-05 received\n- 2024-03-06 revoked\n- 2024-03-07 closed'), errors: [{ messageId: 'noTimeAny', line: 5 }] },
    { name: 'to the hour', code: tl('- 2025-06-05 4 PM UTC revoked\n- 2025-06-05 17:00 UTC closed'), errors: [{ messageId: 'hourOnly', line: 5 }] },
    { name: 'a time with no date at all', code: tl('All times are UTC.\n\n- 10:18 received'), errors: [{ messageId: 'noDate', line: 7 }] },
    { name: 'prose without any date', code: tl('We decided to revoke all these certs and notified the customers.'), errors: [{ messageId: 'noEntries', line: 3 }] },
  ],
});
