import { describe, it } from 'vitest';
import rule from '../../rules/ccadb-id-format.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const full = (id: string): string => `## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** ${id}\n- **Incident description:** Text.\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'A and six digits', code: full('A000272') },
    { name: 'in backticks', code: full('`A002577`') },
    { name: 'plain label copied from a rendered page', code: 'Full Incident Report\n\nSummary\n\nCA Owner CCADB unique ID: A000016\n' },
    { name: 'empty is left to field-empty', code: full('') },
    { name: 'v2 reports have no such field', code: '## Incident Report\n\n### Summary\n\nCA Owner CCADB unique ID: 12345\n' },
  ],
  invalid: [
    { name: 'digits only', code: full('12345'), errors: [{ messageId: 'format', line: 5 }] },
    { name: 'a CA name', code: full('Example Trust Services'), errors: [{ messageId: 'format', line: 5 }] },
    { name: 'seven digits', code: full('A0002721'), errors: [{ messageId: 'format', line: 5 }] },
    { name: 'N/A', code: full('N/A'), errors: [{ messageId: 'notApplicable', line: 5 }] },
    { name: 'lower-case a is fixed', code: full('a000272'), errors: [{ messageId: 'lowercase', line: 5 }], output: full('A000272') },
  ],
});
