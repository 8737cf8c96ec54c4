import { describe, it } from 'vitest';
import rule from '../../rules/preliminary-full-report-date.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const SUMMARY = 'On 2024-05-02 we learned that 212 OV certificates had a trailing space in the organizationName. OV issuance was stopped at 16:05 UTC.';
const headed = (first: string): string => `## Incident Report\n\n${first}\n\n${SUMMARY}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'an ISO date for the full report', code: headed('This is a preliminary report. We will post the full incident report by 2024-05-17.') },
    { name: 'a month name', code: headed('This is a preliminary report; the final report will be posted on May 17.') },
    { name: 'a delay', code: headed('Preliminary report. A detailed report will follow within two weeks.') },
    { name: 'the date at the end of the summary', code: `## Incident Report\n\nThis is a preliminary report.\n\n${SUMMARY} We will provide a full incident report by 2024-05-17.\n` },
    { name: 'no heading, a weekday', code: `Preliminary report.\n\n${SUMMARY} The full report will be posted by Friday.\n` },
    { name: 'a v2 report that refers to its preliminary report is not one', code: '## Incident Report\n\n### Summary\n\nAs said in our preliminary report, 212 certificates were affected.\n\n### Timeline\n\nSee the preliminary report.\n' },
    { name: 'a v2 full report is not checked', code: '## Incident Report\n\n### Summary\n\nText.\n\n### Impact\n\nText.\n\n### Timeline\n\nAll times are UTC.\n' },
    { name: 'a v3 Preliminary report is not checked', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Text.\n' },
    { name: 'a v3 Preliminary report forced with --template is not checked', template: 'ccadb-v3-preliminary', now: '2024-05-03', code: 'Preliminary Incident Report\n\nText.\n' },
  ],
  invalid: [
    { name: 'no date', code: headed('This is a preliminary report.'), errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'a full report without a date', code: headed('This is a preliminary report. A full incident report will follow.'), errors: [{ messageId: 'missing', line: 1 }] },
    {
      name: 'a "Preliminary Incident Report" posted in 2024 is the preliminary report of its era',
      code: '---\nposted: 2024-05-03\n---\n\n## Preliminary Incident Report\n\nWe stopped OV issuance at 2024-05-02 16:05 UTC.\n',
      errors: [{ messageId: 'missing', line: 5 }],
    },
    { name: 'no heading, no date', code: `This is a preliminary report.\n\n${SUMMARY}\n`, errors: [{ messageId: 'missing', line: 1 }] },
  ],
});
