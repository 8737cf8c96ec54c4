/**
 * Offsets, lines and columns: the positions every parser and the engine share.
 */
import type { Span } from '../model.js';

/** Offsets at which each line starts (index 0 = line 1). */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset → 1-based line and column. */
export function positionAt(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}

export function spanOf(lineStarts: number[], start: number, end: number): Span {
  const a = positionAt(lineStarts, start);
  const b = positionAt(lineStarts, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start, end };
}
