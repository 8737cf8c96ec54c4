import { describe, it } from 'vitest';
import rule from '../../rules/action-items-recurrence.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v2Actions, v3Actions, v3Row } from '../helpers/action-report.js';

const revoke = v3Row('Revoke the 14 affected certificates', 'Mitigate', 'Root Cause #1', 'All 14 revoked', '2025-08-17');
const reissue = v3Row('Reissue certificates for the affected subscribers', 'Mitigate', 'Root Cause #1', 'All subscribers have a replacement', '2025-08-20');
const fixProfile = v3Row('Fix the profile of the OV CA', 'Prevent', 'Root Cause #1', 'Profile corrected', '2025-08-20');
const lint = v3Row('Add a pre-issuance lint for the keyUsage of ECDSA keys', 'Prevent', 'Root Cause #1', 'Lint rejects keyEncipherment for an ECDSA key in staging', '2025-09-30', 'Ongoing');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'repairs next to a lint', code: v3Actions([revoke, reissue, lint]) },
    { name: 'a fix whose criteria look ahead', code: v3Actions([revoke, v3Row('Fix the profile of the OV CA', 'Prevent', 'Root Cause #1', 'Profile test added to CI rejects keyEncipherment', '2025-08-20')]) },
    { name: 'an action that does not start with a repair', code: v3Actions([revoke, v3Row('Require two-person approval of profile changes', 'Prevent', 'Root Cause #1', 'Approval record for every change', '2025-09-30')]) },
    { name: 'a repair verb late in a forward action', code: v3Actions([v3Row('Extend the certificate inventory so that we can revoke on time', 'Prevent', 'Root Cause #1', 'Inventory covers all CAs', '2025-09-30')]) },
    { name: 'no action items', code: '## Full Incident Report\n\n### Action Items\n\nN/A\n' },
    { name: 'a v2 plan with a monitor', code: v2Actions(['| Revoke the affected certificates | Mitigate | 2024-10-30 |', '| Monitor CT logs for certificates with the wrong keyUsage | Detect | 2024-11-30 |']) },
    { name: 'copied from Bugzilla, with a detect action', code: ['Full Incident Report', '', 'Action Items', '', 'Action Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status', 'Revoke the 14 affected certificates Mitigate Root Cause #1 All 14 revoked 2025-08-17 Complete', 'Scan all issued certificates daily for the keyUsage error Detect Root Cause #1 Daily report 2025-09-30 Ongoing', ''].join('\n') },
  ],
  invalid: [
    { name: 'revoke and reissue only', code: v3Actions([revoke, reissue]), errors: [{ messageId: 'repairOnly', line: 5 }] },
    { name: 'revoke and fix this profile only', code: v3Actions([revoke, fixProfile]), errors: [{ messageId: 'repairOnly', line: 5 }] },
    { name: 'a legacy list of repairs', code: '6. Explanation about how and why the mistakes were made\n\nText.\n\n7. List of steps your CA is taking to resolve the situation\n\n- We will revoke all affected certificates by 2020-03-05.\n- Contact the affected subscribers to replace their certificates.\n', errors: [{ messageId: 'repairOnly', line: 7 }] },
    { name: 'a v2 plan of repairs', code: v2Actions(['| Revoke the affected certificates | Mitigate | 2024-10-30 |', '| Update the CPS section 4.9 | Prevent | 2024-11-30 |']), errors: [{ messageId: 'repairOnly', line: 5 }] },
    {
      name: 'copied from Bugzilla, only repairs',
      code: ['Full Incident Report', '', 'Action Items', '', 'Action Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status', 'Revoke the 14 affected certificates Mitigate Root Cause #1 All 14 revoked 2025-08-17 Complete', 'Notify the affected subscribers Mitigate Root Cause #1 All notified 2025-08-17 Complete', ''].join('\n'),
      errors: [{ messageId: 'repairOnly', line: 5 }],
    },
    { name: 'a CA-specific repair word', code: v3Actions([revoke, v3Row('Rekey the affected subscribers', 'Mitigate', 'Root Cause #1', 'All rekeyed', '2025-08-20')]), options: { repairs: ['revoke', 'rekey'] }, errors: [{ messageId: 'repairOnly', line: 5 }] },
  ],
});
