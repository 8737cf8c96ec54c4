/**
 * Real reports from public Bugzilla bugs: every file lints without a crash,
 * and the detected templates are right.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/parse/index.js';
import { corpusFiles, HAS_CORPUS, seed } from './helpers/corpus.js';
import { lintAll } from './helpers/lint.js';

const files = corpusFiles();

describe.skipIf(!HAS_CORPUS)('corpus', () => {
  for (const f of files) {
    it(`${f.name} lints without a crash`, () => {
      for (const now of ['2024-03-25', '2026-11-22']) {
        const messages = lintAll(f.text, now);
        expect(messages.filter((m) => m.fatal || m.messageId === 'internalError')).toEqual([]);
        const lines = f.text.split(/\r\n|\r|\n/).length;
        for (const m of messages) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines);
        }
      }
    });
    if (f.format) {
      it(`${f.name} is detected as ${f.format.split(' ')[0]}`, () => {
        const templates = parseReport(f.text).blocks.map((b) => b.template);
        const fmt = f.format as string;
        if (fmt.startsWith('ccadb-v3')) expect(templates.some((t) => t.startsWith('ccadb-v3'))).toBe(true);
        else if (fmt.startsWith('ccadb-v2')) expect(templates).toContain('ccadb-v2');
        else if (fmt.startsWith('mozilla-legacy')) expect(templates).toContain('mozilla-legacy');
        else expect(templates.filter((t) => t.startsWith('ccadb-v3') || t === 'ccadb-v2')).toEqual([]);
      });
    }
  }

  it('posting rules: nothing on the text copied from Bugzilla, only the corpus files\' own annotation comments', () => {
    // Text copied from a rendered Bugzilla page has no HTML left, no images and fits in a comment.
    // What bugzilla-raw-html finds is the HTML comment each real file opens with (source, bug, notes) and
    // its "comment N by ..." and "the copy ends here" markers: they would show as text if posted.
    const hits: string[] = [];
    for (const f of files) {
      const lines = f.text.split(/\r\n|\r|\n/);
      for (const m of lintAll(f.text, '2026-11-22')) {
        if (!m.ruleId?.startsWith('bugzilla-')) continue;
        expect(`${m.ruleId} ${m.messageId}`).toBe('bugzilla-raw-html comment');
        expect(lines[m.line - 1]!.slice(m.column - 1)).toMatch(/^<!--/);
        hits.push(`${f.name}:${m.line}`);
      }
    }
    expect(hits.filter((h) => h.startsWith('seeds/'))).toEqual([]);
    // Every real file's opening annotation comment is found.
    for (const f of files.filter((x) => x.name.startsWith('real/') && x.text.startsWith('<!--'))) expect(hits).toContain(`${f.name}:1`);
  });

  it('reads the seeds as the templates they are', () => {
    const t = (p: string) => parseReport(seed(p)).blocks.map((b) => b.template);
    expect(t('000_')).toEqual(['mozilla-legacy']);
    expect(t('004_')).toEqual(['mozilla-legacy']);
    expect(t('001_')).toEqual(['ccadb-v2', 'ccadb-v3-closure']);
    // 002 also quotes the closure template a reviewer pasted into the thread.
    expect(t('002_')[0]).toBe('ccadb-v2');
    expect(t('002_').slice(1).every((x) => x === 'ccadb-v3-closure')).toBe(true);
    expect(t('003_')).toEqual(['ccadb-v2']);
  });

  it('seed 003: a v2 report with no missing section in 2024, a superseded template in 2026', () => {
    const early = lintAll(seed('003_'), '2024-03-25');
    expect(early.filter((m) => m.ruleId === 'section-required')).toEqual([]);
    expect(early.filter((m) => m.ruleId === 'template-current')).toEqual([]);
    const late = lintAll(seed('003_'), '2026-11-22');
    expect(late.filter((m) => m.ruleId === 'template-current').map((m) => m.line)).toEqual([23]);
  });

  it('seed 003 without its Root Cause Analysis reports section-required where it belongs', () => {
    const text = seed('003_');
    const lines = text.split('\n');
    const start = lines.indexOf('Root Cause Analysis');
    const end = lines.indexOf('Lessons Learned');
    expect(start).toBeGreaterThan(0);
    const cut = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    const found = lintAll(cut, '2024-03-25').filter((m) => m.ruleId === 'section-required');
    expect(found.map((m) => ({ line: m.line, messageId: m.messageId }))).toEqual([{ line: start + 1, messageId: 'missingBefore' }]);
    expect(found[0]?.message).toContain('Root Cause Analysis');
  });
});
