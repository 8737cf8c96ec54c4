import { describe, it } from 'vitest';
import rule from '../../rules/relevant-policies-specific.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const prelim = (v: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Text.\n- **Relevant policies:** ${v}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'document, version, section', code: prelim('TLS Baseline Requirements version 2.1.6, section 4.9.1.1') },
    { name: 'short forms', code: prelim('BR v2.0.1 §3.2.2.4.7') },
    { name: 'RFC number counts as its version', code: prelim('RFC 5280 4.2.2.1') },
    { name: 'two policies on one line', code: prelim('TLS BR version 2.1.6, section 4.9.1.1; Example CPS version 4.2, section 4.9.1') },
    { name: 'a long name wrapped over two lines', code: '## Preliminary Incident Report\n\n### Summary\n\n- Relevant policies: Network and Certificate System Security\nRequirements Version 1.7 Section 4.f.3\n' },
    { name: 'a document added by the options', code: prelim('Example National Scheme version 3, section 7'), options: { documents: ['Example National Scheme'] } },
  ],
  invalid: [
    { name: 'no version', code: prelim('CCADB Policy section 6.2'), errors: [{ messageId: 'missing', line: 6 }] },
    { name: 'no section', code: prelim('Mozilla Root Store Policy version 3.0'), errors: [{ messageId: 'missing', line: 6 }] },
    { name: 'neither', code: prelim('Our CPS'), errors: [{ messageId: 'missing', line: 6 }] },
    { name: 'no document', code: prelim('Revocation within 5 days'), errors: [{ messageId: 'noDocument', line: 6 }] },
    {
      name: 'each bullet is checked',
      code: '## Preliminary Incident Report\n\n### Summary\n\n- Relevant policies:\n  - Adherence to CPS\n  - TLS Baseline Requirements version 2.1.7, Section 7.1.2.7.11\n',
      errors: [{ messageId: 'missing', line: 6 }],
    },
  ],
});
