import { integer, ruleOptions, stringList } from '../src/options.js';
import { at } from '../src/query.js';
import { actionItemsOf, isBlankCell } from '../src/parse/actions.js';
import { clip, escapeRegExp, isNotApplicable, norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

const DEFAULT_VAGUE = [
  'monitor',
  'monitoring',
  'monitored',
  'improved',
  'improvement',
  'improve',
  'better',
  'ongoing',
  'done',
  'complete',
  'completed',
  'yes',
  'none',
  'tbd',
  'reviewed',
  'observe',
  'observation',
  'no recurrence',
  'no repeat',
  'no further incidents',
  'training completed',
  'staff trained',
];

/** Template filler left in a cell; reported by no-placeholder. */
const TEMPLATE_FILLER = new Set(['criteria', 'example', 'value']);

const Options = ruleOptions({
    /** Words and phrases that do not measure anything on their own. */
    vague: stringList(DEFAULT_VAGUE),
    /** Criteria with at most this many words are vague when they contain one of the words above. */
    maxVagueWords: integer(0, 6),
    /** Criteria shorter than this many words are too short to be measurable. */
    minWords: integer(0, 3),
  });

const vagueRegExp = perOptions((o: { vague: string[] }) => {
  const vague = o.vague.filter((v) => v.trim() !== '');
  return vague.length > 0 ? new RegExp(`(?<![\\w-])(?:${vague.map((v) => escapeRegExp(norm(v)).replace(/ /g, '\\s+')).join('|')})(?![\\w-])`) : undefined;
});

export default defineRule({
  meta: {
    id: 'action-item-evaluation-criteria',
    description: 'Require measurable Evaluation Criteria for each action item.',
    tags: ['action-items'],
    severity: 'warn',
    messages: {
      missing: 'Evaluation Criteria is empty; say how you will know the action worked (a test, a metric, an audit result).',
      notApplicable: 'Evaluation Criteria is "{{found}}"; say how you will know the action worked (a test, a metric, an audit result): every action needs a way to tell.',
      vague: 'Evaluation Criteria "{{found}}" does not say what will be measured; name the check and its expected result (e.g. "synthetic report acknowledged within 4 hours, weekly").',
    },
    options: Options,
    rationale:
      'IRG 3.x added Evaluation Criteria so that reviewers can see how the CA will know an action worked. "Monitor", "improved" or N/A cannot be checked by anyone; a test, a metric or an audit result can.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Action Items" (Evaluation Criteria).',
    examples: [
      {
        title: 'A criterion that measures nothing',
        code: '## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| Review the mailbox procedure | Prevent | Root Cause #1 | Process improved | 2025-08-20 | Complete |\n',
        expect: [{ messageId: 'vague', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    const { maxVagueWords, minWords } = ctx.options;
    const vagueRe = vagueRegExp(ctx.options);
    for (const ai of actionItemsOf(report)) {
      for (const item of ai.items) {
        const cell = item.criteria;
        if (!cell) continue;
        if (isBlankCell(cell)) {
          ctx.report({ messageId: 'missing', loc: at(cell.span) });
          continue;
        }
        if (isNotApplicable(cell.text)) {
          ctx.report({ messageId: 'notApplicable', data: { found: clip(cell.text, 40) }, loc: at(cell.span) });
          continue;
        }
        const t = norm(cell.text);
        // The template's own filler ("Criteria") is no-placeholder's to report.
        if (TEMPLATE_FILLER.has(t)) continue;
        const words = t.split(/\s+/).filter((w) => /[a-z0-9]/.test(w)).length;
        if (words < minWords || (words <= maxVagueWords && vagueRe?.test(t) === true)) {
          ctx.report({ messageId: 'vague', data: { found: clip(cell.text, 50) }, loc: at(cell.span) });
        }
      }
    }
  },
});
