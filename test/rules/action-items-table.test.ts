import { describe, it } from 'vitest';
import rule from '../../rules/action-items-table.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v2Actions, v3Actions, v3Row } from '../helpers/action-report.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'v3 six columns', code: v3Actions([v3Row('Repeat the CAA check')]) },
    { name: 'v2 three columns', code: v2Actions(['| a | Prevent | 2024-01-01 |']) },
    { name: 'v2 with an extra Status column', code: v2Actions(['| a | Prevent | 2024-01-01 | Complete |'], '| Action Item | Kind | Due Date | Status |\n| --- | --- | --- | --- |') },
    { name: 'a rendered table copied from Bugzilla', code: '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nTrain the staff. Prevent 2024-10-30\nArrange two people to check the mailbox. Detect 2024-10-30\n\nThanks.\n' },
    { name: 'a rendered v3 table', code: '## Full Incident Report\n\n### Action Items\n\nAction Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status\nRepeat the CAA check on retry Prevent Root Cause #1 Stale CAA test fails issuance 2025-08-20 Complete\n' },
    {
      name: 'pipe rows with blank lines in a copy of the rendered page are the table as Bugzilla showed it',
      code: 'Incident Report\n\nSummary\n\nText.\n\n  \u2022 a bullet\n\nAction Items\n\n| Action Item | Kind | Due Date |\n\n| Check the junk folder | Detect | 2024-03-18 |\n\n| Train the staff | Prevent | 2024-03-29 |\n',
    },
    {
      name: 'a flattened v3 row whose action text holds a Kind-like word',
      code: 'Full Incident Report\n\nAction Items\n\nAction Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status\nAlert on any OCSP response status other than expected Detect Root Cause # 3 Synthetic responses alerted within 2 minutes 2025-05-23 Complete\n',
    },
    { name: 'N/A', code: '## Incident Report\n\n### Action Items\n\nN/A\n' },
    { name: 'legacy lists are not tables', code: '6. Explanation about how and why the mistakes were made\n\nText.\n\n7. List of steps your CA is taking to resolve the situation\n\n- Fix the linter\n' },
  ],
  invalid: [
    { name: 'v3 table missing two columns', code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Due Date |\n| --- | --- | --- | --- |\n| a | Prevent | #1 | 2025-01-01 |\n', errors: [{ messageId: 'missingColumns', line: 5 }] },
    { name: 'v2 columns out of order', code: v2Actions(['| Prevent | a | 2024-01-01 |'], '| Kind | Action Item | Due Date |\n| --- | --- | --- |'), errors: [{ messageId: 'columnOrder', line: 5 }] },
    { name: 'rows separated by blank lines (seed 003)', code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date | Status |\n\n| Analyze the problem | Analyze | 2024-03-18 | Done |\n\n| Check the junk folder | Correct | 2024-03-18 | Done |\n', errors: [{ messageId: 'notMarkdownTable', line: 5 }] },
    {
      name: 'the same pipe rows in Markdown source (emphasis elsewhere) are a defect',
      code: 'Incident Report\n\n**Summary**\n\nText.\n\nAction Items\n\n| Action Item | Kind | Due Date |\n\n| Check the junk folder | Detect | 2024-03-18 |\n',
      errors: [{ messageId: 'notMarkdownTable', line: 9 }],
    },
    {
      name: 'a flattened row with two equally likely Kinds is said once',
      code: 'Full Incident Report\n\nAction Items\n\nAction Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status\nMonitor and Detect issuance anomalies Detect All Monitoring dashboard lists every anomaly 2025-06-01 Complete\n',
      errors: [{ messageId: 'ambiguousRow', line: 6 }],
    },
    { name: 'a list instead of a table', code: '## Incident Report\n\n### Action Items\n\n- Disable junk filtering (Prevent, due 2024-03-25)\n', errors: [{ messageId: 'notTable', line: 5 }] },
    { name: 'prose that cannot be read as rows', code: '## Incident Report\n\n### Action Items\n\nWe will fix the mailbox filter and check the junk folder every day.\n', errors: [{ messageId: 'unread', line: 3 }] },
    { name: 'a rendered row that cannot be split', code: '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nTrain the staff. Prevent 2024-10-30\nand also the managers\n', errors: [{ messageId: 'unreadRow', line: 7 }] },
  ],
});
