/**
 * main(io): arguments → config → files → lint → format → exit code.
 */
import path from 'node:path';
import { rules as builtinRules } from '../../rules/index.js';
import type { FileConfig } from '../config/load.js';
import { clause, ConfigError, errnoCode, IoError, UsageError } from '../errors.js';
import { FORMATS, type FormatContext } from '../format/index.js';
import type { Io } from '../io.js';
import { TOOL_NAME, VERSION } from '../meta.js';
import { makeResult } from '../engine/index.js';
import type { LintMessage, LintResult } from '../types.js';
import { parseArgs, usageText, type CliOptions } from './args.js';
import { EXIT_FAILURE, EXIT_LINT_ERRORS, EXIT_OK } from './exit-codes.js';
import { expandPaths, type FileTarget } from './files.js';
import { reportGoesToStderr } from './fix.js';
import { runInfo } from './info.js';
import { ruleBudget } from './budget.js';
import { checkForBugzilla, forBugzilla } from './posting.js';
import { configOptions, lintOne, prepare, type RuleProbe, type RunSetup } from './run.js';

/** Below this many files, starting worker threads costs more than it saves (measured: a worker starts in ~0.2 s, a file lints in ~15 ms). */
const MIN_FILES_FOR_WORKERS = 64;

/** What a host that embeds the CLI (the GitHub Action) adds to a run. */
export interface MainHooks {
  /**
   * Called once the report is written, with the results as shown (after
   * --quiet) and the format context: for outputs of the same run beyond the
   * chosen format (the Action's annotations, step summary and SARIF file).
   * What it throws ends the run like any other error (an IoError is exit 2).
   */
  afterReport?(results: LintResult[], ctx: FormatContext): void | Promise<void>;
}

export async function main(io: Io, hooks: MainHooks = {}): Promise<number> {
  let debug = io.argv.includes('--debug');
  try {
    const parsed = parseArgs(io.argv);
    if (parsed.kind === 'exit') {
      io.stdout(parsed.stdout);
      return parsed.code;
    }
    const opts = parsed.options;
    debug = opts.debug;
    const info = await runInfoCommand(io, opts);
    if (info !== undefined) return info;
    if (opts.forBugzilla) checkForBugzilla(opts);
    if (opts.paths.length === 0) {
      io.stderr(usageText());
      io.stderr(`\n${TOOL_NAME}: no files to lint; name report files, directories or globs (or - for stdin).\n`);
      return EXIT_FAILURE;
    }
    const setup = await prepare(io, opts);
    const targets = await expandPaths(io, opts.paths, [], opts.stdinFilename);
    // --for-bugzilla: stdout carries the text to paste, so the report goes to stderr.
    const results = opts.forBugzilla ? await forBugzilla(io, targets, setup, opts) : await lintTargets(io, targets, setup, opts);
    const over = tooManyWarnings(results, opts);
    const shown = await writeReport(opts.forBugzilla || reportGoesToStderr(opts, targets) ? { ...io, stdout: io.stderr } : io, results, setup, opts, over);
    if (hooks.afterReport) await hooks.afterReport(shown.results, shown.ctx);
    return exitCode(io, results, opts, over);
  } catch (error) {
    return fail(io, error, debug);
  }
}

/**
 * Lint every target, in input order. Every file's config is resolved (and so
 * validated) before any file is linted. Many files go to worker threads
 * (their watchdog stops a rule past --rule-timeout); --fix, --fix-dry-run and
 * stdin stay in this thread, where plugin rules run under the same budget
 * (src/cli/budget.ts).
 */
