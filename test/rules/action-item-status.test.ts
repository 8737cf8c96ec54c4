import { describe, it } from 'vitest';
import rule from '../../rules/action-item-status.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v2Actions, v3Actions, v3Row } from '../helpers/action-report.js';

const statusRow = (status: string): string => v3Row('Repeat the CAA check', 'Prevent', 'Root Cause #1', 'Stale CAA test fails issuance', '2025-08-20', status);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the four IRG statuses', code: v3Actions(['Ongoing', 'Complete', 'Delayed', 'Canceled'].map(statusRow)) },
    { name: 'a status with a note', code: v3Actions([statusRow('Complete (2025-08-19)')]) },
    { name: 'v2 table without a Status column', code: v2Actions(['| a | Prevent | 2024-01-01 |']) },
  ],
  invalid: [
    {
      name: 'Done, Completed, Cancelled and In progress are fixed',
      code: v3Actions(['Done', 'Completed', 'Cancelled', 'In progress'].map(statusRow)),
      errors: [7, 8, 9, 10].map((line) => ({ messageId: 'alias', line })),
      output: v3Actions(['Complete', 'Complete', 'Canceled', 'Ongoing'].map(statusRow)),
    },
    { name: 'an unknown status', code: v3Actions([statusRow('Pending')]), errors: [{ messageId: 'invalid', line: 7 }] },
    { name: 'an empty status', code: v3Actions([statusRow('')]), errors: [{ messageId: 'missing', line: 7 }] },
    {
      name: 'an extra Status column in a v2 table (seed 003 style, blank lines between rows)',
      code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date | Status |\n\n| Analyze the problem | Analyze | 2024-03-18 | Done |\n',
      errors: [{ messageId: 'alias', line: 7, column: 48 }],
      output: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date | Status |\n\n| Analyze the problem | Analyze | 2024-03-18 | Complete |\n',
    },
    {
      name: 'a CA-specific alias from options',
      code: v3Actions([statusRow('Fertig')]),
      options: { aliases: { Fertig: 'Complete' } },
      errors: [{ messageId: 'alias', line: 7 }],
      output: v3Actions([statusRow('Complete')]),
    },
  ],
});
