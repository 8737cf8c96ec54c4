import type { ActionItem, TextSpan } from '../src/model.js';
import { actionItemsOf } from '../src/parse/actions.js';
import { canonicalStatus, DEFAULT_STATUS_ALIASES, DEFAULT_STATUSES } from './_vocabulary.js';
import { postingDay } from '../src/parse/context.js';
import { timestampsIn } from '../src/parse/terms.js';
import { dayOfIso, isoOfDay } from '../src/days.js';
import { norm } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const COMPLETE = /^(?:complete|completed|done|finished)\b/;

const REPORT = (criteria: string, status = 'Complete'): string =>
  `---\nposted: 2025-09-10\n---\n\n## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Add a CAA age test to every issuance path | Prevent | Root Cause #1 | ${criteria} | 2025-09-01 | ${status} |\n`;

export default defineRule({
  meta: {
    id: 'action-item-evidence-date',
    description: 'Warn when an action item marked Complete gives evidence dated after the report was posted.',
    tags: ['action-items'],
    severity: 'warn',
    messages: {
      afterPosting:
        'This action item is {{status}}, but its {{column}} is dated {{date}}, after the report was posted ({{posted}}); a completed action cannot rest on evidence from the future. Mark it Ongoing until then, or correct the date.',
    },
    rationale:
      'A Complete action item says the work is done and its evaluation criteria were met. When the evidence it cites (the evaluation criteria or the status note) is dated after the report was posted, either the status is premature or a date is wrong, and reviewers will ask which. The posting date is front matter `posted:`, else `--now`; ambiguous numeric dates (03/04/2025) are not read.',
    source: 'CCADB IRG 3.x, "Action Items": Evaluation Criteria and Status (Complete means the action is done and evaluated).',
    examples: [
      { title: 'Evidence after posting', code: REPORT('Coverage report of 2025-10-01 lists a test per path'), expect: [{ messageId: 'afterPosting', line: 11 }] },
      { title: 'Evidence before posting', code: REPORT('Coverage report of 2025-09-01 lists a test per path'), expect: [] },
      { title: 'A future date on an Ongoing item', code: REPORT('Coverage report of 2025-10-01 lists a test per path', 'Ongoing'), expect: [] },
    ],
  },
  check(report, ctx) {
    const posted = postingDay(report, ctx.now().toMillis());
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        const status = item.status ? canonicalStatus(item.status.text, DEFAULT_STATUSES, DEFAULT_STATUS_ALIASES) : undefined;
        // "Completed (2025-09-30)": a spelling action-item-status reports, still a completed item.
        if (status?.value !== 'Complete' && !(item.status && COMPLETE.test(norm(item.status.text)))) continue;
        const cells: Array<[string, TextSpan | undefined]> = [
          ['evaluation criteria', item.criteria],
          ['status', item.status],
        ];
        let done = false;
        for (const [column, cell] of cells) {
          if (!cell || done) continue;
          for (const ts of timestampsIn(cell.text)) {
            if (!ts.isoDate || ts.ambiguousDate || ts.invalidDate || ts.missingYear || !ts.date) continue;
            const day = dayOfIso(ts.isoDate);
            if (day === undefined || day <= posted) continue;
            const start = cell.span.start + ts.date.span[0];
            ctx.report({ messageId: 'afterPosting', data: { status: (item as ActionItem).status?.text.trim() ?? 'Complete', column, date: ts.isoDate, posted: isoOfDay(posted) }, loc: { start, end: start + ts.date.text.length } });
            done = true;
            break;
          }
        }
      }
    }
  },
});
