import { describe, it } from 'vitest';
import rule from '../../rules/section-required.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const v2 = (omit: string[] = []): string =>
  [
    '## Incident Report',
    ...['Summary', 'Impact', 'Timeline', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix']
      .filter((s) => !omit.includes(s))
      .flatMap((s) => ['', `### ${s}`, '', 'N/A']),
    '',
  ].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'complete v2 report', code: v2() },
    { name: 'bare headings copied from a rendered page', code: 'Incident Report\n\nSummary\n\nText\n\nImpact\n\nText\n\nTimeline\n\nText\n\nRoot Causes\n\nText\n\nLessons Learned\n\nText\n\nAction Items\n\nText\n\nAppendix\n\nN/A\n' },
    { name: 'bold headings', code: '## Preliminary Incident Report\n\n**Summary**\n\n- Incident description: x\n' },
    { name: 'legacy reports are left to legacy-questions', code: '1. How your CA first became aware of the problem\n\nEmail.\n\n2. A timeline of the actions your CA took in response.\n\nNone.\n' },
  ],
  invalid: [
    { name: 'missing Root Cause Analysis, reported at Lessons Learned', code: v2(['Root Cause Analysis']), errors: [{ messageId: 'missingBefore', line: 15 }] },
    { name: 'missing last section, reported at the end', code: v2(['Appendix']), errors: [{ messageId: 'missingAtEnd', line: 25 }] },
    {
      name: 'v3 Full report with only a Summary',
      code: '## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** A000001\n',
      errors: ['Impact', 'Timeline', 'Related Incidents', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix'].map(() => ({ messageId: 'missingAtEnd', line: 5 })),
    },
    { name: 'preliminary report without a Summary', code: '## Preliminary Incident Report\n\nWe are investigating.\n', errors: [{ messageId: 'missingAtEnd', line: 3 }] },
  ],
});
