import { describe, it } from 'vitest';
import rule from '../../rules/disclosure-source.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const prelim = (v: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Text.\n- **Source of incident disclosure:** ${v}\n`;
const full = (v: string): string => `## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** A000001\n- **Source of incident disclosure:** ${v}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'Self Reported', code: prelim('Self Reported') },
    { name: 'lower case, hyphen', code: prelim('self-reported') },
    { name: 'Third Party Reported with an explanation', code: prelim('Third Party Reported (a researcher wrote to our CPR address)') },
    { name: 'third-party reported', code: prelim('Third-party reported') },
    { name: 'Audit', code: full('Audit') },
    { name: 'value on the next line, then more text', code: '## Preliminary Incident Report\n\n### Summary\n\n- Source of incident disclosure:\n  Self Reported\n  Found by our nightly scan.\n' },
    { name: 'empty is left to field-empty', code: prelim('') },
  ],
  invalid: [
    { name: 'Certificate Problem Reporting', code: prelim('Certificate Problem Reporting'), errors: [{ messageId: 'suggest', line: 6 }] },
    { name: 'third-party researcher, running on', code: '## Preliminary Incident Report\n\n### Summary\n\n- Source of incident disclosure: Certificate Problem Report from a third-party researcher.\nDraft Incident Report\n', errors: [{ messageId: 'suggest', line: 5 }] },
    { name: 'found internally', code: full('MS PKI Services detected the incorrect reason code shortly after'), errors: [{ messageId: 'suggest', line: 6 }] },
    { name: 'auditor', code: full('Raised by our auditor'), errors: [{ messageId: 'suggest', line: 6 }] },
    { name: 'no hint', code: full('Email'), errors: [{ messageId: 'value', line: 6 }] },
    { name: 'Auditor is not Audit', code: full('Auditor-reported'), errors: [{ messageId: 'suggest', line: 6 }] },
    { name: 'N/A gets no suggestion', code: full('N/A'), errors: [{ messageId: 'value', line: 6 }] },
  ],
});
