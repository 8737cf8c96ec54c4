/**
 * One run's setup and the linting of one file: shared by the main thread
 * and the worker threads (src/cli/worker.ts), so that both produce the same
 * result for the same file.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { rules as builtinRules } from '../../rules/index.js';
import { parseTemplate } from '../config/index.js';
import { createConfigResolver, type FileConfig } from '../config/load.js';
import { decodeReport, type TextEncoding } from '../decode.js';
import { lintOptionsFor } from '../api.js';
import { isDateOnly, lintText, lintToResult, makeResult, parseNow, type LintOptions } from '../engine/index.js';
import { isAttachmentName, isThreadName, kindOf, type DocumentKind } from '../kinds.js';
import { pairedAttachments } from '../attachments.js';
import { clause, formatSize, UsageError } from '../errors.js';
import { FORMATS, FORMAT_NAMES } from '../format/index.js';
import type { Io } from '../io.js';
import type { TemplateId } from '../templates.js';
import type { LintMessage, LintResult, Rule } from '../types.js';
import type { CliOptions } from './args.js';
import type { FileTarget } from './files.js';
import { fixFile } from './fix.js';

export { DEFAULT_MAX_ATTACHMENT_SIZE, DEFAULT_MAX_FILE_SIZE } from '../limits.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_THREAD_SIZE } from '../limits.js';
/** Formats that show a file's source (ESLint's json carries it; SARIF fixes need it). */
export const FORMATS_WITH_SOURCE: ReadonlySet<string> = new Set(['json', 'sarif']);

/** What a run needs once the arguments are read. */
export interface RunSetup {
  now: DateTime;
  /** `--now` was a date alone: it means that whole day. */
  nowIsDay: boolean;
  template?: TemplateId;
  /** Config that applies to a file (nearest config file wins). */
  configFor(filePath: string): Promise<FileConfig>;
  /** Every rule known to this run (built-in and plugins), for messages and formats. */
  knownRules: ReadonlyMap<string, Rule>;
  maxFileSize: number;
  /** The limit for Appendix attachments (*.csv, *.txt), linted or read beside a report. */
  maxAttachmentSize: number;
  /** The limit for bug thread exports (*.bug.json): --max-file-size when given, else DEFAULT_MAX_THREAD_SIZE. */
  maxThreadSize: number;
}

/** How config files are found for this run (--config, --no-config, --rule). */
export function configOptions(opts: CliOptions): Parameters<typeof createConfigResolver>[1] {
  const o: Parameters<typeof createConfigResolver>[1] = { builtins: builtinRules, ruleFlags: opts.rule };
  if (opts.config !== undefined) o.config = opts.config;
  return o;
}

