import { at, blocksOf, field, section } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** A value that is only a count: "14", "~1,200 certificates", "14 certs.", "N = 14". */
const ONLY_A_NUMBER = /^(?:n[ \t]*=[ \t]*|total[ \t:]*|approx(?:imately|\.)?[ \t]+|about[ \t]+|~[ \t]*)?\d[\d,.' ]{0,15}(?:[ \t]*(?:k|thousand|million))?(?:[ \t]+(?:affected[ \t]+)?(?:(?:pre)?certificates?|certs?|leaf[ \t]+certificates?))?[ \t]*\.?$/i;

const REPORT = (value: string): string => `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** 14\n- **Incident heuristic:** ${value}\n`;

export default defineRule({
  meta: {
    id: 'impact-heuristic-specific',
    description: 'Warn when the Incident heuristic is only a number instead of a way to find the affected certificates.',
    tags: ['impact'],
    severity: 'warn',
    messages: {
      onlyNumber: 'The Incident heuristic is only a number ("{{found}}"); describe what lets others find the affected certificates (the issuer, the profile, the validity window, a field value, a crt.sh query), as the IRG asks.',
    },
    rationale:
      'The count is asked for in "Total number of certificates". The Incident heuristic is there so that others (root programs, researchers, other CAs) can find the affected certificates themselves and check the scope: the issuing CA, the profile or field that was wrong, the issuance window, a query. A bare number tells them nothing they can check.',
    source: 'CCADB IRG 3.x, Full Incident Report, Impact: "Incident heuristic".',
    examples: [
      { title: 'Only a count', code: REPORT('14 certificates'), expect: [{ messageId: 'onlyNumber', line: 6 }] },
      { title: 'A heuristic others can run', code: REPORT('Certificates issued by Example DV CA R3 between 2025-08-04 and 2025-08-12 whose CAA check is older than 8 hours.'), expect: [] },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const f = field(section(block, 'impact'), 'incident-heuristic');
      if (!f || f.value === '') continue;
      const value = f.value.replace(/[*_`]/g, '').trim();
      if (value.length > 60 || !ONLY_A_NUMBER.test(value)) continue;
      ctx.report({ messageId: 'onlyNumber', data: { found: value }, loc: at(f.valueSpan) });
    }
  },
});
