import type { IncidentReport, TimelineEntry } from '../src/model.js';
import { timelines, writtenTimestamp } from '../src/parse/timeline.js';
import { canonicalForm, localDate } from '../src/parse/timestamp.js';
import { defineRule } from '../src/types.js';

/**
 * What the order of two entries is decided on: an entry with a time of day
 * compares by its instant with another such entry, and by its local date with
 * a date-only entry (compareTimestamps: "at the precision both have").
 */
interface Keys {
  /** Local date (YYYY-MM-DD) in the entry's own zone, as a rank among all entries' dates. */
  day: number;
  /** Rank of the instant among the timed entries; -1 for a date-only entry. */
  time: number;
}

/** The keys of every entry, computed once for outOfOrder and nearestOutOfPlace. */
export interface OrderKeys {
  keys: Keys[];
  days: number;
  times: number;
}

export function orderKeys(entries: TimelineEntry[]): OrderKeys {
  const dayText = entries.map((e) => localDate(e.timestamp) ?? '');
  const ms = entries.map((e) => (e.timestamp.precision === 'date' || !e.timestamp.instant ? undefined : e.timestamp.instant.toMillis()));
  const dayRank = new Map([...new Set(dayText)].sort().map((d, i) => [d, i]));
  const timeRank = new Map([...new Set(ms.filter((m): m is number => m !== undefined))].sort((a, b) => a - b).map((m, i) => [m, i]));
  const keys = entries.map((_, i) => ({ day: dayRank.get(dayText[i] as string) as number, time: ms[i] === undefined ? -1 : (timeRank.get(ms[i] as number) as number) }));
  return { keys, days: dayRank.size, times: timeRank.size };
}

/**
 * A Fenwick tree over ranks 0..size-1 that answers "the best entry index
 * stored at a rank <= r", for a fixed order `better` on entry indexes.
 */
class PrefixBest {
  private readonly tree: Int32Array;
  constructor(
    private readonly size: number,
    private readonly better: (a: number, b: number) => boolean,
  ) {
    this.tree = new Int32Array(size + 1).fill(-1);
  }
  add(rank: number, index: number): void {
    for (let k = rank + 1; k <= this.size; k += k & -k) {
      const cur = this.tree[k] as number;
      if (cur < 0 || this.better(index, cur)) this.tree[k] = index;
    }
  }
  /** Best index at ranks 0..rank (-1: none; a negative rank: none). */
  best(rank: number): number {
    let out = -1;
    for (let k = Math.min(rank, this.size - 1) + 1; k > 0; k -= k & -k) {
      const cur = this.tree[k] as number;
      if (cur >= 0 && (out < 0 || this.better(cur, out))) out = cur;
    }
    return out;
  }
}

function pick(a: number, b: number, better: (x: number, y: number) => boolean): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return better(b, a) ? b : a;
}

/**
 * Indexes of the entries that are out of order: the complement of a longest
 * non-decreasing subsequence (each entry not earlier than the one before it,
 * compared as compareTimestamps does), so one misplaced entry is reported once
 * (not every entry after it). Ties keep the entry written first: of the
 * longest chains, the one a left-to-right search finds first. O(n log n): a
 * 57,000-row timeline takes milliseconds, not minutes.
 */
export function outOfOrder(entries: TimelineEntry[], ok: OrderKeys = orderKeys(entries)): number[] {
  const n = entries.length;
  if (n === 0) return [];
  const { keys, days, times } = ok;
  const len = new Int32Array(n);
  const prev = new Int32Array(n).fill(-1);
  // Longer chain first; of equal chains, the one ending first in the text.
  const better = (a: number, b: number): boolean => (len[a] as number) > (len[b] as number) || (len[a] === len[b] && a < b);
  const timed = new PrefixBest(Math.max(1, times), better); // timed entries by instant
  const dated = new PrefixBest(Math.max(1, days), better); // date-only entries by date
  const all = new PrefixBest(Math.max(1, days), better); // every entry by date
  let best = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i] as Keys;
    const j = k.time >= 0 ? pick(timed.best(k.time), dated.best(k.day), better) : all.best(k.day);
    len[i] = j >= 0 ? (len[j] as number) + 1 : 1;
    prev[i] = j;
    if (k.time >= 0) timed.add(k.time, i);
    else dated.add(k.day, i);
    all.add(k.day, i);
    if ((len[i] as number) > (len[best] as number)) best = i;
  }
  const keep = new Uint8Array(n);
  for (let i = best; i >= 0; i = prev[i] as number) keep[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i] === 0) out.push(i);
  return out;
}

/**
 * For each entry, the nearest entry above it that is later, and the nearest
 * entry below it that is earlier (-1: none), in O(n log n).
 */
