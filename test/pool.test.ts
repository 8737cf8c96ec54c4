/**
 * Linting in worker threads, through the built binary: the output is the
 * same as a single-threaded run, and a plugin rule stuck in a loop is stopped
 * by the per-rule time budget while the other files are still linted.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'ir-lint.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('worker threads', { timeout: 120_000 }, () => {
  it('give the same output, in the same order, as one thread', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-pool-'));
    const reports = readdirSync(path.join(root, 'fixtures', 'reports')).filter((f) => f.endsWith('.md'));
    let n = 0;
    for (let copy = 0; n < 60; copy++) {
      for (const f of reports) copyFileSync(path.join(root, 'fixtures', 'reports', f), path.join(dir, `${String(n++).padStart(3, '0')}-${copy}-${f}`));
    }
    for (const format of ['compact', 'json']) {
      const single = run(['--now', '2025-12-01', '-f', format, '.'], dir, { IR_LINT_WORKERS: '0' });
      const multi = run(['--now', '2025-12-01', '-f', format, '.'], dir, { IR_LINT_WORKERS: '2' });
      expect(multi.code).toBe(single.code);
      expect(multi.out).toBe(single.out);
      expect(single.out.length).toBeGreaterThan(1000);
    }
  });

  it('lint bug thread exports as one thread does: findings by comment, deadlines, caAccounts, -f due', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-pool-threads-'));
    const threads = path.join(root, 'fixtures', 'threads');
    const exports = readdirSync(threads).filter((f) => f.endsWith('.bug.json'));
    let n = 0;
    for (let copy = 0; n < 80; copy++) {
      for (const f of exports) copyFileSync(path.join(threads, f), path.join(dir, `${String(n++).padStart(3, '0')}-${copy}-${f}`));
    }
    copyFileSync(path.join(root, 'fixtures', 'plugins', 'thread-next-update.js'), path.join(dir, 'house.mjs'));
    writeFileSync(path.join(dir, '.irlintrc.json'), JSON.stringify({ plugins: ['./house.mjs'], caAccounts: ['songxinlei@cfca.example'] }));
    for (const format of ['compact', 'json', 'due', 'html']) {
      const single = run(['--now', '2025-12-01', '-f', format, '.'], dir, { IR_LINT_WORKERS: '0' });
      const multi = run(['--now', '2025-12-01', '-f', format, '.'], dir, { IR_LINT_WORKERS: '2' });
      expect(multi.code).toBe(2); // the malformed export
      expect(multi.code).toBe(single.code);
      expect(multi.out).toBe(single.out);
      expect(single.out).toMatch(format === 'json' ? /"comment":\d+/ : format === 'due' ? /^ {2}1999003 +4 days left +2025-12-05 +https:\/\/bugzilla\.mozilla\.org\/show_bug\.cgi\?id=1999003 +update \(whiteboard Next update\)/m : format === 'html' ? /<tr data-bug="1999003">[^]*<strong>Question<\/strong>: answered by comment/ : /#c\d+:\d+:\d+: /);
    }
  });

  it('stop a plugin rule that loops forever, report it, and lint the other files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-hang-'));
    copyFileSync(path.join(root, 'fixtures', 'plugins', 'loops-forever.js'), path.join(dir, 'loops-forever.js'));
    writeFileSync(path.join(dir, '.irlintrc.json'), JSON.stringify({ plugins: ['./loops-forever.js'] }));
    const report = (extra: string) => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x${extra}\n`;
    writeFileSync(path.join(dir, 'a.md'), report(''));
    writeFileSync(path.join(dir, 'b.md'), report(' LOOP-FOREVER'));
    writeFileSync(path.join(dir, 'c.md'), report(''));
    const r = run(['--now', '2025-12-01', '--rule-timeout', '300', '-f', 'compact', 'a.md', 'b.md', 'c.md'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^b\.md:1:1: error acme-loops-forever Rule "acme-loops-forever" did not finish within 300 ms on this file and was stopped/m);
    // The stopped file is linted again without the rule, and the others as usual.
    for (const f of ['a.md', 'b.md', 'c.md']) expect(r.out).toMatch(new RegExp(`^${f.replace('.', '\\.')}:\\d+:\\d+: error field-required`, 'm'));
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
