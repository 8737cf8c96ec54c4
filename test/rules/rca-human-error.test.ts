import { describe, it } from 'vitest';
import rule from '../../rules/rca-human-error.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const v2 = (text: string): string => `## Incident Report\n\n### Root Cause Analysis\n\n${text}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a systemic root cause', code: v2('The junk filter of the mailbox scored the report as spam, and the procedure covered the inbox only.') },
    { name: 'human error explained by a missing control', code: v2('An operator made a human error; the issuance system had no control comparing the profile with the order.') },
    {
      name: 'a factor whose Description explains the human error by a control',
      code: '## Full Incident Report\n\n### Root Cause Analysis\n\n**Contributing Factor #1: Wrong profile**\n\n- **Description:** Human error: the operator picked the wrong profile, and the issuance tool had no check of the profile against the order.\n',
    },
    { name: 'words inside other words do not count', code: v2('The oversights board approved the change.') },
  ],
  invalid: [
    { name: 'human negligence (seed 001)', code: v2('The main causes of this incident are human negligence and inexperience, there is no personnel check the email box at the weekend.'), errors: [{ messageId: 'humanError', line: 5, column: 38 }] },
    {
      name: 'a v3 factor that stops at oversight',
      code: '## Full Incident Report\n\n### Root Cause Analysis\n\n**Contributing Factor #1: Review gap**\n\n- **Description:** The reviewer overlooked it; it was an oversight.\n\n**Contributing Factor #2: Cache**\n\n- **Description:** The retry path skipped a check in the software.\n',
      errors: [{ messageId: 'humanError', line: 7 }],
    },
    {
      name: 'each factor is judged by its own Description, not by a process named in its Detection field or another factor',
      code: '## Full Incident Report\n\n### Root Cause Analysis\n\n**Contributing Factor #1: Wrong profile**\n\n- **Description:** Human error: the operator picked the wrong profile.\n- **Detection:** Our monitoring system found it.\n\n**Contributing Factor #2: Review**\n\n- **Description:** The change process had no second review of profile selection.\n',
      errors: [{ messageId: 'humanError', line: 7 }],
    },
    { name: 'legacy question 6', code: '6. Explanation about how and why the mistakes were made or bugs introduced\n\nIt was a human error by the RA operator.\n\n7. List of steps your CA is taking to resolve the situation\n\n- Retrain.\n', errors: [{ messageId: 'humanError', line: 3 }] },
    { name: 'a closure summary root cause', code: '## Report Closure Summary\n\n- **Incident Root Cause(s):** Human error by the duty officer.\n', errors: [{ messageId: 'humanError', line: 3 }] },
    { name: 'a phrase from options', code: v2('The team was distracted.'), options: { phrases: ['distracted'] }, errors: [{ messageId: 'humanError', line: 5 }] },
  ],
});
