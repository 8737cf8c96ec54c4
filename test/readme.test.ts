/**
 * What the README states that the code also states: the exit-code table
 * (generated from src/cli/exit-codes.ts, which --help also renders), and the
 * "Use it from code" example, which runs here against the built package
 * (dist/src/index.js, as `import { lint } from 'ir-lint'` loads it) and
 * must print what the built binary reports for the same file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodesHelp } from '../src/cli/exit-codes.js';
import { renderReadme } from '../src/docs.js';
import type { LintResult } from '../src/types.js';
import { CORPUS_DIR, HAS_CORPUS } from './helpers/corpus.js';

const ROOT = path.join(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'ir-lint.js');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const NOW = '2026-11-22';

describe('README: exit codes', () => {
  it('is current with src/cli/exit-codes.ts (run `npm run docs` to regenerate it)', () => {
    expect(renderReadme(README) === README, 'README.md differs from its generated blocks: run `npm run docs` and commit the result').toBe(true);
    for (const e of EXIT_CODES) expect(README).toContain(`| ${e.code} | ${e.meaning} |`);
  });

  it('--help of the built binary states the same codes', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`\n${exitCodesHelp()}\n`);
    expect(exitCodesHelp()).toBe('Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config, I/O or internal failure.');
  });

  it('renderReadme refuses a README without the markers', () => {
    expect(() => renderReadme('# x\n')).toThrow('README.md has no generated block "exit-codes"');
  });
});

/** The code block after the `<!-- example: lint-api ... -->` marker. */
function readmeExample(): string {
  const at = README.indexOf('<!-- example: lint-api');
  expect(at, 'README.md has no "example: lint-api" block').toBeGreaterThan(0);
  const m = /```js\n([\s\S]*?)\n```/.exec(README.slice(at));
  expect(m, 'the example marker is not followed by a js code block').not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

describe('README: "Use it from code"', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Runs the README example on a copy of `source` (as report.md) and the binary on the same copy. */
  function both(source: string): { example: { code: number | null; lines: string[]; stderr: string }; binary: { code: number | null; lines: string[] } } {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'ir-lint-readme-')));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'ir-lint'), 'dir');
    writeFileSync(path.join(dir, 'lint-one.mjs'), readmeExample());
    copyFileSync(source, path.join(dir, 'report.md'));
    const ex = spawnSync(process.execPath, ['lint-one.mjs', 'report.md'], { cwd: dir, encoding: 'utf8' });
    const bin = spawnSync(process.execPath, [BIN, '--now', NOW, '-f', 'json', 'report.md'], { cwd: dir, encoding: 'utf8' });
    const [result] = JSON.parse(bin.stdout) as LintResult[];
    const lines = (result as LintResult).messages.map((m) => `report.md:${m.line}:${m.column}: ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId ?? '-'} ${m.message}`);
    return { example: { code: ex.status, lines: ex.stdout.split('\n').filter(Boolean), stderr: ex.stderr }, binary: { code: bin.status, lines } };
  }

  it('runs against the built package and prints what the binary reports, with its exit code', () => {
    const r = both(path.join(ROOT, 'fixtures', 'reports', 'v3-full-timeline-broken.md'));
    expect(r.example.stderr).toBe('');
    expect(r.binary.lines.length).toBeGreaterThan(0);
    expect(r.example.lines).toEqual(r.binary.lines);
    expect(r.example.code).toBe(1);
    expect(r.binary.code).toBe(1);
  });

  it.skipIf(!HAS_CORPUS)('on seed 003 with now 2026-11-22: the same messages as ir-lint --now 2026-11-22 -f json', () => {
    const r = both(path.join(CORPUS_DIR, 'seeds', '003_8e8d1912c393636b.txt'));
    expect(r.example.stderr).toBe('');
    expect(r.binary.lines.length).toBeGreaterThan(0);
    expect(r.example.lines).toEqual(r.binary.lines);
  });
});
