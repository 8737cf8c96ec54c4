/**
 * Every rule on adversarial strings (long runs of spaces, tabs, digits,
 * colons, pipes, stars, brackets, hashes, dashes, dots, quotes, comment
 * openers) inside realistic report fields: linting completes, no rule fails,
 * positions lie inside the file, messages quote a bounded part of the text.
 * That the time is linear is measured by `npm run bench:adversarial`
 * (bench/adversarial.ts), not by a timed unit test.
 */
import { describe, expect, it } from 'vitest';
import { PLACES, RUNS } from '../bench/adversarial.js';
import { checkPositions, lint } from './helpers/fuzz.js';

const SIZE = 3000;

describe('adversarial runs inside report fields', () => {
  for (const [place, make] of Object.entries(PLACES)) {
    it(`${place}: every kind of run lints sanely`, () => {
      for (const [name, unit] of Object.entries(RUNS)) {
        const text = make(unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE));
        const messages = lint(text);
        expect(messages.filter((m) => m.fatal).map((m) => `${name}: ${m.message}`)).toEqual([]);
        checkPositions(text, messages);
        for (const m of messages) expect(m.message.length, `${name}: ${m.ruleId}`).toBeLessThan(1000);
      }
    });
  }
});
