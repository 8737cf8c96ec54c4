import { describe, it } from 'vitest';
import rule from '../../rules/rca-depth.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const LONG =
  'Release 7.3 added a retry when the signing step timed out. The retry re-entered the pipeline after the CAA step and used the stored CAA result without checking its age.';
const factor = (n: number, d: string): string => `**Contributing Factor #${n}: F${n}**\n\n- **Description:** ${d}\n`;
const v3 = (...factors: string[]): string => `## Full Incident Report\n\n### Root Cause Analysis\n\n${factors.join('\n')}`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a single well-explained factor is not a defect by default', code: v3(factor(1, LONG)) },
    { name: 'one long sentence that explains the cause', code: v3(factor(1, LONG), factor(2, 'The migration runbook had no step to watch replica lag after a large index rebuild, so the operator finished the change while the replica was still hours behind and nobody on the team looked at the replica dashboards again for the rest of that week.')) },
    { name: 'two factors with real descriptions', code: v3(factor(1, LONG), factor(2, LONG)) },
    { name: 'a v2 analysis of several sentences', code: `## Incident Report\n\n### Root Cause Analysis\n\n${LONG}\n` },
    { name: 'single factor allowed by options', code: v3(factor(1, LONG)), options: { singleFactor: false } },
    { name: 'N/A descriptions are left to other rules', code: v3(factor(1, LONG), factor(2, 'N/A')) },
  ],
  invalid: [
    { name: 'a single factor with singleFactor: true', options: { singleFactor: true }, code: v3(factor(1, LONG)), errors: [{ messageId: 'singleFactor', line: 5 }] },
    { name: 'a one-line factor description', code: v3(factor(1, LONG), factor(2, 'The email went to junk.')), errors: [{ messageId: 'shallowFactor', line: 11 }] },
    { name: 'a one-sentence v2 root cause (seed 003)', code: '## Incident Report\n\n### Root Cause Analysis\n\nThe email filter on the sender sent the email to junk, so the email was not read.\n', errors: [{ messageId: 'shallowText', line: 5 }] },
    { name: 'a short legacy answer, reported at the question', code: '6. Explanation about how and why the mistakes were made\n\nA typo.\n\n7. List of steps your CA is taking to resolve the situation\n\n- Fix it.\n', errors: [{ messageId: 'shallowText', line: 1 }] },
  ],
});
