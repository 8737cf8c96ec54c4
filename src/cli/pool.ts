/**
 * Lint many files on every core: worker threads take files one at a time
 * from a shared queue; results come back in input order, identical to a
 * single-threaded run. A watchdog stops a rule that runs longer than the
 * per-rule time budget on one file (a plugin stuck in a loop): the worker is
 * replaced, the rule is reported on that file and left off for the rest of
 * the run, and the file is linted again without it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ruleStoppedMessage as stoppedMessage } from '../engine/index.js';
import { makeResult } from '../result.js';
import type { LintMessage, LintResult } from '../types.js';
import type { FileTarget } from './files.js';
import type { PlanData } from './plan.js';
import type { WorkerInit, WorkerRequest } from './worker.js';

export interface PoolJob {
  /** The run every worker lints from (its `now` too, so every worker judges dates alike). */
  plan: PlanData;
  targets: FileTarget[];
  workers: number;
  /** Per-rule time budget per file, in ms (0: none). */
  ruleTimeoutMs: number;
  /** The id of the rule at `ruleIndex` in the resolved rules of target `targetIndex`. */
  ruleIdAt(targetIndex: number, ruleIndex: number): string;
}

interface Slot {
  worker: Worker;
  state: SharedArrayBuffer;
  busy?: { index: number; startedAt: number };
  ready: boolean;
}

function crashResult(filePath: string, reason: string): LintResult {
  const m: LintMessage = { ruleId: null, messageId: 'internalError', severity: 2, fatal: true, message: `Internal error while linting this file: ${reason}.`, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return makeResult(filePath, [m], { fatalError: true });
}

export function lintInWorkers(job: PoolJob): Promise<LintResult[]> {
  const results: Array<LintResult | undefined> = new Array(job.targets.length);
  const queue: number[] = job.targets.map((_, i) => i);
  const skip = new Set<string>();
  const extra = new Map<number, LintMessage[]>();
  const slots = new Set<Slot>();
  let remaining = job.targets.length;
  // Beside this module when unbundled (dist/src/cli/worker.js); beside the bundle, the bundled worker.
  const beside = new URL('./worker.js', import.meta.url);
  const url = existsSync(fileURLToPath(beside)) ? beside : new URL('./ir-lint-worker.cjs', import.meta.url);

  return new Promise<LintResult[]>((resolve) => {
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (watchdog) clearInterval(watchdog);
      for (const s of slots) void s.worker.terminate();
      slots.clear();
      resolve(results.map((r, i) => r ?? crashResult((job.targets[i] as FileTarget).path, 'no result')));
    };
    const done = (index: number, result: LintResult): void => {
      if (results[index] !== undefined) return;
      const notes = extra.get(index);
      results[index] = notes ? makeResult(result.filePath, [...notes, ...result.messages], result.source !== undefined ? { fatalError: true, source: result.source } : { fatalError: true }) : result;
      remaining--;
      if (remaining === 0) finish();
    };
    const feed = (slot: Slot): void => {
      const index = queue.shift();
      if (index === undefined) {
        slot.busy = undefined;
        return;
      }
      slot.busy = { index, startedAt: Date.now() };
      const req: WorkerRequest = { index, target: job.targets[index] as FileTarget };
      slot.worker.postMessage(req);
    };
    const spawn = (): void => {
      const state = new SharedArrayBuffer(16);
      const init: WorkerInit = { plan: job.plan, skipRules: [...skip], state };
      const worker = new Worker(url, { workerData: init });
      const slot: Slot = { worker, state, ready: false };
      slots.add(slot);
      worker.on('message', (msg: { ready?: boolean; index?: number; result?: LintResult; error?: string }) => {
        if (msg.ready) {
          slot.ready = true;
          feed(slot);
          return;
        }
        if (msg.index === undefined) return;
        const target = job.targets[msg.index] as FileTarget;
        done(msg.index, msg.result ?? crashResult(target.path, msg.error ?? 'unknown error'));
        if (slots.has(slot)) feed(slot);
      });
      worker.on('error', (error) => {
        // The worker died: its file gets an internal-error result; a new worker takes over.
        slots.delete(slot);
        if (slot.busy) done(slot.busy.index, crashResult((job.targets[slot.busy.index] as FileTarget).path, error.message));
        if (remaining > 0 && queue.length > 0) spawn();
      });
      worker.on('exit', () => {
        if (slots.has(slot)) {
          slots.delete(slot);
          if (slot.busy) done(slot.busy.index, crashResult((job.targets[slot.busy.index] as FileTarget).path, 'the worker exited'));
          if (remaining > 0 && queue.length > 0) spawn();
        }
      });
    };

    if (job.ruleTimeoutMs > 0) {
      watchdog = setInterval(() => {
        const now = Date.now();
        for (const slot of [...slots]) {
          if (!slot.busy) continue;
          const running = Atomics.load(new Int32Array(slot.state, 0, 1), 0);
          if (running === 0) continue;
          const since = new Float64Array(slot.state, 8, 1)[0] as number;
          if (now - since < job.ruleTimeoutMs) continue;
          const { index } = slot.busy;
          const ruleId = job.ruleIdAt(index, running - 1);
          skip.add(ruleId);
          for (const other of slots) if (other !== slot) other.worker.postMessage({ skip: ruleId });
          extra.set(index, [...(extra.get(index) ?? []), stoppedMessage(ruleId, job.ruleTimeoutMs)]);
          slots.delete(slot);
          void slot.worker.terminate();
          queue.unshift(index); // lint it again without the stopped rule
          spawn();
        }
      }, Math.max(10, Math.min(250, Math.floor(job.ruleTimeoutMs / 4))));
      watchdog.unref();
    }
    if (remaining === 0) {
      finish();
      return;
    }
    for (let i = 0; i < Math.max(1, Math.min(job.workers, job.targets.length)); i++) spawn();
  });
}