export function nearestOutOfPlace(entries: TimelineEntry[], ok: OrderKeys = orderKeys(entries)): { laterAbove: Int32Array; earlierBelow: Int32Array } {
  const n = entries.length;
  const laterAbove = new Int32Array(n).fill(-1);
  const earlierBelow = new Int32Array(n).fill(-1);
  if (n === 0) return { laterAbove, earlierBelow };
  const { keys, days, times } = ok;
  const T = Math.max(1, times);
  const D = Math.max(1, days);
  // Above: the largest index with a greater key; ranks are mirrored so that "greater" is a prefix.
  const nearer = (a: number, b: number): boolean => a > b;
  let timed = new PrefixBest(T, nearer);
  let dated = new PrefixBest(D, nearer);
  let all = new PrefixBest(D, nearer);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as Keys;
    laterAbove[i] = k.time >= 0 ? pick(timed.best(T - 2 - k.time), dated.best(D - 2 - k.day), nearer) : all.best(D - 2 - k.day);
    if (k.time >= 0) timed.add(T - 1 - k.time, i);
    else dated.add(D - 1 - k.day, i);
    all.add(D - 1 - k.day, i);
  }
  // Below: the smallest index with a smaller key.
  const nearerBelow = (a: number, b: number): boolean => a < b;
  timed = new PrefixBest(T, nearerBelow);
  dated = new PrefixBest(D, nearerBelow);
  all = new PrefixBest(D, nearerBelow);
  for (let i = n - 1; i >= 0; i--) {
    const k = keys[i] as Keys;
    earlierBelow[i] = k.time >= 0 ? pick(timed.best(k.time - 1), dated.best(k.day - 1), nearerBelow) : all.best(k.day - 1);
    if (k.time >= 0) timed.add(k.time, i);
    else dated.add(k.day, i);
    all.add(k.day, i);
  }
  return { laterAbove, earlierBelow };
}

/** " (2024-03-05 10:18 UTC)" when the canonical form adds something to what is written. */
function label(report: IncidentReport, e: TimelineEntry): string {
  const c = canonicalForm(e.timestamp);
  return c && c !== writtenTimestamp(report, e) ? ` (${c})` : '';
}

export default defineRule({
  meta: {
    id: 'timeline-order',
    description: 'Require timeline entries in chronological order.',
    tags: ['timeline'],
    severity: 'warn',
    messages: {
      afterLater: 'Entry "{{found}}"{{when}} comes after "{{other}}"{{otherWhen}} on line {{otherLine}}, which is later; list the timeline in chronological order and move it before line {{otherLine}}.',
      beforeEarlier: 'Entry "{{found}}"{{when}} comes before "{{other}}"{{otherWhen}} on line {{otherLine}}, which is earlier; list the timeline in chronological order and move it after line {{otherLine}}.',
      laterEntry: 'The later entry is here.',
      earlierEntry: 'The earlier entry is here.',
    },
    rationale:
      'Reviewers read a timeline top to bottom to see what the CA knew when. An entry out of place, often a typo in a date or a time ("10:18" under the wrong day), makes the sequence of awareness and response impossible to follow and is one of the steady reasons reports are sent back. Entries are compared at the precision both have: a date-only entry is equal to any time that day.',
    source: 'CCADB IRG 3.x "Timeline"; Mozilla wiki: "a date-and-time-stamped sequence of all relevant events".',
    examples: [
      {
        title: 'A morning entry listed after an afternoon entry of the same day',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n2024-03-05:\n\n- 15:19 An email was received.\n- 10:18 The email was marked as junk.\n- 16:00 We replied.\n',
        expect: [{ messageId: 'afterLater', line: 10 }],
      },
    ],
  },
  check(report, ctx) {
    for (const t of timelines(report)) {
      // A time range ("2:10 - 12:56 UTC") spans the entries around it: where it is listed is the author's choice.
      const entries = t.entries.filter((e) => e.instant !== undefined && !e.timestamp.ambiguousDate && !e.timestamp.missingYear && e.timestamp.rangeEnd === undefined);
      const keys = orderKeys(entries);
      const flagged = outOfOrder(entries, keys);
      if (flagged.length === 0) continue;
      const { laterAbove, earlierBelow } = nearestOutOfPlace(entries, keys);
      // One entry is often the "other" of many: format each entry once (a shuffled 70,000-row timeline has 69,000 findings).
      const texts = new Map<TimelineEntry, { written: string; when: string }>();
      const textOf = (x: TimelineEntry): { written: string; when: string } => {
        let t = texts.get(x);
        if (!t) texts.set(x, (t = { written: writtenTimestamp(report, x), when: label(report, x) }));
        return t;
      };
      const written = (x: TimelineEntry): string => textOf(x).written;
      const when = (x: TimelineEntry): string => textOf(x).when;
      for (const i of flagged) {
        const e = entries[i] as TimelineEntry;
        const data = { found: written(e), when: when(e) };
        // The nearest entry above that is later; else the nearest entry below that is earlier.
        const above = laterAbove[i] as number;
        if (above >= 0) {
          const other = entries[above] as TimelineEntry;
          ctx.report({
            messageId: 'afterLater',
            data: { ...data, other: written(other), otherWhen: when(other), otherLine: other.line },
            loc: { start: e.at.start, end: e.at.end },
            related: [{ messageId: 'laterEntry', line: other.line, column: other.at.column }],
          });
          continue;
        }
        const below = earlierBelow[i] as number;
        if (below >= 0) {
          const other = entries[below] as TimelineEntry;
          ctx.report({
            messageId: 'beforeEarlier',
            data: { ...data, other: written(other), otherWhen: when(other), otherLine: other.line },
            loc: { start: e.at.start, end: e.at.end },
            related: [{ messageId: 'earlierEntry', line: other.line, column: other.at.column }],
          });
        }
      }
    }
  },
});
