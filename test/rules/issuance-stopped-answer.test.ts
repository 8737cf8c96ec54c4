import { describe, it } from 'vitest';
import rule from '../../rules/issuance-stopped-answer.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const impact = (v: string): string => `## Full Incident Report\n\n### Impact\n\n- **Was issuance stopped in response to this incident, and why or why not?:** ${v}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'Yes with a reason', code: impact('Yes. We disabled the retry path at 16:40 UTC.') },
    { name: 'No, with a dash', code: impact('No – the incident concerned OCSP responses, not issuance.') },
    { name: 'bold answer', code: impact('**No**, because no certificate was misissued.') },
    { name: 'answer on the next line', code: '## Full Incident Report\n\n### Impact\n\n- Was issuance stopped in response to this incident, and why or why not?\n  No, there was no mis-issuance and the files were updated promptly.\n' },
  ],
  invalid: [
    { name: 'reads as No', code: impact('Certificate issuance was not halted, as certificate issuance was not impacted.'), errors: [{ messageId: 'suggest', line: 5 }] },
    { name: 'reads as Yes', code: impact('We halted the profile immediately.'), errors: [{ messageId: 'suggest', line: 5 }] },
    { name: 'neither', code: impact('See the timeline.'), errors: [{ messageId: 'noAnswer', line: 5 }] },
    { name: 'stopped the problem, other issuance continued: reads as Yes', code: impact('We disabled the retry path, which stopped the problem; all other issuance continued.'), errors: [{ messageId: 'suggest', line: 5 }] },
    { name: 'did not stop: reads as No', code: impact('We did not stop issuance because only one profile was affected.'), errors: [{ messageId: 'suggest', line: 5 }] },
    { name: 'No alone', code: impact('No.'), errors: [{ messageId: 'noExplanation', line: 5 }] },
    { name: 'N/A', code: impact('N/A'), errors: [{ messageId: 'notApplicable', line: 5 }] },
  ],
});
