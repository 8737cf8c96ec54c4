/**
 * Apply fixes (text edits) to a source: non-overlapping edits, in order;
 * an edit that overlaps an earlier one waits for the next pass.
 */
import type { Fix, LintMessage } from '../types.js';

export interface FixOutcome {
  output: string;
  /** Messages whose fix was applied. */
  applied: LintMessage[];
  /** Messages whose fix overlapped another and was left for a later pass. */
  skipped: LintMessage[];
}

export function applyFixes(source: string, messages: LintMessage[]): FixOutcome {
  const withFix = messages.filter((m): m is LintMessage & { fix: Fix } => m.fix !== undefined);
  withFix.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const applied: LintMessage[] = [];
  const skipped: LintMessage[] = [];
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  for (const m of withFix) {
    const [start, end] = m.fix.range;
    // Two insertions at one point, or an edit starting inside the previous one, overlap.
    if (start < lastEnd || (start === lastEnd && start === end && applied.length > 0 && applied[applied.length - 1]!.fix!.range[1] === start)) {
      skipped.push(m);
      continue;
    }
    out += source.slice(cursor, start) + m.fix.text;
    cursor = end;
    lastEnd = end;
    applied.push(m);
  }
  out += source.slice(cursor);
  return { output: out, applied, skipped };
}
