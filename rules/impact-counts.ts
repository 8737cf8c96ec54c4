import { ruleOptions, stringList } from '../src/options.js';
import type { Field } from '../src/model.js';
import { APPROXIMATE_WORDS, readCount, type CountReading } from '../src/parse/counts.js';
import { at, blocksOf, field, section } from '../src/query.js';
import { clip } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const IMPACT = (total: string, remaining: string): string =>
  `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n- **Total number of "remaining valid" certificates:** ${remaining}\n`;

export default defineRule({
  meta: {
    id: 'impact-counts',
    description: 'Require whole-number certificate totals (or N/A), with remaining valid no more than the total.',
    tags: ['impact'],
    severity: 'error',
    messages: {
      notANumber: '{{field}} must be a whole number, or N/A when no certificates are involved; found "{{found}}".',
      approximate: '{{field}} is approximate ("{{found}}"); give the exact number of certificates, or say when the exact count will be known.',
      remainingExceedsTotal: 'Remaining valid certificates ({{remaining}}) exceed the total number of certificates ({{total}}); "remaining valid" counts affected certificates that are still valid, so it cannot be larger. Check both counts.',
      remainingWithoutTotal: '{{field}} gives {{remaining}} remaining valid certificates, but the total number of certificates is N/A; give the total.',
    },
    options: ruleOptions({ approximateWords: stringList(APPROXIMATE_WORDS) }),
    rationale:
      'The totals tell root programs how large the incident is and how many certificates still need revocation. Counts are read as people write them ("14", "2 certificates", "1,234", "0. All certificates were revoked"); a count qualified by "about", "over", "~" or written as "1.2 million" is approximate, and the IRG asks for the total number. "Remaining valid" is a part of the total, so it can never be larger.',
    source: 'CCADB IRG 3.x, Full Incident Report, Impact: "Total number of certificates", "Total number of \\"remaining valid\\" certificates".',
    examples: [
      { title: 'Exact counts', code: IMPACT('1,234 TLS certificates', '0'), expect: [] },
      { title: 'An approximate total', code: IMPACT('about 230,000', '0'), expect: [{ messageId: 'approximate', line: 5 }] },
      { title: 'More remaining valid than in total', code: IMPACT('12', '14'), expect: [{ messageId: 'remainingExceedsTotal', line: 6 }] },
    ],
  },
  check(report, ctx) {
    const words = ctx.options.approximateWords;
    const read = (f: Field | undefined): CountReading | undefined => {
      if (!f || f.value === '') return undefined;
      const r = readCount(f.value, words);
      const loc = { start: f.valueSpan.start, end: Math.min(f.valueSpan.end, f.valueSpan.start + Math.max(r.text.length, 1)) };
      const name = f.spec.key === 'total-certificates' ? 'Total number of certificates' : 'Total number of "remaining valid" certificates';
      if (r.kind === 'not-a-number') ctx.report({ messageId: 'notANumber', data: { field: name, found: clip(r.text) }, loc });
      if (r.kind === 'approximate') ctx.report({ messageId: 'approximate', data: { field: name, found: clip(r.text) }, loc });
      return r;
    };
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const impact = section(block, 'impact');
      const totalField = field(impact, 'total-certificates');
      const remainingField = field(impact, 'remaining-valid');
      const total = read(totalField);
      const remaining = read(remainingField);
      if (!total || !remaining || !totalField || !remainingField) continue;
      const remainingValue = remaining.kind === 'exact' || remaining.kind === 'approximate' ? remaining.value : undefined;
      if (remainingValue === undefined) continue;
      if (total.kind === 'exact' && remaining.kind === 'exact' && remainingValue > total.value) {
        ctx.report({
          messageId: 'remainingExceedsTotal',
          data: { remaining: remainingValue, total: total.value },
          loc: at(remainingField.valueSpan),
          related: [{ message: 'The total is given here.', line: totalField.line }],
        });
      } else if (total.kind === 'not-applicable' && remainingValue > 0) {
        ctx.report({ messageId: 'remainingWithoutTotal', data: { field: 'Total number of "remaining valid" certificates', remaining: remainingValue }, loc: at(remainingField.valueSpan), related: [{ message: 'The total is N/A here.', line: totalField.line }] });
      }
    }
  },
});
