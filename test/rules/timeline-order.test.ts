import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/timeline-order.js';
import { RuleTester, runRule } from '../../src/testing/rule-tester.js';

const tl = (body: string): string => `## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a time range that spans the entry before it', code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- 2024-07-30 11:33 Notice received.\n- 2024-07-30 02:10 \u2013 12:56 We talked to root programs.\n- 2024-07-30 19:01 Court order.\n' },
    { name: 'in order', code: tl('- 2024-03-05 10:18 a\n- 2024-03-05 15:19 b\n- 2024-03-18 13:07 c') },
    { name: 'equal instants', code: tl('- 2024-03-05 10:18 a\n- 2024-03-05 10:18 b') },
    { name: 'a date-only entry equals any time that day', code: tl('- 2024-03-05 15:00 a\n- 2024-03-05 b\n- 2024-03-05 09:00 c') },
    { name: 'offsets are compared as instants', code: tl('- 2024-03-05 10:18 UTC+8 a\n- 2024-03-05 03:00 UTC b') },
    { name: 'ambiguous dates are left to timeline-date-format', code: tl('- 2024-03-05 10:18 a\n- 03/04/2024 10:00 b') },
  ],
  invalid: [
    {
      name: 'seed 003: 10:18 listed after 15:19 on the same day',
      code: tl('2024-03-05:\n\n- 15:19 received\n- 10:18 junk\n\n2024-03-18:\n\n- 13:07 again'),
      errors: [{ messageId: 'afterLater', line: 10 }],
    },
    { name: 'one early entry at the end is reported once', code: tl('- 2024-03-02 10:00 b\n- 2024-03-03 10:00 c\n- 2024-03-04 10:00 d\n- 2024-03-01 10:00 a'), errors: [{ messageId: 'afterLater', line: 10 }] },
    { name: 'one late entry at the top is reported once', code: tl('- 2024-03-09 10:00 z\n- 2024-03-02 10:00 b\n- 2024-03-03 10:00 c\n- 2024-03-04 10:00 d'), errors: [{ messageId: 'beforeEarlier', line: 7 }] },
    { name: 'in a table', code: tl('| Time | Event |\n| --- | --- |\n| 2024-03-05 10:18 | a |\n| 2024-03-04 10:18 | b |'), errors: [{ messageId: 'afterLater', line: 10 }] },
  ],
});

describe('timeline-order properties', () => {
  const render = (minutes: number[]): string =>
    tl(minutes.map((m, i) => `- ${new Date(Date.UTC(2024, 0, 1) + m * 60000).toISOString().slice(0, 16).replace('T', ' ')} event ${i}`).join('\n'));
  const entries = fc.array(fc.integer({ min: 0, max: 60 * 24 * 400 }), { minLength: 2, maxLength: 25 });

  it('a sorted timeline never reports', () => {
    fc.assert(
      fc.property(entries, (ms) => {
        const sorted = [...ms].sort((a, b) => a - b);
        expect(runRule(rule, { code: render(sorted) }).messages).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('swapping two entries with different instants always reports', () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.nat(), (ms, a, b) => {
        const sorted = [...ms].sort((x, y) => x - y);
        const i = a % sorted.length;
        const j = b % sorted.length;
        fc.pre(sorted[i] !== sorted[j]);
        const swapped = [...sorted];
        [swapped[i], swapped[j]] = [swapped[j] as number, swapped[i] as number];
        const found = runRule(rule, { code: render(swapped) }).messages;
        expect(found.length).toBeGreaterThan(0);
        expect(found.every((m) => m.related && m.related.length === 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
