import { blocksOf, fields, section } from '../src/query.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const FULL = (id: string): string =>
  `## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** ${id}\n- **Incident description:** Text.\n`;

export default defineRule({
  meta: {
    id: 'ccadb-id-format',
    description: 'Require the CA Owner CCADB unique ID to be "A" followed by six digits.',
    tags: ['summary'],
    severity: 'error',
    fixable: true,
    messages: {
      format: 'CA Owner CCADB unique ID must be "A" followed by six digits (e.g. A000272); found "{{found}}".',
      lowercase: 'Write the CA Owner CCADB unique ID with a capital "A"; found "{{found}}".',
      notApplicable: 'CA Owner CCADB unique ID cannot be N/A: every CA Owner has one; give the ID shown on its CCADB record (e.g. A000272).',
    },
    rationale:
      'The CCADB unique ID identifies the CA Owner without ambiguity (names change, CAs are acquired). Root programs join incident reports to CCADB records by this ID, so a number without the "A", a CA name, or a certificate record ID breaks that join.',
    source: 'CCADB IRG 3.x, Full Incident Report, Summary: "CA Owner CCADB unique ID".',
    examples: [
      { title: 'A well-formed ID', code: FULL('A000272'), expect: [] },
      { title: 'Digits without the "A"', code: FULL('12345'), expect: [{ messageId: 'format', line: 5 }] },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      for (const f of fields(section(block, 'summary'), 'ccadb-id')) {
        const value = f.value.split('\n')[0]?.replace(/^[`*_"']+|(?<![`*_"'.])[`*_"'.]+$/g, '').trim() ?? '';
        if (value === '') continue;
        if (/^A\d{6}$/.test(value)) continue;
        const loc = { start: f.valueSpan.start, end: f.valueSpan.end };
        if (/^a\d{6}$/.test(value)) {
          const at = report.source.indexOf(value, f.valueSpan.start);
          const fix = at >= 0 && at < f.valueSpan.end ? { range: [at, at + 1] as [number, number], text: 'A' } : undefined;
          ctx.report({ messageId: 'lowercase', data: { found: value }, loc, ...(fix ? { fix } : {}) });
        } else if (/^n\/?a\.?$/i.test(value) || /^not applicable$/i.test(value)) {
          ctx.report({ messageId: 'notApplicable', loc });
        } else {
          ctx.report({ messageId: 'format', data: { found: clip(value) }, loc });
        }
      }
    }
  },
});
