import { describe, it } from 'vitest';
import rule from '../../rules/field-empty.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'filled fields', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x\n- **Relevant policies:** y\n- **Source of incident disclosure:** Audit\n' },
    { name: 'N/A counts as content', code: '## Incident Report\n\n### Appendix\n\nN/A\n' },
    { name: 'value on the following lines', code: '## Preliminary Incident Report\n\n### Summary\n\n- Incident description:\n  The CPS was wrong.\n' },
    { name: 'a table is content', code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| a | Prevent | 2025-01-01 |\n' },
    { name: 'a fenced CSV block is content', code: '## Full Incident Report\n\n### Appendix\n\n```csv\na,b\n1,2\n```\n' },
    { name: 'optional Additional considerations may be empty', code: '## Full Incident Report\n\n### Impact\n\n- **Additional considerations:**\n' },
    { name: 'parent field with children', code: '## Full Incident Report\n\n### Summary\n\n- **Timeline summary:**\n  - **Non-compliance start date:** 2025-01-01\n' },
  ],
  invalid: [
    { name: 'empty section', code: '## Incident Report\n\n### Summary\n\n### Impact\n\nx\n', errors: [{ messageId: 'emptySection', line: 3 }] },
    { name: 'an HTML comment is not content', code: '## Incident Report\n\n### Appendix\n\n<!-- list the affected certificates -->\n', errors: [{ messageId: 'emptySection', line: 3 }] },
    { name: 'empty field', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:**\n- **Relevant policies:** y\n', errors: [{ messageId: 'emptyField', line: 5 }] },
    { name: 'empty closure field', code: 'Report Closure Summary\n\nIncident description:\nCommitment summary: none planned\n', errors: [{ messageId: 'emptyField', line: 3 }] },
  ],
});
