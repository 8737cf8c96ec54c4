import { readCount } from '../src/parse/counts.js';
import { isNotApplicable } from '../src/parse/text.js';
import { at, blocksOf, field, section } from '../src/query.js';
import { defineRule } from '../src/types.js';

const NONE = /^(?:n\/?a|none|nil|-+|not applicable|no(?:ne)? types?)\.?$/i;

const REPORT = (total: string, types: string): string =>
  `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n- **Total number of "remaining valid" certificates:** 0\n- **Affected certificate types:** ${types}\n`;

export default defineRule({
  meta: {
    id: 'impact-certificate-types',
    description: 'Require Affected certificate types to name the types when the Impact counts affected certificates.',
    tags: ['impact'],
    severity: 'error',
    messages: {
      notApplicable: 'Affected certificate types is "{{found}}", but the report counts {{total}} affected certificate(s) (line {{line}}); name their types (DV, OV, EV, IV, S/MIME, code signing, subordinate CA).',
      totalHere: 'The total is here.',
    },
    rationale:
      'Whether an incident touches DV, OV or EV TLS certificates, S/MIME or subordinate CA certificates decides which requirements apply and who must look at it. N/A is right only when no certificate is affected; when the Impact counts affected certificates, their types are known and the IRG asks for them. An empty field is reported by field-empty.',
    source: 'CCADB IRG 3.x, Full Incident Report, Impact: "Affected certificate types".',
    examples: [
      { title: 'Certificates counted, types N/A', code: REPORT('14', 'N/A'), expect: [{ messageId: 'notApplicable', line: 7 }] },
      { title: 'No certificates, types N/A', code: REPORT('0', 'N/A'), expect: [] },
      { title: 'Types named', code: REPORT('14', 'DV and OV TLS server certificates'), expect: [] },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const impact = section(block, 'impact');
      const types = field(impact, 'certificate-types');
      const total = field(impact, 'total-certificates');
      if (!types || !total || types.value === '') continue;
      const value = types.value.replace(/[*_`]/g, '').trim();
      if (!(isNotApplicable(value) || NONE.test(value))) continue;
      const count = readCount(total.value);
      if ((count.kind !== 'exact' && count.kind !== 'approximate') || count.value <= 0) continue;
      ctx.report({ messageId: 'notApplicable', data: { found: value.split('\n')[0] ?? '', total: String(count.value), line: total.line }, loc: at(types.valueSpan), related: [{ messageId: 'totalHere', line: total.line }] });
    }
  },
});
