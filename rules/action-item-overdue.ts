import { dayOfInstant, isoOfDay } from '../src/days.js';
import { integer, ruleOptions, stringList } from '../src/options.js';
import { postingDay } from '../src/parse/context.js';
import { at } from '../src/query.js';
import { actionItemsOf } from '../src/parse/actions.js';
import { parseDueDate } from '../src/parse/timestamp.js';
import { canonicalStatus, DEFAULT_STATUS_ALIASES, DEFAULT_STATUSES } from './_vocabulary.js';
import { defineRule } from '../src/types.js';

const Options = ruleOptions({
    /** Statuses that mean the work is still going on as planned. */
    ongoing: stringList(['Ongoing']),
    /** Days of grace after the due date. */
    graceDays: integer(0, 0),
  });

export default defineRule({
  meta: {
    id: 'action-item-overdue',
    description: 'Warn about an Ongoing action item whose due date has passed.',
    tags: ['action-items'],
    severity: 'warn',
    messages: {
      overdue: 'This action item is still "{{status}}" but was due {{due}}, {{days}} day(s) before {{today}}; mark it Complete, or Delayed with a new date and the reason.',
    },
    options: Options,
    rationale:
      'An action item past its due date that still says Ongoing tells reviewers the CA is not tracking its commitments. The IRG status Delayed exists for exactly this: say so, give the new date and why. The date compared against is the report\'s front matter "posted:" when present (the report as posted), otherwise --now.',
    source: 'CCADB IRG 3.x, "Action Items" (Status: Ongoing, Complete, Delayed, Canceled); Mozilla Root Store Policy: CAs keep incident bugs updated.',
    examples: [
      {
        title: 'Ongoing after its due date',
        now: '2025-12-01',
        code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Add per-path CAA tests | Prevent | Root Cause #1 | One test per issuance path | 2025-09-30 | Ongoing |\n',
        expect: [{ messageId: 'overdue', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    const today = postingDay(report, ctx.now().toMillis());
    const ongoing = ctx.options.ongoing;
    const statuses = [...DEFAULT_STATUSES, ...ongoing];
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        if (!item.status || !item.dueDate) continue;
        const st = canonicalStatus(item.status.text, statuses, DEFAULT_STATUS_ALIASES);
        if (!st || !ongoing.some((o) => o.toLowerCase() === st.value.toLowerCase())) continue;
        const d = parseDueDate(item.dueDate.text);
        if (d.kind !== 'iso' && d.kind !== 'clear') continue;
        const due = dayOfInstant(d.date.toMillis()); // due dates are read as UTC midnights
        const days = today - due;
        if (days <= ctx.options.graceDays) continue;
        ctx.report({ messageId: 'overdue', data: { status: item.status.text, due: isoOfDay(due), days, today: isoOfDay(today) }, loc: at(item.dueDate.span) });
      }
    }
  },
});
