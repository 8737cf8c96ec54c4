/**
 * --fix-dry-run writes nothing, so the findings it reports (those left after
 * the fixes it shows) point at lines of the file on disk, not of the fixed
 * text that exists only in the diff. Through the built binary.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineMapping } from '../src/cli/fix.js';
import { runBin, tempDir } from './helpers/bin.js';

// Line 5 has a fixable "none", line 7 is where the missing Impact heading is inserted; the missing sections after
// Timeline are appended after line 9, at the end of the file (line 10, after the last line break).
const REPORT = '## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** none\n\n### Timeline\n\n- 2024-4-5 10:00 UTC x\n';

describe('lineMapping', () => {
  it('maps unchanged lines to themselves, changed lines to the line they replace, inserted lines to where they go', () => {
    const map = lineMapping('a\nb\nc\n', 'a\nX\nnew\nb\nc\nend\n');
    expect(map.slice(1, 7)).toEqual([
      { line: 1, exact: true },
      { line: 2, exact: false },
      { line: 2, exact: false },
      { line: 2, exact: true },
      { line: 3, exact: true },
      { line: 4, exact: false },
    ]);
  });
});

describe('--fix-dry-run through the built binary', () => {
  const dir = tempDir('ir-lint-dry-');
  writeFileSync(path.join(dir, 'r.md'), REPORT);
  const lines = REPORT.split('\n').length;

  it('reports every finding at a line of the file on disk, and writes nothing', () => {
    const r = runBin(['--fix-dry-run', '--now', '2025-12-01', '-f', 'json', 'r.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, 'r.md'), 'utf8')).toBe(REPORT);
    const [result] = JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string; message: string; line: number; column: number; endLine: number; fix?: unknown }>; source: string; output: string }>;
    expect(result!.output).toContain('### Impact');
    const ms = result!.messages;
    expect(ms.length).toBeGreaterThan(10);
    for (const m of ms) {
      expect(m.line, `${m.ruleId} ${m.message}`).toBeLessThanOrEqual(lines);
      expect(m.endLine).toBeLessThanOrEqual(lines);
      expect(m.fix).toBeUndefined();
    }
    // Unchanged lines keep their positions: the Summary's missing fields, as a plain run reports them.
    const plain = JSON.parse(runBin(['--now', '2025-12-01', '-f', 'json', 'r.md'], { cwd: dir }).out) as Array<{ messages: Array<{ message: string; line: number; column: number }> }>;
    const missing = plain[0]!.messages.find((m) => m.message.startsWith('Missing field "Incident description"'))!;
    expect(ms.find((m) => m.message === missing.message)).toMatchObject({ line: missing.line, column: missing.column });
    // A finding in the inserted Impact section is placed where the diff inserts it: before the Timeline heading (line 7).
    expect(ms.find((m) => m.message.startsWith('Section "Impact" is empty'))).toMatchObject({ line: 7 });
    // The appended sections go after the last line: the end of the file.
    expect(ms.find((m) => m.message.startsWith('Section "Appendix" is empty'))).toMatchObject({ line: 10, column: 1 });
  });

  it('compact: the same lines; the diff before the report', () => {
    const r = runBin(['--fix-dry-run', '--now', '2025-12-01', '-f', 'compact', 'r.md'], { cwd: dir });
    expect(r.out.startsWith('--- a/r.md\n+++ b/r.md\n')).toBe(true);
    const found = r.out.split('\n').filter((l) => l.startsWith('r.md:'));
    expect(found.length).toBeGreaterThan(10);
    for (const l of found) expect(Number(/^r\.md:(\d+):/.exec(l)![1])).toBeLessThanOrEqual(lines);
  });
});
