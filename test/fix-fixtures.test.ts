/**
 * Before/after pairs for every fixable rule: `fixtures/fix/<rule-id>.md` is
 * fixed by the fix loop with that rule alone into `<rule-id>.fixed.md`
 * exactly; the fixed file is a fixpoint (fixing it again changes nothing) and
 * no rule offers a fix in it; and the built binary, with every rule on and
 * the folder's config, writes the same file. Regenerate a pair's `.fixed.md` with
 * UPDATE_FIXTURES=1, then read the diff.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseJsonc } from 'jsonc-parser';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { lintText } from '../src/engine/index.js';
import { parseNow } from '../src/now.js';
import { fixLoop } from '../src/engine/fix.js';
import type { LintMessage, Rule } from '../src/types.js';
import { runBin, tempDir } from './helpers/bin.js';
import { lintAll } from './helpers/lint.js';

/** As test/fixtures.test.ts: every fixture is linted with this date. */
const FIXTURE_NOW = '2025-12-01';
const dir = path.join(import.meta.dirname, '..', 'fixtures', 'fix');
const update = process.env['UPDATE_FIXTURES'] === '1';
const now = parseNow(FIXTURE_NOW)!;

/**
 * Rule options for the pairs come from `fixtures/fix/.irlintrc.json`, the
 * config the CLI finds for these files (timeline-date-format's fixes need
 * preferIso): the engine here and the built binary below fix with the same
 * options.
 */
const config = parseJsonc(readFileSync(path.join(dir, '.irlintrc.json'), 'utf8')) as { rules?: Record<string, unknown> };

function lintWith(rule: Rule): (text: string) => LintMessage[] {
  const setting = config.rules?.[rule.meta.id];
  const given: unknown = Array.isArray(setting) ? setting[1] : undefined;
  const options: unknown = rule.meta.options ? (rule.meta.options.safeParse(given) as { data?: unknown }).data : undefined;
  return (text) => lintText(text, { rules: [{ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options }], now }).messages;
}

const fixable = rules.filter((r) => r.meta.fixable === true);
const befores = readdirSync(dir).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'));

describe('fix fixtures', { timeout: 30_000 }, () => {
  it('every fixable rule has a before/after pair, and every pair belongs to a fixable rule', () => {
    expect(befores.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(fixable.map((r) => r.meta.id).sort());
    for (const f of befores) expect(existsSync(path.join(dir, f.replace(/\.md$/, '.fixed.md'))), `${f} has no .fixed.md`).toBe(true);
  });

  it('a rule without meta.fixable offers no fix in any fixture', () => {
    const dirs = [dir, path.join(import.meta.dirname, '..', 'fixtures', 'reports')];
    for (const d of dirs) {
      for (const f of readdirSync(d).filter((n) => n.endsWith('.md'))) {
        const messages = lintAll(readFileSync(path.join(d, f), 'utf8'), FIXTURE_NOW);
        // The engine turns such a fix into an internal error; none may appear.
        expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
      }
    }
  });

  for (const rule of fixable) {
    const id = rule.meta.id;
    describe(id, () => {
      const beforePath = path.join(dir, `${id}.md`);
      const afterPath = path.join(dir, `${id}.fixed.md`);
      const lint = lintWith(rule);

      it('fixes the before file into the after file', () => {
        const before = readFileSync(beforePath, 'utf8');
        const r = fixLoop(before, lint);
        if (update) writeFileSync(afterPath, r.output);
        expect(r.changed, `${id}.md has nothing for ${id} to fix`).toBe(true);
        expect(r.output).toBe(readFileSync(afterPath, 'utf8'));
        expect(r.messages.filter((m) => m.fix)).toEqual([]);
      });

      it('the after file is a fixpoint for every rule', () => {
        const after = readFileSync(afterPath, 'utf8');
        expect(fixLoop(after, lint).changed).toBe(false);
        expect(lintAll(after, FIXTURE_NOW).filter((m) => m.ruleId === id && m.fix)).toEqual([]);
      });

      it('the built binary, with every rule on, fixes the before file into the after file', () => {
        // Each before file is a whole report: no other rule has anything to fix in it.
        const work = tempDir('ir-lint-fix-pair-');
        copyFileSync(path.join(dir, '.irlintrc.json'), path.join(work, '.irlintrc.json'));
        copyFileSync(beforePath, path.join(work, `${id}.md`));
        const r = runBin(['--now', FIXTURE_NOW, '--fix', `${id}.md`], { cwd: work });
        expect(r.err).toBe('');
        expect([0, 1]).toContain(r.code);
        expect(readFileSync(path.join(work, `${id}.md`), 'utf8')).toBe(readFileSync(afterPath, 'utf8'));
      });
    });
  }
});
