/**
 * One run's setup and the linting of one file: shared by the main thread
 * and the worker threads (src/cli/worker.ts), so that both produce the same
 * result for the same file.
 */
import path from 'node:path';
import { rules as builtinRules } from '../../rules/index.js';
import { createConfigResolver, type ConfigResolverOptions, type FileConfig } from '../config/load.js';
import { decodeReport, type TextEncoding } from '../decode.js';
import { lintOptionsFor } from '../api.js';
import { lintText, type LintOptions } from '../engine/index.js';
import { lintToResult } from '../engine/document.js';
import { makeResult } from '../result.js';
import { isAttachmentName, isThreadName, kindOf, type DocumentKind } from '../kinds.js';
import { pairedAttachments } from '../attachments.js';
import { errnoText, formatSize } from '../errors.js';
import type { Io } from '../io.js';
import type { LintMessage, LintResult, Rule } from '../types.js';
import type { CliOptions } from './args.js';
import type { FileTarget } from './files.js';
import { fixFile } from './fix.js';
import type { ConfigSource, RunPlan } from './plan.js';

export { DEFAULT_MAX_ATTACHMENT_SIZE, DEFAULT_MAX_FILE_SIZE } from '../limits.js';
/** Formats that show a file's source (ESLint's json carries it; SARIF fixes need it). */
export const FORMATS_WITH_SOURCE: ReadonlySet<string> = new Set(['json', 'sarif']);

/** A plan opened for linting: its configs resolve (nearest config file wins), its plugins are known. */
export interface RunSetup extends RunPlan {
  /** Config that applies to a file (nearest config file wins). */
  configFor(filePath: string): Promise<FileConfig>;
  /** Every rule known to this run (built-in and plugins), for messages and formats. */
  knownRules: ReadonlyMap<string, Rule>;
}

/** The config resolver's options for a plan's config source (the built-in rules, then --config, --no-config, --rule). */
export function configOptions(source: ConfigSource): ConfigResolverOptions {
  const o: ConfigResolverOptions = { builtins: builtinRules, ruleFlags: source.ruleFlags };
  if (source.config !== undefined) o.config = source.config;
  return o;
}

/** Open a plan for linting, in the main thread or a worker: reads neither the arguments nor the clock. */
export function openRun(io: Io, plan: RunPlan): RunSetup {
  const resolver = createConfigResolver(io, configOptions(plan.configs));
  return { ...plan, configFor: (filePath) => resolver.forFile(filePath), knownRules: resolver.allRules };
}

export function failure(filePath: string, message: string): LintResult {
  const m: LintMessage = { ruleId: null, messageId: 'fileError', severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return makeResult(filePath, [m], { fatalError: true });
}

function readErrorText(error: unknown): string {
  return `Cannot read file: ${errnoText(error)}.`;
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
  return lintOptionsFor(fileConfig, setup.now, t.path, setup.template);
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
    return lintToResult(t.path, read.text, read.kind, { rules, now: setup.now.at, filePath: t.path, ...probe }, FORMATS_WITH_SOURCE.has(opts.format));
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
