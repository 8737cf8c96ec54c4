import { describe, it } from 'vitest';
import rule from '../../rules/action-item-evidence-date.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { V3_HEADER, v3Row } from '../helpers/action-report.js';

const FRONT = '---\nposted: 2025-09-10\n---\n\n';
/** Front matter (4 lines), then the action table: header on line 9, rows from line 11. */
const report = (rows: string[], front = FRONT): string => `${front}## Full Incident Report\n\n### Action Items\n\n${V3_HEADER}\n${rows.join('\n')}\n`;
const bugzilla = (rows: string[]): string => ['Full Incident Report', '', 'Action Items', '', 'Action Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status', ...rows, ''].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'evidence before posting', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Coverage report of 2025-09-01 lists a test per path', '2025-09-01', 'Complete')]) },
    { name: 'a future date on an Ongoing item', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Coverage report of 2025-10-01 lists a test per path', '2025-10-01', 'Ongoing')]) },
    { name: 'a future due date alone is action-item-* territory', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Coverage report lists a test per path', '2025-10-01', 'Complete')]) },
    { name: 'an ambiguous numeric date is not read', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Report of 10/11/2025', '2025-09-01', 'Complete')]) },
    { name: 'posted taken from --now', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Report of 2025-10-01', '2025-09-01', 'Complete')], ''), now: '2025-10-02' },
  ],
  invalid: [
    { name: 'Complete with evidence after posting', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Coverage report of 2025-10-01 lists a test per path', '2025-09-01', 'Complete')]), errors: [{ messageId: 'afterPosting', line: 11 }] },
    { name: 'a date in the status note', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Coverage report lists a test per path', '2025-09-01', 'Completed (2025-09-30)')]), errors: [{ messageId: 'afterPosting', line: 11 }] },
    { name: 'posted taken from --now', code: report([v3Row('Add a CAA age test', 'Prevent', 'Root Cause #1', 'Report of 2025-10-01', '2025-09-01', 'Complete')], ''), now: '2025-09-15', errors: [{ messageId: 'afterPosting', line: 7 }] },
    { name: 'copied from Bugzilla', code: bugzilla(['Add a CAA age test Prevent Root Cause #1 Coverage report of 2025-10-01 lists a test per path 2025-09-01 Complete']), now: '2025-09-10', errors: [{ messageId: 'afterPosting', line: 6 }] },
  ],
});
