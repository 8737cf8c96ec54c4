import { at, blocksOf } from '../src/query.js';
import { actionItemsOf, factorReferences, isBlankCell } from '../src/parse/actions.js';
import { factorsOf } from '../src/parse/factors.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'action-item-root-cause',
    description: 'Require each action item to name an existing contributing factor, and each factor to have an action item.',
    tags: ['action-items', 'root-cause'],
    severity: 'error',
    messages: {
      missing: 'Corresponding Root Cause(s) is empty; name the contributing factor(s) this action addresses, e.g. "Root Cause #1".',
      unrecognised: 'Corresponding Root Cause(s) "{{found}}" names no contributing factor number; write e.g. "Root Cause #1" or "Contributing Factor #1, #2".',
      unknownFactor: 'This action item refers to contributing factor #{{number}}, but the Root Cause Analysis has no Contributing Factor #{{number}} (it has {{known}}); correct the number or add the factor.',
      unmappedFactor: 'No action item addresses {{factor}}; the IRG expects at least one action per contributing factor: name it in "Corresponding Root Cause(s)" of the action that addresses it, or add one.',
      tableHere: 'The Action Items table is here.',
    },
    rationale:
      'IRG 3.x ties the report together: every contributing factor found in the analysis gets at least one action, and every action says which factor it addresses. A factor with no action is a cause left in place; an action pointing at a factor that does not exist is a typo or a stale table. Accepted references: "Root Cause #1", "Root Cause # 1", "Contributing Factor #1", "CF1", "#1", "1, 2", "All".',
    source: 'CCADB IRG 3.x, Full Incident Report, "Action Items" (Corresponding Root Cause(s)) and "Root Cause Analysis".',
    examples: [
      {
        title: 'Factor #2 has no action; an action names factor #3',
        code: '## Full Incident Report\n\n### Root Cause Analysis\n\n**Contributing Factor #1: Cache reuse**\n\n**Contributing Factor #2: No test**\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Repeat the CAA check on retry | Prevent | Root Cause #1 | Stale CAA test fails issuance | 2025-08-20 | Complete |\n| Scan every 15 minutes | Detect | Root Cause #3 | Synthetic stale certificate alerts in 15 minutes | 2025-10-15 | Complete |\n',
        expect: [
          { messageId: 'unmappedFactor', line: 7 },
          { messageId: 'unknownFactor', line: 14 },
        ],
      },
    ],
  },
  check(report, ctx) {
    const all = actionItemsOf(report);
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const factors = factorsOf(report, block);
      const ai = all.find((a) => a.block === block);
      if (factors.length === 0 || !ai || !ai.columns.includes('rootCauses') || !ai.header) continue;
      const numbers = new Set(factors.map((f) => f.number).filter((n): n is number => n !== undefined));
      const known = numbers.size === 0 ? 'no numbered factors' : [...numbers].map((n) => `#${n}`).join(', ');
      const covered = new Set<number>();
      for (const item of ai.items) {
        const cell = item.rootCauses;
        if (!cell) continue;
        if (isBlankCell(cell) || isNotApplicable(cell.text)) {
          ctx.report({ messageId: 'missing', loc: at(cell.span) });
          continue;
        }
        const refs = factorReferences(cell.text);
        if (refs.all) {
          for (const n of numbers) covered.add(n);
          continue;
        }
        if (refs.numbers.length === 0) {
          ctx.report({ messageId: 'unrecognised', data: { found: clip(cell.text, 50) }, loc: at(cell.span) });
          continue;
        }
        for (const n of refs.numbers) {
          if (numbers.has(n)) covered.add(n);
          else ctx.report({ messageId: 'unknownFactor', data: { number: n, known }, loc: at(cell.span) });
        }
      }
      // A row that could not be read may name the factor: say nothing rather than guess.
      if (ai.unreadRows.length > 0) continue;
      for (const f of factors) {
        if (f.number === undefined || covered.has(f.number)) continue;
        ctx.report({ messageId: 'unmappedFactor', data: { factor: `Contributing Factor #${f.number}` }, loc: at(f.heading.span), related: [{ messageId: 'tableHere', line: ai.header.line }] });
      }
    }
  },
});
