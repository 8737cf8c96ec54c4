import { describe, it } from 'vitest';
import rule from '../../rules/contained-or-ongoing.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const prelim = (d: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** ${d}\n- **Source of incident disclosure:** Self Reported\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'contained', code: prelim('14 certificates were misissued. The incident is contained.') },
    { name: 'ongoing', code: prelim('Revocation is ongoing; 3 of 14 certificates remain.') },
    { name: 'a fix deployed and lost data restored', code: prelim('A database change dropped 40 OCSP records. A fix was deployed and the lost data restored from backup at 10:40 UTC.') },
    { name: 'certificates still not revoked', code: prelim('The 12 affected certificates are still not revoked; the subscribers have asked for more time.') },
    { name: 'no longer', code: prelim('The responder no longer serves stale responses.') },
    { name: 'a phrase added by the options', code: prelim('Situation normal.'), options: { phrases: ['situation normal'] } },
    { name: 'a preliminary report posted before IRG 3.0 is not held to it', code: `---\nposted: 2024-11-02\n---\n\n${prelim('14 certificates were issued with a stale CAA check.')}` },
    { name: 'a Full report is not checked', code: '## Full Incident Report\n\n### Summary\n\n- Incident description: Text.\n' },
  ],
  invalid: [
    { name: 'says neither', code: prelim('14 certificates were issued with a stale CAA check.'), errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'posted on the day IRG 3.0 took effect', code: `---\nposted: 2025-03-01\n---\n\n${prelim('14 certificates were issued with a stale CAA check.')}`, errors: [{ messageId: 'missing', line: 5 }] },
    {
      name: 'each preliminary report',
      code: `${prelim('First problem.')}\n${prelim('Second problem, now contained.')}\n${prelim('Third problem.')}`,
      errors: [{ messageId: 'missing', line: 1 }, { messageId: 'missing', line: 15 }],
    },
  ],
});
