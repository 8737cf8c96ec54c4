import type { TableRow } from '../src/model.js';
import { blocksOf, section } from '../src/query.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { postingDay } from '../src/parse/context.js';
import { MALFORMED_BUG_LINK, relatedRows } from '../src/parse/related.js';
import { dayOfIso, isoOfDay } from '../src/days.js';
import { defineRule } from '../src/types.js';

const BUG = /\bbugzilla\.mozilla\.org\/show_bug\.cgi\?(?:[^\s|)]{0,200}&)?id=\d{3,8}\b|\bbugzil\.la\/\d{3,8}\b|\bbugs?[ \t]*(?:#[ \t]*)?\d{5,8}\b/i;
const DATE =
  /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?[ \t]+\d{4}\b/i;
const PLACEHOLDER = /^(?:related bug (?:id|url)|date related bug was opened|description|example)$/i;
const TABLE = (row: string): string => `## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n${row}\n`;

export default defineRule({
  meta: {
    id: 'related-incidents-links',
    description: 'Require each related incident to link its Bugzilla bug and give the date it was opened.',
    tags: ['related-incidents'],
    severity: 'warn',
    messages: {
      noLink: 'Related incident "{{row}}" has no Bugzilla bug; link it (https://bugzilla.mozilla.org/show_bug.cgi?id=…).',
      noDate: 'Related incident "{{row}}" has no date; give the date the bug was opened (YYYY-MM-DD).',
      badLink: 'Related incident "{{row}}" links "{{link}}", which is not a Bugzilla bug number; check the link.',
      invalidDate: 'Related incident "{{row}}" is dated "{{date}}", which is not a date; give the date the bug was opened (YYYY-MM-DD).',
      futureDate: 'Related incident "{{row}}" is dated {{date}}, after this report was posted ({{posted}}); check the year.',
      none: 'Related Incidents is "{{found}}"; list this CA\'s incidents of the last two years and other CAs\' incidents with a similar cause, or say how you searched and found none.',
    },
    rationale:
      'Related incidents show whether the CA learns from its own history and from other CAs: reviewers look for the same root cause recurring. A bug number or link lets them open the earlier discussion; its opened date shows how recent it is, so a link whose id is not a number, a date that does not exist (2024-02-30) or a date after the report was posted (front matter `posted:`, else `--now`; usually a typo in the year) is flagged. The IRG asks for incidents from at least the last two years, including other CAs\'. Rows may be table rows or lines that mention a bug; a bare N/A without a word on how the search was done is flagged.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Related Incidents" (| Bug | Date | Description |).',
    examples: [
      { title: 'A linked, dated row', code: TABLE('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-03-27 | CAA check reused a stale DNS answer. |'), expect: [] },
      { title: 'A row without a date', code: TABLE('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | | CAA check reused a stale DNS answer. |'), expect: [{ messageId: 'noDate', line: 7 }] },
      { title: 'A row without a bug', code: TABLE('| Our 2024 CAA incident | 2024-03-27 | CAA check reused a stale DNS answer. |'), expect: [{ messageId: 'noLink', line: 7 }] },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const s = section(block, 'related-incidents');
      if (!s) continue;
      const checkRow = (text: string, loc: { start: number; end: number }, bareNumber = false): void => {
        const label = clip(text.replace(/(?<!\s)\s*\|\s*/g, ' | ').replace(/^\|\s*|(?<!\s)\s*\|$/g, ''), 60);
        const bad = MALFORMED_BUG_LINK.exec(text);
        if (bad && !BUG.test(text)) ctx.report({ messageId: 'badLink', data: { row: label, link: bad[0] }, loc });
        else if (!bareNumber && !BUG.test(text)) ctx.report({ messageId: 'noLink', data: { row: label }, loc });
        else if (!DATE.test(text.replace(BUG, ' '))) ctx.report({ messageId: 'noDate', data: { row: label }, loc });
      };
      const rowText = (r: TableRow): string => r.cells.map((c) => c.text).join(' | ');
      for (const t of s.tables) {
        for (const r of t.rows) {
          const cells = r.cells.map((c) => c.text.trim());
          if (cells.every((c) => c === '' || PLACEHOLDER.test(c) || /^[-:]+$/.test(c))) continue;
          if (cells.length === 1 && isNotApplicable(cells[0] ?? '')) continue;
          // The first cell alone may hold just the bug number.
          const first = cells[0] ?? '';
          const text = rowText(r);
          checkRow(text, { start: r.span.start, end: r.span.end }, /^#?\d{6,8}$/.test(first));
        }
      }
      // Bugs listed as text lines (bullets or paragraphs).
      const tableLines = new Set(s.tables.flatMap((t) => [t.header.line, ...t.rows.map((r) => r.line)]));
      const textLines = s.bodyLines.filter((l) => l.kind === 'text' && !tableLines.has(l.line));
      for (const l of textLines) {
        if (!BUG.test(l.body)) continue;
        checkRow(l.body, { start: l.bodyStart, end: l.bodyStart + l.body.length });
      }
      const posted = postingDay(report, ctx.now().toMillis());
      for (const r of relatedRows(report, s)) {
        if (!r.date || r.dateText === undefined) continue;
        const label = clip(r.text.replace(/^\|\s*|(?<!\s)\s*\|$/g, ''), 60);
        const loc = r.dateStart !== undefined ? { start: r.dateStart, end: r.dateStart + r.dateText.length } : { start: r.span.start, end: r.span.end };
        if (r.date.invalidDate) ctx.report({ messageId: 'invalidDate', data: { row: label, date: r.dateText }, loc });
        else if (r.date.isoDate !== undefined && (dayOfIso(r.date.isoDate) ?? 0) > posted) ctx.report({ messageId: 'futureDate', data: { row: label, date: r.date.isoDate, posted: isoOfDay(posted) }, loc });
      }
      if (s.tables.length === 0 && textLines.length === 1) {
        const only = textLines[0]!;
        if (isNotApplicable(only.body) && only.body.replace(/[^a-z]/gi, '').length <= 16) {
          ctx.report({ messageId: 'none', data: { found: only.body }, loc: { start: only.bodyStart, end: only.bodyStart + only.body.length } });
        }
      }
    }
  },
});
