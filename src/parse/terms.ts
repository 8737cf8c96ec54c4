/**
 * Words shared between two pieces of a report (a lesson and an action item):
 * lower-case word tokens, stop words dropped, a light suffix stemmer so that
 * "monitoring" meets "monitor" and "revocations" meets "revocation". Also a
 * word-start alternation built from a list of phrases, and every timestamp of
 * a line. Every regex here is linear.
 */
import { escapeRegExp, norm } from './text.js';
import { parseTimestamp, type ParsedTimestamp } from './timestamp.js';

/** Suffixes removed, longest first; the stem keeps at least four letters. */
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ness', 'ions', 'ion', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 'ly', 'al', 's', 'e', 'y'];

/** A word's stem: lower case, common English suffixes removed. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 4 && w.endsWith(s)) {
      w = w.slice(0, w.length - s.length);
      break;
    }
  }
  // A doubled final consonant ("stopp" from "stopped") counts once.
  if (w.length >= 5 && w.charAt(w.length - 1) === w.charAt(w.length - 2) && !/[aeiou]/.test(w.charAt(w.length - 1))) w = w.slice(0, -1);
  return w;
}

/** The stems of a text's words of at least `minLength` letters, stop words left out, each with the first word it came from. */
export function termsOf(text: string, stopWords: ReadonlySet<string>, minLength = 3, same: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of norm(text).matchAll(/[a-z][a-z0-9'-]*/g)) {
    const w = m[0].replace(/'s$/, '').replace(/'/g, '');
    if (w.length < minLength || stopWords.has(w)) continue;
    for (const part of w.split('-')) {
      if (part.length < minLength || stopWords.has(part)) continue;
      const own = stem(part);
      const s = same.get(own) ?? own;
      if (!stopWords.has(s) && !out.has(s)) out.set(s, part);
    }
  }
  return out;
}

/** Groups of words that count as one term ("customer subscriber client"): each word's stem mapped to the first word's. */
export function sameTerms(groups: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups) {
    const words = norm(g).split(/[\s,]+/).filter((w) => w.length > 0);
    const first = words[0];
    if (first === undefined) continue;
    for (const w of words) out.set(stem(w), stem(first));
  }
  return out;
}

/** Terms of `a` also in `b`; two stems of six letters or more also meet when one starts the other. */
export function sharedTerms(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  // Stems of six letters or more by their first six, so that the prefix test looks only at candidates.
  const byPrefix = new Map<string, string[]>();
  for (const u of b.keys()) {
    if (u.length < 6) continue;
    const k = u.slice(0, 6);
    const list = byPrefix.get(k);
    if (list) list.push(u);
    else byPrefix.set(k, [u]);
  }
  const out: string[] = [];
  for (const t of a.keys()) {
    if (b.has(t)) out.push(t);
    else if (t.length >= 6 && (byPrefix.get(t.slice(0, 6)) ?? []).some((u) => u.startsWith(t) || t.startsWith(u))) out.push(t);
  }
  return out;
}

/**
 * An alternation matching any of the phrases at the start of a word (with
 * `wholeWord`, also ending at a word's end), case-insensitively; undefined
 * for an empty list.
 */
export function phrasesRegExp(phrases: readonly string[], wholeWord = false): RegExp | undefined {
  const w = phrases.map((p) => norm(p)).filter((p) => p.length > 0);
  return w.length > 0 ? new RegExp(`(?<![a-z0-9])(?:${w.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|')})${wholeWord ? '(?![a-z0-9])' : ''}`, 'i') : undefined;
}

/** Every timestamp in a line, left to right, with offsets relative to the line. */
export function timestampsIn(text: string, max = 20): ParsedTimestamp[] {
  const out: ParsedTimestamp[] = [];
  let from = 0;
  while (from < text.length && out.length < max) {
    const rest = text.slice(from);
    const ts = parseTimestamp(rest);
    if (!ts) break;
    const shifted = shift(ts, from);
    out.push(shifted);
    const next = from + Math.max(ts.span[1], 1);
    if (next <= from) break;
    from = next;
  }
  return out;
}

function shift(ts: ParsedTimestamp, by: number): ParsedTimestamp {
  if (by === 0) return ts;
  const s = (span: [number, number]): [number, number] => [span[0] + by, span[1] + by];
  const out: ParsedTimestamp = { ...ts, span: s(ts.span) };
  if (ts.date) out.date = { ...ts.date, span: s(ts.date.span) };
  if (ts.time) out.time = { ...ts.time, span: s(ts.time.span) };
  if (ts.zone) out.zone = { ...ts.zone, span: s(ts.zone.span) };
  return out;
}
