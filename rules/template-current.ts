import { dayOfIso, isoOfDay } from '../src/days.js';
import { integer, ruleOptions, text } from '../src/options.js';
import { postingDay } from '../src/parse/context.js';
import { at } from '../src/query.js';
import { TEMPLATE_GRACE_DAYS, TEMPLATE_POLICY_EFFECTIVE } from '../src/templates.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'template-current',
    description: 'Disallow a template superseded more than 30 days before the report is posted.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      superseded:
        'This report uses the {{template}} template, superseded on {{superseded}}. CCADB Policy 2.0 §6.1 forbids a template superseded more than {{days}} days before posting (posting date {{posted}}); use the IRG 3.x "Full Incident Report" template.',
    },
    options: ruleOptions({
        policyEffective: text(TEMPLATE_POLICY_EFFECTIVE),
        graceDays: integer(0, TEMPLATE_GRACE_DAYS),
      }),
    rationale:
      'Since CCADB Policy 2.0 took effect on 2025-07-15, a report posted in a template that was replaced more than 30 days earlier is itself non-compliant. IRG 2.0 (ccadb-v2) was superseded by IRG 3.0 on 2025-03-01, and the Mozilla seven questions long before. The posting date is front matter "posted:" when present, otherwise --now.',
    source: 'CCADB Policy 2.0 §6.1; CCADB IRG 3.0 (effective 2025-03-01).',
    examples: [
      { title: 'A v2 report posted in 2024 is fine', now: '2024-03-25', code: '## Incident Report\n\n### Summary\n\nText.\n\n### Impact\n\nText.\n\n### Timeline\n\nAll times are UTC.\n', expect: [] },
      { title: 'A v2 report posted in 2026 is not', now: '2026-11-22', code: '## Incident Report\n\n### Summary\n\nText.\n\n### Impact\n\nText.\n\n### Timeline\n\nAll times are UTC.\n', expect: [{ messageId: 'superseded', line: 1 }] },
    ],
  },
  check(report, ctx) {
    const opts = ctx.options;
    const effective = dayOfIso(opts.policyEffective);
    if (effective === undefined) return;
    const posted = postingDay(report, ctx.now().toMillis());
    if (posted < effective) return;
    for (const block of report.blocks) {
      const superseded = block.spec.supersededOn;
      if (!superseded) continue;
      const deadline = (dayOfIso(superseded) as number) + opts.graceDays;
      if (posted <= deadline) continue;
      ctx.report({
        messageId: 'superseded',
        data: { template: block.spec.name, superseded, days: opts.graceDays, posted: isoOfDay(posted) },
        loc: at(block.headingSpan),
      });
    }
  },
});
