/** The rules across sections through the built binary (npm test builds dist/ first). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_RULES } from './helpers/cross-rules.js';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'ir-lint.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** "line rule-id" for the findings of the rules across sections in compact output. */
function crossFindings(compact: string): string[] {
  return compact
    .split('\n')
    .map((l) => /^[^:]+:(\d+):\d+: (?:error|warning) (\S+) /.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && CROSS_RULES.includes(m[2] as string))
    .map((m) => `${m[1]} ${m[2]}`);
}

describe('rules across sections, through the binary', () => {
  it('reports the broken fixture as the source does, with exit 1', () => {
    const r = run(['--now', '2025-12-01', '-f', 'compact', 'fixtures/reports/v3-full-cross-broken.md']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const expected = crossFindings(readFileSync(path.join(root, 'fixtures/reports/v3-full-cross-broken.expected.txt'), 'utf8'));
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(crossFindings(r.out)).toEqual(expected);
    expect(crossFindings(r.out)).toEqual(
      expect.arrayContaining(['14 timestamp-timezone', '16 summary-timeline-match', '26 impact-certificate-types', '27 impact-heuristic-specific', '47 related-incidents-scope', '49 related-incidents-links', '63 lessons-action-items', '69 action-items-recurrence', '72 action-item-evidence-date']),
    );
  });

  it('a Preliminary report without impact is an error (exit 1); turned off it is not', () => {
    const on = run(['--now', '2025-12-01', '-f', 'compact', 'fixtures/reports/v3-preliminary-no-impact.md']);
    expect(on.code).toBe(1);
    expect(crossFindings(on.out)).toEqual(['1 impact-preliminary']);
    const off = run(['--now', '2025-12-01', '-f', 'compact', '--rule', 'impact-preliminary:off', 'fixtures/reports/v3-preliminary-no-impact.md']);
    expect(off.code).toBe(0);
    expect(crossFindings(off.out)).toEqual([]);
  });

  it('finds nothing across sections in the clean reports', () => {
    const r = run(['--now', '2025-12-01', '-f', 'compact', 'fixtures/clean-cross']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/fixtures\/clean-cross\//); // other rules' warnings: the files were read
    expect(crossFindings(r.out)).toEqual([]);
  });

  it('explains a rule with the IRG sentence it enforces', () => {
    const r = run(['--explain', 'lessons-action-items']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/MUST have at least one corresponding Action Item/);
  });
});
