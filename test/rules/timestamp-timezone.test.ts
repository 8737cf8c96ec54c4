import { describe, it } from 'vitest';
import rule from '../../rules/timestamp-timezone.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const summary = (sentence: string): string => `## Full Incident Report\n\n### Summary\n\n- **Incident description:** ${sentence}\n`;
const impact = (sentence: string): string => `## Full Incident Report\n\n### Impact\n\n- **Was issuance stopped in response to this incident, and why or why not?:** ${sentence}\n`;
const bugzilla = (sentence: string): string => `Full Incident Report\n\nSummary\n\n  \u2022 Incident description: ${sentence}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'UTC', code: summary('On 2025-08-12 at 14:30 UTC our scanner flagged 3 certificates.') },
    { name: 'a UTC offset', code: summary('On 2025-08-12 at 22:30 UTC+8 our scanner flagged 3 certificates.') },
    { name: 'a numeric offset', code: summary('At 2025-08-12T22:30+08:00 our scanner flagged 3 certificates.') },
    { name: 'a date without a time', code: summary('On 2025-06-03 PST data was reloaded.') },
    { name: 'a zone name in the Timeline is timeline-timezone\'s', code: '## Full Incident Report\n\n### Timeline\n\n- 2025-08-12 07:30 PDT Scanner alert.\n' },
    { name: 'a zone name in Related Incidents is not read', code: '## Full Incident Report\n\n### Related Incidents\n\n- https://bugzil.la/1887007 (opened 2024-03-27 10:00 PST)\n' },
    { name: 'a named zone accepted by option', code: summary('On 2025-08-12 at 07:30 PDT our scanner flagged 3 certificates.'), options: { acceptNamedZones: true } },
  ],
  invalid: [
    { name: 'a local zone in the Summary', code: summary('On 2025-08-12 at 07:30 PDT our scanner flagged 3 certificates.'), errors: [{ messageId: 'namedZone', line: 5, message: '"2025-08-12 at 07:30 PDT" is in the local zone "PDT"; the Timeline must use UTC or a UTC offset, and the rest of the report should too, so the times can be compared: write "2025-08-12 14:30 UTC".' }] },
    { name: 'PST in June', code: summary('On 2025-06-03 at 10:00 PST our scanner flagged 3 certificates.'), errors: [{ messageId: 'seasonMismatch', line: 5 }] },
    { name: 'an ambiguous abbreviation in the Impact', code: impact('Yes. Issuance stopped at 2025-08-12 16:40 CST.'), errors: [{ messageId: 'ambiguousZone', line: 5 }] },
    { name: '"local time"', code: impact('Yes. Issuance stopped at 16:40 local time.'), errors: [{ messageId: 'localZone', line: 5 }] },
    { name: 'a time without a date: the UTC time alone', code: impact('Yes. Issuance stopped at 16:40 CEST.'), errors: [{ messageId: 'namedZone', line: 5, message: '"16:40 CEST" is in the local zone "CEST"; the Timeline must use UTC or a UTC offset, and the rest of the report should too, so the times can be compared: write "14:40 UTC".' }] },
    { name: 'two times in one line', code: summary('Found at 2025-10-20 10:30 PDT, stopped at 2025-10-20 19:05 PDT.'), errors: [{ messageId: 'namedZone', line: 5 }, { messageId: 'namedZone', line: 5 }] },
    { name: 'an action item', code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Deploy the fix at 2025-09-01 09:00 CET | Prevent | Root Cause #1 | Deployed | 2025-09-01 | Complete |\n', errors: [{ messageId: 'seasonMismatch', line: 7 }] },
    { name: 'copied from Bugzilla', code: bugzilla('While revoking a batch of 25,000 certificates (2025-06-05 ~4 PM PDT) a wrong reason code was selected.'), errors: [{ messageId: 'namedZone', line: 5 }] },
  ],
});

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a local time with its UTC form beside it', code: summary('On 2025-08-12 at 09:00 CEST (07:00 UTC) our scanner flagged 3 certificates.') },
    { name: 'a UTC time with the local time beside it', code: summary('On 2025-08-12 at 07:00 UTC (09:00 CEST) our scanner flagged 3 certificates.') },
  ],
  invalid: [
    { name: 'a UTC time elsewhere in the line does not excuse a local one', code: summary('Found at 2025-08-12 07:00 UTC; stopped at 2025-08-12 19:05 CEST.'), errors: [{ messageId: 'namedZone', line: 5 }] },
  ],
});
