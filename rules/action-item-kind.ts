import { ruleOptions, stringList } from '../src/options.js';
import { at } from '../src/query.js';
import { actionItemsOf, isBlankCell } from '../src/parse/actions.js';
import { clip, norm } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const DEFAULT_KINDS = ['Prevent', 'Mitigate', 'Detect'];

function list(values: string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export default defineRule({
  meta: {
    id: 'action-item-kind',
    description: 'Require each action item\'s Kind to be Prevent, Mitigate or Detect.',
    tags: ['action-items'],
    severity: 'error',
    messages: {
      invalid: 'Kind must be {{kinds}}; found "{{found}}".',
      missing: 'Kind is empty; say whether the action will Prevent, Mitigate or Detect a recurrence ({{kinds}}).',
    },
    options: ruleOptions({
        /** Accepted Kind values (case-insensitive). Several may be combined in one cell: "Prevent, Detect". */
        kinds: stringList(DEFAULT_KINDS),
      }),
    rationale:
      'The IRG classifies each action by what it does against recurrence: Prevent (the problem cannot happen again), Mitigate (its effect is limited) or Detect (it is found quickly). Other words ("process", "Correct", "Analyze") describe the work, not its effect, and make the table impossible to compare across reports.',
    source: 'CCADB IRG 3.x and 2.0, "Action Items": Kind is one of Prevent, Mitigate, Detect.',
    examples: [
      {
        title: 'A kind that is not one of the three',
        code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Train the staff on CPR handling | process | 2024-10-30 |\n',
        expect: [{ messageId: 'invalid', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    const kinds = ctx.options.kinds;
    const accepted = new Set(kinds.map((k) => norm(k)));
    const kindsText = list(kinds);
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        const cell = item.kind;
        if (!cell) continue;
        if (isBlankCell(cell)) {
          ctx.report({ messageId: 'missing', data: { kinds: kindsText }, loc: at(cell.span) });
          continue;
        }
        const parts = norm(cell.text)
          .split(/(?<!\s)\s*(?:[/,&+]|\band\b|\bor\b)\s*/)
          .filter((p) => p !== '');
        if (parts.length > 0 && parts.every((p) => accepted.has(p))) continue;
        ctx.report({ messageId: 'invalid', data: { kinds: kindsText, found: clip(cell.text, 40) }, loc: at(cell.span) });
      }
    }
  },
});
