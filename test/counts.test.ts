import { describe, expect, it } from 'vitest';
import { readCount } from '../src/parse/counts.js';

describe('readCount', () => {
  const cases: Array<[string, string, number?]> = [
    ['14', 'exact', 14],
    ['2 certificates', 'exact', 2],
    ['1,234', 'exact', 1234],
    ['1 234 certificates', 'exact', 1234],
    ['150 Certificates were referenced by a total of 68 Certificate Problem Reports', 'exact', 150],
    ['0. All Certificate Problem reports have been triaged.', 'exact', 0],
    ['**3**', 'exact', 3],
    ['none', 'exact', 0],
    ['No certificates', 'exact', 0],
    ['two', 'exact', 2],
    ['about 230,000', 'approximate', 230000],
    ['Approximately 3 million', 'approximate', 3000000],
    ['~5k', 'approximate', 5000],
    ['230,000+', 'approximate', 230000],
    ['more than 40', 'approximate', 40],
    ['N/A', 'not-applicable'],
    ['N/A (no certificates involved)', 'not-applicable'],
    ['Unknown', 'not-a-number'],
    ['2.5', 'not-a-number'],
    ['2025-08-04', 'not-a-number'],
    ['We issued 5 certificates', 'not-a-number'],
  ];
  for (const [text, kind, value] of cases) {
    it(`"${text}" is ${kind}${value === undefined ? '' : ` ${value}`}`, () => {
      const r = readCount(text);
      expect(r.kind).toBe(kind);
      if (value !== undefined && (r.kind === 'exact' || r.kind === 'approximate')) expect(r.value).toBe(value);
    });
  }
});
