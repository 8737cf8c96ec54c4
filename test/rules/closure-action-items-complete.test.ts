import { describe, it } from 'vitest';
import rule from '../../rules/closure-action-items-complete.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v3Actions, v3Row } from '../helpers/action-report.js';

const SENTENCE = 'All Action Items disclosed in this report have been completed as described, and we request its closure.';
const withClosure = (statuses: string[]): string =>
  `${v3Actions(statuses.map((s, i) => v3Row(`Action ${i + 1}`, 'Prevent', 'Root Cause #1', 'Stale CAA test fails issuance', '2025-08-20', s)))}\n## Report Closure Summary\n\n- **Commitment summary:** w\n\n${SENTENCE}\n`;
// Rows start on line 7; the closure heading is on line 7 + n + 1, the sentence 4 lines later.

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'all Complete or Canceled', code: withClosure(['Complete', 'Canceled']) },
    { name: 'spellings that mean Complete', code: withClosure(['Done', 'Completed', 'Cancelled']) },
    { name: 'open items without a closure', code: v3Actions([v3Row('Action', 'Prevent', 'Root Cause #1', 'x y z', '2025-08-20', 'Ongoing')]) },
    { name: 'v2 tables without Status are not judged', code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| a | Prevent | 2024-01-01 |\n\n## Report Closure Summary\n\n' + SENTENCE + '\n' },
  ],
  invalid: [
    { name: 'one Ongoing item: reported once, at the attestation', code: withClosure(['Complete', 'Ongoing']), errors: [{ messageId: 'open', line: 14 }] },
    { name: 'Delayed, In progress and empty statuses', code: withClosure(['Delayed', 'In progress', '']), errors: [{ messageId: 'open', line: 15 }] },
    { name: 'without an attestation: reported at the closure heading', code: withClosure(['Ongoing']).replace(SENTENCE, 'Thanks.'), errors: [{ messageId: 'open', line: 9 }] },
  ],
});
