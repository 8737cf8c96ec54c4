/**
 * Process entry: build the real Io, run main, set the exit code. The only
 * place that sets process.exitCode.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Settings } from 'luxon';
import { main, type Parallel } from './main.js';
import { nodeIo, outputFlushed } from './node-io.js';

export interface RunHooks {
  /** Import an ES module by file URL (the bundled CLI cannot use import() itself). */
  importModule?: (url: string) => Promise<unknown>;
}

export interface RunOutcome {
  /**
   * True when all output has been written and nothing is left to wait for:
   * the caller may end the process at once (process.exit skips tearing down
   * a heap that is about to be thrown away).
   */
  exitNow: boolean;
}

/** Worker threads on every core; the pool module (and node:worker_threads) loads only when a run uses it. */
export const workerThreads: Parallel = {
  threads: availableParallelism(),
  lint: async (job) => (await import('./pool.js')).lintInWorkers(job),
};

export async function run(hooks: RunHooks = {}): Promise<RunOutcome> {
  // Dates are parsed and printed in ISO forms only: skip luxon's probe of the
  // system locale (an Intl lookup that costs tens of milliseconds at start-up).
  Settings.defaultLocale = 'en-US';
  const io = nodeIo();
  const importByUrl = hooks.importModule;
  if (importByUrl) io.importModule = (p) => importByUrl(pathToFileURL(path.resolve(p)).href);
  try {
    process.exitCode = await main(io, { parallel: workerThreads });
  } catch (error) {
    const debug = process.argv.includes('--debug');
    process.stderr.write(`ir-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
  return { exitNow: outputFlushed() };
}