async function lintTargets(io: Io, targets: FileTarget[], setup: RunSetup, opts: CliOptions): Promise<LintResult[]> {
  const configs = new Map<FileTarget, FileConfig>();
  for (const t of targets) configs.set(t, await setup.configFor(t.path));
  // A file that matches an "ignores" pattern of its config is skipped: silently when a directory or a
  // pattern found it, with a warning when it was named (ESLint's "File ignored because of a matching ignore pattern").
  const isIgnored = (t: FileTarget): boolean => t.stdin !== true && t.problem === undefined && configs.get(t)?.ignored === true;
  const notices = new Map<FileTarget, LintResult>();
  for (const t of targets) if (isIgnored(t) && t.explicit) notices.set(t, ignoredNotice(io, t, configs.get(t) as FileConfig));
  const todo = targets.filter((t) => !isIgnored(t));
  const requested = io.env['IR_LINT_WORKERS'] !== undefined ? Number(io.env['IR_LINT_WORKERS']) : undefined;
  const cores = Math.max(1, io.cpus ?? 1);
  const hasPlugins = todo.some((t) => (configs.get(t)?.rules ?? []).some((r) => !builtinRules.includes(r.rule)));
  const canUseWorkers = io.lintInWorkers !== undefined && !opts.fix && !opts.fixDryRun && !todo.some((t) => t.stdin);
  const workers = requested !== undefined && Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : todo.length >= MIN_FILES_FOR_WORKERS ? cores : 0;
  const linted = await lintTodo(io, todo, configs, setup, opts, workers, canUseWorkers, hasPlugins);
  if (notices.size === 0) return linted;
  // Results in input order, the notices where their files were named.
  const byTarget = new Map(todo.map((t, i) => [t, linted[i] as LintResult]));
  return targets.flatMap((t) => {
    const r = notices.get(t) ?? byTarget.get(t);
    return r ? [r] : [];
  });
}

