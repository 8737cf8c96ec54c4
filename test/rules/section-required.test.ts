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
    {
      name: 'missing Root Cause Analysis, reported at Lessons Learned; the fix inserts its heading there',
      code: v2(['Root Cause Analysis']),
      errors: [{ messageId: 'missingBefore', line: 15 }],
      output: v2(['Root Cause Analysis']).replace('### Lessons Learned', '### Root Cause Analysis\n\n### Lessons Learned'),
    },
    {
      name: 'missing last section, reported at the end and placed after the last present one; the fix appends its heading',
      code: v2(['Appendix']),
      errors: [{ messageId: 'missingAfter', line: 25, message: 'Missing section "Appendix" of the CCADB v2 Incident Report; the template puts it after "Action Items". Keep the section and write N/A when it does not apply.' }],
      output: `${v2(['Appendix'])}\n### Appendix\n`,
    },
    {
      name: 'two sections missing at one place: one fix inserts both, in template order',
      code: v2(['Timeline', 'Root Cause Analysis']),
      errors: [
        { messageId: 'missingBefore', line: 11 },
        { messageId: 'missingBefore', line: 11 },
      ],
      output: v2(['Timeline', 'Root Cause Analysis']).replace('### Lessons Learned', '### Timeline\n\n### Root Cause Analysis\n\n### Lessons Learned'),
    },
    {
      name: 'v3 Full report with only a Summary',
      code: '## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** A000001\n',
      // In template order, each placed after Summary (not "at the end").
      errors: ['Impact', 'Timeline', 'Related Incidents', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix'].map((s) => ({ messageId: 'missingAfter', line: 5, message: `Missing section "${s}" of the CCADB v3 Full Incident Report; the template puts it after "Summary". Keep the section and write N/A when it does not apply.` })),
      output:
        '## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** A000001\n\n### Impact\n\n### Timeline\n\n### Related Incidents\n\n### Root Cause Analysis\n\n### Lessons Learned\n\n### Action Items\n\n### Appendix\n',
    },
    {
      name: 'no final newline: the fix keeps it missing',
      code: v2(['Appendix']).trimEnd(),
      errors: [{ messageId: 'missingAfter', line: 25 }],
      output: `${v2(['Appendix']).trimEnd()}\n\n### Appendix`,
    },
    {
      name: 'CRLF file: the inserted heading uses CRLF',
      code: v2(['Impact']).replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missingBefore', line: 7 }],
      output: v2(['Impact']).replace('### Timeline', '### Impact\n\n### Timeline').replace(/\n/g, '\r\n'),
    },
    {
      name: 'the block ends where the next report starts: the heading goes before it',
      code: `${v2(['Appendix'])}\n## Report Closure Summary\n\n- **Incident description:** x\n`,
      errors: [{ messageId: 'missingAfter', line: 25 }],
      output: `${v2(['Appendix'])}\n### Appendix\n\n## Report Closure Summary\n\n- **Incident description:** x\n`,
    },
    {
      name: 'no fix when the block ends at pasted thread text (its real end is unknown)',
      code: `${v2(['Appendix'])}\nFlags: needinfo?(someone)\n\nMore thread.\n`,
      errors: [{ messageId: 'missingAfter', line: 25 }],
    },
    {
      name: 'no fix when sections are bare lines copied from a rendered page',
      code: 'Incident Report\n\nSummary\n\nText\n\nImpact\n\nText\n\nTimeline\n\nText\n\nLessons Learned\n\nText\n\nAction Items\n\nText\n\nAppendix\n\nN/A\n',
      errors: [{ messageId: 'missingBefore', line: 15 }],
    },
    {
      name: 'no fix when sibling headings mix levels',
      code: v2(['Root Cause Analysis']).replace('### Impact', '#### Impact'),
      errors: [{ messageId: 'missingBefore', line: 15 }],
    },
    {
      name: 'no fix when an HTML comment left open swallows the rest of the file (headings appended there would be hidden, and added again on every run)',
      code: '## Full Incident Report\n\n### Summary\n\nText.\n\n<!-- a note\n\n### Impact\n\nText.\n',
      errors: ['Impact', 'Timeline', 'Related Incidents', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix'].map(() => ({ messageId: 'missingAfter', line: 12 })),
    },
    {
      name: 'an open <pre> block at the end: no fix either',
      code: `${v2(['Appendix'])}\n<pre>\nlog lines\n`,
      errors: [{ messageId: 'missingAfter', line: 29 }],
    },
    {
      name: 'a closed comment at the end does not stop the fix',
      code: `${v2(['Appendix'])}\n<!-- done -->\n`,
      errors: [{ messageId: 'missingAfter', line: 27 }],
      output: `${v2(['Appendix'])}\n<!-- done -->\n\n### Appendix\n`,
    },
    { name: 'preliminary report without a Summary', code: '## Preliminary Incident Report\n\nWe are investigating.\n', errors: [{ messageId: 'missingAtEnd', line: 3 }] },
  ],
});
