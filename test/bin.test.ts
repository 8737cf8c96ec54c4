/** A few runs of the real built binary (npm test builds dist/ first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'ir-lint.js');

function run(args: string[], input?: string, cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ir-lint binary', () => {
  it('lints the README sample with exit 1 and stylish output', () => {
    const r = run(['--now', '2025-12-01', 'fixtures/reports/v3-full-structure-broken.md']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/fixtures\/reports\/v3-full-structure-broken\.md\n/);
    expect(r.out).toMatch(/section-required/);
    expect(r.err).toBe('');
  });

  it('exits 0 on a clean report', () => {
    expect(run(['--now', '2025-12-01', 'fixtures/reports/v3-full-clean.md'])).toEqual({ code: 0, out: '', err: '' });
  });

  it('reads stdin', () => {
    const r = run(['--now', '2025-12-01', '-f', 'compact', '--stdin-filename', 'draft.md', '-'], '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x\n');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^draft\.md:5:1: error field-required|^draft\.md:3:5: error field-required/m);
  });

  it('reports a directory given where a file is expected, and missing files, without a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-bin-'));
    mkdirSync(path.join(dir, 'folder.md'));
    writeFileSync(path.join(dir, 'folder.md', 'inner.md'), '## Full Incident Report\n');
    const r = run(['-f', 'compact', 'missing.md', 'folder.md'], undefined, dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^missing\.md:1:1: error ir-lint Cannot read file: no such file or directory\./m);
    expect(r.out).toMatch(/^folder\.md\/inner\.md:/m);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('prints usage and exits 2 without paths', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Usage: ir-lint/);
  });

  it('prints its version', () => {
    const pkg = JSON.parse(spawnSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root, encoding: 'utf8' }).stdout) as { version: string };
    expect(run(['--version']).out.trim()).toBe(pkg.version);
  });
});
