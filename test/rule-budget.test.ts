/**
 * --rule-timeout on the main thread: a plugin rule that loops forever is
 * stopped with stdin, --fix, --fix-dry-run and IR_LINT_WORKERS=0 too (only
 * worker threads had a watchdog), and one file with a plugin is linted
 * without starting worker threads.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { nodeIo } from '../src/cli/node-io.js';
import { ruleBudget } from '../src/cli/budget.js';
import { RuleStoppedError } from '../src/engine/index.js';
import type { Io } from '../src/io.js';
import { ROOT, runBin, tempDir } from './helpers/bin.js';

const STOPPED = /^b\.md:1:1: error acme-loops-forever Rule "acme-loops-forever" did not finish within 300 ms on this file and was stopped/m;
const report = (extra: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x${extra}\n- **Relevant policies:** BR 4.9.1.1\n- **Source of incident disclosure:** Self Reported 2024-4-5\n`;

function project(): string {
  const dir = tempDir('ir-lint-budget-');
  copyFileSync(path.join(ROOT, 'fixtures', 'plugins', 'loops-forever.js'), path.join(dir, 'loops-forever.js'));
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(path.join(dir, '.irlintrc.json'), JSON.stringify({ plugins: ['./loops-forever.js'] }));
  // Missing fields: field-required errors.
  writeFileSync(path.join(dir, 'a.md'), '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x\n');
  writeFileSync(path.join(dir, 'b.md'), report(' LOOP-FOREVER'));
  return dir;
}

describe('ruleBudget', () => {
  it('stops a function that never returns, and lets others run', () => {
    const budget = ruleBudget(100, (id) => id.startsWith('acme-'));
    const t = performance.now();
    expect(() =>
      budget.runRule('acme-spin', () => {
        for (;;) {
          // spin
        }
      }),
    ).toThrow(RuleStoppedError);
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(budget.skipRules.has('acme-spin')).toBe(true);
    expect(budget.runRule('acme-ok', () => 42)).toBe(42);
    expect(() => budget.runRule('acme-throws', () => { throw new TypeError('boom'); })).toThrow(TypeError);
    // Built-in rules are called directly.
    expect(budget.runRule('section-required', () => 'direct')).toBe('direct');
  });
});

describe('a plugin rule that loops forever, through the built binary', { timeout: 60_000 }, () => {
  const base = ['--now', '2025-12-01', '--rule-timeout', '300', '-f', 'compact'];

  it('with IR_LINT_WORKERS=0: stopped, reported, the other rules and files still linted', () => {
    const dir = project();
    const r = runBin([...base, 'a.md', 'b.md'], { cwd: dir, env: { IR_LINT_WORKERS: '0' }, timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.out).toMatch(STOPPED);
    expect(r.out).toMatch(/^a\.md:\d+:\d+: error field-required /m);
    expect(r.out).toMatch(/^b\.md:\d+:\d+: (error|warning) (?!acme-)[a-z-]+ /m);
  });

  it('one file, default scheduling: stopped on the main thread', () => {
    const dir = project();
    const r = runBin([...base, 'b.md'], { cwd: dir, timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.out).toMatch(STOPPED);
  });

  it('stdin', () => {
    const dir = project();
    const r = runBin([...base, '--stdin-filename', 'b.md', '-'], { cwd: dir, input: report(' LOOP-FOREVER'), timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.out).toMatch(STOPPED);
  });

  it('--fix-dry-run and --fix: stopped, and the file is not written', () => {
    const dir = project();
    for (const flag of ['--fix-dry-run', '--fix']) {
      const r = runBin([...base, flag, 'b.md'], { cwd: dir, timeoutMs: 20_000 });
      expect(r.signal, flag).toBeNull();
      expect(r.code, flag).toBe(2);
      expect(r.out, flag).toMatch(STOPPED);
      expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe(report(' LOOP-FOREVER'));
    }
  });

  it('--rule-timeout 0 turns the budget off (a rule that finishes is unaffected)', () => {
    const dir = project();
    const r = runBin(['--now', '2025-12-01', '--rule-timeout', '0', '-f', 'compact', 'a.md'], { cwd: dir, timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/acme-loops-forever/);
  });
});

describe('one file with a plugin', () => {
  it('is linted on the main thread, without worker threads', async () => {
    const dir = project();
    let workersStarted = 0;
    let out = '';
    const io: Io = {
      ...nodeIo(),
      argv: ['--now', '2025-12-01', '-f', 'compact', 'a.md'],
      cwd: dir,
      env: {},
      isTTY: false,
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
    };
    const parallel = {
      threads: 4,
      lint: async () => {
        workersStarted++;
        return [];
      },
    };
    expect(await main(io, { parallel })).toBe(1);
    expect(workersStarted).toBe(0);
    expect(out).toMatch(/^a\.md:\d+:\d+: /m);
  });
});
