/**
 * One entry point for a file of any kind: a report, an Appendix attachment
 * or a bug thread (src/engine/thread.ts, which builds on src/engine/index.ts;
 * this module sits above both, so neither imports the other back).
 */
import type { DocumentKind } from '../parse/attachment.js';
import { makeResult } from '../result.js';
import type { Deadline, LintMessage, LintResult, ThreadSummary } from '../types.js';
import { checkLowLevelOptions, lintAttachment, lintText, type LintOptions } from './index.js';
import { lintThread } from './thread.js';

/** Lint a file of any kind: the one entry point hosts call. */
export function lintDocument(source: string, kind: DocumentKind, options: LintOptions): { messages: LintMessage[]; deadlines?: Deadline[]; thread?: ThreadSummary } {
  if (kind === 'thread') {
    checkLowLevelOptions(options);
    return lintThread(source, options);
  }
  return kind === 'report' ? lintText(source, options) : lintAttachment(source, kind, options);
}

/**
 * Lint a file of any kind into its result, as every host shows it: counts,
 * `fatalError` when a message is fatal, and the source when `keepSource`
 * and there is something to show it for.
 */
export function lintToResult(filePath: string, source: string, kind: DocumentKind, options: LintOptions, keepSource: boolean): LintResult {
  const { messages, deadlines, thread } = lintDocument(source, kind, options);
  const extra: Partial<LintResult> = {};
  if (messages.some((m) => m.fatal)) extra.fatalError = true;
  // A thread's findings are located in its comments' text, not in the export's lines: no source to show them in.
  if (keepSource && messages.length > 0 && kind !== 'thread') extra.source = source;
  if (deadlines) extra.deadlines = deadlines;
  if (thread) extra.thread = thread;
  return makeResult(filePath, messages, extra);
}
