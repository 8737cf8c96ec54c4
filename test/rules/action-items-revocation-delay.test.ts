import { describe, it } from 'vitest';
import rule from '../../rules/action-items-revocation-delay.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { V3_HEADER, v3Row } from '../helpers/action-report.js';

const DELAY = '---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n';
/** Front matter (4 lines) then a v3 Full report whose action table header is on line 9. */
const report = (rows: string[], front = DELAY): string => `${front}## Full Incident Report\n\n### Action Items\n\n${V3_HEADER}\n${rows.join('\n')}\n`;

const revokeRest = v3Row('Revoke the remaining 40 certificates', 'Mitigate', 'Root Cause #1', 'All 40 revoked', '2025-10-01', 'Ongoing');
const fixProfile = v3Row('Correct the jurisdiction field mapping', 'Prevent', 'Root Cause #1', 'Test covers all registries');

/** Copied from Bugzilla: a title line, the whiteboard line, bare headings, the table flattened. */
const bugzilla = (rows: string[]): string =>
  ['Example Trust: Delayed revocation of EV certificates', 'Categories', '(Whiteboard: [ca-compliance] [leaf-revocation-delay])', '', 'Full Incident Report', '', 'Action Items', '', 'Action Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status', ...rows, ''].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'an action for a faster revocation process', code: report([revokeRest, v3Row('Shorten our revocation process so that any batch is revoked within 5 days', 'Prevent', 'Root Cause #2', 'Mass revocation exercise completes in 3 days')]) },
    { name: 'automation for subscribers', code: report([fixProfile, v3Row('Automate certificate replacement with ACME for critical subscribers', 'Prevent', 'Root Cause #2', '90% renew through ACME')]) },
    { name: 'subscriber agreements', code: report([fixProfile, v3Row('Amend the subscriber agreement to require replacement within the BR deadlines', 'Prevent', 'Root Cause #2', 'Signed by all 46 critical subscribers')]) },
    { name: 'the purpose in the evaluation criteria', code: report([fixProfile, v3Row('Build a replacement playbook for hospital customers', 'Prevent', 'Root Cause #2', 'No revocation delayed in the next exercise')]) },
    { name: 'not a revocation delay', code: report([revokeRest], '') },
    { name: 'a revocation delay with no action items read', code: report([]) },
    { name: 'copied from Bugzilla, with an action against delays', code: bugzilla(['Run a mass revocation exercise with critical subscribers twice a year Detect Root Cause #2 Exercise report 2026-03-31 Ongoing']) },
    { name: 'words added by option', code: report([fixProfile, v3Row('Give every hospital a spare certificate slot', 'Prevent', 'Root Cause #2', 'All hospitals have one')]), options: { phrases: ['spare certificate'] } },
  ],
  invalid: [
    { name: 'only this incident\'s revocations and a fix', code: report([revokeRest, fixProfile]), errors: [{ messageId: 'missing', line: 9 }] },
    { name: '"revoke the delayed certificates" is this incident\'s delay', code: report([v3Row('Revoke the delayed certificates by 2025-10-01', 'Mitigate', 'Root Cause #1', 'All revoked'), fixProfile]), errors: [{ messageId: 'missing', line: 9 }] },
    { name: 'a delay named in the title, no whiteboard', code: report([revokeRest], '# Example Trust: Delayed revocation of EV certificates\n\n\n\n'), errors: [{ messageId: 'missing', line: 9 }] },
    { name: 'copied from Bugzilla, only repairs', code: bugzilla(['Revoke the remaining 14 certificates Mitigate Root Cause #1 All revoked 2025-10-21 Complete', 'Correct the locality mapping Prevent Root Cause #1 Test suite covers all registries 2025-10-10 Complete']), errors: [{ messageId: 'missing', line: 9 }] },
  ],
});
