import { describe, it } from 'vitest';
import rule from '../../rules/template-current.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const v2 = '## Incident Report\n\n### Summary\n\nx\n\n### Impact\n\ny\n\n### Timeline\n\nz\n';
const legacy = '1. How your CA first became aware of the problem\n\nBy email.\n\n2. A timeline of the actions your CA took in response.\n\n2020-01-01 10:00 UTC x\n';
const v3 = '## Full Incident Report\n\n### Summary\n\nx\n';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'v2 before the policy took effect', code: v2, now: '2025-07-14' },
    { name: 'v2 within 30 days of being superseded', code: v2, now: '2025-03-31' },
    { name: 'v3 today', code: v3, now: '2026-11-22' },
    { name: 'front matter posted date wins over now', code: `---\nposted: 2024-05-01\n---\n${v2}`, now: '2026-11-22' },
    { name: 'legacy before the policy', code: legacy, now: '2023-11-01' },
    { name: 'a time of day on the day before the policy is still before it', code: v2, now: '2025-07-14T23:59:00Z' },
    { name: 'policy date moved by option', code: v2, now: '2026-01-01', options: { policyEffective: '2027-01-01' } },
  ],
  invalid: [
    { name: 'v2 posted in 2026', code: v2, now: '2026-11-22', errors: [{ messageId: 'superseded', line: 1 }] },
    { name: 'v2 on the day the policy took effect', code: v2, now: '2025-07-15', errors: [{ messageId: 'superseded', line: 1 }] },
    { name: 'a time of day on the day the policy took effect', code: v2, now: '2025-07-15T08:00:00+02:00', errors: [{ messageId: 'superseded', line: 1 }] },
    { name: 'legacy in 2026', code: legacy, now: '2026-11-22', errors: [{ messageId: 'superseded', line: 1 }] },
    { name: 'front matter posted date after the policy', code: `---\nposted: 2025-08-01\n---\n${v2}`, now: '2024-01-01', errors: [{ messageId: 'superseded', line: 4 }] },
    { name: 'each old block is reported', code: `${v2}\n${v2}`, now: '2026-11-22', errors: [{ messageId: 'superseded', line: 1 }, { messageId: 'superseded', line: 15 }] },
  ],
});
