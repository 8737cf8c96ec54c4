import { describe, expect, it } from 'vitest';
import rule from '../../rules/action-item-due-date.js';
import { RuleTester, runRule } from '../../src/testing/rule-tester.js';
import { v2Actions } from '../helpers/action-report.js';

const due = (d: string): string => v2Actions([`| Update the CPR contact in CCADB | Prevent | ${d} |`]);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'ISO date', code: due('2024-04-20') },
    { name: 'ISO date with a note', code: due('2024-04-20 (done early)') },
    { name: 'a legacy list item without a date is not judged', code: '7. List of steps your CA is taking to resolve the situation\n\n- We stopped issuance.\n\n6. Explanation about how and why the mistakes were made\n\nText.\n' },
  ],
  invalid: [
    { name: 'TBD', code: due('TBD'), errors: [{ messageId: 'notDate', line: 7 }] },
    { name: 'ASAP', code: due('ASAP'), errors: [{ messageId: 'notDate', line: 7 }] },
    { name: 'a quarter', code: due('Q3 2024'), errors: [{ messageId: 'notDate', line: 7 }] },
    { name: 'empty', code: due(''), errors: [{ messageId: 'missing', line: 7 }] },
    { name: 'ambiguous day and month', code: due('03/04/2024'), errors: [{ messageId: 'ambiguous', line: 7 }] },
    { name: 'not a calendar date', code: due('2024-02-30'), errors: [{ messageId: 'invalid', line: 7 }] },
    { name: 'unpadded ISO is fixed', code: due('2024-4-20'), errors: [{ messageId: 'nonIso', line: 7, column: 47 }], output: due('2024-04-20') },
    { name: 'day-first with a day above 12 is fixed', code: due('20/04/2024'), errors: [{ messageId: 'nonIso', line: 7 }], output: due('2024-04-20') },
    { name: 'month names are fixed', code: due('April 20, 2024'), errors: [{ messageId: 'nonIso', line: 7 }], output: due('2024-04-20') },
    { name: 'a clear date with a note is reported without a fix', code: due('April 20, 2024 (planned)'), errors: [{ messageId: 'nonIso', line: 7 }] },
    {
      name: 'rendered rows (seed 002 style)',
      code: '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nUpdate the contact email in CCADB Prevent 2024-4-20\n',
      errors: [{ messageId: 'nonIso', line: 6 }],
      output: '## Incident Report\n\n### Action Items\n\nAction Item Kind Due Date\nUpdate the contact email in CCADB Prevent 2024-04-20\n',
    },
    {
      name: 'a legacy deadline in a non-ISO form',
      code: '6. Explanation about how and why the mistakes were made\n\nText.\n\n7. List of steps your CA is taking to resolve the situation\n\n- Review all profiles - deadline 2020-3-31\n',
      errors: [{ messageId: 'nonIso', line: 7 }],
      output: '6. Explanation about how and why the mistakes were made\n\nText.\n\n7. List of steps your CA is taking to resolve the situation\n\n- Review all profiles - deadline 2020-03-31\n',
    },
  ],
});

describe('action-item-due-date severity', () => {
  it('reports a clear non-ISO date as a warning and TBD as an error', () => {
    const soft = runRule(rule, { code: due('2024-4-20') }).messages;
    const hard = runRule(rule, { code: due('TBD') }).messages;
    expect(soft.map((m) => m.severity)).toEqual([1]);
    expect(hard.map((m) => m.severity)).toEqual([2]);
  });
});
