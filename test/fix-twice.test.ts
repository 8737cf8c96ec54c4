/**
 * `--fix` reaches a fixpoint: a second run changes nothing, on every fixture
 * and every corpus report, through the engine and through the built binary.
 * An HTML comment left open is the case that once failed: the missing section
 * headings were appended inside it, stayed unseen, and came back on every run.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixLoop } from '../src/engine/fix.js';
import { corpusFiles, HAS_CORPUS } from './helpers/corpus.js';
import { ROOT, runBin, tempDir } from './helpers/bin.js';
import { lintAll } from './helpers/lint.js';

const NOW = '2025-12-01';
const fixtureFiles = ['fixtures/reports', 'fixtures/fix'].flatMap((d) =>
  readdirSync(path.join(ROOT, d))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `${d}/${f}`, text: readFileSync(path.join(ROOT, d, f), 'utf8') })),
);
const corpus = corpusFiles().map((f) => ({ name: f.name, text: f.text }));

const OPEN_COMMENT = '## Full Incident Report\n\n### Summary\n\nText.\n\n<!-- a note to self\n\n### Impact\n\nText.\n';

function fixOnce(text: string): string {
  return fixLoop(text, (t) => lintAll(t, NOW)).output;
}

describe('--fix twice changes nothing the second time', { timeout: 120_000 }, () => {
  it('an open HTML comment: nothing is inserted into it, so nothing changes', () => {
    expect(fixOnce(OPEN_COMMENT)).toBe(OPEN_COMMENT);
    expect(lintAll(OPEN_COMMENT, NOW).some((m) => m.ruleId === 'html-block-unclosed' && m.line === 7)).toBe(true);
  });

  for (const f of fixtureFiles) {
    it(f.name, () => {
      const once = fixOnce(f.text);
      expect(fixOnce(once)).toBe(once);
    });
  }

  describe.skipIf(!HAS_CORPUS)('corpus', () => {
    for (const f of corpus) {
      it(f.name, () => {
        const once = fixOnce(f.text);
        expect(fixOnce(once)).toBe(once);
      });
    }
  });

  it('through the built binary: every fixture and corpus file, fixed twice in a temporary directory', () => {
    const dir = tempDir('ir-lint-fix-twice-');
    const all = [...fixtureFiles, ...corpus, { name: 'open-comment.md', text: OPEN_COMMENT }];
    const names = all.map((f, i) => {
      const name = `${String(i).padStart(3, '0')}-${path.basename(f.name).replace(/\.(md|markdown|txt)$/, '')}.md`;
      writeFileSync(path.join(dir, name), f.text);
      return name;
    });
    const first = runBin(['--fix', '--now', NOW, '-f', 'compact', '.'], { cwd: dir, env: { IR_LINT_WORKERS: '0' } });
    expect(first.err).toBe('');
    expect([0, 1]).toContain(first.code);
    const afterFirst = names.map((n) => readFileSync(path.join(dir, n), 'utf8'));
    // The fixes were applied (some file changed) ...
    expect(afterFirst.some((t, i) => t !== all[i]?.text)).toBe(true);
    // ... and the open comment got no headings.
    expect(afterFirst[afterFirst.length - 1]).toBe(OPEN_COMMENT);
    const second = runBin(['--fix', '--now', NOW, '-f', 'compact', '.'], { cwd: dir });
    expect(second.err).toBe('');
    const afterSecond = names.map((n) => readFileSync(path.join(dir, n), 'utf8'));
    for (let i = 0; i < names.length; i++) expect(afterSecond[i], names[i]).toBe(afterFirst[i]);
    // Fixing is what the report then shows: the second run's findings are the first run's.
    expect(second.out).toBe(first.out);
  });
});
