import { describe, it } from 'vitest';
import rule from '../../rules/field-required.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const prelim = (lines: string[]): string => ['## Preliminary Incident Report', '', '### Summary', '', ...lines, ''].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a preliminary report posted before IRG 3.0 is not held to the v3 fields', now: '2024-06-01', code: prelim(['We found 5 certificates with a wrong policy OID and stopped issuance.']) },
    { name: 'bold bullet labels', code: prelim(['- **Incident description:** x', '- **Relevant policies:** BR 4.9.1.1', '- **Source of incident disclosure:** Audit']) },
    { name: 'plain labels, any case, value on the next line', code: prelim(['Incident Description:', 'x', 'relevant policies: BR', '• Source of incident disclosure: Audit']) },
    {
      name: 'lessons learned with curly apostrophe and Other',
      code: '## Full Incident Report\n\n### Lessons Learned\n\n- **What went well:** a\n- **What didn\u2019t go well:** b\n- **Where we got lucky:** c\n- **Other:** N/A\n',
    },
    {
      name: 'v2 lessons learned as sub-headings',
      code: "## Incident Report\n\n### Lessons Learned\n\n#### What went well\n\na\n\n#### What didn't go well\n\nb\n\n#### Where we got lucky\n\nc\n",
    },
    {
      name: 'closure with all fields',
      code: '## Report Closure Summary\n\n- **Incident description:** a\n- **Incident Root Cause(s):** b\n- **Remediation description:** c\n- **Commitment summary:** d\n',
    },
  ],
  invalid: [
    { name: 'preliminary without the disclosure source', code: prelim(['- **Incident description:** x', '- **Relevant policies:** BR']), errors: [{ messageId: 'missing', line: 3 }] },
    {
      name: 'timeline summary without its end date',
      code: '## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** A000001\n- **Incident description:** x\n- **Timeline summary:**\n  - **Non-compliance start date:** 2025-01-01\n  - **Non-compliance identified date:** 2025-01-02\n- **Relevant policies:** BR\n- **Source of incident disclosure:** Audit\n',
      errors: [{ messageId: 'missingChild', line: 7 }],
    },
    {
      name: 'lessons learned without Where we got lucky and Additional',
      code: "## Full Incident Report\n\n### Lessons Learned\n\n- **What went well:** a\n- **What didn't go well:** b\n",
      errors: [
        { messageId: 'missing', line: 3 },
        { messageId: 'missing', line: 3 },
      ],
    },
    { name: 'closure missing the commitment summary', code: '## Report Closure Summary\n\n- Incident description: a\n- Incident Root Cause(s): b\n- Remediation description: c\n', errors: [{ messageId: 'missing', line: 1 }] },
  ],
});
