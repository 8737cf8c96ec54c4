import { revocationDelay } from './_vocabulary.js';
import { at, blocksOf, field, section } from '../src/query.js';
import { isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const REPORT = (front: string, analysis: string): string =>
  `${front}## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** 12\n- **Analysis:** ${analysis}\n`;

export default defineRule({
  meta: {
    id: 'revocation-delay-analysis',
    description: 'Require a revocation-delay report to fill in the Impact Analysis.',
    tags: ['impact'],
    severity: 'error',
    messages: {
      notApplicable: 'This incident is a revocation delay ({{evidence}}), so Analysis must explain the decision to delay revocation, not "{{found}}".',
      empty: 'This incident is a revocation delay ({{evidence}}), so Analysis must explain the decision to delay revocation; it is empty.',
    },
    rationale:
      'When a CA does not revoke within the Baseline Requirements deadlines, the IRG asks it to explain in Analysis why it chose to delay, which subscribers were affected and what it did to limit the harm; that is the part of the report root programs weigh most. A report is a revocation delay when its whiteboard carries a revocation-delay tag ([leaf-revocation-delay], [ca-revocation-delay]) in front matter or in a copied Bugzilla "(Whiteboard: ...)" line, or, with no whiteboard in front matter, when its title or Summary says "delayed revocation" or "revocation delay".',
    source: 'CCADB IRG 3.x, Full Incident Report, Impact: "Analysis" (required for revocation delays, otherwise N/A); TLS BR 4.9.1.1.',
    examples: [
      { title: 'A revocation delay with an analysis', code: REPORT('---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n', 'We delayed revocation of 12 certificates used by a hospital network because ...'), expect: [] },
      { title: 'A revocation delay with N/A', code: REPORT('---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n', 'N/A'), expect: [{ messageId: 'notApplicable', line: 10 }] },
      { title: 'Not a revocation delay: N/A is right', code: REPORT('', 'N/A'), expect: [] },
    ],
  },
  check(report, ctx) {
    const delay = revocationDelay(report);
    if (!delay) return;
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const f = field(section(block, 'impact'), 'analysis');
      if (!f) continue;
      if (f.value === '') ctx.report({ messageId: 'empty', data: { evidence: delay.evidence }, loc: at(f.labelSpan), related: [{ message: 'The report is marked as a revocation delay here.', line: delay.line }] });
      else if (isNotApplicable(f.value) || /^(?:none|-+|nil)$/i.test(f.value.trim()))
        ctx.report({ messageId: 'notApplicable', data: { evidence: delay.evidence, found: f.value.split('\n')[0] ?? '' }, loc: at(f.valueSpan), related: [{ message: 'The report is marked as a revocation delay here.', line: delay.line }] });
    }
  },
});
