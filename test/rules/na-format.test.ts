import { describe, it } from 'vitest';
import rule from '../../rules/na-format.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const ll = (v: string): string => `## Incident Report\n\n### Lessons Learned\n\n- **What went well:** x\n- **Where we got lucky:** ${v}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'N/A', code: ll('N/A') },
    { name: 'n/a in any case', code: ll('n/a') },
    { name: 'N/A with a reason', code: ll('N/A (no certificates affected)') },
    { name: 'a real answer', code: ll('The alert fired on a weekday.') },
    { name: 'No answers a yes/no question', code: '## Full Incident Report\n\n### Impact\n\n- **Was issuance stopped in response to this incident, and why or why not?:** No\n' },
  ],
  invalid: [
    { name: 'None', code: ll('None'), errors: [{ messageId: 'spelling', line: 6 }], output: ll('N/A') },
    { name: 'dash', code: ll('-'), errors: [{ messageId: 'spelling', line: 6 }], output: ll('N/A') },
    { name: 'n.a.', code: ll('n.a.'), errors: [{ messageId: 'spelling', line: 6 }], output: ll('N/A') },
    { name: 'a section that is only a dash', code: '## Incident Report\n\n### Appendix\n\n-\n', errors: [{ messageId: 'spelling', line: 5 }], output: '## Incident Report\n\n### Appendix\n\nN/A\n' },
    { name: 'a section that is only "None"', code: '## Incident Report\n\n### Appendix\n\nNone\n', errors: [{ messageId: 'spelling', line: 5 }], output: '## Incident Report\n\n### Appendix\n\nN/A\n' },
  ],
});
