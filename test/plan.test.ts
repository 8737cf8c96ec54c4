/**
 * The run is a value: main builds one plan (options, one `now`, the files,
 * how configs resolve), and a worker thread lints from that plan alone,
 * after it has crossed a thread boundary (structured cloning). The worker
 * pool is a strategy handed to main, not part of the Io.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { main, type Parallel } from '../src/cli/main.js';
import { planData, planFromData, planRun } from '../src/cli/plan.js';
import type { PoolJob } from '../src/cli/pool.js';
import { lintOne, openRun } from '../src/cli/run.js';
import type { LintResult } from '../src/types.js';
import { memoryIo } from './helpers/memory-io.js';

const ROOT = path.join(import.meta.dirname, '..');
const broken = readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-full-timeline-broken.md'), 'utf8');
const clean = readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-full-clean.md'), 'utf8');

function optionsOf(argv: string[]) {
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'run') throw new Error('not a run');
  return parsed.options;
}

function countingIo(argv: string[], files: Record<string, string>) {
  const io = memoryIo({ argv, files, now: '2025-10-21T08:30:00Z' });
  let reads = 0;
  const clock = io.now;
  io.now = () => {
    reads++;
    return clock();
  };
  return { io, reads: () => reads };
}

describe('planRun', () => {
  it('reads the clock once when --now is not given, and not at all when it is', async () => {
    const a = countingIo(['a.md'], { 'a.md': clean });
    const plan = await planRun(a.io, optionsOf(a.io.argv));
    expect(a.reads()).toBe(1);
    expect(plan.now.at.toISO()).toBe('2025-10-21T08:30:00.000Z');
    expect(plan.now.isDay).toBe(false);

    const b = countingIo(['--now', '2025-11-22', 'a.md'], { 'a.md': clean });
    const pinned = await planRun(b.io, optionsOf(b.io.argv));
    expect(b.reads()).toBe(0);
    expect(pinned.now.at.toISO()).toBe('2025-11-22T00:00:00.000Z');
    expect(pinned.now.isDay).toBe(true);
  });

  it('holds the files, the config source, the limits and the forced template', async () => {
    const { io } = countingIo([], { 'r/a.md': clean, 'r/b.md': broken });
    const plan = await planRun(io, optionsOf(['--no-config', '--rule', 'field-required:warn', '--template', 'ccadb-v3-full', '--max-file-size', '1MB', '--now', '2025-11-22T10:00:00+08:00', 'r']));
    expect(plan.targets.map((t) => t.path)).toEqual(['r/a.md', 'r/b.md']);
    expect(plan.configs).toEqual({ config: false, ruleFlags: ['field-required:warn'] });
    expect(plan.template).toBe('ccadb-v3-full');
    expect(plan.maxFileSize).toBe(1024 * 1024);
    expect(plan.now.at.toISO()).toBe('2025-11-22T10:00:00.000+08:00');
  });

  it('refuses a bad --now, format or size before any file is looked at', async () => {
    const { io } = countingIo([], {});
    await expect(planRun(io, optionsOf(['--now', 'yesterday', 'missing.md']))).rejects.toThrow('--now expects a date (YYYY-MM-DD) or an ISO time, got "yesterday"');
    await expect(planRun(io, optionsOf(['-f', 'xml', 'missing.md']))).rejects.toThrow('unknown format "xml"');
    await expect(planRun(io, optionsOf(['--max-attachment-size', 'lots', 'missing.md']))).rejects.toThrow('--max-attachment-size expects a size');
  });
});

describe('planData', () => {
  it('survives structured cloning with its now (offset and whole-day flag) and options intact', async () => {
    const { io } = countingIo([], { 'a.md': clean });
    const plan = await planRun(io, optionsOf(['--now', '2025-11-22T10:00:00+08:00', '-f', 'json', 'a.md']));
    const back = planFromData(structuredClone(planData(plan)));
    expect(back.now.at.toISO()).toBe(plan.now.at.toISO());
    expect(back.now.isDay).toBe(false);
    expect(back.options).toEqual(plan.options);
    expect(back.configs).toEqual(plan.configs);
    expect(back.cwd).toBe(plan.cwd);
    // The files go to a worker one at a time, not with the plan.
    expect(back.targets).toEqual([]);
    // An opened run (resolver functions and all) gives the same data: nothing but the plan crosses.
    expect(planData(openRun(io, plan))).toEqual(planData(plan));
    expect(() => structuredClone(planData(openRun(io, plan)))).not.toThrow();
    const day = await planRun(io, optionsOf(['--now', '2025-11-22', 'a.md']));
    expect(planFromData(structuredClone(planData(day))).now).toMatchObject({ isDay: true });
  });
});

describe('main with a parallel strategy', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`r/${i}.md`] = i % 2 ? broken : clean;
  const argv = ['--now', '2025-12-01', '-f', 'json', 'r'];

  it('hands it the plan, and a worker linting from the cloned plan alone gives the one-thread output', async () => {
    const single = memoryIo({ argv, files });
    const expected = await main(single);
    expect(single.out.length).toBeGreaterThan(1000);

    const jobs: PoolJob[] = [];
    const multi = memoryIo({ argv, files });
    // What a worker does (src/cli/worker.ts), on the same files: no argv, no clock.
    const inThisThread: Parallel = {
      threads: 2,
      async lint(job) {
        jobs.push(job);
        const plan = planFromData(structuredClone(job.plan));
        const workerIo = memoryIo({ argv: [], files, now: '1999-01-01T00:00:00Z' });
        workerIo.now = () => {
          throw new Error('a worker must not read the clock');
        };
        const setup = openRun(workerIo, plan);
        const out: LintResult[] = [];
        for (const t of structuredClone(job.targets)) out.push(await lintOne(workerIo, t, setup, await setup.configFor(t.path), plan.options));
        return out;
      },
    };
    expect(await main(multi, { parallel: inThisThread })).toBe(expected);
    expect(jobs).toHaveLength(0); // 6 files: fewer than it takes to be worth threads
    const forced = memoryIo({ argv, files, env: { IR_LINT_WORKERS: '2' } });
    expect(await main(forced, { parallel: inThisThread })).toBe(expected);
    expect(jobs).toHaveLength(1);
    expect(forced.out).toBe(single.out);
    const job = jobs[0] as PoolJob;
    expect(job.plan.now).toEqual({ iso: '2025-12-01T00:00:00.000Z', isDay: true });
    expect(job.targets.map((t) => t.path)).toEqual(Object.keys(files));
    expect(Object.keys(job.plan)).not.toContain('argv');
  });

  it('is not used for --fix or stdin, which stay in this thread', async () => {
    let used = 0;
    const counting: Parallel = {
      threads: 2,
      async lint() {
        used++;
        return [];
      },
    };
    const fix = memoryIo({ argv: ['--fix', ...argv], files, env: { IR_LINT_WORKERS: '2' } });
    await main(fix, { parallel: counting });
    const stdin = memoryIo({ argv: ['--now', '2025-12-01', '-'], stdin: broken, env: { IR_LINT_WORKERS: '2' } });
    expect(await main(stdin, { parallel: counting })).toBe(1);
    expect(used).toBe(0);
  });
});

describe('the seams', () => {
  it('src/io.ts imports nothing from src/cli, and the worker neither parses arguments nor reads the clock', () => {
    const io = readFileSync(path.join(ROOT, 'src', 'io.ts'), 'utf8');
    expect(io).not.toMatch(/from '\.\/cli\//);
    expect(io).not.toMatch(/lintInWorkers|cpus/);
    const worker = readFileSync(path.join(ROOT, 'src', 'cli', 'worker.ts'), 'utf8');
    // (Date.now() there stamps when a rule started, for the watchdog: not the run's now.)
    for (const banned of ['parseArgs', "from './args.js'", 'prepare(', 'io.now(', 'new Date(', 'resolveNow(']) expect(worker).not.toContain(banned);
  });
});
