import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'section-required',
    description: 'Require every section of the report template.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      missingBefore: 'Missing section "{{section}}" of the {{template}}; the template puts it before "{{next}}". Keep the section and write N/A when it does not apply.',
      missingAtEnd: 'Missing section "{{section}}" of the {{template}}; the template puts it at the end. Keep the section and write N/A when it does not apply.',
    },
    rationale:
      'The IRG requires every section of the template, in every report: a reviewer must be able to find the Timeline or the Action Items without searching, and a section that does not apply is kept and marked N/A rather than dropped. (The seven questions of a Mozilla report are checked by legacy-questions.)',
    source: 'CCADB IRG 3.x "Full Incident Report": "All sections are required"; IRG 2.0 "Incident Report" template.',
    examples: [
      {
        title: 'A v2 report without Root Cause Analysis',
        code: '## Incident Report\n\n### Summary\n\nText.\n\n### Impact\n\nText.\n\n### Timeline\n\nAll times are UTC.\n\n### Lessons Learned\n\n#### What went well\n\nN/A\n\n#### What didn\'t go well\n\nN/A\n\n#### Where we got lucky\n\nN/A\n\n### Action Items\n\nN/A\n\n### Appendix\n\nN/A\n',
        expect: [{ messageId: 'missingBefore', line: 15 }],
      },
    ],
  },
  check(report, ctx) {
    for (const block of report.blocks) {
      if (block.template === 'mozilla-legacy') continue;
      const specs = block.spec.sections;
      const present = new Set(block.sections.map((s) => s.spec.key));
      specs.forEach((spec, index) => {
        if (!spec.required || present.has(spec.key)) return;
        const next = specs.slice(index + 1).map((s) => block.sections.find((p) => p.spec.key === s.key)).find((s) => s !== undefined);
        if (next) {
          ctx.report({ messageId: 'missingBefore', data: { section: spec.title, template: block.spec.name, next: next.spec.title }, loc: at(next.headingSpan) });
        } else {
          ctx.report({ messageId: 'missingAtEnd', data: { section: spec.title, template: block.spec.name }, loc: { line: block.endLine } });
        }
      });
    }
  },
});