export function parseSize(value: string | undefined, fallback = DEFAULT_MAX_FILE_SIZE, flagName = '--max-file-size'): number {
  if (value === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`${flagName} expects a size such as 500KB, 10MB or 0 (no limit), got "${value}"`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.floor(n * mult);
}

export async function prepare(io: Io, opts: CliOptions): Promise<RunSetup> {
  if (!FORMATS[opts.format]) {
    throw new UsageError(`unknown format "${opts.format}" (one of: ${FORMAT_NAMES.join(', ')})`);
  }
  let now: DateTime;
  let nowIsDay = false;
  if (opts.now !== undefined) {
    nowIsDay = isDateOnly(opts.now);
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
    nowIsDay,
    configFor: (filePath) => resolver.forFile(filePath),
    knownRules: resolver.allRules,
    maxFileSize: parseSize(opts.maxFileSize),
    maxThreadSize: parseSize(opts.maxFileSize, DEFAULT_MAX_THREAD_SIZE),
    maxAttachmentSize: parseSize(opts.maxAttachmentSize, DEFAULT_MAX_ATTACHMENT_SIZE, '--max-attachment-size'),
  };
  if (forced !== 'auto') setup.template = forced;
  return setup;
}

export function failure(filePath: string, message: string): LintResult {
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
  return `Cannot read file: ${clause(error)}.`;
}

function tooLarge(size: number | undefined, limit: number, attachment: boolean, thread = false): string {
  const flag = attachment ? '--max-attachment-size' : '--max-file-size';
  const what = attachment ? 'this really is one attachment' : thread ? 'this really is one bug export' : 'this really is one report';
  return size === undefined
    ? `Input is over the ${formatSize(limit)} limit; raise it with ${flag} if ${what}.`
    : `File is ${formatSize(size)}, over the ${formatSize(limit)} limit; raise it with ${flag} if ${what}.`;
}

export async function readTarget(io: Io, t: FileTarget, setup: RunSetup): Promise<{ text: string; encoding: TextEncoding; bytes: Uint8Array; kind: DocumentKind } | { result: LintResult }> {
  if (t.problem) return { result: failure(t.path, t.message ?? `Cannot read file: ${t.problem}.`) };
  // An attachment by name has its own limit; a .txt that turns out to be a report is held to the report limit once read.
  const attachmentName = t.kind === 'csv' || t.kind === 'crtsh' || isAttachmentName(t.path);
  const threadName = t.kind === 'thread' || isThreadName(t.path);
  const limit = attachmentName ? setup.maxAttachmentSize : threadName ? setup.maxThreadSize : setup.maxFileSize;
  if (!t.stdin) {
    try {
      const st = await io.stat(path.resolve(io.cwd, t.path));
      if (limit > 0 && st.size > limit) return { result: failure(t.path, tooLarge(st.size, limit, attachmentName, threadName)) };
    } catch (error) {
      return { result: failure(t.path, readErrorText(error)) };
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = t.stdin ? await io.readStdin(limit > 0 ? limit : undefined) : await io.readFile(path.resolve(io.cwd, t.path));
  } catch (error) {
    return { result: failure(t.path, readErrorText(error)) };
  }
  if (limit > 0 && bytes.length > limit) {
    // Stdin stops being read past the limit, so its full size is not known.
    return { result: failure(t.path, tooLarge(t.stdin ? undefined : bytes.length, limit, attachmentName, threadName)) };
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { result: failure(t.path, `Cannot lint file: ${decoded.reason}.`) };
  const kind = t.kind ?? kindOf(t.path, decoded.text);
  if (kind === 'report' && setup.maxFileSize > 0 && bytes.length > setup.maxFileSize) {
    return { result: failure(t.path, tooLarge(t.stdin ? undefined : bytes.length, setup.maxFileSize, false)) };
  }
  return { text: decoded.text, encoding: decoded.encoding, bytes, kind };
}

/** Hooks a worker uses to tell its watchdog which rule is running; on the main thread, the plugin rules' time budget. */
export type RuleProbe = Pick<LintOptions, 'onRuleStart' | 'skipRules' | 'runRule'>;

/** What linting a report needs from the run and its file's config: rules, `now`, the template, the rule ids directives may name. */
export function reportLintOptions(t: FileTarget, setup: RunSetup, fileConfig: FileConfig): LintOptions {
  return lintOptionsFor(fileConfig, { at: setup.now, isDay: setup.nowIsDay }, t.path, setup.template);
}

/** Read, lint (and with --fix, fix) one file. */
export async function lintOne(io: Io, t: FileTarget, setup: RunSetup, fileConfig: FileConfig, opts: CliOptions, probe: RuleProbe = {}): Promise<LintResult> {
  const read = await readTarget(io, t, setup);
  if ('result' in read) return read.result;
  const { rules } = fileConfig;
  if (read.kind === 'thread') {
    // A bug thread: its rules, and the CA's reports in it with the report rules; nothing to fix, no source to show.
    // -f html draws each bug's time line: keep its reports and questions on the result (other formats never carry them).
    const threadOpts: LintOptions = { ...reportLintOptions(t, setup, fileConfig), reportUnusedDisables: opts.reportUnusedDisables, ...probe };
    if (opts.format === 'html') threadOpts.threadDetail = true;
    return lintToResult(t.path, read.text, 'thread', threadOpts, false);
  }
  if (read.kind !== 'report') {
    // An Appendix attachment: its own rules, nothing to fix.
    return lintToResult(t.path, read.text, read.kind, { rules, now: setup.now, filePath: t.path, ...probe }, FORMATS_WITH_SOURCE.has(opts.format));
  }
  const lintOpts: LintOptions = { ...reportLintOptions(t, setup, fileConfig), reportUnusedDisables: opts.reportUnusedDisables, ...probe };
  // The Appendix files the report names, read beside it for its rules (none for stdin: there is no "beside").
  if (!t.stdin) lintOpts.attachments = await pairedAttachments(io, t.path, read.text, setup.maxAttachmentSize);
  if (opts.fix || opts.fixDryRun) {
    const fixed = await fixFile(io, t, read, (text) => lintText(text, lintOpts).messages, opts);
    const failed = fixed.failure !== undefined ? [failure(t.path, fixed.failure).messages[0] as LintMessage] : [];
    const extra: Partial<LintResult> = { source: fixed.source };
    if (fixed.output !== undefined && failed.length === 0) extra.output = fixed.output;
    if (failed.length > 0 || fixed.messages.some((m) => m.fatal)) extra.fatalError = true;
    return makeResult(t.path, [...failed, ...fixed.messages], extra);
  }
  // Keep the text only where the output shows it: thousands of files must not stay in memory.
  return lintToResult(t.path, read.text, 'report', lintOpts, FORMATS_WITH_SOURCE.has(opts.format));
}
