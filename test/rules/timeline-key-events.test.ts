import { describe, it } from 'vitest';
import rule from '../../rules/timeline-key-events.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const v2 = (body: string, title = ''): string => `${title}## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'awareness and end', code: v2('- 2024-03-05 10:18 A certificate problem report was received.\n- 2024-03-06 09:00 The certificate was revoked.') },
    { name: 'ongoing', code: v2('- 2024-03-05 10:18 We were notified by a researcher.\n- 2024-03-06 09:00 Remediation is ongoing.') },
    { name: 'legacy reports are not checked', code: '1. How your CA first became aware of the problem\n\nEmail.\n\n2. A timeline of the actions your CA took in response.\n\n- 2020-03-10 09:00 We met.\n' },
    {
      name: 'revocation delay with expected and actual completion',
      code: v2('- 2024-07-29 22:36 We identified the affected certificates.\n- 2024-07-30 19:52 Revocation is expected to complete by 2024-08-03 19:30.\n- 2024-08-03 19:00 All certificates revoked.', '---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n'),
    },
  ],
  invalid: [
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
