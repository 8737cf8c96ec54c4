import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'section-order',
    description: 'Require sections in template order.',
    tags: ['structure'],
    severity: 'warn',
    messages: {
      outOfOrder: 'Section "{{section}}" is out of order; move it before "{{before}}", where the {{template}} puts it.',
      beforeIsHere: '"{{before}}" is here.',
    },
    rationale:
      'Reviewers and the tools they use read reports section by section in template order; a moved section reads as a missing one.',
    source: 'CCADB IRG 3.x "Full Incident Report" and IRG 2.0 templates: section order.',
    examples: [
      { title: 'Sections in template order', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Text.\n- **Relevant policies:** TLS BRs 2.1.7 section 4.9.1.1\n- **Source of incident disclosure:** Audit\n\nThe incident is contained.\n', expect: [] },
      {
        title: 'Timeline before Impact',
        code: '## Incident Report\n\n### Summary\n\nText.\n\n### Timeline\n\nAll times are UTC.\n\n### Impact\n\nText.\n',
        expect: [{ messageId: 'outOfOrder', line: 11 }],
      },
    ],
  },
  check(report, ctx) {
    for (const block of report.blocks) {
      const order = new Map(block.spec.sections.map((s, i) => [s.key, i] as const));
      const seen: typeof block.sections = [];
      for (const s of block.sections) {
        // A second section of one kind is section-duplicate's finding, not an order problem.
        if (seen.some((p) => p.spec.key === s.spec.key)) continue;
        const idx = order.get(s.spec.key) ?? 0;
        const before = seen.find((p) => (order.get(p.spec.key) ?? 0) > idx && p.spec.key !== s.spec.key);
        if (before) {
          ctx.report({
            messageId: 'outOfOrder',
            data: { section: s.spec.title, template: block.spec.name, before: before.spec.title },
            loc: at(s.headingSpan),
            related: [{ messageId: 'beforeIsHere', data: { before: before.spec.title }, line: before.headingSpan.line, column: before.headingSpan.column }],
          });
        }
        seen.push(s);
      }
    }
  },
});
