/**
 * Limits on Markdown shapes that no report needs and that the Markdown parser
 * handles in time far worse than linear. Checked in one linear pass before
 * parsing; a file over a limit is refused with the line where it happens.
 *
 * Nesting: micromark's cost for lists and block quotes nested d levels deep
 * grows with d² per line or worse (`- - - … x`, 2,000 levels: 3.5 s; 4,000:
 * 25 s; 10,000: minutes). Real reports nest a few levels; quoted Bugzilla
 * replies maybe ten.
 */

/** Deepest nesting of lists and block quotes that is parsed. */
export const MAX_NESTING = 100;

/** A Markdown shape over a limit: the parser is not run on the file. */
export class InputLimitError extends Error {
  override name = 'InputLimitError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const SPACE = 32;
const TAB = 9;
const GT = 62;
const DASH = 45;
const STAR = 42;
const PLUS = 43;
const DOT = 46;
const PAREN = 41;

function isBlankChar(c: number): boolean {
  return c === SPACE || c === TAB || Number.isNaN(c) || c === 10 || c === 13;
}

/**
 * An upper estimate of the list and block-quote depth at which a line's text
 * sits: the container markers it starts with (`>`, `-`, `*`, `+`, `1.`, `1)`)
 * plus, when it starts with one, half its indentation (a nested item is
 * indented by at least two columns per level). A line of only `-` or only `*`
 * markers is a thematic break and counts 0.
 */
export function lineNesting(source: string, start: number, end: number): number {
  let i = start;
  let indent = 0;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === SPACE) indent++;
    else if (c === TAB) indent += 4 - (indent % 4);
    else break;
    i++;
  }
  let depth = 0;
  let kinds = 0; // bit 1: '-', bit 2: '*', bit 4: anything else
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
    } else if (c === GT) {
      depth++;
      kinds |= 4;
      i++;
    } else if ((c === DASH || c === STAR || c === PLUS) && isBlankChar(i + 1 < end ? source.charCodeAt(i + 1) : NaN)) {
      depth++;
      kinds |= c === DASH ? 1 : c === STAR ? 2 : 4;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
      const d = source.charCodeAt(j);
      if (j < end && (d === DOT || d === PAREN) && isBlankChar(j + 1 < end ? source.charCodeAt(j + 1) : NaN)) {
        depth++;
        kinds |= 4;
        i = j + 1;
      } else break;
    } else break;
  }
  if (depth === 0) return 0;
  if (i >= end && (kinds === 1 || kinds === 2)) return 0; // `- - -`, `* * *`: a thematic break
  return depth + (indent >> 1);
}

/** Throws InputLimitError for the first line nested deeper than `max`. */
export function checkNesting(source: string, max = MAX_NESTING): void {
  let start = 0;
  let line = 1;
  const n = source.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = source.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const depth = lineNesting(source, start, end);
    if (depth > max) {
      throw new InputLimitError(
        `Markdown nested about ${depth} levels deep (lists or block quotes) at line ${line}; ir-lint parses reports nested at most ${max} levels deep, so this file was not linted.`,
        line,
      );
    }
    if (end >= n) break;
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
}
