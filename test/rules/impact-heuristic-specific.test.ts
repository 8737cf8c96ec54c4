import { describe, it } from 'vitest';
import rule from '../../rules/impact-heuristic-specific.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const report = (value: string): string => `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** 14\n- **Incident heuristic:** ${value}\n`;
const bugzilla = (value: string): string => `Full Incident Report\n\nImpact\n\n  • Total number of certificates: 14\n  • Incident heuristic: ${value}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a heuristic others can run', code: report('Certificates issued by Example DV CA R3 between 2025-08-04 and 2025-08-12 whose CAA check is older than 8 hours.') },
    { name: 'a crt.sh query', code: report('https://crt.sh/?Identity=%25&iCAID=12345&exclude=expired') },
    { name: 'N/A', code: report('N/A') },
    { name: 'a number with what it counts and how to find them', code: report('14 certificates with serial numbers starting 0x5d1e2f') },
    { name: 'copied from Bugzilla, a heuristic', code: bugzilla('All CPRs filed between 2025-09-18 and 2025-10-13.') },
  ],
  invalid: [
    { name: 'a bare number', code: report('3'), errors: [{ messageId: 'onlyNumber', line: 6 }] },
    { name: 'a count of certificates', code: report('14 certificates.'), errors: [{ messageId: 'onlyNumber', line: 6 }] },
    { name: 'an approximate count', code: report('~1,200 affected certificates'), errors: [{ messageId: 'onlyNumber', line: 6 }] },
    { name: 'copied from Bugzilla, a bare number', code: bugzilla('3'), errors: [{ messageId: 'onlyNumber', line: 6 }] },
  ],
});
