import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factorsOf, lessonItems, rootCauseTexts } from '../src/parse/factors.js';
import { parseReport } from '../src/parse/index.js';

const fixture = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'reports', 'v3-full-clean.md'), 'utf8');

describe('contributing factors', () => {
  it('reads numbered factor blocks with their fields', () => {
    const r = parseReport(fixture);
    const fs = factorsOf(r, r.blocks[0]!);
    expect(fs.map((f) => [f.number, f.title, f.line, f.endLine])).toEqual([
      [1, 'The retry path reused a cached CAA result', 56, 62],
      [2, 'No test of the CAA age limit on alternative issuance paths', 64, 69],
    ]);
    expect(fs[0]?.fields.map((f) => f.spec.key)).toEqual(['factor-description', 'factor-timeline', 'factor-detection', 'factor-interaction', 'factor-methodology']);
    expect(fs[1]?.fields.map((f) => f.spec.key)).toEqual(['factor-description', 'factor-timeline', 'factor-detection', 'factor-interaction']);
  });

  it('accepts heading and unnumbered forms, not prose', () => {
    const r = parseReport('## Full Incident Report\n\n### Root Cause Analysis\n\n#### Contributing Factor 1 - Cache\n\nContributing factor analysis follows.\n\n**Contributing Factor #: title**\n');
    expect(factorsOf(r, r.blocks[0]!).map((f) => [f.number, f.title])).toEqual([[1, 'Cache'], [undefined, 'title']]);
  });
});

describe('root cause texts', () => {
  it('one unit per factor, v2 section, legacy question 6 and closure field', () => {
    expect(rootCauseTexts(parseReport(fixture)).map((u) => [u.from, u.name])).toEqual([
      ['factor', 'Contributing Factor #1'],
      ['factor', 'Contributing Factor #2'],
    ]);
    const v2 = parseReport('## Incident Report\n\n### Root Cause Analysis\n\nThe filter.\n\n## Report Closure Summary\n\n- **Incident Root Cause(s):** The filter.\n');
    expect(rootCauseTexts(v2).map((u) => [u.from, u.line])).toEqual([['section', 3], ['closure-field', 9]]);
  });
});

describe('lessons learned', () => {
  it('splits bullets and paragraphs, leaves N/A out', () => {
    const r = parseReport('## Incident Report\n\n### Lessons Learned\n\n#### What went well\n\n- Fast triage\n- Quick fix\n\n#### What didn\'t go well\n\nLate alert.\n\n#### Where we got lucky\n\nN/A\n');
    expect(lessonItems(r, r.blocks[0]!).map((l) => [l.key, l.text, l.line])).toEqual([
      ['went-well', 'Fast triage', 7],
      ['went-well', 'Quick fix', 8],
      ['went-badly', 'Late alert.', 12],
    ]);
  });
});

describe('contributing factors of a long Root Cause Analysis', () => {
  it('are found with the same lines and fields as a filter finds (8,000 factors; the time is measured by npm run bench:adversarial)', { timeout: 60_000 }, () => {
    const n = 8000;
    const body = Array.from({ length: n }, (_, i) => `**Contributing Factor #${i + 1}: Path ${i}**\n\n- **Description:** Path ${i} reused a cached result.\n- **Detection:** The scanner.\n`).join('\n');
    const r = parseReport(`## Full Incident Report\n\n### Root Cause Analysis\n\n${body}\n### Lessons Learned\n\nN/A\n`);
    const fs = factorsOf(r, r.blocks[0]!);
    const texts = rootCauseTexts(r);
    expect(fs).toHaveLength(n);
    expect(texts).toHaveLength(n);
    const rca = r.blocks[0]!.sections.find((s) => s.spec.key === 'root-cause-analysis')!;
    for (const i of [0, 1, n / 2, n - 1]) {
      const f = fs[i]!;
      expect(f.fields.map((x) => x.line)).toEqual(rca.fields.filter((x) => x.line > f.line && x.line <= f.endLine).map((x) => x.line));
      expect(texts[i]!.lines.map((l) => l.line)).toEqual(rca.bodyLines.filter((l) => l.line >= f.line && l.line <= f.endLine && l.kind === 'text').map((l) => l.line));
    }
  });
});
