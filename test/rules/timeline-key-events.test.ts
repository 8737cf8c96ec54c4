import { describe, it } from 'vitest';
import rule from '../../rules/timeline-key-events.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const v2 = (body: string, title = ''): string => `${title}## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;

const v3 = (summary: string, body: string): string => `## Full Incident Report\n\n### Summary\n\n${summary}\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;
const dates = (identified: string, end: string): string => `- **Timeline summary:**\n  - **Non-compliance start date:** 2025-05-01\n  - **Non-compliance identified date:** ${identified}\n  - **Non-compliance end date:** ${end}`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'an end marked "(end)"', code: v2('- 2025-08-19 07:45 The reconciliation finds the gap (we become aware).\n- 2025-08-19 10:20 Both certificates listed in the CCADB (end).') },
    { name: 'an end in other words: exempted', code: v2('- 2025-08-19 07:45 A report was received.\n- 2025-08-19 10:20 The address is exempted from the quarantine rules.') },
    {
      name: 'awareness and end placed by the Summary dates',
      code: v3(dates('2025-05-19', '2025-05-20'), '- 2025-05-12 03:00 Replica lag begins.\n- 2025-05-19 08:45 A relying party writes to us.\n- 2025-05-20 11:40 Cluster B serves again.'),
    },
    { name: 'awareness and end', code: v2('- 2024-03-05 10:18 A certificate problem report was received.\n- 2024-03-06 09:00 The certificate was revoked.') },
    { name: 'ongoing', code: v2('- 2024-03-05 10:18 We were notified by a researcher.\n- 2024-03-06 09:00 Remediation is ongoing.') },
    { name: 'legacy reports are not checked', code: '1. How your CA first became aware of the problem\n\nEmail.\n\n2. A timeline of the actions your CA took in response.\n\n- 2020-03-10 09:00 We met.\n' },
    {
      name: 'revocation delay with expected and actual completion',
      code: v2('- 2024-07-29 22:36 We identified the affected certificates.\n- 2024-07-30 19:52 Revocation is expected to complete by 2024-08-03 19:30.\n- 2024-08-03 19:00 All certificates revoked.', '---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n'),
    },
  ],
  invalid: [
    {
      name: 'words after the timeline do not stand in for an awareness entry',
      code: v2('- 2024-03-05 10:18 We began the investigation.\n- 2024-03-06 09:00 The certificate was revoked.\n\nWe were notified by a researcher and received the report by email.'),
      errors: [{ messageId: 'missingAwareness', line: 3 }],
    },
    {
      name: 'words in the Summary do not stand in for an end entry',
      code: v3('- **Incident description:** The fix was deployed and the certificates were revoked.', '- 2025-05-19 08:45 A relying party reported the problem.\n- 2025-05-19 09:30 We began the investigation.'),
      errors: [{ messageId: 'missingEnd', line: 7 }],
    },
    {
      name: 'a revocation delay whose timeline never shows revocation completing',
      code: v2('- 2024-07-29 22:36 We identified the affected certificates.\n- 2024-07-30 19:52 Revocation is expected to complete by 2024-08-03 19:30; the fix is deployed.\n\nAll certificates were revoked.', '---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n'),
      errors: [{ messageId: 'missingRevocationDone', line: 7 }],
    },
    { name: 'no awareness', code: v2('- 2024-03-05 10:18 We began the analysis.\n- 2024-03-06 09:00 The fix was deployed.'), errors: [{ messageId: 'missingAwareness', line: 3 }] },
    { name: 'no end', code: v2('- 2024-03-05 10:18 We were alerted.\n- 2024-03-05 11:00 We began the analysis.'), errors: [{ messageId: 'missingEnd', line: 3 }] },
    {
      name: 'revocation delay without the expected and actual completion',
      code: v2('- 2024-07-29 22:36 We identified the affected certificates.\n- 2024-07-30 19:52 The fix was deployed.', '---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n'),
      errors: [
        { messageId: 'missingRevocationPlanned', line: 7 },
        { messageId: 'missingRevocationDone', line: 7 },
      ],
    },
  ],
});
