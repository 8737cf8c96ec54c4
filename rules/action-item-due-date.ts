import { at } from '../src/query.js';
import { actionItemsOf, isBlankCell } from '../src/parse/actions.js';
import { parseDueDate } from '../src/parse/timestamp.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'action-item-due-date',
    description: 'Require each action item\'s Due Date to be a real date, written YYYY-MM-DD.',
    tags: ['action-items'],
    severity: 'error',
    fixable: true,
    messages: {
      missing: 'Due Date is empty; give the date (YYYY-MM-DD) by which this action will be done.',
      notDate: 'Due Date must be a date (YYYY-MM-DD); found "{{found}}". TBD, ASAP or a quarter is not a commitment: give the date you commit to.',
      ambiguous: 'Due Date "{{found}}" can be read as two different dates (day and month could swap); write it as YYYY-MM-DD.',
      invalid: 'Due Date "{{found}}" is not a calendar date; write a real date as YYYY-MM-DD.',
      nonIso: 'Due Date "{{found}}" is not in the template\'s YYYY-MM-DD form; write {{iso}}.',
    },
    rationale:
      'Every action item is a commitment with a date: reviewers track the dates, ask about the ones that pass, and will not accept "TBD" or "Q3". The template writes dates as ISO YYYY-MM-DD (2025-01-19), which nobody can misread; other clear spellings are a warning with an automatic fix, ambiguous ones (03/04/2024) an error.',
    source: 'CCADB IRG 3.x and 2.0, "Action Items": Due Date (template example 2025-01-19).',
    examples: [
      {
        title: 'TBD instead of a date',
        code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Add a second reviewer to survey submissions | Prevent | TBD |\n',
        expect: [{ messageId: 'notDate', line: 7 }],
      },
      {
        title: 'A clear but non-ISO date (a warning with a fix)',
        code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Update the CPR contact in CCADB | Prevent | 2024-4-20 |\n',
        expect: [{ messageId: 'nonIso', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        const cell = item.dueDate;
        if (!cell) continue;
        if (isBlankCell(cell)) {
          ctx.report({ messageId: 'missing', loc: at(cell.span) });
          continue;
        }
        const d = parseDueDate(cell.text);
        const found = clip(cell.text, 40);
        switch (d.kind) {
          case 'iso':
            break;
          case 'clear': {
            const exact = d.whole && cell.text.trim() === d.text;
            if (exact) {
              ctx.report({ messageId: 'nonIso', data: { found, iso: d.iso }, loc: at(cell.span), severity: 'warn', fix: { range: [cell.span.start, cell.span.end], text: d.iso } });
            } else {
              ctx.report({ messageId: 'nonIso', data: { found, iso: d.iso }, loc: at(cell.span), severity: 'warn' });
            }
            break;
          }
          case 'ambiguous':
            ctx.report({ messageId: 'ambiguous', data: { found }, loc: at(cell.span) });
            break;
          case 'invalid':
            ctx.report({ messageId: 'invalid', data: { found }, loc: at(cell.span) });
            break;
          default:
            ctx.report({ messageId: 'notDate', data: { found }, loc: at(cell.span) });
        }
      }
    }
  },
});
