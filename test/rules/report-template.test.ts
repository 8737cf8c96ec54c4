import { describe, it } from 'vitest';
import rule from '../../rules/report-template.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'v3 Full heading', code: '## Full Incident Report\n\n### Summary\n' },
    { name: 'bare heading from a rendered page', code: 'Preliminary Incident Report\n\nSummary\n\nIncident description: x\n' },
    { name: 'closure summary', code: 'Incident Report Closure Summary\n\n• Incident Description: x\n' },
    { name: 'legacy questions', code: '1. How your CA first became aware of the problem\n\nBy email.\n\n2. A timeline of the actions your CA took in response.\n\n2024-01-01 10:00 UTC x\n' },
    { name: 'v2 sections without a report heading', code: 'Summary\n\nx\n\nImpact\n\ny\n\nTimeline\n\nz\n' },
    { name: 'forced template', code: 'Some notes.\n', template: 'ccadb-v3-preliminary' },
  ],
  invalid: [
    { name: 'free text', code: 'We found a problem.\n\nWe fixed it.\n', errors: [{ messageId: 'noTemplate', line: 1 }] },
    { name: 'free text after blank lines', code: '\n\nWe found a problem.\n', errors: [{ messageId: 'noTemplate', line: 3 }] },
    { name: 'empty file', code: '', errors: [{ messageId: 'empty', line: 1 }] },
    { name: 'whitespace only', code: '  \n\n\t\n', errors: [{ messageId: 'empty', line: 1 }] },
    { name: 'front matter only', code: '---\ntitle: "A: b"\n---\n', errors: [{ messageId: 'empty', line: 1 }] },
    { name: 'one legacy-like sentence is not a report', code: 'How your CA first became aware of the problem is unclear.\n', errors: [{ messageId: 'noTemplate', line: 1 }] },
    { name: 'only two known section titles', code: 'Summary\n\nx\n\nImpact\n\ny\n', errors: [{ messageId: 'noTemplate', line: 1 }] },
  ],
});
