/**
 * Fixes: text edits (ESLint's `{ range, text }`) on diagnostics, applied
 * without touching anything outside their ranges.
 *
 * - `applyFixes` applies one pass of non-overlapping edits; an edit that
 *   overlaps an earlier one waits for the next pass.
 * - `fixLoop` lints, applies, re-lints, until nothing changes (at most
 *   MAX_FIX_PASSES passes), and returns the fixed text with the diagnostics
 *   that remain in it.
 *
 * Pure: no file system, no process, no clock.
 */
import type { Fix, LintMessage } from '../types.js';

export interface FixOutcome {
  output: string;
  /** Messages whose fix was applied. */
  applied: LintMessage[];
  /** Messages whose fix overlapped another and was left for a later pass. */
  skipped: LintMessage[];
}

/** ESLint's bound: a fix that keeps producing new fixes stops here. */
export const MAX_FIX_PASSES = 10;

/**
 * The line ending a file uses: CRLF when most of its line breaks are CRLF,
 * otherwise LF (also for a file with no line break at all).
 */
export function lineEndingOf(source: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
    if (i > 0 && source.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Rules write inserted text with `\n`; in a CRLF file it becomes `\r\n`. */
export function adaptLineEndings(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}

export function applyFixes(source: string, messages: LintMessage[]): FixOutcome {
  const withFix = messages.filter((m): m is LintMessage & { fix: Fix } => m.fix !== undefined);
  // Stable: equal ranges keep the (deterministic) message order.
  withFix.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const eol = lineEndingOf(source);
  const applied: LintMessage[] = [];
  const skipped: LintMessage[] = [];
  let out = '';
  let cursor = 0;
  let previous: Fix | undefined;
  for (const m of withFix) {
    const [start, end] = m.fix.range;
    // An edit starting inside the previous one overlaps it; so do two insertions at one point
    // and an insertion right after a replacement (which would come first is not defined).
    if (previous && (start < previous.range[1] || (start === previous.range[1] && start === end))) {
      skipped.push(m);
      continue;
    }
    out += source.slice(cursor, start) + adaptLineEndings(m.fix.text, eol);
    cursor = end;
    previous = m.fix;
    applied.push(m);
  }
  out += source.slice(cursor);
  return { output: out, applied, skipped };
}

export interface FixLoopResult {
  /** The text after every pass (equal to the source when nothing was fixed). */
  output: string;
  /** The diagnostics of `output`. */
  messages: LintMessage[];
  /** Passes that changed the text. */
  passes: number;
  /** Fixes applied over all passes. */
  appliedCount: number;
  /** True when the text changed. */
  changed: boolean;
}

/**
 * Lint, apply the fixes, re-lint, repeat until no fix is left or a pass
 * changes nothing (bounded; a pass that would return to an earlier text
 * stops the loop). Nothing is fixed when a rule failed (a fatal message):
 * its findings are unknown, so the text is left as it is.
 */
export function fixLoop(source: string, lint: (text: string) => LintMessage[], maxPasses = MAX_FIX_PASSES): FixLoopResult {
  let text = source;
  let messages = lint(text);
  let passes = 0;
  let appliedCount = 0;
  const seen = new Set<string>([text]);
  while (passes < maxPasses) {
    if (messages.some((m) => m.fatal)) break;
    if (!messages.some((m) => m.fix)) break;
    const outcome = applyFixes(text, messages);
    if (outcome.output === text || seen.has(outcome.output)) break;
    seen.add(outcome.output);
    text = outcome.output;
    appliedCount += outcome.applied.length;
    passes++;
    messages = lint(text);
  }
  return { output: text, messages, passes, appliedCount, changed: text !== source };
}
