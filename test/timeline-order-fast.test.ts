/**
 * timeline-order's O(n log n) search gives the findings of the quadratic
 * search it replaced (kept here as the reference), on every fixture, every
 * corpus report and random timelines that mix dates, times, date-only entries
 * and zones; and a 57,000-row timeline (the quadratic search took 85 s on it).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestOutOfPlace, outOfOrder } from '../rules/timeline-order.js';
import type { TimelineEntry } from '../src/model.js';
import { parseReport } from '../src/parse/index.js';
import { timelines } from '../src/parse/timeline.js';
import { compareTimestamps } from '../src/parse/timestamp.js';
import { corpusFiles } from './helpers/corpus.js';

/** The quadratic reference: longest non-decreasing chain by dynamic programming, then a scan for the other entry. */
function reference(entries: TimelineEntry[]): Array<[number, 'above' | 'below' | 'none', number]> {
  const n = entries.length;
  const cmp = (i: number, j: number): number => compareTimestamps((entries[i] as TimelineEntry).timestamp, (entries[j] as TimelineEntry).timestamp) ?? 0;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (cmp(j, i) <= 0 && (len[j] as number) + 1 > (len[i] as number)) {
        len[i] = (len[j] as number) + 1;
        prev[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 0; i < n; i++) if ((len[i] as number) > (len[best] as number)) best = i;
  const keep = new Set<number>();
  for (let i = n > 0 ? best : -1; i >= 0; i = prev[i] as number) keep.add(i);
  const out: Array<[number, 'above' | 'below' | 'none', number]> = [];
  for (let i = 0; i < n; i++) {
    if (keep.has(i)) continue;
    let other = -1;
    for (let j = i - 1; j >= 0 && other < 0; j--) if (cmp(j, i) > 0) other = j;
    if (other >= 0) {
      out.push([i, 'above', other]);
      continue;
    }
    for (let j = i + 1; j < n && other < 0; j++) if (cmp(j, i) < 0) other = j;
    out.push([i, other >= 0 ? 'below' : 'none', other]);
  }
  return out;
}

function fast(entries: TimelineEntry[]): Array<[number, 'above' | 'below' | 'none', number]> {
  const { laterAbove, earlierBelow } = nearestOutOfPlace(entries);
  return outOfOrder(entries).map((i) => {
    const a = laterAbove[i] as number;
    if (a >= 0) return [i, 'above', a];
    const b = earlierBelow[i] as number;
    return [i, b >= 0 ? 'below' : 'none', b];
  });
}

/** The entries timeline-order compares, per timeline of a text. */
function entryLists(text: string): TimelineEntry[][] {
  return timelines(parseReport(text)).map((t) => t.entries.filter((e) => e.instant !== undefined && !e.timestamp.ambiguousDate && !e.timestamp.missingYear));
}

const root = path.join(import.meta.dirname, '..');
const texts = [
  ...['fixtures/reports', 'fixtures/fix'].flatMap((d) =>
    readdirSync(path.join(root, d))
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ name: `${d}/${f}`, text: readFileSync(path.join(root, d, f), 'utf8') })),
  ),
  ...corpusFiles().map((f) => ({ name: f.name, text: f.text })),
];

const tl = (lines: string[]): string => `## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${lines.join('\n')}\n`;

describe('timeline-order: the fast search agrees with the quadratic one', () => {
  it('on every fixture and corpus report', () => {
    let compared = 0;
    for (const { name, text } of texts) {
      for (const entries of entryLists(text)) {
        expect(fast(entries), name).toEqual(reference(entries));
        compared += entries.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('on random timelines with date-only entries, equal times and zones', () => {
    const entry = fc.record({
      day: fc.integer({ min: 1, max: 4 }),
      hour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
      minute: fc.constantFrom(0, 30),
      zone: fc.constantFrom('', ' UTC', ' UTC+8', ' UTC-5'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (items) => {
        const lines = items.map((e, i) => (e.hour === undefined ? `- 2024-03-0${e.day} event ${i}` : `- 2024-03-0${e.day} ${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}${e.zone} event ${i}`));
        for (const entries of entryLists(tl(lines))) expect(fast(entries)).toEqual(reference(entries));
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it('57,000 rows in random order: every out-of-place entry found (its time is measured by npm run bench:adversarial)', { timeout: 180_000 }, () => {
    let x = 12345;
    const rnd = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows = Array.from({ length: 57_000 }, (_, i) => `| 2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)} ${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | e |`);
    const text = tl(['| Time | Event |', '| --- | --- |', ...rows]);
    const [entries] = entryLists(text);
    expect(entries?.length).toBe(57_000);
    const found = fast(entries as TimelineEntry[]);
    expect(found.length).toBeGreaterThan(50_000);
  });
});
