import { at, blocksOf } from '../src/query.js';
import { judgedTemplate } from '../src/parse/context.js';
import { defineRule } from '../src/types.js';

// "full incident report", "final report", "detailed report", "the full report will follow".
const FULL_REPORT = /\b(?:full|final|complete|detailed|comprehensive|formal)\s+(?:incident\s+)?report\b|\breport\s+will\s+follow\b/i;
// A date or a delay: "2024-05-17", "May 17", "17 May", "05/17/2024", "within 14 days", "by Friday", "next week", "end of the month".
const WHEN =
  /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?!\d)|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bwithin\s+(?:the\s+next\s+)?(?:\d+|one|two|three|four|five|six|seven|ten|fourteen)\s+(?:business\s+|working\s+|calendar\s+)?(?:days?|weeks?|hours?)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bnext\s+week\b|\bend\s+of\s+(?:the\s+|this\s+|next\s+)?(?:week|month)\b/i;

export default defineRule({
  meta: {
    id: 'preliminary-full-report-date',
    description: 'Require an IRG 2.0 preliminary report to say when the full incident report will be posted.',
    tags: ['structure'],
    severity: 'warn',
    messages: {
      missing: 'This preliminary report does not say when the full incident report will follow; give the date, as IRG 2.0 asked beside the executive summary (e.g. "We will post the full incident report by 2024-05-17.").',
    },
    rationale:
      'Before IRG 3.0 (2025-03-01) there was no Preliminary template: a CA that could not post the full report at once posted an executive summary and the date by which the full report would follow, so that root programs knew when to expect it. A report of that era is held to what it asked, not to the v2 sections. The rule looks for a mention of the full (final, detailed) report with a date or a delay ("by 2024-05-17", "within two weeks") on the same line.',
    source: 'CCADB IRG 2.0 (2023-10-17), "Incident Reports": a preliminary report with an executive summary and the date the full incident report will be provided.',
    examples: [
      {
        title: 'Says when the full report follows',
        code: '## Incident Report\n\nThis is a preliminary report. We will post the full incident report by 2024-05-17.\n\nOn 2024-05-02 we learned that 212 OV certificates had a trailing space in the organizationName.\n',
        expect: [],
      },
      {
        title: 'No date for the full report',
        code: '## Incident Report\n\nThis is a preliminary report.\n\nOn 2024-05-02 we learned that 212 OV certificates had a trailing space in the organizationName.\n',
        expect: [{ messageId: 'missing', line: 1 }],
      },
    ],
  },
  check(report, ctx) {
    const nowMs = ctx.now().toMillis();
    for (const block of blocksOf(report, 'ccadb-v2-preliminary', 'ccadb-v3-preliminary')) {
      if (judgedTemplate(report, block, nowMs) !== 'ccadb-v2-preliminary') continue;
      let found = false;
      for (const l of block.lines) {
        if (l.kind !== 'text') continue;
        const m = FULL_REPORT.exec(l.body);
        if (m && WHEN.test(l.body)) {
          found = true;
          break;
        }
      }
      if (!found) ctx.report({ messageId: 'missing', loc: at(block.headingSpan) });
    }
  },
});
