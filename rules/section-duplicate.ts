import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'section-duplicate',
    description: 'Disallow a section that appears twice in one report.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      duplicate: 'Section "{{section}}" appears twice in this report (first at line {{firstLine}}); merge them.',
      firstIsHere: 'First "{{section}}" is here.',
    },
    rationale:
      'Two sections with one name split the facts: a reviewer who reads the first Timeline misses the events in the second. Reports that add to an earlier one post a new report block (a Full report after a Preliminary one), not a second section.',
    source: 'CCADB IRG 3.x report templates: one section of each kind per report.',
    examples: [
      {
        title: 'Two Timeline headings',
        code: '## Incident Report\n\n### Summary\n\nText.\n\n### Timeline\n\nAll times are UTC.\n\n### Timeline\n\n2024-03-05 10:00 UTC more.\n',
        expect: [{ messageId: 'duplicate', line: 11 }],
      },
    ],
  },
  check(report, ctx) {
    for (const block of report.blocks) {
      const first = new Map<string, (typeof block.sections)[number]>();
      for (const s of block.sections) {
        const prev = first.get(s.spec.key);
        if (!prev) {
          first.set(s.spec.key, s);
          continue;
        }
        ctx.report({
          messageId: 'duplicate',
          data: { section: s.spec.title, firstLine: prev.headingSpan.line },
          loc: at(s.headingSpan),
          related: [{ messageId: 'firstIsHere', data: { section: s.spec.title }, line: prev.headingSpan.line, column: prev.headingSpan.column }],
        });
      }
    }
  },
});
