import { ruleOptions, stringList } from '../src/options.js';
import { phrasesRegExp } from '../src/parse/terms.js';
import { norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { at, blocksOf } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Word starts that state an impact, even "no certificates were affected". */
const IMPACT_WORDS = ['impact', 'affect', 'mis-issu', 'misissu', 'mississu', 'non-compliant certificate', 'noncompliant certificate', 'no certificate', 'none of the certificates', 'all certificates', 'every certificate', 'subscriber', 'relying part', 'scope'];

/** A count of things: "14 certificates", "about 1,200 TLS certificates", "3 intermediate CAs", "47 minutes". */
const COUNT = /(?<![\w.-])(?:\d[\d,.]{0,12}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|dozens of|hundreds of|thousands of)(?:[ \t]+[a-z][a-z/-]{0,20}){0,3}[ \t]+(?:(?:pre)?certificates?|certs?|cas?|responses?|crls?|domains?|orders?|subscribers?|customers?|keys?|files?|minutes?|hours?|days?|records?|entries)\b/i;

const compiled = perOptions((o: { words: string[] }) => phrasesRegExp(o.words));

const REPORT = (description: string): string =>
  `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** ${description}\n- **Relevant policies:** TLS Baseline Requirements version 2.1.7, section 7.1.2.7\n- **Source of incident disclosure:** Self Reported\n`;

export default defineRule({
  meta: {
    id: 'impact-preliminary',
    description: 'Require a Preliminary report to state the impact of the incident.',
    tags: ['impact', 'preliminary'],
    severity: 'error',
    messages: {
      missing:
        'This Preliminary report says nothing about the impact: no number of affected certificates, no "affected", no "no certificates". The IRG requires the initial report to state the impact accurately; say how many certificates (or responses, CRLs, subscribers) are affected, or that none are.',
    },
    options: ruleOptions({
      /** Word starts that count as a statement of the impact. */
      words: stringList(IMPACT_WORDS),
    }),
    rationale:
      'The first report is where the community learns how big the incident is; a Preliminary report that only says what went wrong leaves everyone guessing until the Full report. The IRG requires the initial report to state the impact accurately. The rule looks for any statement of impact in the Preliminary report: a count of certificates or other things ("14 certificates", "3 intermediate CAs", "two CA certificate files", "47 minutes"), or words such as "affected", "impact", "mis-issued", "no certificates" (an option). It reports only when there is none.',
    source: 'CCADB IRG 3.x, "Preliminary Incident Report": "the initial incident report MUST state the impact accurately".',
    examples: [
      { title: 'No impact stated', code: REPORT('On 2025-10-01 we found that our CPS still listed a retired validation method. A Full Incident Report will follow by 2025-10-15.'), expect: [{ messageId: 'missing', line: 1 }] },
      { title: 'A count of certificates', code: REPORT('On 2025-10-01 we found 14 TLS certificates with a wrong organizationName. A Full Incident Report will follow by 2025-10-15.'), expect: [] },
    ],
  },
  check(report, ctx) {
    const re = compiled(ctx.options);
    for (const block of blocksOf(report, 'ccadb-v3-preliminary')) {
      const text = block.lines.filter((l) => l.kind === 'text' || l.kind === 'table').map((l) => l.body).join('\n');
      if (text.trim() === '') continue;
      if (COUNT.test(text) || (re?.test(norm(text)) ?? false)) continue;
      ctx.report({ messageId: 'missing', loc: at(block.headingSpan) });
    }
  },
});
