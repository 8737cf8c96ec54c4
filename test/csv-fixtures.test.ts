/**
 * Appendix attachments in fixtures/csv/ (CSVs, a crt.sh list, a report with
 * the CSV it names) against their expected output (`<name>.expected.txt`,
 * one compact line per finding), through main() with the files in memory
 * and through the built binary on the real files: the two must agree.
 * Regenerate with UPDATE_FIXTURES=1, then read the diff.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/memory-io.js';

const root = path.join(import.meta.dirname, '..');
const dir = path.join(root, 'fixtures', 'csv');
const bin = path.join(root, 'bin', 'ir-lint.js');
const NOW = '2025-12-01';
const update = process.env['UPDATE_FIXTURES'] === '1';
const inputs = readdirSync(dir).filter((f) => !f.endsWith('.expected.txt')).sort();
const files = Object.fromEntries(inputs.map((f) => [`fixtures/csv/${f}`, readFileSync(path.join(dir, f), 'utf8')]));
const expectedPath = (name: string): string => path.join(dir, `${name.replace(/\.[a-z]+$/, '')}.expected.txt`);

describe('attachment fixtures', () => {
  for (const name of inputs) {
    it(name, async () => {
      const file = `fixtures/csv/${name}`;
      const r = await runCli({ argv: ['--now', NOW, '-f', 'compact', file], files, cwd: root });
      if (update) writeFileSync(expectedPath(name), r.out);
      expect(existsSync(expectedPath(name)), `${expectedPath(name)} is missing; run UPDATE_FIXTURES=1`).toBe(true);
      const expected = readFileSync(expectedPath(name), 'utf8');
      expect(r.out).toBe(expected);
      expect(r.code).toBe(expected === '' ? 0 : 1);
      // The built binary on the real file says the same.
      const b = spawnSync(process.execPath, [bin, '--now', NOW, '-f', 'compact', file], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(b.stdout).toBe(expected);
      expect(b.status).toBe(r.code);
      expect(b.stderr).toBe('');
    });
  }

  it('covers the cases the attachment rules exist for', () => {
    const all = inputs.map((n) => (existsSync(expectedPath(n)) ? readFileSync(expectedPath(n), 'utf8') : '')).join('');
    expect(readFileSync(expectedPath('dossier-clean.csv'), 'utf8')).toBe('');
    expect(readFileSync(expectedPath('paired-report-certs.csv'), 'utf8')).toBe('');
    for (const [id, line] of [
      ['appendix-csv-values', /broken-values\.csv:2:\d+: error appendix-csv-values Row 2: the Issuer/],
      ['appendix-csv-values', /broken-values\.csv:3:66: error appendix-csv-values .*\(63 hex digits\)/],
      ['appendix-csv-consistency', /broken-values\.csv:4:\d+: error appendix-csv-consistency Row 4 says the certificate is revoked \(Yes\) but gives no revocation date/],
      ['appendix-csv-columns', /custom-column-before-reason\.csv:1:136: error appendix-csv-columns Custom column "Ticket"/],
      ['appendix-csv-count', /paired-report\.md:26:55: error appendix-csv-count Impact gives 4 "remaining valid" certificates, but paired-report-certs\.csv lists only 2/],
      ['appendix-crtsh-list', /crtsh-short\.txt:1:1: error appendix-crtsh-list The list has 8 links/],
    ] as const) {
      expect(all, id).toMatch(line);
    }
  });

  it('a directory includes the IRG CSVs and reports, not other CSVs or .txt files', async () => {
    const r = await runCli({ argv: ['--now', NOW, '-f', 'compact', 'fixtures/csv'], files, cwd: root });
    const linted = [...new Set(r.out.split('\n').filter(Boolean).map((l) => l.split(':')[0]))];
    expect(linted).toEqual(['fixtures/csv/broken-values.csv', 'fixtures/csv/custom-column-before-reason.csv', 'fixtures/csv/paired-report.md']);
    expect(r.code).toBe(1);
  });

  it('worker threads read the CSV beside a report as the main thread does', () => {
    const run = (workers: string) => spawnSync(process.execPath, [bin, '--now', NOW, '-f', 'compact', 'fixtures/csv'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', IR_LINT_WORKERS: workers } });
    const one = run('0');
    const two = run('2');
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
    expect(two.stdout).toMatch(/paired-report\.md:26:55: error appendix-csv-count/);
  });
});
