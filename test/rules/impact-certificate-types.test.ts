import { describe, it } from 'vitest';
import rule from '../../rules/impact-certificate-types.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

/** Impact with the total on line 5 and the types on line 7. */
const report = (total: string, types: string): string =>
  `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n- **Total number of "remaining valid" certificates:** 0\n- **Affected certificate types:** ${types}\n`;
/** Copied from Bugzilla: bare headings and "•" bullets. */
const bugzilla = (total: string, types: string): string =>
  `Full Incident Report\n\nImpact\n\n  • Total number of certificates: ${total}\n  • Total number of "remaining valid" certificates: 0\n  • Affected certificate types: ${types}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'types named', code: report('14', 'DV and OV TLS server certificates') },
    { name: 'no certificates, types N/A', code: report('0', 'N/A') },
    { name: 'total N/A, types N/A', code: report('N/A (CRL incident)', 'N/A') },
    { name: 'an empty field is field-empty\'s', code: report('14', '') },
    { name: 'copied from Bugzilla, types named', code: bugzilla('150 Certificates were referenced by 68 reports', 'TLS (DV, OV, EV), S/MIME and Code Signing') },
  ],
  invalid: [
    { name: 'certificates counted, types N/A', code: report('14', 'N/A'), errors: [{ messageId: 'notApplicable', line: 7 }] },
    { name: 'an approximate count, types "none"', code: report('about 1,200', 'none'), errors: [{ messageId: 'notApplicable', line: 7 }] },
    { name: 'copied from Bugzilla, types N/A', code: bugzilla('2 certificates', 'N/A'), errors: [{ messageId: 'notApplicable', line: 7 }] },
  ],
});
