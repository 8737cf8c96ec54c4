/**
 * main(io): arguments → config → files → lint → format → exit code.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { rules as builtinRules } from '../../rules/index.js';
import { parseTemplate } from '../config/index.js';
import { createConfigResolver, type FileConfig } from '../config/load.js';
import { decodeReport, type TextEncoding } from '../decode.js';
import { lintText, makeResult, parseNow } from '../engine/index.js';
import { ConfigError, IoError, UsageError } from '../errors.js';
import { FORMATS, FORMAT_NAMES } from '../format/index.js';
import type { Io } from '../io.js';
import { TOOL_NAME, VERSION } from '../meta.js';
import type { TemplateId } from '../templates.js';
import type { LintMessage, LintResult, Rule } from '../types.js';
import { parseArgs, usageText, type CliOptions } from './args.js';
import { EXIT_FAILURE, EXIT_LINT_ERRORS, EXIT_OK } from './exit-codes.js';
import { expandPaths, type FileTarget } from './files.js';
import { runInfo } from './info.js';
import { fixFile, reportGoesToStderr } from './fix.js';

/** What a run needs once the arguments are read. */
export interface RunSetup {
  now: DateTime;
  template?: TemplateId;
  /** Config that applies to a file (nearest config file wins). */
  configFor(filePath: string): Promise<FileConfig>;
  /** Every rule known to this run (built-in and plugins), for messages and formats. */
  knownRules: ReadonlyMap<string, Rule>;
  maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export async function main(io: Io): Promise<number> {
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
    if (opts.paths.length === 0) {
      io.stderr(usageText());
      io.stderr(`\n${TOOL_NAME}: no files to lint; name report files, directories or globs (or - for stdin).\n`);
      return EXIT_FAILURE;
    }
    const setup = await prepare(io, opts);
    const targets = await expandPaths(io, opts.paths, [], opts.stdinFilename);
    const results = await lintTargets(io, targets, setup, opts);
    await writeReport(reportGoesToStderr(opts, targets) ? { ...io, stdout: io.stderr } : io, results, setup, opts);
    return exitCode(io, results, opts);
  } catch (error) {
    return fail(io, error, debug);
  }
}

/** --list-rules, --explain, --print-config, --init: src/cli/info.ts. */
async function runInfoCommand(io: Io, opts: CliOptions): Promise<number | undefined> {
  return runInfo(io, opts, builtinRules, configOptions(opts));
}

/** How config files are found for this run (--config, --no-config, --rule). */
function configOptions(opts: CliOptions): Parameters<typeof createConfigResolver>[1] {
  const o: Parameters<typeof createConfigResolver>[1] = { builtins: builtinRules, ruleFlags: opts.rule };
  if (opts.config !== undefined) o.config = opts.config;
  return o;
}

function parseSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FILE_SIZE;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size expects a size such as 500KB, 10MB or 0 (no limit), got "${value}"`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.floor(n * mult);
}

async function prepare(io: Io, opts: CliOptions): Promise<RunSetup> {
  if (!FORMATS[opts.format]) {
    throw new UsageError(`unknown format "${opts.format}" (one of: ${FORMAT_NAMES.join(', ')})`);
  }
  let now: DateTime;
  if (opts.now !== undefined) {
    const parsed = parseNow(opts.now);
    if (!parsed) throw new UsageError(`--now expects a date (YYYY-MM-DD) or an ISO time, got "${opts.now}"`);
    now = parsed;
  } else {
    now = DateTime.fromJSDate(io.now(), { zone: 'utc' });
  }
  const forced = opts.template !== undefined ? parseTemplate(opts.template) : 'auto';
  const resolver = createConfigResolver(io, configOptions(opts));
  const setup: RunSetup = {
    now,
    configFor: (filePath) => resolver.forFile(filePath),
    knownRules: resolver.allRules,
    maxFileSize: parseSize(opts.maxFileSize),
  };
  if (forced !== 'auto') setup.template = forced;
  return setup;
}

function failure(filePath: string, message: string): LintResult {
  const m: LintMessage = { ruleId: null, messageId: 'fileError', severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return makeResult(filePath, [m], { fatalError: true });
}

function readErrorText(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'Cannot read file: no such file or directory.';
  if (code === 'EACCES' || code === 'EPERM') return 'Cannot read file: permission denied.';
  if (code === 'EISDIR') return 'Cannot read file: it is a directory.';
  if (code === 'ENOTREG') return 'Cannot read file: not a regular file (a FIFO, socket or device).';
  if (code === 'ELOOP') return 'Cannot read file: too many levels of symbolic links (a symlink loop).';
  return `Cannot read file: ${error instanceof Error ? error.message : String(error)}.`;
}

async function readTarget(io: Io, t: FileTarget, setup: RunSetup): Promise<{ text: string; encoding: TextEncoding; bytes: Uint8Array } | { result: LintResult }> {
  if (t.problem) return { result: failure(t.path, `Cannot read file: ${t.problem}.`) };
  if (!t.stdin) {
    try {
      const st = await io.stat(path.resolve(io.cwd, t.path));
      if (setup.maxFileSize > 0 && st.size > setup.maxFileSize) {
        return { result: failure(t.path, `File is ${formatSize(st.size)}, over the ${formatSize(setup.maxFileSize)} limit; raise it with --max-file-size if this really is one report.`) };
      }
    } catch (error) {
      return { result: failure(t.path, readErrorText(error)) };
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = t.stdin ? await io.readStdin() : await io.readFile(path.resolve(io.cwd, t.path));
  } catch (error) {
    return { result: failure(t.path, readErrorText(error)) };
  }
  if (setup.maxFileSize > 0 && bytes.length > setup.maxFileSize) {
    return { result: failure(t.path, `Input is ${formatSize(bytes.length)}, over the ${formatSize(setup.maxFileSize)} limit; raise it with --max-file-size if this really is one report.`) };
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { result: failure(t.path, `Cannot lint file: ${decoded.reason}.`) };
  return { text: decoded.text, encoding: decoded.encoding, bytes };
}

function formatSize(n: number): string {
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

async function lintTargets(io: Io, targets: FileTarget[], setup: RunSetup, opts: CliOptions): Promise<LintResult[]> {
  // Resolve (and so validate) every file's config before linting any file.
  const configs = new Map<FileTarget, FileConfig>();
  for (const t of targets) configs.set(t, await setup.configFor(t.path));
  const results: LintResult[] = [];
  for (const t of targets) {
    if (!t.stdin && !t.problem && configs.get(t)?.ignored) continue; // matches an "ignores" pattern of its config
    const read = await readTarget(io, t, setup);
    if ('result' in read) {
      results.push(read.result);
      continue;
    }
    const { rules, known, config } = configs.get(t) as FileConfig;
    const lintOpts: Parameters<typeof lintText>[1] = {
      rules,
      now: setup.now,
      filePath: t.path,
      reportUnusedDisables: opts.reportUnusedDisables,
      knownRules: [...known.keys()],
    };
    const template = setup.template ?? (config.template !== 'auto' ? config.template : undefined);
    if (template) lintOpts.template = template;
    if (opts.fix || opts.fixDryRun) {
      const fixed = await fixFile(io, t, read, (text) => lintText(text, lintOpts).messages, opts);
      const failed = fixed.failure !== undefined ? [failure(t.path, fixed.failure).messages[0] as LintMessage] : [];
      const extra: Partial<LintResult> = { source: fixed.source };
      if (fixed.output !== undefined && failed.length === 0) extra.output = fixed.output;
      if (failed.length > 0 || fixed.messages.some((m) => m.fatal)) extra.fatalError = true;
      results.push(makeResult(t.path, [...failed, ...fixed.messages], extra));
      continue;
    }
    const { messages } = lintText(read.text, lintOpts);
    const fatal = messages.some((m) => m.fatal);
    results.push(makeResult(t.path, messages, fatal ? { fatalError: true, source: read.text } : { source: read.text }));
  }
  return results;
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

async function writeReport(io: Io, results: LintResult[], setup: RunSetup, opts: CliOptions): Promise<void> {
  const shown = opts.quiet ? filterQuiet(results) : results;
  const formatter = await (FORMATS[opts.format] as () => Promise<(r: LintResult[], c: Parameters<Awaited<ReturnType<(typeof FORMATS)[string]>>>[1]) => string>)();
  const ctx = { cwd: io.cwd, color: opts.outputFile ? false : useColor(io, opts), rules: [...setup.knownRules.values()].map((r) => r.meta), version: VERSION };
  const text = formatter(shown, ctx);
  if (opts.outputFile) {
    try {
      await io.writeFile(path.resolve(io.cwd, opts.outputFile), text);
    } catch (error) {
      throw new IoError(`cannot write output file: ${error instanceof Error ? error.message : String(error)}`, opts.outputFile);
    }
    // The file holds the requested format; people and CI logs still see the
    // problems as stylish on stderr, and stdout stays free for pipes.
    const stylish = await (FORMATS['stylish'] as (typeof FORMATS)[string])();
    const screen = stylish(shown, { ...ctx, color: useColor(io, opts) });
    if (screen) io.stderr(screen);
  } else if (text) {
    io.stdout(text);
  }
}

function exitCode(io: Io, results: LintResult[], opts: CliOptions): number {
  if (results.some((r) => r.fatalError)) return EXIT_FAILURE;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_LINT_ERRORS;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    io.stderr(`${TOOL_NAME}: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}.\n`);
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
