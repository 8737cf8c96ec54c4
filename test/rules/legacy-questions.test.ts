import { describe, expect, it } from 'vitest';
import rule from '../../rules/legacy-questions.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { HAS_CORPUS, seed } from '../helpers/corpus.js';
import { lintAll } from '../helpers/lint.js';

const QUESTIONS: Array<[number, string]> = [
  [1, 'How your CA first became aware of the problem'],
  [2, 'A timeline of the actions your CA took in response'],
  [3, 'Whether your CA has stopped, or has not yet stopped, issuing certificates with the problem'],
  [4, 'A summary of the problematic certificates'],
  [5, 'The complete certificate data for the problematic certificates'],
  [6, 'Explanation about how and why the mistakes were made or bugs introduced'],
  [7, 'List of steps your CA is taking to resolve the situation'],
];
const legacy = (skip: number[] = [], form: (n: number, t: string) => string = (n, t) => `${n}. ${t}`): string =>
  QUESTIONS.filter(([n]) => !skip.includes(n))
    .map(([n, t]) => `${form(n, t)}\n\nAnswer ${n}.\n`)
    .join('\n');
const SHORT = ['Awareness', 'Timeline', 'Issuance stopped', 'Summary', 'Certificate data', 'Root cause', 'Remediation'];

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'numbered questions', code: legacy() },
    {
      name: 'questions 4 and 5 answered under one heading',
      code: `${legacy([4, 5, 6, 7])}\n4 and 5. Summary of the problematic certificates and the complete certificate data\n\n6 certificates, the first issued 2021-05-25: https://crt.sh/?id=1\n\n${legacy([1, 2, 3, 4, 5])}`,
    },
    { name: 'a combined heading written "Q4 & Q5:"', code: `${legacy([4, 5])}\nQ4 & Q5: Problematic certificates\n\n6 certificates, listed below.\n` },
    { name: 'question 3 reworded', code: legacy([3]).replace('4. A summary', '3. Have you stopped issuing certificates with this problem?\n\nYes.\n\n4. A summary') },
    {
      name: 'question 3 reworded under another number',
      code: `${legacy([3, 4, 5, 6, 7])}\n3. Certificate summary\n\n6 certificates.\n\n4. Has issuance been stopped?\n\nYes, on 2021-06-01.\n\n${legacy([1, 2, 3, 4])}`,
    },
    { name: 'Topic N: forms', code: legacy([], (n, t) => `Topic ${n}: ${t}`) },
    { name: 'abbreviated titles under their numbers', code: legacy([], (n) => `**${n}. ${SHORT[n - 1]}**`) },
    { name: 'Question N with any title', code: legacy([], (n) => `Question ${n}: Details`) },
    { name: 'bullets without numbers, as in a Bugzilla comment', code: legacy([], (_n, t) => `- ${t}.`) },
    {
      name: 'questions whose line breaks were collapsed',
      code: `Report follows.\n${QUESTIONS.map(([n, t]) => `${n}. ${t}. Answer ${n}.`).join(' ')}\n`,
    },
    { name: 'not a legacy report', code: '## Incident Report\n\n### Summary\n\nText.\n' },
  ],
  invalid: [
    { name: 'question 5 missing, reported at question 6', code: legacy([5]), errors: [{ messageId: 'missing', line: 17 }] },
    { name: 'the last question missing, reported at the end', code: legacy([7]), errors: [{ messageId: 'missing', line: 23 }] },
    { name: 'two missing', code: legacy([3, 4]), errors: [{ messageId: 'missing', line: 9 }, { messageId: 'missing', line: 9 }] },
    {
      name: 'collapsed questions with one missing',
      code: `${QUESTIONS.filter(([n]) => n !== 2).map(([n, t]) => `${n}. ${t}. Answer ${n}.`).join(' ')}\n`,
      errors: [{ messageId: 'missing', line: 1 }],
    },
  ],
});

describe.skipIf(!HAS_CORPUS)('legacy-questions on the seeds', () => {
  it('seeds 000 and 004 answer all seven questions', () => {
    for (const s of ['000_', '004_']) expect(lintAll(seed(s), '2024-03-25').filter((m) => m.ruleId === 'legacy-questions')).toEqual([]);
  });

  it('seed 004 without question 5 reports it by number and name', () => {
    const lines = seed('004_').split('\n');
    const start = lines.findIndex((l) => /^> 5\. The complete certificate data/.test(l));
    const end = lines.findIndex((l) => /^> 6\. Explanation/.test(l));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const cut = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    const found = lintAll(cut, '2024-03-25').filter((m) => m.ruleId === 'legacy-questions');
    expect(found.map((m) => m.line)).toEqual([start + 1]);
    expect(found[0]?.message).toContain('Question 5');
    expect(found[0]?.message).toContain('The complete certificate data for the problematic certificates');
  });
});
