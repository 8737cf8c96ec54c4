/**
 * Precision on the real reports of ../shared/corpus: every finding is judged
 * by hand in test/corpus-judged.json (agree, disagree, or cut-off when only
 * the copy ending causes it). The test fails when a finding judged false comes
 * back, when a new finding has no verdict yet (judge it and add it), when a
 * judged finding is no longer given (update the list), and when precision
 * (agreed / all findings not caused only by a cut-off copy) falls below 95%.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, corpusNow, HAS_CORPUS } from './helpers/corpus.js';
import { lintAll } from './helpers/lint.js';

interface Judged {
  file: string;
  line: number;
  rule: string;
  verdict: 'agree' | 'disagree' | 'cut-off';
  reason: string;
  /** A false finding of an earlier version: it must not come back. */
  fixed?: boolean;
  /** A false finding still given, left alone for the stated reason. */
  open?: boolean;
}

const judged = (JSON.parse(readFileSync(path.join(import.meta.dirname, 'corpus-judged.json'), 'utf8')) as { entries: Judged[] }).entries;
const key = (file: string, line: number, rule: string): string => `${file}:${line}:${rule}`;

describe.skipIf(!HAS_CORPUS)('judged findings on the corpus', () => {
  const found: Array<{ key: string; message: string }> = [];
  for (const f of corpusFiles()) {
    for (const m of lintAll(f.text, corpusNow(f))) found.push({ key: key(f.name, m.line, m.ruleId ?? ''), message: m.message });
  }
  const byKey = new Map(judged.map((j) => [key(j.file, j.line, j.rule), j]));

  it('every judgement has a verdict and a reason', () => {
    for (const j of judged) {
      expect(['agree', 'disagree', 'cut-off']).toContain(j.verdict);
      expect(j.reason.length).toBeGreaterThan(10);
      if (j.fixed || j.open) expect(j.verdict === 'disagree' || j.verdict === 'cut-off').toBe(true);
    }
  });

  it('no finding judged false comes back', () => {
    const back = found.filter((x) => {
      const j = byKey.get(x.key);
      return j !== undefined && j.verdict === 'disagree' && j.open !== true;
    });
    expect(back.map((x) => `${x.key} ${x.message}`)).toEqual([]);
  });

  it('every finding is judged (new ones: judge them and add them to test/corpus-judged.json)', () => {
    const unjudged = found.filter((x) => !byKey.has(x.key));
    expect(unjudged.map((x) => `${x.key} ${x.message}`)).toEqual([]);
  });

  it('the list is current: every judged finding not marked fixed is still given', () => {
    const given = new Set(found.map((x) => x.key));
    const stale = judged.filter((j) => !j.fixed && !given.has(key(j.file, j.line, j.rule)));
    expect(stale.map((j) => key(j.file, j.line, j.rule))).toEqual([]);
  });

  it('precision is at least 95% (agreed / all findings not caused only by a cut-off copy)', () => {
    const verdicts = found.map((x) => byKey.get(x.key)?.verdict);
    const counted = verdicts.filter((v) => v !== 'cut-off');
    const agreed = counted.filter((v) => v === 'agree').length;
    expect(counted.length).toBeGreaterThan(0);
    expect(agreed / counted.length).toBeGreaterThanOrEqual(0.95);
  });
});
