import { at } from '../src/query.js';
import { closureSummaries } from './_vocabulary.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const SENTENCE = 'All Action Items disclosed in this report have been completed as described, and we request its closure.';

export default defineRule({
  meta: {
    id: 'closure-attestation',
    description: 'Require the attestation sentence in a Report Closure Summary.',
    tags: ['closure'],
    severity: 'error',
    messages: {
      missing: 'The Closure Summary lacks the attestation "{{sentence}}"; add it once every action item is Complete or Canceled.',
      altered: 'The closure attestation is reworded ("{{found}}"); use the template\'s sentence: "{{sentence}}".',
    },
    rationale:
      'The Closure Summary ends with a fixed sentence by which the CA attests that every action item is done and asks for the bug to be closed. Reviewers look for that exact commitment; a paraphrase ("we think we are done") is not one. The older wording "in this Incident Report" is accepted, with or without quotation marks.',
    source: 'CCADB IRG 3.x, "Report Closure Summary".',
    examples: [
      {
        title: 'A closure without the attestation',
        code: '## Report Closure Summary\n\n- **Incident description:** x\n- **Incident Root Cause(s):** y\n- **Remediation description:** z\n- **Commitment summary:** w\n',
        expect: [{ messageId: 'missing', line: 1 }],
      },
      {
        title: 'The older "in this Incident Report" wording is accepted',
        code: '## Report Closure Summary\n\n- **Commitment summary:** w\n\nAll Action Items disclosed in this Incident Report have been completed as described, and we request its closure.\n',
        expect: [],
      },
    ],
  },
  check(report, ctx) {
    for (const c of closureSummaries(report)) {
      if (c.attestation) continue;
      if (c.nearMiss) ctx.report({ messageId: 'altered', data: { found: clip(c.nearMiss.text, 80), sentence: SENTENCE }, loc: at(c.nearMiss.span) });
      else ctx.report({ messageId: 'missing', data: { sentence: SENTENCE }, loc: at(c.block.headingSpan) });
    }
  },
});
