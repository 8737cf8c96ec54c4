import { describe, it } from 'vitest';
import rule from '../../rules/action-items-training-only.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v2Actions } from '../helpers/action-report.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'training next to a technical control', code: v2Actions(['| Train the staff about CPR handling | Prevent | 2024-10-30 |', '| Arrange two people to check the CPR mailbox with a paging alert | Prevent | 2024-10-30 |']) },
    { name: 'training mentioned late in a technical action', code: v2Actions(['| Add a pre-issuance check for the organizationName field, then brief the RA staff | Prevent | 2024-10-30 |']) },
    { name: 'no action items', code: '## Incident Report\n\n### Action Items\n\nN/A\n' },
  ],
  invalid: [
    { name: 'only training and reminders', code: v2Actions(['| Train the staff about CPR handling | Prevent | 2024-10-30 |', '| Remind the team to check the mailbox at weekends | Prevent | 2024-10-30 |']), errors: [{ messageId: 'trainingOnly', line: 5 }] },
    { name: 'a legacy list of training', code: '6. Explanation about how and why the mistakes were made\n\nText.\n\n7. List of steps your CA is taking to resolve the situation\n\n- We will conduct training for RA operators\n- Raise awareness of the profile rules\n', errors: [{ messageId: 'trainingOnly', line: 7 }] },
    { name: 'a CA-specific phrase', code: v2Actions(['| Hold a lessons-learned session | Prevent | 2024-10-30 |']), options: { phrases: ['lessons-learned session'] }, errors: [{ messageId: 'trainingOnly', line: 5 }] },
  ],
});
