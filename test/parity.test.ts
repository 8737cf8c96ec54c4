/**
 * The rule/test/fixture/docs set: every registered rule has a file named after
 * it, a test file, at least one whole fixture that reports it, and metadata
 * complete enough to render its docs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';

const root = path.join(import.meta.dirname, '..');
/** Files in rules/ that are not rules: the registry and the lifecycle rules' shared helpers. */
const HELPERS = ['index.ts', 'bug-common.ts'];
// Reports in fixtures/reports, Appendix attachments (and a report with its CSV) in fixtures/csv, bug threads in fixtures/threads.
const expectedOutputs = ['reports', 'csv', 'threads']
  .flatMap((sub) =>
    readdirSync(path.join(root, 'fixtures', sub))
      .filter((f) => f.endsWith('.expected.txt'))
      .map((f) => readFileSync(path.join(root, 'fixtures', sub, f), 'utf8')),
  )
  .join('\n');

describe('rule parity', () => {
  it('registers every rule file exactly once', () => {
    const files = readdirSync(path.join(root, 'rules'))
      .filter((f) => f.endsWith('.ts') && !HELPERS.includes(f) && !f.startsWith('_'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(rules.map((r) => r.meta.id).sort()).toEqual(files);
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has a kebab-case id', () => expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/));
      it('has a test file', () => expect(existsSync(path.join(root, 'test', 'rules', `${id}.test.ts`))).toBe(true));
      it('is reported by at least one whole fixture', () => expect(expectedOutputs).toContain(` ${id} `));
      it('has complete metadata', () => {
        expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
        expect(rule.meta.rationale.length).toBeGreaterThan(40);
        expect(rule.meta.source.length).toBeGreaterThan(10);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(['warn', 'error']).toContain(rule.meta.severity);
      });
    });
  }
});
