import { ruleOptions } from '../src/options.js';
import { defineRule } from '../src/types.js';

const REFERENCE = /^(?:please[ \t]+)?(?:see|refer[ \t]+to|as[ \t]+(?:described|stated|per)(?:[ \t]+in)?|same[ \t]+as)[ \t]+(?:the[ \t]+)?(?:comment[ \t]*#?[ \t]*\d+|bug[ \t]*#?[ \t]*\d+|above|below|previous[ \t]+(?:comment|report)|preliminary[ \t]+report|attachment(?:[ \t]*#?[ \t]*\d+)?|https?:\/\/\S+)[ \t.]*$/i;

export default defineRule({
  meta: {
    id: 'free-standing',
    description: 'Require each field to stand on its own rather than point to a comment or another bug.',
    tags: ['structure'],
    severity: 'warn',
    messages: {
      reference: '"{{text}}" is the whole content of "{{field}}"; the IRG asks that a report stands on its own, so copy the facts here.',
    },
    options: ruleOptions({}),
    rationale:
      'Reports are read long after the bug thread, often in a summary that shows only the report. A field that says only "see comment #4" sends the reader hunting and is a steady reviewer complaint.',
    source: 'CCADB IRG 3.x "Full Incident Report": the report should be complete in itself.',
    examples: [
      { title: 'A field that only points elsewhere', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** See comment #3.\n', expect: [{ messageId: 'reference', line: 5 }] },
    ],
  },
  check(report, ctx) {
    for (const block of report.blocks) {
      for (const section of block.sections) {
        for (const f of section.fields) {
          if (!f.value || f.value.length > 120 || !REFERENCE.test(f.value.replace(/\s+/g, ' ').trim())) continue;
          ctx.report({ messageId: 'reference', data: { text: f.value, field: f.spec.label }, loc: { start: f.valueSpan.start, end: f.valueSpan.end } });
        }
        if ((section.spec.fields ?? []).length === 0 && section.text && section.text.length <= 120 && REFERENCE.test(section.text.replace(/\s+/g, ' ').trim())) {
          const first = section.bodyLines.find((l) => l.kind === 'text');
          if (first) ctx.report({ messageId: 'reference', data: { text: section.text, field: section.spec.title }, loc: { start: first.bodyStart, end: first.bodyStart + first.body.length } });
        }
      }
    }
  },
});
