import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm } from '../src/parse/text.js';

// norm() as it is specified: every replacement, always (norm skips them when nothing would change).
function reference(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u02BC\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[*_]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

describe('norm', () => {
  it('examples', () => {
    expect(norm('  **Root Cause**  Analysis ')).toBe('root cause analysis');
    expect(norm('What didn\u2019t go well')).toBe("what didn't go well");
    expect(norm('Plain Label:')).toBe('plain label:');
    expect(norm('a\tb')).toBe('a b');
    expect(norm('x\u00a0y')).toBe('x y');
  });

  it('equals every replacement applied, for any text', () => {
    const chars = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '*', '_', '`', "'", '"', '\u2019', '\u201c', '\u00a0', '\u3000', 'É', ':', '-', '1');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(chars, { maxLength: 30 }).map((a) => a.join(''))), (s) => {
        expect(norm(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
