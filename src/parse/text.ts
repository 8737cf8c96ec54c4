/**
 * Small text helpers shared by the parser and the rules. Every regex here is
 * linear: no nested quantifiers, no overlapping alternations under a star.
 */

/** Lower-case, straight quotes and apostrophes, no emphasis markers, single spaces. */
export function norm(text: string): string {
  if (plainAscii(text)) return text.trim().toLowerCase();
  let t = text;
  // Each replacement runs only when needed: norm() is called for most lines of every report.
  if (SPECIAL.test(t)) {
    t = t
      .replace(/[\u2018\u2019\u201B\u02BC\u00B4`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
      .replace(/[*_]+/g, '');
  }
  if (SPACES.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim().toLowerCase();
}

/**
 * True when norm() has nothing to replace: printable ASCII other than * _ and
 * backquote, with no two spaces in a row. One pass over the characters,
 * cheaper than the two regex tests for the short labels and values norm()
 * mostly sees.
 */
function plainAscii(text: string): boolean {
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (c < 33 || c > 126 || c === 42 || c === 95 || c === 96) return false;
  }
  return true;
}

const SPECIAL = /[\u2018\u2019\u201B\u02BC\u00B4`\u201C\u201D\u201E\u00AB\u00BB*_]/;
const SPACES = /\s\s|[\t\n\r\f\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

/** Remove trailing characters in `chars` (linear, unlike a `/[…]+$/` regex on long runs). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Normalise a heading for comparison with template titles: no trailing `:`/`?`, no numbering. */
export function normTitle(text: string): string {
  let t = norm(text.replace(/\\/g, ''));
  t = t.replace(/^#+\s*/, '');
  t = trimEndChars(trimEndChars(t, '#'), ' \t');
  t = t.replace(/^(?:\d{1,2}[.)]|[ivx]{1,4}\.)\s+/, '');
  // Full-width colon and question mark too ("Summary\uFF1A").
  t = trimEndChars(t, ' \t:?.\uFF1A\uFF1F');
  return t;
}

/** A heading's title without a trailing parenthetical or dash note: "Timeline (All times UTC)" → "timeline". */
export function stripTitleNote(normalised: string): string {
  const paren = normalised.indexOf(' (');
  let t = paren > 0 ? normalised.slice(0, paren) : normalised;
  const dash = t.search(/ [-\u2013\u2014:] /);
  if (dash > 0) t = t.slice(0, dash);
  return trimEndChars(t, ' \t:?.\uFF1A\uFF1F');
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regex source that matches `label` the way people write it: any case,
 * either apostrophe or quote style, flexible spaces, optional emphasis.
 */
export function labelPattern(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === "'" || ch === '\u2019') out += "['\u2018\u2019\u02BC`]?";
    else if (ch === '"' || ch === '\u201C' || ch === '\u201D') out += '["\u201C\u201D\u201E]?';
    else if (ch === ' ') out += '[ \\t]+';
    else if (ch === '-') out += '[-\u2010\u2011 ]?';
    else out += escapeRegExp(ch);
  }
  return out;
}

/** Words in a label (for deciding how strict label matching must be). */
export function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

const NA_VALUES = new Set(['n/a', 'n/a.', 'na', 'n.a.', 'n.a', 'not applicable', 'not applicable.']);

/** True when a value says the field does not apply (any accepted spelling). */
export function isNotApplicable(value: string): boolean {
  const v = norm(value);
  if (NA_VALUES.has(v)) return true;
  return /^n\/a\b/.test(v);
}

/** Truncate for messages. */
export function clip(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
