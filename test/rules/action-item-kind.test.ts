import { describe, it } from 'vitest';
import rule from '../../rules/action-item-kind.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v2Actions, v3Actions, v3Row } from '../helpers/action-report.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'a flattened row copied from the page: the Kind is the word before the root-cause reference, not a word of the action',
      code: 'Full Incident Report\n\nAction Items\n\nAction Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status\nAlert on any OCSP response status other than expected Detect Root Cause # 3 Synthetic responses alerted within 2 minutes 2025-05-23 Complete\n',
    },
    { name: 'the three IRG kinds', code: v2Actions(['| a | Prevent | 2024-01-01 |', '| b | Mitigate | 2024-01-01 |', '| c | Detect | 2024-01-01 |']) },
    { name: 'case and combinations', code: v2Actions(['| a | prevent | 2024-01-01 |', '| b | Prevent / Detect | 2024-01-01 |', '| c | Detect, Mitigate | 2024-01-01 |']) },
    { name: 'a CA-specific kind from options', code: v2Actions(['| a | Respond | 2024-01-01 |']), options: { kinds: ['Prevent', 'Mitigate', 'Detect', 'Respond'] } },
    { name: 'legacy lists have no kind', code: '7. List of steps your CA is taking to resolve the situation\n\n- Fix the linter (deadline 2020-03-20)\n\n6. Explanation about how and why the mistakes were made\n\nText.\n' },
  ],
  invalid: [
    { name: 'Correct and Analyze are not IRG kinds', code: v2Actions(['| Analyze the problem | Analyze | 2024-03-18 |', '| Check the junk folder | Correct | 2024-03-18 |', '| Daily junk check | Prevent | 2024-03-29 |']), errors: [{ messageId: 'invalid', line: 7, column: 25 }, { messageId: 'invalid', line: 8 }] },
    { name: 'empty kind in a v3 table', code: v3Actions([v3Row('Repeat the CAA check', '')]), errors: [{ messageId: 'missing', line: 7 }] },
    { name: 'a rendered table copied from Bugzilla', code: '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nTrain the staff on CPR handling. process 2024-10-30\n', errors: [{ messageId: 'invalid', line: 6, column: 34 }] },
    { name: 'one valid and one invalid kind combined', code: v2Actions(['| a | Prevent / Correct | 2024-01-01 |']), errors: [{ messageId: 'invalid', line: 7 }] },
  ],
});
