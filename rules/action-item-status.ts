import * as z from 'zod/mini';
import { optionField, ruleOptions, stringList } from '../src/options.js';
import { at } from '../src/query.js';
import { actionItemsOf, isBlankCell } from '../src/parse/actions.js';
import { canonicalStatus, DEFAULT_STATUS_ALIASES, DEFAULT_STATUSES } from './_vocabulary.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const Options = ruleOptions({
    /** Accepted Status values (case-insensitive). */
    statuses: stringList([...DEFAULT_STATUSES]),
    /** Spellings fixed to an accepted value: { "Done": "Complete" }. */
    aliases: optionField(
      () => z._default(z.record(z.string(), z.string()), () => ({ ...DEFAULT_STATUS_ALIASES })),
      () => ({ ...DEFAULT_STATUS_ALIASES }),
    ),
  });

export default defineRule({
  meta: {
    id: 'action-item-status',
    description: 'Require each action item\'s Status to be Ongoing, Complete, Delayed or Canceled.',
    tags: ['action-items'],
    severity: 'error',
    fixable: true,
    messages: {
      alias: 'Status must be one of {{statuses}}; found "{{found}}", write "{{expected}}".',
      invalid: 'Status must be one of {{statuses}}; found "{{found}}".',
      missing: 'Status is empty; write one of {{statuses}}.',
    },
    options: Options,
    rationale:
      'The IRG uses four statuses so that anyone can see at a glance what is left to do, and a closure is only possible when every item is Complete or Canceled. "Done", "Completed", "Cancelled" and "In progress" mean the same thing but break that reading; they are fixed automatically.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Action Items": Status is one of Ongoing, Complete, Delayed, Canceled.',
    examples: [
      {
        title: '"Done" instead of "Complete"',
        code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Repeat the CAA check on retry | Prevent | Root Cause #1 | Test with a stale CAA result fails issuance | 2025-08-20 | Done |\n',
        expect: [{ messageId: 'alias', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    const { statuses, aliases } = ctx.options;
    const statusesText = statuses.join(', ');
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        const cell = item.status;
        if (!cell) continue;
        if (isBlankCell(cell)) {
          ctx.report({ messageId: 'missing', data: { statuses: statusesText }, loc: at(cell.span) });
          continue;
        }
        const st = canonicalStatus(cell.text, statuses, aliases);
        if (st?.exact) continue;
        if (st) {
          ctx.report({
            messageId: 'alias',
            data: { statuses: statusesText, found: cell.text, expected: st.value },
            loc: at(cell.span),
            fix: { range: [cell.span.start, cell.span.end], text: st.value },
          });
          continue;
        }
        ctx.report({ messageId: 'invalid', data: { statuses: statusesText, found: clip(cell.text, 40) }, loc: at(cell.span) });
      }
    }
  },
});
