/**
 * `ir-lint --lsp`: run the language server (src/lsp) on the Io's stdin and
 * stdout, loaded only now (src/lazy.ts): a lint run does not pay for it.
 */
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { lsp } from '../lazy.js';
import { parseNow } from '../now.js';
import type { CliOptions } from './args.js';

export async function runLsp(io: Io, opts: CliOptions): Promise<number> {
  if (opts.paths.length > 0) throw new UsageError(`--lsp takes no paths (the editor sends the documents), got "${opts.paths[0]}"`);
  if (opts.now !== undefined && !parseNow(opts.now)) throw new UsageError(`--now expects a date (YYYY-MM-DD) or an ISO time, got "${opts.now}"`);
  const { startServer } = await lsp();
  return startServer(io, opts.now !== undefined ? { now: opts.now } : {});
}
