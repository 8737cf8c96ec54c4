import { at, blocksOf, section } from '../src/query.js';
import { factorsOf } from '../src/parse/factors.js';
import { isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'rca-contributing-factors',
    description: 'Require numbered "Contributing Factor #N: title" blocks in a v3 Root Cause Analysis.',
    tags: ['root-cause'],
    severity: 'error',
    messages: {
      none: 'The Root Cause Analysis has no "Contributing Factor #1: title" block; describe each contributing factor in its own numbered block with Description, Timeline, Detection and Interaction with other factors, as the IRG 3.x template does.',
      unnumbered: 'Contributing factor "{{title}}" has no number; write "Contributing Factor #{{expected}}: …" so that action items can refer to it.',
      numbering: 'Contributing factors are numbered 1, 2, 3… in order; expected #{{expected}}, found #{{found}}.',
      duplicate: 'Contributing Factor #{{number}} is numbered twice; give each factor its own number.',
      firstHere: 'Contributing Factor #{{number}} is first used here.',
    },
    rationale:
      'IRG 3.x asks for one block per contributing factor, numbered, because incidents rarely have a single cause and because the Action Items table maps each action to the factor it addresses ("Corresponding Root Cause(s)"). Without numbered factors that mapping cannot be checked by anyone.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Root Cause Analysis" (Contributing Factor #N: title).',
    examples: [
      {
        title: 'A v3 Root Cause Analysis written as one paragraph',
        code: '## Full Incident Report\n\n### Root Cause Analysis\n\nThe retry path reused a cached CAA result.\n',
        expect: [{ messageId: 'none', line: 3 }],
      },
      {
        title: 'Factors numbered 1 and 3',
        code: '## Full Incident Report\n\n### Root Cause Analysis\n\n**Contributing Factor #1: Cache reuse**\n\n- **Description:** x\n\n**Contributing Factor #3: No test**\n\n- **Description:** y\n',
        expect: [{ messageId: 'numbering', line: 9 }],
      },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const rca = section(block, 'root-cause-analysis');
      if (!rca) continue;
      const factors = factorsOf(report, block);
      if (factors.length === 0) {
        if (rca.text.trim() !== '' && isNotApplicable(rca.text)) continue;
        ctx.report({ messageId: 'none', loc: at(rca.headingSpan) });
        continue;
      }
      const seen = new Map<number, number>();
      factors.forEach((f, i) => {
        const expected = i + 1;
        if (f.number === undefined) {
          ctx.report({ messageId: 'unnumbered', data: { title: f.title || f.heading.text, expected }, loc: at(f.heading.span) });
          return;
        }
        const first = seen.get(f.number);
        if (first !== undefined) {
          ctx.report({ messageId: 'duplicate', data: { number: f.number }, loc: at(f.heading.span), related: [{ messageId: 'firstHere', data: { number: f.number }, line: first }] });
          return;
        }
        seen.set(f.number, f.line);
        if (f.number !== expected) ctx.report({ messageId: 'numbering', data: { expected, found: f.number }, loc: at(f.heading.span) });
      });
    }
  },
});
