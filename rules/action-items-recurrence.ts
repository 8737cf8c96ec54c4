import { ruleOptions, stringList } from '../src/options.js';
import type { ActionItem } from '../src/model.js';
import { actionItemsOf } from '../src/parse/actions.js';
import { phrasesRegExp } from '../src/parse/terms.js';
import { norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Word starts that open an action repairing this incident only. */
const REPAIRS = [
  'revoke', 'revoked', 'revoking', 'revocation of', 'complete revocation', 'complete the revocation', 'reissue', 're-issue', 'reissued', 'replace', 'replaced', 'replacing', 'renew',
  'notify', 'notified', 'contact', 'contacted', 'inform the affected', 'inform affected', 'inform subscribers', 'inform customers', 'reach out',
  'correct the', 'corrected the', 'correct this', 'correct these', 'fix the', 'fixed the', 'fix this', 'fix these', 'amend the', 'amended the',
  'update the cps', 'update the cp', 'update our cps', 'update the ccadb', 'update ccadb', 'update the record', 'update the audit', 'updated the cps', 'updated the ccadb', 'publish the', 'publish an updated', 'publish a corrected', 'post the', 'file the', 'submit the', 'disable the', 'disabled the', 'stop issuance', 'stopped issuance', 'halt issuance', 'remove the affected', 'delete the',
];

/** Word starts that show an action keeps the problem from recurring or catches it next time. */
const FORWARD = [
  'prevent', 'detect', 'future', 'going forward', 'recur', 'again', 'all new', 'every new', 'before issuance', 'pre-issuance', 'preissuance', 'post-issuance', 'lint', 'check', 'monitor', 'alert', 'scan', 'test', 'automat', 'validat', 'block', 'reject', 'enforce', 'ensure', 'guard', 'control', 'review', 'audit', 'procedure', 'process', 'policy', 'checklist', 'workflow', 'tool', 'training', 'train ', 'system', 'software', 'code', 'rule', 'continuous', 'periodic', 'regular', 'daily', 'weekly', 'monthly', 'quarterly', 'each release', 'every release',
];

const compiled = perOptions((o: { repairs: string[]; forward: string[] }) => ({ repair: phrasesRegExp(o.repairs), forward: phrasesRegExp(o.forward) }));

const REPORT = (rows: string[]): string =>
  `## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;

export default defineRule({
  meta: {
    id: 'action-items-recurrence',
    description: 'Warn when every action item only repairs this incident and none prevents or detects the next one.',
    tags: ['action-items'],
    severity: 'warn',
    messages: {
      repairOnly:
        'All {{count}} action item(s) only repair this incident ({{first}}); none prevents the problem from recurring or detects it next time. The IRG asks for action items that address the root causes so the incident does not happen again; add a Prevent or Detect action.',
    },
    options: ruleOptions({
      /** Word starts that open an action repairing this incident only (revoke, reissue, fix the record). */
      repairs: stringList(REPAIRS),
      /** Word starts anywhere in an action or its criteria that show it looks ahead (check, monitor, lint, process). */
      forward: stringList(FORWARD),
    }),
    rationale:
      'Revoking the affected certificates, reissuing them and correcting this profile or record end this incident; they do not stop the next one. Reviewers send back plans that stop there. The IRG asks the Action Items to address the contributing factors so that the problem is prevented, detected sooner, or does less harm next time. An action counts as a repair when it begins with a repair verb (revoke, reissue, replace, notify subscribers, fix the profile, update the CPS) and neither it nor its evaluation criteria say anything that looks ahead (check, lint, monitor, test, process, future). The rule warns only when every action item is such a repair; both word lists are options.',
    source: 'CCADB IRG 3.x, "Action Items": actions that address the root causes and prevent recurrence (Kind: Prevent, Mitigate, Detect); Mozilla "Responding to an Incident": steps to prevent recurrence.',
    examples: [
      { title: 'Only repairs', code: REPORT(['| Revoke the 14 affected certificates | Mitigate | Root Cause #1 | All 14 revoked | 2025-08-17 | Complete |', '| Reissue certificates for the affected subscribers | Mitigate | Root Cause #1 | All subscribers have a replacement | 2025-08-20 | Complete |']), expect: [{ messageId: 'repairOnly', line: 5 }] },
      { title: 'A repair and a check against recurrence', code: REPORT(['| Revoke the 14 affected certificates | Mitigate | Root Cause #1 | All 14 revoked | 2025-08-17 | Complete |', '| Add a pre-issuance lint for the CAA age | Prevent | Root Cause #1 | Lint rejects a 9-hour-old CAA result in staging | 2025-09-30 | Ongoing |']), expect: [] },
    ],
  },
  check(report, ctx) {
    const { repair, forward } = compiled(ctx.options);
    if (!repair) return;
    for (const ai of actionItemsOf(report)) {
      if (ai.items.length === 0) continue;
      const repairOnly = (i: ActionItem): boolean => {
        const text = norm(i.action.text);
        const m = repair.exec(text);
        if (!m || m.index > 24) return false;
        return forward === undefined || !forward.test(`${text} ${norm(i.criteria?.text ?? '')}`);
      };
      if (!ai.items.every(repairOnly)) continue;
      const first = ai.items[0] as ActionItem;
      const loc = ai.header ? at(ai.header.span) : at(first.span);
      ctx.report({ messageId: 'repairOnly', data: { count: ai.items.length, first: `"${first.action.text.length > 60 ? `${first.action.text.slice(0, 59)}\u2026` : first.action.text}"` }, loc });
    }
  },
});
