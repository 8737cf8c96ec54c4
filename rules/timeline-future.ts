import { ruleOptions, stringList } from '../src/options.js';
import { timelines, writtenTimestamp } from '../src/parse/timeline.js';
import { canonicalForm, localDate } from '../src/parse/timestamp.js';
import { escapeRegExp } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { dayOfInstant, dayOfIso, isoOfDay } from '../src/days.js';
import { reportContext } from '../src/parse/context.js';
import { defineRule } from '../src/types.js';

const DEFAULT_PLANNED = ['will', 'expected', 'expect', 'planned', 'plan', 'scheduled', 'deadline', 'target', 'estimated', 'no later than'];

const plannedRegExp = perOptions((o: { plannedWords: string[] }) => {
  const words = o.plannedWords.map((w) => w.trim()).filter((w) => w.length > 0);
  return words.length > 0 ? new RegExp(`\\b(?:${words.map((w) => escapeRegExp(w).replace(/ +/g, '\\s+')).join('|')})\\b`, 'i') : undefined;
});

export default defineRule({
  meta: {
    id: 'timeline-future',
    description: 'Disallow timeline entries dated after the date the report is checked against.',
    tags: ['timeline'],
    severity: 'warn',
    messages: {
      future: 'Entry "{{found}}"{{when}} is after {{now}}, the date this report is checked against; a timeline records what happened. Correct the date, or say that the step is planned ("expected", "scheduled") or move it to the Action Items.',
    },
    options: ruleOptions({
        /** Words that mark an entry as planned (an expected revocation completion, a scheduled deployment). */
        plannedWords: stringList(DEFAULT_PLANNED),
      }),
    rationale:
      'A timeline entry dated in the future is nearly always a typo in the year or the month (2052 for 2025, 11 for 01), and it breaks the chronology a reviewer checks. Entries that announce a planned step ("revocation expected to complete by ...") are allowed: the IRG asks revocation-delay reports to give the expected completion. The date compared against is front matter "posted:" when present, otherwise --now; a date alone is that whole day, so an entry on that day (in its own zone, at any hour) is not in the future, and reports that list their own posting are fine.',
    source: 'CCADB IRG 3.x "Timeline" (events before, during and after the incident; for revocation delays, the expected completion of revocation).',
    examples: [
      {
        title: 'An entry dated next year',
        now: '2025-06-01',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- 2025-03-05 10:18 The report was received.\n- 2026-03-06 09:00 The certificate was revoked.\n',
        expect: [{ messageId: 'future', line: 8 }],
      },
    ],
  },
  check(report, ctx) {
    const nowMs = ctx.now().toMillis();
    // The day compared against: front matter "posted:", or --now given as a date. Either means that whole day.
    const posted = reportContext(report).posted;
    const day = posted ?? (ctx.nowIsDay() ? isoOfDay(dayOfInstant(nowMs)) : undefined);
    const dayStartMs = day !== undefined ? (dayOfIso(day) as number) * 86_400_000 : 0;
    let todayIso: string | undefined;
    const today = (): string => (todayIso ??= day ?? isoOfDay(dayOfInstant(nowMs)));
    const planned = plannedRegExp(ctx.options);
    for (const t of timelines(report)) {
      for (const e of t.entries) {
        if (!e.instant || e.timestamp.ambiguousDate || e.timestamp.missingYear) continue;
        const at = e.instant.toMillis();
        let later: boolean;
        if (day !== undefined) {
          // A day against a day: the entry's date in its own zone (10:00 UTC+8 on the posting day is that day).
          later = at > dayStartMs - 86_400_000 && (localDate(e.timestamp) as string) > day;
        } else {
          // A date is later than today in its own zone only if it is less than a day before now.
          later = e.precision === 'date' ? at > nowMs - 86_400_000 && (localDate(e.timestamp) as string) > today() : at > nowMs;
        }
        if (!later) continue;
        if (planned?.test(e.text)) continue;
        ctx.report({
          messageId: 'future',
          data: { found: writtenTimestamp(report, e), when: ((c) => (c && c !== writtenTimestamp(report, e) ? ` (${c})` : ''))(canonicalForm(e.timestamp)), now: today() },
          loc: { start: e.at.start, end: e.at.end },
        });
      }
    }
  },
});
