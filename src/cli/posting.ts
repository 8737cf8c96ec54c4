/**
 * --for-bugzilla: print the text to paste into a Bugzilla comment (the file
 * without its front matter and ir-lint directives, src/parse/posting.ts) on
 * stdout, and lint it with the posting rules (tag `posting`: the
 * bugzilla-* rules, and house rules that carry the tag). The findings go to
 * stderr (or --output-file) in the chosen format; positions are in the file
 * as written, which is where an editor jumps.
 *
 * One file only: the output is the text of one comment, and two files run
 * together would be neither. Nothing is written to any file; a file that
 * cannot be read or parsed prints nothing on stdout (exit 2).
 */
import { lintText, type LintOptions } from '../engine/index.js';
import { makeResult } from '../result.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { posting } from '../parse/posting.js';
import type { LintResult } from '../types.js';
import type { CliOptions } from './args.js';
import type { FileTarget } from './files.js';
import { FORMATS_WITH_SOURCE, readTarget, reportLintOptions, type RunSetup } from './run.js';

/** The tag that makes a rule a posting rule. */
export const POSTING_TAG = 'posting';

/** Options that make no sense with --for-bugzilla: a usage error, before anything is read. */
export function checkForBugzilla(opts: CliOptions): void {
  if (opts.fix || opts.fixDryRun) {
    throw new UsageError(`--for-bugzilla prints the text to paste and changes no file; it cannot be combined with ${opts.fix ? '--fix' : '--fix-dry-run'} (run the fix first, then --for-bugzilla)`);
  }
  if (opts.reportUnusedDisables) {
    throw new UsageError('--for-bugzilla runs only the posting rules, so every other directive would look unused; run --report-unused-disables without it');
  }
}

/** Print the text to paste of the one target and lint it with the posting rules. */
export async function forBugzilla(io: Io, targets: FileTarget[], setup: RunSetup, opts: CliOptions): Promise<LintResult[]> {
  if (targets.length !== 1) {
    throw new UsageError(
      targets.length === 0
        ? '--for-bugzilla found no file to read; name one report file (or - for stdin)'
        : `--for-bugzilla prints the text of one Bugzilla comment; name one file, not ${targets.length} (${targets
            .slice(0, 3)
            .map((t) => t.path)
            .join(', ')}${targets.length > 3 ? ', ...' : ''})`,
    );
  }
  const target = targets[0] as FileTarget;
  const read = await readTarget(io, target, setup);
  if ('result' in read) return [read.result];
  // A file named on the command line is read even when the config's "ignores" would skip it in a lint run.
  // Directives may name any rule (knownRules), not only the posting rules that run here.
  const all = reportLintOptions(target, setup, await setup.configFor(target.path));
  const lintOpts: LintOptions = { ...all, rules: all.rules.filter((r) => r.rule.meta.tags.includes(POSTING_TAG)) };
  const { messages, report } = lintText(read.text, lintOpts);
  const extra: Partial<LintResult> = {};
  if (messages.some((m) => m.fatal)) extra.fatalError = true;
  else io.stdout(posting(report).text);
  if (FORMATS_WITH_SOURCE.has(opts.format)) extra.source = read.text;
  return [makeResult(target.path, messages, extra)];
}
