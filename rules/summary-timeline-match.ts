import { ruleOptions, stringList } from '../src/options.js';
import type { Field, TimelineEntry } from '../src/model.js';
import { timelines } from '../src/parse/timeline.js';
import { phrasesRegExp } from '../src/parse/terms.js';
import { findZone, localDate, parseTimestamp, type ParsedTimestamp, type TimestampContext } from '../src/parse/timestamp.js';
import { isNotApplicable, norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { at, blocksOf, field, section } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Words that mark the Timeline entry of each Summary date. Only explicit words: an entry that merely mentions revocation is not the end. */
const DEFAULTS = {
  start: ['non-compliance start', 'non-compliance began', 'non-compliance begins', 'non-compliance begin', 'noncompliance start', 'noncompliance began', 'start of the non-compliance', 'start of non-compliance', 'incident start', 'incident began', 'incident begins', 'first non-compliant certificate', 'first affected certificate', 'first mis-issued certificate', 'first misissued certificate'],
  identified: ['non-compliance identified', 'noncompliance identified', 'became aware', 'become aware', 'becomes aware', 'first aware', 'made aware', 'awareness of the'],
  end: ['non-compliance end', 'non-compliance ended', 'non-compliance ends', 'noncompliance end', 'end of the non-compliance', 'end of non-compliance', 'incident end', 'incident ended', 'incident ends', 'last non-compliant certificate', 'last mis-issued certificate', 'last misissued certificate'],
};

const KEYS = [
  { key: 'noncompliance-start', option: 'start', label: 'Non-compliance start date', event: 'start' },
  { key: 'noncompliance-identified', option: 'identified', label: 'Non-compliance identified date', event: 'awareness' },
  { key: 'noncompliance-end', option: 'end', label: 'Non-compliance end date', event: 'end' },
] as const;

/** "between 2025-08-04 09:12 UTC and 2025-08-12", "from 2025-08-04 to ...", "issued since 2025-08-04". */
const WINDOW = /\b(?:between|from|since|starting(?:[ \t]+on|[ \t]+from)?|beginning(?:[ \t]+on)?)[ \t]+(?:the[ \t]+)?(?=\S*\d)/i;

const compiled = perOptions((o: { start: string[]; identified: string[]; end: string[] }) => ({ start: phrasesRegExp(o.start), identified: phrasesRegExp(o.identified), end: phrasesRegExp(o.end) }));

/** The calendar days a timestamp can mean: in its own zone and in UTC. */
function days(ts: ParsedTimestamp): Set<string> {
  const out = new Set<string>();
  if (ts.isoDate && ts.precision === 'date') out.add(ts.isoDate);
  const local = localDate(ts);
  if (local) out.add(local);
  const utc = ts.instant?.toUTC().toISODate();
  if (utc) out.add(utc);
  return out;
}

function shown(ts: ParsedTimestamp): string {
  return ts.isoDate ?? localDate(ts) ?? ts.date?.text ?? '';
}

const REPORT = (start: string, line: string): string =>
  `## Full Incident Report\n\n### Summary\n\n- **Timeline summary:**\n  - **Non-compliance start date:** ${start}\n  - **Non-compliance identified date:** 2025-08-12\n  - **Non-compliance end date:** 2025-08-12\n\n### Timeline\n\nAll times are UTC.\n\n${line}\n- 2025-08-12 14:30 Scanner alert; we become aware.\n- 2025-08-12 16:40 Retry path disabled (non-compliance ends).\n`;

export default defineRule({
  meta: {
    id: 'summary-timeline-match',
    description: "Warn when the Summary's non-compliance dates, or the Incident heuristic's window, disagree with the Timeline's start, awareness and end entries.",
    tags: ['summary', 'timeline', 'impact'],
    severity: 'warn',
    messages: {
      mismatch:
        '{{label}} {{summary}} does not match the Timeline\'s {{event}} entry on {{timeline}} (line {{line}}); the same event should have the same day in both. Check which one is right.',
      heuristicStart:
        'The Incident heuristic\'s window starts on {{window}}, after the Non-compliance start date {{start}} (line {{line}}); what was affected from the start would be left out of the window. Check both dates.',
      timelineEntry: 'The Timeline entry is here.',
      startDate: 'The start date is here.',
    },
    options: ruleOptions({
      /** Word starts that mark the Timeline entry where the non-compliance started. */
      start: stringList(DEFAULTS.start),
      /** Word starts that mark the Timeline entry where the CA became aware. */
      identified: stringList(DEFAULTS.identified),
      /** Word starts that mark the Timeline entry where the non-compliance ended. */
      end: stringList(DEFAULTS.end),
    }),
    rationale:
      'The Summary\'s Timeline summary and the Timeline tell the same story twice; when they disagree, reviewers and auditors (CCADB Policy asks them to check that scope and impact are accurately described) cannot tell which is right. The rule compares a Summary date with the Timeline entries that say explicitly which event they are ("non-compliance starts", "we became aware", "non-compliance ended"; the words are options) and warns only when every such entry falls on another day. A date matches an entry on the same day in the Timeline\'s stated zone or in UTC, so a UTC+8 timeline is not read a day off. Timelines that do not name the events are not judged. The Incident heuristic\'s window ("issued between 2025-08-04 and ...") must not open after the start date; it may open before it (a problem report filed a day before its 24-hour deadline passed, certificates issued long before a revocation deadline).',
    source: 'CCADB IRG 3.x, Full Incident Report: Summary "Timeline summary" (Non-compliance start, identified and end dates) and "Timeline"; Impact "Incident heuristic".',
    examples: [
      { title: 'The start in the Summary and in the Timeline agree', code: REPORT('2025-08-04', '- 2025-08-04 09:12 First affected certificate issued (non-compliance starts).'), expect: [] },
      { title: 'A start date that the Timeline contradicts', code: REPORT('2025-08-03', '- 2025-08-04 09:12 First affected certificate issued (non-compliance starts).'), expect: [{ messageId: 'mismatch', line: 6 }] },
    ],
  },
  check(report, ctx) {
    const res = compiled(ctx.options);
    const all = timelines(report);
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const summary = section(block, 'summary');
      if (!summary) continue;
      const parent = field(summary, 'timeline-summary');
      const parentZone = parent ? findZone(parent.value) : undefined;
      const read = (f: Field | undefined): ParsedTimestamp | undefined => {
        if (!f || f.value === '') return undefined;
        const value = f.value.replace(/[*_`]/g, '').trim();
        if (isNotApplicable(value)) return undefined;
        const c: TimestampContext = parentZone ? { zone: parentZone, zoneSource: 'section' } : {};
        const ts = parseTimestamp(value, c);
        if (!ts?.date || ts.span[0] > 12 || ts.ambiguousDate || ts.invalidDate || ts.missingYear || !ts.instant) return undefined;
        return ts;
      };
      const timeline = all.find((t) => t.block === block);
      const starts: { ts: ParsedTimestamp; f: Field } | undefined = (() => {
        const f = field(summary, 'noncompliance-start');
        const ts = read(f);
        return ts && f ? { ts, f } : undefined;
      })();
      if (timeline) {
        for (const k of KEYS) {
          const re = res[k.option];
          if (!re) continue;
          const f = field(summary, k.key);
          const ts = read(f);
          if (!ts || !f) continue;
          const entries = timeline.entries.filter((e: TimelineEntry) => e.instant !== undefined && !e.timestamp.ambiguousDate && re.test(norm(e.text)));
          if (entries.length === 0) continue;
          const want = days(ts);
          if (entries.some((e) => [...days(e.timestamp)].some((d) => want.has(d)))) continue;
          const e = entries[0] as TimelineEntry;
          ctx.report({
            messageId: 'mismatch',
            data: { label: k.label, summary: shown(ts), event: k.event, timeline: localDate(e.timestamp) ?? '', line: e.line },
            loc: at(f.valueSpan),
            related: [{ messageId: 'timelineEntry', line: e.line }],
          });
        }
      }
      // The Incident heuristic's window against the start date.
      const heuristic = field(section(block, 'impact'), 'incident-heuristic');
      if (starts && heuristic && heuristic.value !== '') {
        const m = WINDOW.exec(heuristic.value);
        if (!m) continue;
        const after = heuristic.value.slice(m.index + m[0].length, m.index + m[0].length + 60);
        const ts = parseTimestamp(after);
        if (!ts?.date || ts.span[0] !== 0 || ts.ambiguousDate || ts.invalidDate || ts.missingYear || !ts.instant) continue;
        const want = days(starts.ts);
        if ([...days(ts)].some((d) => want.has(d))) continue;
        // A window may open before the start (a report filed a day before its 24-hour deadline passed, a certificate issued before a revocation deadline); only one that opens after it leaves affected certificates out.
        if ((localDate(ts) ?? '') <= [...want].sort().slice(-1)[0]!) continue;
        const start = heuristic.valueSpan.start + m.index + m[0].length;
        ctx.report({
          messageId: 'heuristicStart',
          data: { window: shown(ts), start: shown(starts.ts), line: starts.f.line },
          loc: heuristic.value.slice(0, m.index).includes('\n') ? at(heuristic.valueSpan) : { start, end: start + ts.span[1] },
          related: [{ messageId: 'startDate', line: starts.f.line }],
        });
      }
    }
  },
});
