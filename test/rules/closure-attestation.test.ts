import { describe, it } from 'vitest';
import rule from '../../rules/closure-attestation.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const closure = (last: string): string =>
  `## Report Closure Summary\n\n- **Incident description:** x\n- **Incident Root Cause(s):** y\n- **Remediation description:** z\n- **Commitment summary:** w\n\n${last}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the IRG 3.x sentence', code: closure('All Action Items disclosed in this report have been completed as described, and we request its closure.') },
    { name: 'the older "in this Incident Report" wording', code: closure('All Action Items disclosed in this Incident Report have been completed as described, and we request its closure.') },
    { name: 'in quotation marks', code: closure('"All Action Items disclosed in this Incident Report have been completed as described, and we request its closure."') },
    { name: 'wrapped over two lines', code: closure('All Action Items disclosed in this report have been completed as\ndescribed, and we request its closure.') },
    { name: 'no closure summary', code: '## Full Incident Report\n\n### Summary\n\nText.\n' },
  ],
  invalid: [
    { name: 'no attestation', code: closure('Thanks.'), errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'a reworded attestation', code: closure('All action items are done and we request closure.'), errors: [{ messageId: 'altered', line: 8 }] },
    { name: 'a closure followed by a full report still needs its sentence', code: `${closure('Bye.')}\n## Full Incident Report\n\n### Summary\n\nText.\n`, errors: [{ messageId: 'missing', line: 1 }] },
  ],
});
