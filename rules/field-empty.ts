import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'field-empty',
    description: 'Require content in every present field and section; write N/A when it does not apply.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      emptyField: 'Field "{{field}}" is empty; answer it, or write N/A when it does not apply.',
      emptySection: 'Section "{{section}}" is empty; fill it in, or write N/A when it does not apply.',
    },
    rationale:
      'An empty field reads as forgotten, and reviewers ask about each one. The IRG asks that an inapplicable field is kept and says N/A, which also tells the reader the author considered it.',
    source: 'CCADB IRG 3.x report templates: a field that does not apply is kept and marked N/A.',
    examples: [
      {
        title: 'An empty Appendix',
        code: '## Incident Report\n\n### Summary\n\nText.\n\n### Appendix\n',
        expect: [{ messageId: 'emptySection', line: 7 }],
      },
    ],
  },
  check(report, ctx) {
    for (const block of report.blocks) {
      for (const section of block.sections) {
        if (section.spec.implicit) {
          // The closure body: its fields carry the content.
        } else if (section.text.trim() === '' && section.tables.length === 0 && !section.bodyLines.some((l) => l.kind === 'code')) {
          ctx.report({ messageId: 'emptySection', data: { section: section.spec.title }, loc: at(section.headingSpan) });
          continue;
        }
        for (const f of section.fields) {
          if (f.value !== '' || f.children.length > 0 || f.spec.mayBeEmpty) continue;
          ctx.report({ messageId: 'emptyField', data: { field: f.spec.label }, loc: at(f.labelSpan) });
        }
      }
    }
  },
});
