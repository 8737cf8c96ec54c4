import { at, isRenderedCopy } from '../src/query.js';
import { actionItemsOf, COLUMN_TITLES, V2_COLUMNS, V3_COLUMNS } from '../src/parse/actions.js';
import type { ActionColumn } from '../src/model.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

function titles(cols: readonly ActionColumn[]): string {
  return cols.map((c) => COLUMN_TITLES[c]).join(' | ');
}

export default defineRule({
  meta: {
    id: 'action-items-table',
    description: "Require the Action Items as a table with the template's columns in order.",
    tags: ['action-items'],
    severity: 'error',
    messages: {
      unread: 'The Action Items could not be read as rows. Write them as the template\'s table: | {{columns}} |.',
      notTable: 'The Action Items are written as a list; write them as the {{template}} template\'s table: | {{columns}} |.',
      notMarkdownTable: 'The Action Items table is not a Markdown table (blank lines between rows or no "| --- |" delimiter row), so Bugzilla shows it as plain text; put the rows on consecutive lines under a delimiter row.',
      missingColumns: 'The Action Items table lacks the column(s) {{missing}}; add them: the template\'s columns are | {{columns}} |.',
      columnOrder: 'The Action Items columns are out of order; put them in the template\'s order, | {{columns}} | (found | {{found}} |).',
      unreadRow: 'This Action Items row could not be split into the columns | {{columns}} |: "{{text}}"; separate its cells with "|".',
      ambiguousRow: 'This Action Items row of a copied page reads more than one way, so its Kind and root cause are not checked: "{{text}}"; separate the cells with tabs or | as the template\'s table does.',
    },
    rationale:
      'Reviewers and tools read the Action Items table column by column: what will be done, its kind, which root cause it addresses, how success is measured, when, and its status. A list or a table missing columns hides exactly the facts reviewers ask for. Extra columns (such as a Status column in a v2 report) are fine.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Action Items" (Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status); IRG 2.0 (Action Item | Kind | Due Date).',
    examples: [
      {
        title: 'A v3 table without Evaluation Criteria and Status',
        code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Due Date |\n| --- | --- | --- | --- |\n| Repeat the CAA check on retry | Prevent | Root Cause #1 | 2025-08-20 |\n',
        expect: [{ messageId: 'missingColumns', line: 5 }],
      },
      {
        title: 'Rows separated by blank lines',
        code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n\n| Check the junk folder daily | Prevent | 2024-03-18 |\n',
        expect: [{ messageId: 'notMarkdownTable', line: 5 }],
      },
    ],
  },
  check(report, ctx) {
    for (const ai of actionItemsOf(report)) {
      const t = ai.block.template;
      if (t !== 'ccadb-v3-full' && t !== 'ccadb-v2') continue;
      const expected = t === 'ccadb-v3-full' ? V3_COLUMNS : V2_COLUMNS;
      const columns = titles(expected);
      if (ai.format === 'unread') {
        ctx.report({ messageId: 'unread', data: { columns }, loc: at(ai.section.headingSpan) });
        continue;
      }
      if (ai.format === 'list') {
        const first = ai.items[0];
        ctx.report({ messageId: 'notTable', data: { template: ai.block.spec.name, columns }, loc: first ? at(first.span) : at(ai.section.headingSpan) });
        continue;
      }
      if (ai.format !== 'gfm' && ai.format !== 'pipe' && ai.format !== 'text') continue;
      const header = ai.header;
      if (!header) continue;
      // In a copy of Bugzilla's rendered page, pipe rows are the table as the page showed it, not a Markdown defect.
      if (ai.format === 'pipe' && !isRenderedCopy(report)) ctx.report({ messageId: 'notMarkdownTable', loc: at(header.span) });
      const present = expected.filter((c) => ai.columns.includes(c));
      const missing = expected.filter((c) => !ai.columns.includes(c));
      if (missing.length > 0) {
        ctx.report({ messageId: 'missingColumns', data: { missing: missing.map((c) => `"${COLUMN_TITLES[c]}"`).join(', '), columns }, loc: at(header.span) });
      } else {
        const order = ai.columns.filter((c): c is ActionColumn => c !== undefined && expected.includes(c));
        const firstSeen = order.filter((c, i) => order.indexOf(c) === i);
        if (firstSeen.some((c, i) => c !== present[i])) {
          ctx.report({ messageId: 'columnOrder', data: { columns, found: header.cells.map((c) => c.text).join(' | ') }, loc: at(header.span) });
        }
      }
      const readCols = ai.columns.filter((c): c is ActionColumn => c !== undefined);
      for (const row of ai.unreadRows) {
        if (row.ambiguous) ctx.report({ messageId: 'ambiguousRow', data: { text: clip(row.text, 70) }, loc: at(row.span), severity: 'warn' });
        else ctx.report({ messageId: 'unreadRow', data: { columns: titles(readCols), text: clip(row.text, 70) }, loc: at(row.span) });
      }
    }
  },
});
