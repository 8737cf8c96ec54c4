/**
 * Whole reports in fixtures/reports/ against their expected output
 * (`<name>.expected.txt`, one compact line per diagnostic). Regenerate with
 * UPDATE_FIXTURES=1 npm test, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactLine, lintAll } from './helpers/lint.js';

export const FIXTURE_NOW = '2025-12-01';
const dir = path.join(import.meta.dirname, '..', 'fixtures', 'reports');
const update = process.env['UPDATE_FIXTURES'] === '1';

const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

describe('fixture reports', () => {
  it('has clean and broken fixtures for every template', () => {
    for (const t of ['v3-full', 'v3-preliminary', 'v3-closure', 'v2', 'legacy']) {
      expect(names).toContain(`${t}-clean.md`);
    }
    expect(names.filter((n) => !n.endsWith('-clean.md')).length).toBeGreaterThanOrEqual(5);
  });

  for (const name of names) {
    it(name, () => {
      const file = `fixtures/reports/${name}`;
      const source = readFileSync(path.join(dir, name), 'utf8');
      const actual = lintAll(source, FIXTURE_NOW).map((m) => compactLine(file, m)).join('\n');
      const expectedPath = path.join(dir, name.replace(/\.md$/, '.expected.txt'));
      if (update) writeFileSync(expectedPath, actual ? `${actual}\n` : '');
      expect(existsSync(expectedPath), `${expectedPath} is missing; run UPDATE_FIXTURES=1 npm test`).toBe(true);
      const expected = readFileSync(expectedPath, 'utf8').trimEnd();
      expect(actual).toBe(expected);
      if (name.endsWith('-clean.md')) expect(actual).toBe('');
    });
  }
});
