import { describe, it } from 'vitest';
import rule from '../../rules/free-standing.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const f = (v: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** ${v}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'facts with a reference', code: f('We revoked 12 certificates late; details in comment #4 are repeated here.') },
    { name: 'a long answer that mentions a bug', code: f('See bug 1234 for the earlier incident; this one differs because the CAA check was skipped on a retry path.') },
  ],
  invalid: [
    { name: 'see comment', code: f('See comment #3.'), errors: [{ messageId: 'reference', line: 5 }] },
    { name: 'see bug', code: f('please see bug 1886627'), errors: [{ messageId: 'reference', line: 5 }] },
    { name: 'as above', code: f('Same as above.'), errors: [{ messageId: 'reference', line: 5 }] },
    { name: 'a section that only points elsewhere', code: '## Incident Report\n\n### Timeline\n\nSee the preliminary report.\n', errors: [{ messageId: 'reference', line: 5 }] },
  ],
});
