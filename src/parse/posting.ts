/**
 * The text to paste into a Bugzilla comment, and how Bugzilla reads it.
 *
 * What is removed: the YAML front matter (its lines, up to and including the
 * closing `---` line and its line ending) and every ir-lint directive comment.
 * A line that holds nothing but directive comments and white space goes with
 * its line ending; a directive inside a line leaves the rest of the line as it
 * is. Nothing else changes: line endings, trailing spaces, blank lines and a
 * missing final newline stay. Both would otherwise show as text: bmo
 * (bugzilla.mozilla.org, Bugzilla/Markdown.pm) replaces every `<` that does not
 * start `http://` or `https://` before cmark-gfm renders the comment.
 *
 * How Bugzilla counts (Bugzilla/Comment.pm `_check_thetext`): trailing white
 * space is removed, CRLF and CR become LF, then Perl's `length` of the decoded
 * text must not exceed MAX_COMMENT_LENGTH (65535, Bugzilla/Constants.pm). Perl
 * counts characters (code points), not bytes and not UTF-16 units.
 */
import type { IncidentReport } from '../model.js';
import { positionAt } from './positions.js';

/**
 * One ir-lint directive comment (src/engine/directives.ts reads the same
 * ones): `<!-- ir-lint-<kind> [rules] [-- reason] -->` on one line.
 */
export const DIRECTIVE_COMMENT = /<!--\s*ir-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|-->)([^]*?)-->/g;

/** What `--for-bugzilla` cuts from the file, in source offsets (end exclusive). */
export interface Removal {
  start: number;
  end: number;
  what: 'front-matter' | 'directive';
}

/** The text to paste, and how its offsets map back to the file. */
export interface Posting {
  text: string;
  removals: Removal[];
  /** The source offset of an offset in `text`. */
  toSource(offset: number): number;
}

/** Offsets of the ir-lint directive comments that Markdown reads as HTML (so not in code, front matter or escapes). */
export function directiveComments(report: IncidentReport): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const source = report.source;
  for (const node of report.markup.html) {
    const text = source.slice(node.start, node.end);
    if (!text.includes('ir-lint-')) continue;
    // One line at a time: a directive is one comment on one line.
    let from = 0;
    while (from <= text.length) {
      let to = from;
      while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
      const line = text.slice(from, to);
      // Only up to the last `-->`: an opener after it cannot match, and scanning from each one would be quadratic.
      const closed = line.slice(0, line.lastIndexOf('-->') + 3);
      DIRECTIVE_COMMENT.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = DIRECTIVE_COMMENT.exec(closed)) !== null) out.push({ start: node.start + from + m.index, end: node.start + from + m.index + m[0].length });
      if (to >= text.length) break;
      from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
    }
  }
  return out;
}

/** The end of a line's line ending (the next line's start, or the end of the source). */
function lineEnd(report: IncidentReport, line: number): number {
  return line < report.lineStarts.length ? (report.lineStarts[line] as number) : report.source.length;
}

function isOnlySpaces(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** What the text to paste leaves out of the file, in order. */
export function postingRemovals(report: IncidentReport): Removal[] {
  const out: Removal[] = [];
  if (report.frontMatter) out.push({ start: 0, end: lineEnd(report, report.frontMatter.span.endLine), what: 'front-matter' });
  const comments = directiveComments(report);
  for (let i = 0; i < comments.length; ) {
    const first = comments[i] as { start: number; end: number };
    const line = report.lines[positionAt(report.lineStarts, first.start).line - 1];
    if (!line) {
      i++;
      continue;
    }
    const lineStop = line.start + line.raw.length;
    const onLine: Array<{ start: number; end: number }> = [];
    while (i < comments.length && (comments[i] as { start: number }).start <= lineStop) onLine.push(comments[i++] as { start: number; end: number });
    let rest = '';
    let at = line.start;
    for (const c of onLine) {
      rest += report.source.slice(at, c.start);
      at = c.end;
    }
    rest += report.source.slice(at, lineStop);
    if (isOnlySpaces(rest)) out.push({ start: line.start, end: lineEnd(report, line.line), what: 'directive' });
    else for (const c of onLine) out.push({ start: c.start, end: c.end, what: 'directive' });
  }
  return out;
}

/** The text to paste into the Bugzilla comment box (computed once per report). */
export function posting(report: IncidentReport): Posting {
  const cached = report.cache.get('posting') as Posting | undefined;
  if (cached) return cached;
  const removals = postingRemovals(report);
  const source = report.source;
  // Kept pieces: [source start, source end, offset in the text].
  const kept: Array<[number, number, number]> = [];
  let text = '';
  let at = 0;
  for (const r of removals) {
    if (r.start > at) {
      kept.push([at, r.start, text.length]);
      text += source.slice(at, r.start);
    }
    at = Math.max(at, r.end);
  }
  if (at < source.length || kept.length === 0) {
    kept.push([at, source.length, text.length]);
    text += source.slice(at);
  }
  const toSource = (offset: number): number => {
    let lo = 0;
    let hi = kept.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((kept[mid] as [number, number, number])[2] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [start, end, base] = kept[lo] as [number, number, number];
    return Math.min(end, start + (offset - base));
  };
  const result: Posting = { text, removals, toSource };
  report.cache.set('posting', result);
  return result;
}

/** Perl's `\s` on a decoded string (Bugzilla's trailing-space trim); unlike JavaScript's, without U+FEFF and with U+0085. */
function isPerlSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The length of the text where Bugzilla stores it: trailing white space removed, CRLF and CR counted as one LF. */
function storedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isPerlSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Walk `text` as Bugzilla counts it (code points, CRLF as one) and return
 * the number of characters, and the offset in `text` of character `limit + 1`
 * (undefined when there are no more than `limit`).
 */
export function bugzillaLength(text: string, limit = Infinity): { length: number; overAt?: number } {
  const end = storedEnd(text);
  let count = 0;
  let overAt: number | undefined;
  for (let i = 0; i < end; ) {
    if (count === limit && overAt === undefined) overAt = i;
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 2;
    else i++;
    count++;
  }
  const out: { length: number; overAt?: number } = { length: count };
  if (overAt !== undefined) out.overAt = overAt;
  return out;
}

/**
 * True when Bugzilla shows the comment as plain text: its first line (after
 * white space) is `#[markdown(off)]` followed by a line break
 * (Bugzilla/Markdown.pm: `/^\s*#\[markdown\(off\)\]\n/`, on the stored text).
 */
export function markdownOff(text: string): boolean {
  const end = storedEnd(text);
  let i = 0;
  while (i < end && isPerlSpace(text.charCodeAt(i))) i++;
  const tag = '#[markdown(off)]';
  if (!text.startsWith(tag, i)) return false;
  const after = i + tag.length;
  return after < end && (text.charCodeAt(after) === 10 || text.charCodeAt(after) === 13);
}
