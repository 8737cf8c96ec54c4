/**
 * The rules that read across sections stay quiet on reports written right:
 * fixtures/clean-cross/ (v3 Full reports in the styles CAs use, revocation
 * delays done right, Preliminary reports with their impact), the clean
 * fixtures of fixtures/reports/, and every report under fixtures/clean/ when
 * that folder exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_RULES } from './helpers/cross-rules.js';
import { compactLine, lintAll } from './helpers/lint.js';

const root = path.join(import.meta.dirname, '..');
const NOW = '2025-12-01';

function reports(dir: string, filter: (name: string) => boolean = () => true): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:md|markdown)$/.test(e.name) && filter(e.name)) out.push(path.relative(root, p));
    }
  };
  walk(abs);
  return out.sort();
}

const own = reports('fixtures/clean-cross');
const files = [...own, ...reports('fixtures/reports', (n) => /-clean/.test(n)), ...reports('fixtures/clean')];

describe('rules across sections on clean reports', () => {
  it('has clean reports in several styles', () => {
    expect(own.length).toBeGreaterThanOrEqual(6);
    const texts = own.map((f) => readFileSync(path.join(root, f), 'utf8'));
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => /^\s*\u2022 /m.test(t))).toBe(true);
    expect(texts.some((t) => /^\*\*Summary\*\*$/m.test(t))).toBe(true);
    expect(texts.some((t) => /All times are UTC\+8/.test(t))).toBe(true);
    expect(texts.some((t) => /revocation-delay/.test(t))).toBe(true);
    expect(texts.some((t) => /Preliminary Incident Report/.test(t))).toBe(true);
  });

  for (const f of files) {
    it(`nothing across sections fires on ${f}`, () => {
      const text = readFileSync(path.join(root, f), 'utf8');
      const found = lintAll(text, NOW).filter((m) => CROSS_RULES.includes(m.ruleId ?? ''));
      expect(found.map((m) => compactLine(f, m))).toEqual([]);
    });
  }
});
