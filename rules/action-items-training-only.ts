import { integer, ruleOptions, stringList } from '../src/options.js';
import { at } from '../src/query.js';
import { actionItemsOf } from '../src/parse/actions.js';
import { escapeRegExp, norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

const DEFAULT_PHRASES = [
  'train',
  'retrain',
  're-train',
  'remind',
  'educat',
  'awareness',
  'brief',
  'inform staff',
  'inform employees',
  'inform the staff',
  'share this incident',
  'share the incident',
  'pay more attention',
  'be more careful',
  'emphasi',
  'warn staff',
];

const Options = ruleOptions({
    /** Word starts that mark an action as training or reminding staff. */
    phrases: stringList(DEFAULT_PHRASES),
    /** The phrase must appear within this many words from the start of the action. */
    withinWords: integer(1, 6),
  });

const phrasesRegExp = perOptions((o: { phrases: string[] }) => {
  const phrases = o.phrases.filter((p) => p.trim() !== '');
  return phrases.length > 0 ? new RegExp(`(?<![\\w-])(?:${phrases.map((p) => escapeRegExp(norm(p)).replace(/ /g, '\\s+')).join('|')})`) : undefined;
});

export default defineRule({
  meta: {
    id: 'action-items-training-only',
    description: 'Warn when every action item only trains or reminds staff.',
    tags: ['action-items'],
    severity: 'warn',
    messages: {
      trainingOnly:
        'All {{count}} action item(s) only train or remind staff. Training does not stop the next mistake; add actions that change a system or process so the problem cannot recur (Prevent), is caught early (Detect) or does less harm (Mitigate).',
    },
    options: Options,
    rationale:
      'A remediation plan made only of training and reminders treats the incident as a people problem, which reviewers rarely accept: the same process will fail the same way with the next person. Training is fine next to technical or procedural controls, not instead of them.',
    source: 'CCADB IRG 3.x, "Action Items" and "Root Cause Analysis"; Mozilla "Responding to an Incident" (remediation must prevent recurrence).',
    examples: [
      {
        title: 'A plan that is only training',
        code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Train the staff on CPR handling | Prevent | 2024-10-30 |\n| Remind the team to check the mailbox at weekends | Prevent | 2024-10-30 |\n',
        expect: [{ messageId: 'trainingOnly', line: 5 }],
      },
    ],
  },
  check(report, ctx) {
    const re = phrasesRegExp(ctx.options);
    if (!re) return;
    const within = ctx.options.withinWords;
    for (const ai of actionItemsOf(report)) {
      if (ai.items.length === 0) continue;
      const training = ai.items.every((item) => {
        const lead = norm(item.action.text).split(/\s+/).slice(0, within).join(' ');
        return re.test(lead);
      });
      if (!training) continue;
      const loc = ai.header ? at(ai.header.span) : at((ai.items[0] as (typeof ai.items)[number]).span);
      ctx.report({ messageId: 'trainingOnly', data: { count: ai.items.length }, loc });
    }
  },
});
