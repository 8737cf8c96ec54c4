import { at } from '../src/query.js';
import { judgedTemplate } from '../src/parse/context.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'field-required',
    description: 'Require every template field of a section.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      missing: 'Missing field "{{field}}" in section "{{section}}"; keep every template field and write N/A when it does not apply.',
      missingChild: 'Missing "{{field}}" under "{{parent}}" in section "{{section}}"; keep every template field and write N/A when it does not apply.',
    },
    rationale:
      'The IRG templates are checklists: each field answers a question a root program asks of every incident. A field that does not apply is kept and marked N/A, so that a reviewer can tell "not applicable" from "forgotten". Contributing-factor fields are checked by rca-contributing-factors.',
    source: 'CCADB IRG 3.x report templates (Summary, Impact, Lessons Learned, Preliminary and Closure): every field of a section appears; a field that does not apply is marked N/A.',
    examples: [
      {
        title: 'Preliminary report without the disclosure source',
        code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** A CPS typo.\n- **Relevant policies:** TLS BRs v2.1.7 section 7.1.2.7\n\nThe incident is contained.\n',
        expect: [{ messageId: 'missing', line: 3 }],
      },
    ],
  },
  check(report, ctx) {
    const nowMs = ctx.now().toMillis();
    for (const block of report.blocks) {
      // The v3 Preliminary fields apply from IRG 3.0 on; an earlier preliminary report is judged by its era.
      if (judgedTemplate(report, block, nowMs) !== block.template) continue;
      for (const section of block.sections) {
        const specs = section.spec.fields ?? [];
        if (specs.length === 0) continue;
        const present = new Set(section.fields.map((f) => f.spec.key));
        for (const spec of specs) {
          if (!spec.required || present.has(spec.key)) continue;
          if (spec.parent) {
            if (!present.has(spec.parent)) continue; // the parent is reported instead
            const parent = specs.find((s) => s.key === spec.parent);
            const parentField = section.fields.find((f) => f.spec.key === spec.parent);
            ctx.report({
              messageId: 'missingChild',
              data: { field: spec.label, parent: parent?.label ?? spec.parent, section: section.spec.title },
              loc: at(parentField ? parentField.labelSpan : section.headingSpan),
            });
            continue;
          }
          ctx.report({ messageId: 'missing', data: { field: spec.label, section: section.spec.title }, loc: at(section.headingSpan) });
        }
      }
    }
  },
});