/** ESLint's warning for a file named on the command line that an ignore pattern matches. */
function ignoredNotice(io: Io, t: FileTarget, fc: FileConfig): LintResult {
  const where = fc.configPath ? ` in ${path.relative(io.cwd, fc.configPath).split(path.sep).join('/') || fc.configPath}` : '';
  const m: LintMessage = {
    ruleId: null,
    messageId: 'fileIgnored',
    severity: 1,
    message: `File ignored because of a matching ignore pattern ("ignores"${where}); it was not linted.`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  return makeResult(t.path, [m]);
}

async function lintTodo(io: Io, todo: FileTarget[], configs: Map<FileTarget, FileConfig>, setup: RunSetup, opts: CliOptions, workers: number, canUseWorkers: boolean, hasPlugins: boolean): Promise<LintResult[]> {
  if (canUseWorkers && workers > 0 && io.lintInWorkers) {
    return io.lintInWorkers({
      argv: io.argv,
      cwd: io.cwd,
      now: setup.now.toISO() ?? '',
      targets: todo,
      workers: Math.min(workers, Math.max(1, Math.ceil(todo.length / 8))),
      ruleTimeoutMs: opts.ruleTimeout,
      ruleIdAt: (targetIndex, ruleIndex) => configs.get(todo[targetIndex] as FileTarget)?.rules[ruleIndex]?.rule.meta.id ?? 'unknown-rule',
    });
  }
  const results: LintResult[] = [];
  let probe: RuleProbe = {};
  if (hasPlugins && opts.ruleTimeout > 0) {
    const builtinIds = new Set(builtinRules.map((r) => r.meta.id));
    probe = ruleBudget(opts.ruleTimeout, (id) => !builtinIds.has(id));
  }
  for (const t of todo) results.push(await lintOne(io, t, setup, configs.get(t) as FileConfig, opts, probe));
  return results;
}

/** --list-rules, --explain, --print-config, --init: src/cli/info.ts. */
async function runInfoCommand(io: Io, opts: CliOptions): Promise<number | undefined> {
  return runInfo(io, opts, builtinRules, configOptions(opts));
}

function useColor(io: Io, opts: CliOptions): boolean {
  if (opts.color !== undefined) return opts.color;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  return io.isTTY && io.env['TERM'] !== 'dumb';
}

function filterQuiet(results: LintResult[]): LintResult[] {
  return results.map((r) => {
    const messages = r.messages.filter((m) => m.severity === 2);
    return { ...r, messages, warningCount: 0, fixableWarningCount: 0 };
  });
}

/** Formats read by people, where the report itself says that --max-warnings failed the run. */
const HUMAN_FORMATS = new Set(['stylish', 'compact', 'due']);

/** The sentence for a run that fails on --max-warnings alone (no errors), or undefined. */
function tooManyWarnings(results: LintResult[], opts: CliOptions): string | undefined {
  if (results.some((r) => r.fatalError) || results.some((r) => r.errorCount > 0)) return undefined;
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (opts.maxWarnings < 0 || warnings <= opts.maxWarnings) return undefined;
  return `${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}${opts.quiet ? ' (not shown: --quiet reports errors only)' : ''}; the run fails.`;
}

async function writeReport(io: Io, results: LintResult[], setup: RunSetup, opts: CliOptions, over?: string): Promise<{ results: LintResult[]; ctx: FormatContext }> {
  const shown = opts.quiet ? filterQuiet(results) : results;
  const formatter = await (FORMATS[opts.format] as () => Promise<(r: LintResult[], c: Parameters<Awaited<ReturnType<(typeof FORMATS)[string]>>>[1]) => string>)();
  // Colour is decided when a formatter asks (stylish does): deciding means asking whether
  // stdout is a terminal, which creates process.stdout, for nothing in the other formats.
  const ctx: FormatContext = {
    cwd: io.cwd,
    get color() {
      return opts.outputFile ? false : useColor(io, opts);
    },
    rules: [...setup.knownRules.values()].map((r) => r.meta),
    version: VERSION,
    targets: opts.paths,
    now: setup.now.toMillis(),
  };
  // In stylish and compact the report ends with the --max-warnings failure; machine formats keep their shape (stderr says it).
  const footer = over !== undefined ? `${TOOL_NAME}: ${over}\n` : '';
  const text = formatter(shown, ctx) + (HUMAN_FORMATS.has(opts.format) ? footer : '');
  if (opts.outputFile) {
    try {
      await io.writeFile(path.resolve(io.cwd, opts.outputFile), text);
    } catch (error) {
      if (errnoCode(error) === 'EISDIR') throw new IoError('is a directory; --output-file needs a file name (e.g. --output-file reports/ir-lint.json)', opts.outputFile);
      throw new IoError(`cannot write output file: ${clause(error)}`, opts.outputFile);
    }
    // The file holds the requested format; people and CI logs still see the
    // problems as stylish on stderr, and stdout stays free for pipes.
    const stylish = await (FORMATS['stylish'] as (typeof FORMATS)[string])();
    const screen = stylish(shown, { ...ctx, color: useColor(io, opts) }) + footer;
    if (screen) io.stderr(screen);
  } else if (text) {
    io.stdout(text);
  }
  return { results: shown, ctx };
}

function exitCode(io: Io, results: LintResult[], opts: CliOptions, over: string | undefined): number {
  if (results.some((r) => r.fatalError)) return EXIT_FAILURE;
  if (results.some((r) => r.errorCount > 0)) return EXIT_LINT_ERRORS;
  if (over !== undefined) {
    // Stylish and compact reports carry it; a machine format on stdout cannot, so it goes to stderr.
    if (!HUMAN_FORMATS.has(opts.format) && opts.outputFile === undefined) io.stderr(`${TOOL_NAME}: ${over}\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

/** One clear line for an expected failure; a stack trace only with --debug. */
export function fail(io: Io, error: unknown, debug: boolean): number {
  if (error instanceof UsageError) {
    io.stderr(`${TOOL_NAME}: ${error.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
  } else if (error instanceof ConfigError) {
    io.stderr(`${TOOL_NAME}: invalid configuration${error.file ? ` in ${error.file}` : ''}: ${error.message}\n`);
  } else if (error instanceof IoError) {
    io.stderr(`${TOOL_NAME}: ${error.path}: ${error.message}\n`);
  } else {
    const text = error instanceof Error ? error.message : String(error);
    io.stderr(`${TOOL_NAME}: internal error: ${text}${debug ? '' : ' (run with --debug for details)'}\n`);
  }
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_FAILURE;
}
