import { ruleOptions, stringList } from '../src/options.js';
import { at } from '../src/query.js';
import { actionItemsOf, isBlankCell } from '../src/parse/actions.js';
import { canonicalStatus, closureSummaries, DEFAULT_DONE_STATUSES, DEFAULT_STATUS_ALIASES, DEFAULT_STATUSES } from './_vocabulary.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'closure-action-items-complete',
    description: 'Disallow a closure request while an action item in the file is not Complete or Canceled.',
    tags: ['closure', 'action-items'],
    severity: 'error',
    messages: {
      open: 'Closure requested while {{count}} action item(s) are not Complete or Canceled; "{{item}}" is "{{status}}" (line {{line}}). Close the bug only when every action item is done.',
      openItem: '"{{item}}" is "{{status}}".',
    },
    options: ruleOptions({
        /** Statuses that allow closure. */
        done: stringList([...DEFAULT_DONE_STATUSES]),
      }),
    rationale:
      'The closure attestation says that every action item has been completed. Asking for closure while the Action Items table in the same file still shows Ongoing or Delayed items contradicts it, and reviewers send the closure back. Items without a Status column (v2 tables, legacy lists) are not judged.',
    source: 'CCADB IRG 3.x, "Report Closure Summary" ("All Action Items disclosed in this report have been completed as described").',
    examples: [
      {
        title: 'Closure while an item is Ongoing',
        code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Add per-path CAA tests | Prevent | Root Cause #1 | One test per issuance path | 2025-09-30 | Ongoing |\n\n## Report Closure Summary\n\nAll Action Items disclosed in this report have been completed as described, and we request its closure.\n',
        expect: [{ messageId: 'open', line: 11 }],
      },
    ],
  },
  check(report, ctx) {
    const closures = closureSummaries(report);
    if (closures.length === 0) return;
    const done = new Set(ctx.options.done.map((d) => d.toLowerCase()));
    const open: Array<{ item: string; status: string; line: number }> = [];
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        if (!item.status) continue;
        const st = isBlankCell(item.status) ? undefined : canonicalStatus(item.status.text, [...DEFAULT_STATUSES, ...ctx.options.done], DEFAULT_STATUS_ALIASES);
        if (st && done.has(st.value.toLowerCase())) continue;
        open.push({ item: clip(item.action.text, 50), status: isBlankCell(item.status) ? '(empty)' : clip(item.status.text, 30), line: item.line });
      }
    }
    if (open.length === 0) return;
    const first = open[0] as (typeof open)[number];
    for (const c of closures) {
      const loc = c.attestation ? at(c.attestation.span) : at(c.block.headingSpan);
      ctx.report({
        messageId: 'open',
        data: { count: open.length, item: first.item, status: first.status, line: first.line },
        loc,
        related: open.map((o) => ({ messageId: 'openItem', data: { item: o.item, status: o.status }, line: o.line })),
      });
    }
  },
});
