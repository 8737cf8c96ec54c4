import { describe, it } from 'vitest';
import rule from '../../rules/section-order.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const report = (sections: string[]): string => ['## Incident Report', ...sections.flatMap((s) => ['', `### ${s}`, '', 'N/A'])].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'template order', code: report(['Summary', 'Impact', 'Timeline', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix']) },
    { name: 'missing sections do not matter', code: report(['Summary', 'Timeline', 'Appendix']) },
    { name: 'separate blocks are separate', code: `${report(['Summary', 'Impact'])}\n\n## Report Closure Summary\n\n- Incident description: x\n` },
  ],
  invalid: [
    { name: 'Impact after Timeline', code: report(['Summary', 'Timeline', 'Impact']), errors: [{ messageId: 'outOfOrder', line: 11 }] },
    { name: 'Summary last', code: report(['Impact', 'Timeline', 'Summary']), errors: [{ messageId: 'outOfOrder', line: 11 }] },
    {
      name: 'two moved sections',
      code: report(['Appendix', 'Summary', 'Impact']),
      errors: [
        { messageId: 'outOfOrder', line: 7 },
        { messageId: 'outOfOrder', line: 11 },
      ],
    },
  ],
});
