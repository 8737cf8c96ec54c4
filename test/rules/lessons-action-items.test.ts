import { describe, it } from 'vitest';
import rule from '../../rules/lessons-action-items.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { V3_HEADER, v3Row } from '../helpers/action-report.js';

/** A v3 Full report with Lessons Learned (What didn't go well on line 6, Additional on line 8) and action rows from line 14. */
function report(badly: string, rows: string[], other = 'N/A'): string {
  return ['## Full Incident Report', '', '### Lessons Learned', '', '- **What went well:** The alert reached the on-call engineer at once.', `- **What didn't go well:** ${badly}`, '- **Where we got lucky:** N/A', `- **Additional:** ${other}`, '', '### Action Items', '', V3_HEADER, ...rows, ''].join('\n');
}

/** The same report as copied from Bugzilla's rendered page: bare headings, "•" bullets, a table flattened into lines. */
function bugzilla(badly: string, rows: string[]): string {
  return [
    'Full Incident Report',
    '',
    'Lessons Learned',
    '',
    '  • What went well: The alert reached the on-call engineer at once.',
    `  • What didn\u2019t go well: ${badly}`,
    '  • Where we got lucky: N/A',
    '  • Additional: N/A',
    '',
    'Action Items',
    '',
    'Action Item Kind Corresponding Root Cause(s) Evaluation Criteria Due Date Status',
    ...rows,
    '',
  ].join('\n');
}

const scanner = v3Row('Run the compliance scanner every 15 minutes instead of nightly', 'Detect', 'Root Cause #1', 'Scanner schedule shows 96 runs a day');
const checklist = v3Row('Add alternative issuance paths to the release review checklist', 'Prevent', 'Root Cause #2', 'Checklist version 5 in use');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'each item shares terms with an action', code: report('The nightly scanner let 8 days pass before the first alert.', [scanner]) },
    { name: 'stemmed terms meet (monitoring / monitor)', code: report('Monitoring of the CRL signing job was missing.', [v3Row('Monitor every CRL signing job and page on failure')]) },
    { name: 'an explicit reference to an action item', code: report('Our CPS described a method we no longer use (addressed by action item 2).', [scanner, checklist]) },
    { name: 'the words "action item 2" in the lesson', code: report('The review gap for alternative paths, see Action Item #2.', [scanner, checklist]) },
    { name: 'a term shared only with the evaluation criteria', code: report('Nobody looked at the schedule of the compliance job.', [v3Row('Move the job to the new platform', 'Detect', 'Root Cause #1', 'Job schedule shows 96 runs a day')]) },
    { name: 'words of one group meet (customer / subscriber)', code: report('Communication with the subscriber was slow.', [v3Row('Set up a 24/7 escalation path to each customer contact')]) },
    { name: 'an Additional observation needs no action', code: report('The nightly scanner let 8 days pass.', [scanner], 'The community questions on the preliminary report helped us scope the incident.') },
    { name: 'N/A lessons', code: report('N/A', [scanner]) },
    { name: 'too little text to judge', code: report('Nothing.', [scanner]) },
    { name: 'no action items read: other rules report the table', code: report('Our CPS described a method we no longer use.', []) },
    { name: 'What went well and Where we got lucky are not checked', code: ['## Full Incident Report', '', '### Lessons Learned', '', '- **What went well:** Our CPS team answered quickly.', "- **What didn't go well:** The nightly scanner was slow.", '- **Where we got lucky:** Only a few subscribers used the portal.', '- **Additional:** N/A', '', '### Action Items', '', V3_HEADER, scanner, ''].join('\n') },
    { name: 'copied from Bugzilla, addressed', code: bugzilla('The nightly scanner let 8 days pass before the first alert.', ['Run the compliance scanner every 15 minutes instead of nightly Detect Root Cause #1 Scanner schedule shows 96 runs a day 2025-10-15 Ongoing']) },
  ],
  invalid: [
    { name: 'an item no action addresses', code: report('Our CPS described a validation method we no longer use.', [scanner, checklist]), errors: [{ messageId: 'unaddressed', line: 6 }] },
    { name: 'an Additional shortcoming no action addresses', code: report('The nightly scanner let 8 days pass.', [scanner], 'Our CPS described a validation method we no longer use.'), errors: [{ messageId: 'unaddressed', line: 8 }] },
    { name: 'an Additional item with a problem word', code: report('The nightly scanner let 8 days pass.', [scanner], 'Vendor firmware updates arrive late.'), errors: [{ messageId: 'unaddressed', line: 8 }] },
    {
      name: 'several items under one field, one unaddressed',
      code: ['## Full Incident Report', '', '### Lessons Learned', '', "- **What didn't go well:**", '  - The nightly scanner let 8 days pass.', '  - Our CPS described a validation method we no longer use.', '', '### Action Items', '', V3_HEADER, scanner, ''].join('\n'),
      errors: [{ messageId: 'unaddressed', line: 7 }],
    },
    { name: 'copied from Bugzilla, unaddressed', code: bugzilla('Our CPS described a validation method we no longer use.', ['Run the compliance scanner every 15 minutes instead of nightly Detect Root Cause #1 Scanner schedule shows 96 runs a day 2025-10-15 Ongoing']), errors: [{ messageId: 'unaddressed', line: 6 }] },
    {
      name: 'the message names the item and the terms looked for',
      code: report('Our CPS described a validation method we no longer use.', [scanner]),
      errors: [{ messageId: 'unaddressed', line: 6, message: "What didn't go well item \"Our CPS described a validation method we no longer use.\" seems to have no corresponding action item: no action item shares any of its terms (cps, described, validation, method, longer) or refers to it. The IRG requires at least one Action Item for each; add one, or name the item it is addressed by (\"addressed by action item 2\")." }],
    },
    {
      name: 'words made stop words by option no longer count as shared',
      code: report('The nightly scanner let 8 days pass before the first alert.', [scanner]),
      options: { stopWords: ['the', 'nightly', 'scanner', 'let', 'pass', 'before', 'first'] },
      errors: [{ messageId: 'unaddressed', line: 6 }],
    },
    { name: 'no synonyms by option: customer and subscriber differ', code: report('Communication with the subscriber was slow.', [v3Row('Set up an escalation path for customer questions')]), options: { synonyms: [] }, errors: [{ messageId: 'unaddressed', line: 6 }] },
  ],
});

/** A lesson addressed through the contributing factor its action names (factor on line 5, lesson on line 12). */
const throughFactor = (rc: string): string =>
  [
    '## Full Incident Report',
    '',
    '### Root Cause Analysis',
    '',
    '**Contributing Factor #1: Weekend problem reports waited in an unwatched mailbox**',
    '',
    '- **Description:** Problem reports sent on a weekend waited in a shared mailbox until Monday, so our response took up to 60 hours.',
    '',
    '### Lessons Learned',
    '',
    '- **What went well:** N/A',
    "- **What didn't go well:** Our response to weekend problem reports took 30 hours.",
    '',
    '### Action Items',
    '',
    V3_HEADER,
    v3Row('Route CPR emails to the 24/7 on-call rotation', 'Prevent', rc, 'Synthetic CPR sent on a Sunday is triaged within 2 hours'),
    '',
  ].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [{ name: 'addressed through the factor its action names', code: throughFactor('Root Cause #1') }],
  invalid: [{ name: 'the action names another factor', code: throughFactor('Root Cause #2'), errors: [{ messageId: 'unaddressed', line: 12 }] }],
});
