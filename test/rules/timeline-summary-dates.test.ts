import { describe, it } from 'vitest';
import rule from '../../rules/timeline-summary-dates.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const full = (start: string, identified: string, end: string, parent = ''): string =>
  `## Full Incident Report\n\n### Summary\n\n- **Timeline summary:**${parent}\n  - **Non-compliance start date:** ${start}\n  - **Non-compliance identified date:** ${identified}\n  - **Non-compliance end date:** ${end}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'dates in order', code: full('2025-08-04', '2025-08-12', '2025-08-12') },
    { name: 'with times and a dash', code: full('2025-09-19 – 09:51 UTC', '2025-10-13 – 08:01 UTC', '2025-10-13 – 20:57 UTC') },
    { name: 'end before identified is legitimate (corpus real/043)', code: full('2024-07-01 – 11:01 UTC', '2025-06-11 - 14:22 UTC', '2024-10-14 – 11:00 UTC') },
    { name: 'ongoing end', code: full('2025-08-04', '2025-08-12', 'Ongoing') },
    { name: 'N/A with a reason (corpus real/025)', code: full('N/A (audit recommendation and not non-compliance)', 'N/A (audit recommendation and not non-compliance)', 'N/A (audit recommendation and not non-compliance)') },
    { name: 'zone on the parent (corpus real/037)', code: full('2025-09-24 12:00', '2025-12-06 00:13', '2025-12-08 23:27', ' (UTC)') },
    { name: 'a date followed by an explanation', code: full('2026-03-20 Cross-certified roots not in line with the policy', '2026-04-20 Internal review', '2026-04-21') },
    { name: 'v2 reports have no timeline summary', code: '## Incident Report\n\n### Summary\n\n- Non-compliance start date: yesterday\n' },
  ],
  invalid: [
    { name: 'start after identified and end', code: full('2025-08-14', '2025-08-12', '2025-08-12'), errors: [{ messageId: 'startAfterIdentified', line: 6 }, { messageId: 'startAfterEnd', line: 6 }] },
    { name: 'start after end only', code: full('2025-08-04 10:00 UTC', '2025-08-12', '2025-08-04 09:00 UTC'), errors: [{ messageId: 'startAfterEnd', line: 6 }] },
    { name: 'not a date', code: full('sometime in May', '2025-08-12', '2025-08-12'), errors: [{ messageId: 'unparsed', line: 6 }] },
    { name: 'ongoing is not a start date', code: full('Ongoing', '2025-08-12', '2025-08-12'), errors: [{ messageId: 'unparsed', line: 6 }] },
    { name: 'ambiguous numeric date', code: full('03/04/2025', '2025-08-12', '2025-08-12'), errors: [{ messageId: 'ambiguous', line: 6 }] },
    { name: 'N/A without a reason', code: full('2025-08-04', '2025-08-12', 'N/A'), errors: [{ messageId: 'naWithoutReason', line: 8 }] },
  ],
});
