/**
 * A lint worker: opens the run from the plan the main thread sends (the
 * same options, `now` and config sources: it reads neither the arguments
 * nor the clock), then lints the files it is sent, one at a time. Before
 * each rule it records which rule runs and since when, in memory shared
 * with the main thread's watchdog (src/cli/pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Settings } from 'luxon';
import type { FileTarget } from './files.js';
import { nodeIo } from './node-io.js';
import { planFromData, type PlanData } from './plan.js';
import { lintOne, openRun } from './run.js';

export interface WorkerInit {
  plan: PlanData;
  skipRules: string[];
  /** Int32[0]: index of the running rule + 1 (0: none); Float64 at byte 8: when it started (ms since epoch). */
  state: SharedArrayBuffer;
}

export interface WorkerRequest {
  index: number;
  target: FileTarget;
}

function start(): void {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  Settings.defaultLocale = 'en-US'; // as in bin.ts: no probe of the system locale
  const running = new Int32Array(init.state, 0, 1);
  const since = new Float64Array(init.state, 8, 1);
  const plan = planFromData(init.plan);
  const opts = plan.options;
  const io = nodeIo();
  // Target paths and config lookups are relative to the main thread's Io cwd.
  io.cwd = plan.cwd;
  const setup = openRun(io, plan);
  const skipRules = new Set(init.skipRules);
  const probe = {
    skipRules,
    onRuleStart: (index: number) => {
      since[0] = Date.now();
      Atomics.store(running, 0, index + 1);
    },
  };
  port.on('message', (req: WorkerRequest | { skip: string }) => {
    if ('skip' in req) {
      skipRules.add(req.skip);
      return;
    }
    void (async () => {
      const config = await setup.configFor(req.target.path);
      const result = await lintOne(io, req.target, setup, config, opts, probe);
      Atomics.store(running, 0, 0);
      port.postMessage({ index: req.index, result });
    })().catch((error: unknown) => {
      port.postMessage({ index: req.index, error: error instanceof Error ? error.message : String(error) });
    });
  });
  port.postMessage({ ready: true });
}

start();
