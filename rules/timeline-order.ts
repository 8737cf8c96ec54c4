import type { IncidentReport, TimelineEntry } from '../src/model.js';
import { timelines, writtenTimestamp } from '../src/parse/timeline.js';
import { canonicalForm, compareTimestamps } from '../src/parse/timestamp.js';
import { defineRule } from '../src/types.js';

/**
 * Indexes of the entries that are out of order: the complement of a longest
 * non-decreasing subsequence, so one misplaced entry is reported once (not
 * every entry after it). Ties keep the entry written first.
 */
export function outOfOrder(entries: TimelineEntry[]): number[] {
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
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!keep.has(i)) out.push(i);
  return out;
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
      afterLater: "Entry '{{found}}'{{when}} comes after '{{other}}'{{otherWhen}} on line {{otherLine}}, which is later; list the timeline in chronological order and move it before line {{otherLine}}.",
      beforeEarlier: "Entry '{{found}}'{{when}} comes before '{{other}}'{{otherWhen}} on line {{otherLine}}, which is earlier; list the timeline in chronological order and move it after line {{otherLine}}.",
      laterEntry: 'the later entry is here',
      earlierEntry: 'the earlier entry is here',
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
      for (const i of outOfOrder(entries)) {
        const e = entries[i] as TimelineEntry;
        const data = { found: writtenTimestamp(report, e), when: label(report, e) };
        // The nearest entry above that is later; else the nearest entry below that is earlier.
        let other: TimelineEntry | undefined;
        for (let j = i - 1; j >= 0 && !other; j--) if ((compareTimestamps((entries[j] as TimelineEntry).timestamp, e.timestamp) ?? 0) > 0) other = entries[j];
        if (other) {
          ctx.report({
            messageId: 'afterLater',
            data: { ...data, other: writtenTimestamp(report, other), otherWhen: label(report, other), otherLine: other.line },
            loc: { start: e.at.start, end: e.at.end },
            related: [{ messageId: 'laterEntry', line: other.line, column: other.at.column }],
          });
          continue;
        }
        for (let j = i + 1; j < entries.length && !other; j++) if ((compareTimestamps((entries[j] as TimelineEntry).timestamp, e.timestamp) ?? 0) < 0) other = entries[j];
        if (other) {
          ctx.report({
            messageId: 'beforeEarlier',
            data: { ...data, other: writtenTimestamp(report, other), otherWhen: label(report, other), otherLine: other.line },
            loc: { start: e.at.start, end: e.at.end },
            related: [{ messageId: 'earlierEntry', line: other.line, column: other.at.column }],
          });
        }
      }
    }
  },
});
