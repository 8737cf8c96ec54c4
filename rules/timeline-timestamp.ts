import type { TimelineEntry } from '../src/model.js';
import { exampleForm, timelines, writtenTimestamp } from '../src/parse/timeline.js';
import { isNotApplicable } from '../src/parse/text.js';
import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'timeline-timestamp',
    description: 'Require every timeline entry to have a date and a time of day to the minute.',
    tags: ['timeline'],
    severity: 'warn',
    messages: {
      noTime: 'Entry "{{found}}" has a date but no time of day; give the time at least to the minute, as the IRG asks, e.g. "{{example}}".',
      noTimeAny: 'No entry of this timeline has a time of day ({{count}} entries, the first is "{{found}}"); give each event\'s date and time at least to the minute, as the IRG asks, e.g. "{{example}}".',
      hourOnly: 'Time "{{found}}" is given to the hour; give it at least to the minute, as the IRG asks, e.g. "{{example}}".',
      noDate: 'Time "{{found}}" has no date; put it under a day header ("2024-03-05:") or write "{{example}}".',
      noEntries: 'The timeline has no dated entries; list the events with their date and time, one a line, as the IRG expects, e.g. "2024-03-05 10:18 UTC: The certificate problem report was received."',
    },
    rationale:
      'A timeline is read to see how long each step took: when the CA could have known, when it knew, when it stopped the problem, when it revoked. A date without a time hides delays of up to a day, and delays in hours are what the BRs measure (24 hours to respond, 5 days to revoke). The IRG asks for times at least to the minute.',
    source: 'CCADB IRG 3.x "Timeline": times SHOULD be at least to the minute; Mozilla wiki: "a date-and-time-stamped sequence of all relevant events".',
    examples: [
      {
        title: 'One entry without a time of day',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- 2024-03-05 10:18 The report was received.\n- 2024-03-06 The certificate was revoked.\n',
        expect: [{ messageId: 'noTime', line: 8 }],
      },
      {
        title: 'Every entry to the minute',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- 2024-03-05 10:18 The report was received.\n- 2024-03-06 09:00 The certificate was revoked.\n',
        expect: [],
      },
    ],
  },
  check(report, ctx) {
    for (const t of timelines(report)) {
      if (t.entries.length === 0) {
        const text = t.section.bodyLines.filter((l) => l.kind === 'text' || l.kind === 'table');
        const body = text.map((l) => l.body).join(' ').trim();
        if (text.length > 0 && !isNotApplicable(body)) ctx.report({ messageId: 'noEntries', loc: at(t.section.headingSpan) });
        continue;
      }
      const untimed = t.entries.filter((e) => e.timestamp.time === undefined);
      if (untimed.length > 1 && untimed.length === t.entries.length) {
        const first = untimed[0] as TimelineEntry;
        ctx.report({ messageId: 'noTimeAny', data: { count: untimed.length, found: writtenTimestamp(report, first), example: exampleForm(first) }, loc: { start: first.at.start, end: first.at.end } });
        continue;
      }
      for (const e of t.entries) {
        const found = writtenTimestamp(report, e);
        const loc = { start: e.at.start, end: e.at.end };
        if (e.timestamp.time === undefined) ctx.report({ messageId: 'noTime', data: { found, example: exampleForm(e) }, loc });
        else if (e.dateSource === 'none') ctx.report({ messageId: 'noDate', data: { found, example: exampleForm(e) }, loc });
        else if (e.precision === 'hour') ctx.report({ messageId: 'hourOnly', data: { found, example: exampleForm(e) }, loc });
      }
    }
  },
});
