import { ruleOptions, stringList } from '../src/options.js';
import type { ActionItem } from '../src/model.js';
import { actionItemsOf } from '../src/parse/actions.js';
import { revocationDelay } from './_vocabulary.js';
import { phrasesRegExp } from '../src/parse/terms.js';
import { norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Word starts that show an action is about revoking on time in future. */
const FUTURE = [
  'delay', 'deadline', 'timely', 'on time', 'in time', 'within 24 hours', 'within 5 days', 'within five days', 'within 120 hours', '24-hour', '5-day', '120-hour',
  'mass revocation', 'revocation process', 'revocation procedure', 'revocation plan', 'revocation policy', 'revocation capab', 'revocation tool', 'revocation automation', 'revocation workflow', 'revocation readiness', 'revocation exercise', 'revocation drill', 'revocation time', 'revocation sla', 'revocation notice', 'revocation communication',
  'revoke within', 'revoked within', 'revoke on time', 'future revocation', 'future incident', 'subscriber agreement', 'terms of use', 'terms of service', 'contract', 'automat', 'acme', 'renewal info', 'playbook', 'runbook', 'critical infrastructure', 'short-lived', 'shorter validity', 'customer readiness',
];

/** An action that only finishes this incident's revocations: "Revoke the remaining certificates". */
const REPAIR = /^(?:revoke|complete(?:[ \t]+the)?[ \t]+revocation|finish(?:[ \t]+the)?[ \t]+revocation|finish[ \t]+revoking)\b/i;

const compiled = perOptions((o: { phrases: string[] }) => phrasesRegExp(o.phrases));

const REPORT = (row: string): string =>
  `---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n## Full Incident Report\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n${row}\n`;

export default defineRule({
  meta: {
    id: 'action-items-revocation-delay',
    description: 'Require a revocation-delay report to have at least one action item against future revocation delays.',
    tags: ['action-items', 'revocation-delay'],
    severity: 'error',
    messages: {
      missing:
        'This incident is a revocation delay ({{evidence}}), but none of its {{count}} action item(s) acts against future revocation delays (a revocation process, automation, subscriber agreements, exercises); add one, as the IRG requires. Revoking this incident\'s certificates does not count.',
    },
    options: ruleOptions({
      /** Word starts that mark an action against future revocation delays. */
      phrases: stringList(FUTURE),
    }),
    rationale:
      'A revocation delay is judged less by this incident\'s certificates than by whether the CA will revoke on time next time. The IRG therefore requires that a revocation-delay report include at least one action item that addresses future delays: a faster revocation process, automated replacement (ACME, ARI), subscriber agreements that allow revocation within the BR deadlines, a mass-revocation exercise. An action that only finishes revoking this incident\'s certificates does not count. A report is a revocation delay when its whiteboard carries a revocation-delay tag, or, with no whiteboard in front matter, its title or Summary says "delayed revocation". The requirement came with IRG 3.0, so v3 Full reports are checked. The expected and actual completion of revocation in the Timeline are checked by timeline-key-events.',
    source: 'CCADB IRG 3.x, "Action Items": for revocation delays, the report MUST include at least one action item that addresses future revocation delays.',
    examples: [
      { title: 'An action against future delays', code: REPORT('| Automate certificate replacement with ACME ARI for the affected subscribers | Prevent | Root Cause #1 | 95% of subscribers renew through ARI | 2025-12-01 | Ongoing |'), expect: [] },
      { title: 'Only this incident\'s revocations', code: REPORT('| Revoke the remaining 40 certificates | Mitigate | Root Cause #1 | All 40 revoked | 2025-10-01 | Ongoing |'), expect: [{ messageId: 'missing', line: 9 }] },
    ],
  },
  check(report, ctx) {
    const delay = revocationDelay(report);
    if (!delay) return;
    const re = compiled(ctx.options);
    if (!re) return;
    for (const ai of actionItemsOf(report)) {
      if (ai.block.template !== 'ccadb-v3-full') continue;
      if (ai.items.length === 0) continue;
      const against = (i: ActionItem): boolean => {
        const text = norm(i.action.text);
        const repair = REPAIR.test(text);
        // "Revoke the delayed certificates" is about this incident's delay, not the next one.
        if (re.test(repair ? text.replace(/\bdelay(?:ed|ing)?\b/g, ' ') : text)) return true;
        // Criteria may say what the action is for ("no revocation delayed beyond 5 days"), but not for a plain "revoke the rest".
        return !repair && i.criteria !== undefined && re.test(norm(i.criteria.text));
      };
      if (ai.items.some(against)) continue;
      const loc = ai.header ? at(ai.header.span) : at((ai.items[0] as ActionItem).span);
      ctx.report({ messageId: 'missing', data: { evidence: delay.evidence, count: ai.items.length }, loc, related: [{ message: 'The report is marked as a revocation delay here.', line: delay.line }] });
    }
  },
});
