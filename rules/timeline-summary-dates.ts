import type { Field } from '../src/model.js';
import { findZone, parseTimestamp, compareTimestamps, readings, canonicalForm, type ParsedTimestamp, type TimestampContext, type ZoneInfo } from '../src/parse/timestamp.js';
import { isNotApplicable, norm } from '../src/parse/text.js';
import { blocksOf, field, section } from '../src/query.js';
import { defineRule } from '../src/types.js';

const LABELS: Record<string, string> = {
  'noncompliance-start': 'Non-compliance start date',
  'noncompliance-identified': 'Non-compliance identified date',
  'noncompliance-end': 'Non-compliance end date',
};

const ONGOING = /^(?:ongoing|on-going|not yet ended|still ongoing|n\/a\W+ongoing)\b/i;

type Read = { field: Field; ts: ParsedTimestamp } | undefined;

function show(ts: ParsedTimestamp, f: Field): string {
  return (ts.precision === 'date' ? ts.isoDate : canonicalForm(ts)) ?? f.value;
}

export default defineRule({
  meta: {
    id: 'timeline-summary-dates',
    description: 'Require the three non-compliance dates of the Timeline summary to be dates in order: start no later than identified and end.',
    tags: ['summary', 'timeline'],
    severity: 'error',
    messages: {
      unparsed: '{{label}} must be a date, as in the template (2025-01-19, or 2025-01-19 10:18 UTC), or N/A with a reason; found "{{found}}".',
      ambiguous: '{{label}} "{{found}}" reads both as {{first}} and {{second}}; write it as YYYY-MM-DD.',
      naWithoutReason: '{{label}} is N/A without a reason; say why no date applies, e.g. "N/A (audit recommendation, no non-compliance)".',
      startAfterIdentified: '{{label}} {{start}} is after the Non-compliance identified date {{identified}} (line {{line}}); non-compliance starts before it can be identified. Check both dates.',
      startAfterEnd: '{{label}} {{start}} is after the Non-compliance end date {{end}} (line {{line}}); check both dates.',
      identifiedDate: 'The identified date is here.',
      endDate: 'The end date is here.',
    },
    rationale:
      'The Timeline summary gives reviewers the incident\'s three anchor dates: when the non-compliance started, when the CA identified it, and when it ended. Dates that do not parse, that read two ways, or that contradict each other (a start after the identification) send the report back. The end may come before the identification (a problem fixed before anyone noticed it) and may be "ongoing"; a date that does not apply is N/A with the reason.',
    source: 'CCADB IRG 3.x "Full Incident Report", Summary: Timeline summary (Non-compliance start date, Non-compliance identified date, Non-compliance end date).',
    examples: [
      {
        title: 'A start date after the identified date',
        code: '## Full Incident Report\n\n### Summary\n\n- **Timeline summary:**\n  - **Non-compliance start date:** 2025-08-14\n  - **Non-compliance identified date:** 2025-08-12\n  - **Non-compliance end date:** 2025-08-12\n',
        expect: [
          { messageId: 'startAfterIdentified', line: 6 },
          { messageId: 'startAfterEnd', line: 6 },
        ],
      },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const summary = section(block, 'summary');
      if (!summary) continue;
      const parent = field(summary, 'timeline-summary');
      const parentZone: ZoneInfo | undefined = parent ? findZone(parent.value) : undefined;
      const read = (key: string): Read => {
        const f = field(summary, key);
        if (!f || f.value === '') return undefined; // field-required and field-empty report these.
        const label = LABELS[key] as string;
        const value = f.value.replace(/[*_`]/g, '').trim();
        const loc = { start: f.valueSpan.start, end: f.valueSpan.end };
        if (isNotApplicable(value)) {
          const reason = norm(value).replace(/^n\/a\b[\s.:,;()\-\u2013\u2014]*/, '');
          if (reason.split(/\s+/).filter((w) => /[a-z]/.test(w)).length < 2) ctx.report({ messageId: 'naWithoutReason', data: { label }, loc });
          return undefined;
        }
        if (key === 'noncompliance-end' && ONGOING.test(value)) return undefined;
        const c: TimestampContext = {};
        if (parentZone) {
          c.zone = parentZone;
          c.zoneSource = 'section';
        }
        const ts = parseTimestamp(value, c);
        const leading = ts !== undefined && ts.span[0] <= 12 && /^[\s(~]*(?:on\s+|at\s+)?[\s(~]*$/i.test(value.slice(0, ts.span[0]));
        if (!ts || !ts.date || !leading || ts.missingYear || ts.invalidDate || !ts.instant) {
          ctx.report({ messageId: 'unparsed', data: { label, found: value.length > 60 ? `${value.slice(0, 59)}…` : value }, loc });
          return undefined;
        }
        if (ts.ambiguousDate) {
          const r = readings(ts);
          ctx.report({ messageId: 'ambiguous', data: { label, found: ts.date.text, first: r?.[0] ?? '', second: r?.[1] ?? '' }, loc });
          return undefined;
        }
        return { field: f, ts };
      };
      const start = read('noncompliance-start');
      const identified = read('noncompliance-identified');
      const end = read('noncompliance-end');
      if (!start) continue;
      const loc = { start: start.field.valueSpan.start, end: start.field.valueSpan.end };
      const label = LABELS['noncompliance-start'] as string;
      if (identified && (compareTimestamps(start.ts, identified.ts) ?? 0) > 0) {
        ctx.report({
          messageId: 'startAfterIdentified',
          data: { label, start: show(start.ts, start.field), identified: show(identified.ts, identified.field), line: identified.field.line },
          loc,
          related: [{ messageId: 'identifiedDate', line: identified.field.line }],
        });
      }
      if (end && (compareTimestamps(start.ts, end.ts) ?? 0) > 0) {
        ctx.report({
          messageId: 'startAfterEnd',
          data: { label, start: show(start.ts, start.field), end: show(end.ts, end.field), line: end.field.line },
          loc,
          related: [{ messageId: 'endDate', line: end.field.line }],
        });
      }
    }
  },
});
