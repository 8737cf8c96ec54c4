/**
 * The seven questions of a Mozilla incident report (the legacy template):
 * which question a line asks, and lines that ask several at once.
 */
import type { SourceLine } from '../model.js';
import { TEMPLATES, type SectionSpec } from '../templates.js';
import { norm } from './text.js';
import { headingLike } from './headings.js';

export const LEGACY = TEMPLATES['mozilla-legacy'];
const NUMBERED_PREFIX = /^(?:(?:topic|question|q)[ \t]*\d{1,2}[ \t]*[:.)-]?|\d{1,2}[ \t]*[.)])[ \t]*/i;

/**
 * How much of a line legacyQuestionOf reads, normalised: 160 characters when a
 * question title may start the line (anchored patterns, short forms); 100
 * otherwise, where only the unanchored patterns apply, each a phrase of at
 * most 40 characters that must start within the first 60. And how much of
 * the raw line it normalises to get there.
 */
const LEGACY_HEAD = { anchored: 160, unanchored: 100 };
const LEGACY_PREFIX = { anchored: 400, unanchored: 250 };

/** The legacy question a line asks, if any. */
export function legacyQuestionOf(l: SourceLine, inLegacyBlock: boolean): SectionSpec | undefined {
  if (l.kind !== 'text') return undefined;
  let body = l.body.replace(/^(?:\*\*|__)(?=\S)/, '');
  // "2.A timeline…" and "Topic 2: Timeline"
  const np = NUMBERED_PREFIX.exec(body);
  const numbered = np !== null || (l.bullet !== undefined && /\d/.test(l.bullet));
  const explicit = np !== null && /^(?:topic|question|q)/i.test(np[0]);
  if (np) body = body.slice(np[0].length);
  const anchorAllowed = explicit || (numbered && inLegacyBlock) || headingLike(l);
  const headLength = anchorAllowed ? LEGACY_HEAD.anchored : LEGACY_HEAD.unanchored;
  const prefix = anchorAllowed ? LEGACY_PREFIX.anchored : LEGACY_PREFIX.unanchored;
  // Only the start of the line is matched: normalise a prefix (norm works character by
  // character, so a long enough prefix normalises to the same head), the whole line only
  // when markup or spacing shrinks the prefix below the head's length.
  const normHead = (t: string): string => norm(t).replace(/^[-\u2013\u2014:]\s*/, '');
  let text = body.length > prefix ? normHead(body.slice(0, prefix)) : normHead(body);
  if (body.length > prefix && text.length <= headLength) text = normHead(body);
  if (text.length === 0) return undefined;
  const head = text.slice(0, headLength);
  for (const q of LEGACY.sections) {
    for (const p of q.patterns ?? []) {
      const anchored = p.source.startsWith('^');
      if (anchored && !anchorAllowed) continue;
      const at = head.search(p);
      if (at < 0 || (!anchored && at > 60)) continue;
      return q;
    }
  }
  // Abbreviated titles count under their own number: "2. Timeline", "Topic 6: Root cause", "Q7 - Actions".
  if (explicit || (numbered && inLegacyBlock)) {
    const n = Number(((np?.[0] ?? l.bullet ?? '').match(/\d+/) ?? [''])[0]);
    const q = LEGACY.sections.find((s) => s.number === n);
    if (q && (/^(?:topic|question)/i.test(np?.[0] ?? '') || (q.shortForms ?? []).some((p) => p.test(head)))) return q;
  }
  return undefined;
}

const COMBINED_PREFIX = /^(?:\*\*|__)?(?:(?:questions?|topics?|q)[ \t]*)?([1-7])[ \t]*(?:and|&|\+|\/|,)[ \t]*(?:q[ \t]*)?([1-7])[ \t]*[.):-]/i;

/** The questions a heading such as "4 and 5. Summary and data of the problematic certificates" answers together. */
export function combinedQuestions(l: SourceLine): SectionSpec[] | undefined {
  if (l.kind !== 'text' || l.body.length > 300) return undefined;
  const m = COMBINED_PREFIX.exec(l.body);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a === b) return undefined;
  const out = LEGACY.sections.filter((s) => s.number === a || s.number === b);
  return out.length === 2 ? out : undefined;
}

/** "2. A timeline…" inside a line: a question whose line break was collapsed away. */
const INLINE_QUESTION = /(?<=[\s.;:)\]])(?:(?:topic|question)[ \t]*)?[1-7][ \t]*[.):][ \t]*(?=[A-Za-z])/gi;

/**
 * A line that holds several questions (line breaks collapsed, as in some
 * mailing-list copies) as one virtual line per question, with the same line
 * number and the offsets of each part. Other lines are returned as they are.
 */
export function splitQuestionLine(l: SourceLine): SourceLine[] {
  if (l.kind !== 'text' || l.body.length < 60) return [l];
  if (combinedQuestions(l)) return [l];
  const cuts: number[] = [];
  for (const m of l.body.matchAll(INLINE_QUESTION)) {
    const at = m.index ?? 0;
    if (at === 0) continue;
    const part: SourceLine = { ...l, body: l.body.slice(at), bodyStart: l.bodyStart + at };
    delete part.bullet;
    delete part.headingDepth;
    if (legacyQuestionOf(part, true)) cuts.push(at);
  }
  if (cuts.length === 0) return [l];
  const out: SourceLine[] = [];
  let from = 0;
  for (const to of [...cuts, l.body.length]) {
    const body = l.body.slice(from, to).trimEnd();
    if (body.trim() !== '') {
      const part: SourceLine = { ...l, body, bodyStart: l.bodyStart + from };
      if (from > 0) {
        part.raw = body;
        part.start = part.bodyStart;
        part.indent = 0;
        delete part.bullet;
        delete part.headingDepth;
      }
      out.push(part);
    }
    from = to;
  }
  return out;
}

/** Lines with collapsed questions split into one virtual line per question. */
export function questionLines(lines: SourceLine[], parts?: Set<SourceLine>): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const split = splitQuestionLine(l);
    for (const part of split) {
      out.push(part);
      if (split.length > 1) parts?.add(part);
    }
  }
  return out;
}
