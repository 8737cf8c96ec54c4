import { timelines } from '../src/parse/timeline.js';
import { readings } from '../src/parse/timestamp.js';
import { flag, ruleOptions } from '../src/options.js';
import { defineRule } from '../src/types.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

export default defineRule({
  meta: {
    id: 'timeline-date-format',
    description: 'Require timeline dates that parse and read one way (and, with preferIso, written as ISO 8601).',
    tags: ['timeline'],
    severity: 'error',
    fixable: true,
    messages: {
      ambiguous: 'Date "{{found}}" reads both as {{first}} and {{second}}; write it as YYYY-MM-DD.',
      invalid: 'Date "{{found}}" does not exist; write a real date as YYYY-MM-DD.',
      noYear: 'Date "{{found}}" has no year; write it as YYYY-MM-DD.',
      nonIso: 'Write dates as YYYY-MM-DD, as the IRG template does: "{{found}}" is {{iso}}.',
      dayFirst: 'Date "{{found}}" is read day-first as {{iso}}; write it as YYYY-MM-DD so that no reader has to guess.',
      clock12: 'Write times on the 24-hour clock, as the IRG template does: "{{found}}" is {{time}}.',
    },
    options: ruleOptions({
        /** Also warn about clear dates and times not in ISO 8601 form ("July 14, 2022", "12.09.2025", "6:27 AM"), with a fix to YYYY-MM-DD and the 24-hour clock. */
        preferIso: flag(false),
      }),
    rationale:
      'Reports are read worldwide: 03/04/2024 is 4 March to one reader and 3 April to another, and a timeline that cannot be read one way cannot be checked. Ambiguous and impossible dates are errors, and a date without a year is a warning. Clear dates in other forms ("July 14, 2022", "12.09.2025", "6:27 AM") read one way, and no reviewer sends a report back for them: they are reported only with the option preferIso (as warnings, with a fix to the ISO 8601 form the IRG template uses, 2025-01-19 and the 24-hour clock), for a CA that wants its house style.',
    source: 'CCADB IRG 3.x templates (dates as 2025-01-19, times in UTC); ISO 8601.',
    examples: [
      {
        title: 'A date that reads two ways',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- 03/04/2024 10:18 The report was received.\n',
        expect: [{ messageId: 'ambiguous', line: 7 }],
      },
      {
        title: 'A clear date with a month name is not a defect',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- June 3, 2022 09:30 The report was received.\n',
        expect: [],
      },
      {
        title: 'The same date with preferIso',
        options: { preferIso: true },
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- June 3, 2022 09:30 The report was received.\n',
        expect: [{ messageId: 'nonIso', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    const preferIso = ctx.options.preferIso;
    for (const t of timelines(report)) {
      // A day header whose items give the times is not an entry itself, but its date is read all the same.
      const entries = t.dayHeaders.length === 0 ? t.entries : [...t.entries, ...t.dayHeaders.filter((h) => !t.entries.includes(h))];
      for (const e of entries) {
        const ts = e.timestamp;
        const d = ts.date;
        if (d && e.dateSource === 'entry') {
          const start = e.base + d.span[0];
          const end = e.base + d.span[1];
          const found = d.text;
          const loc = { start, end };
          if (ts.ambiguousDate) {
            const r = readings(ts);
            ctx.report({ messageId: 'ambiguous', data: { found, first: r?.[0] ?? '', second: r?.[1] ?? '' }, loc });
          } else if (ts.invalidDate) {
            ctx.report({ messageId: 'invalid', data: { found }, loc });
          } else if (ts.missingYear || d.year === undefined) {
            // A year taken from the entries around it is a guess: warn, no fix.
            ctx.report({ messageId: 'noYear', data: { found }, loc, severity: 'warn' });
          } else if (preferIso && d.style !== 'iso' && ts.isoDate) {
            // Only the date itself is replaced: a weekday before it stays.
            const weekday = /^[A-Za-z]+\.?,?\s+(?=\S)/.exec(found);
            const dateOnlyStart = d.style === 'month-name' && weekday && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(found) ? start + weekday[0].length : start;
            const readsOneWay = d.style !== 'day-first-dotted' || d.day > 12 || d.day === d.month;
            if (readsOneWay) {
              ctx.report({ messageId: 'nonIso', data: { found, iso: ts.isoDate }, loc, severity: 'warn', fix: { range: [dateOnlyStart, end], text: ts.isoDate } });
            } else {
              ctx.report({ messageId: 'dayFirst', data: { found, iso: ts.isoDate }, loc, severity: 'warn' });
            }
          }
        }
        const tm = ts.time;
        if (preferIso && tm && tm.twelveHour) {
          const start = e.base + tm.span[0];
          const end = e.base + tm.span[1];
          const time = `${pad2(tm.hour)}:${pad2(tm.minute ?? 0)}${tm.second !== undefined ? `:${pad2(tm.second)}` : ''}`;
          const descriptor = { messageId: 'clock12', data: { found: tm.text, time }, loc: { start, end }, severity: 'warn' as const };
          // "4 PM" is to the hour; "16:00" would claim minutes: no fix then.
          ctx.report(tm.minute !== undefined ? { ...descriptor, fix: { range: [start, end] as [number, number], text: time } } : descriptor);
        }
      }
    }
  },
});
