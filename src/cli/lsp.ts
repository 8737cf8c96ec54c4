/**
 * `ir-lint --lsp`: run the language server (src/lsp) on the Io's stdin and
 * stdout, loaded only now: a lint run does not pay for it.
 */
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { once } from '../memo.js';
import { parseNow } from '../now.js';
import type { CliOptions } from './args.js';

/** Set to true by scripts/bundle.mjs in every bundle; undefined in the compiled ES modules and in tests. */
declare const IR_LINT_BUNDLE: boolean | undefined;
type Lsp = typeof import('../lsp/index.js');
/**
 * The language server (`--lsp`) and its protocol library, which no lint run
 * needs: a bundle of its own, dist/ir-lint-lsp.cjs, required from beside the
 * CLI bundle (scripts/bundle.mjs keeps that require() external). In the
 * compiled ES modules it is the module itself; the bundler drops that
 * branch, import() and all, since IR_LINT_BUNDLE is a constant there.
 */
const lsp = once(async (): Promise<Lsp> => (typeof IR_LINT_BUNDLE !== 'undefined' ? (require('./ir-lint-lsp.cjs') as Lsp) : import('../lsp/index.js')));

export async function runLsp(io: Io, opts: CliOptions): Promise<number> {
  if (opts.paths.length > 0) throw new UsageError(`--lsp takes no paths (the editor sends the documents), got "${opts.paths[0]}"`);
  if (opts.now !== undefined && !parseNow(opts.now)) throw new UsageError(`--now expects a date (YYYY-MM-DD) or an ISO time, got "${opts.now}"`);
  const { startServer } = await lsp();
  return startServer(io, opts.now !== undefined ? { now: opts.now } : {});
}
