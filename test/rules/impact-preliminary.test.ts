import { describe, it } from 'vitest';
import rule from '../../rules/impact-preliminary.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const report = (description: string): string =>
  `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** ${description}\n- **Relevant policies:** TLS Baseline Requirements version 2.1.7, section 7.1.2.7\n- **Source of incident disclosure:** Self Reported\n`;
const bugzilla = (description: string): string =>
  `Preliminary Incident Report\n\nSummary\n\n  \u2022 Incident description: ${description}\n  \u2022 Relevant policies: TLS Baseline Requirements version 2.1.7, section 7.1.2.7\n  \u2022 Source of incident disclosure: Self Reported\n`;
const NO_IMPACT = 'On 2025-10-01 we found that our CPS still listed a retired validation method. A Full Incident Report will follow by 2025-10-15.';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a count of certificates', code: report('On 2025-10-01 we found 14 TLS certificates with a wrong organizationName.') },
    { name: 'no certificates affected', code: report('Our CPS listed a retired method. No certificates were issued with it.') },
    { name: 'an impact in other terms', code: report('One OCSP responder served stale responses for 3 intermediate CAs for 47 minutes.') },
    { name: 'a count in words', code: report('Two CA certificate files referenced in the AIA of issued certificates were served in PEM format.') },
    { name: 'the word "affected"', code: report('A signing job failure affected the CRLs of one issuing CA.') },
    { name: 'a Full report is not judged', code: `## Full Incident Report\n\n### Summary\n\n- **Incident description:** ${NO_IMPACT}\n` },
    { name: 'copied from Bugzilla, with a count', code: bugzilla('While revoking a batch of 25,000 certificates an incorrect reason code was selected.') },
  ],
  invalid: [
    { name: 'no impact stated', code: report(NO_IMPACT), errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'copied from Bugzilla, no impact stated', code: bugzilla(NO_IMPACT), errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'a word list without "impact"', code: report('The incident had an impact on our CPS only.'), options: { words: ['affected certificate'] }, errors: [{ messageId: 'missing', line: 1 }] },
  ],
});
