import { irgSpelling, type CsvAttachment } from '../src/parse/attachment.js';
import { IRG_CSV_COLUMNS } from '../src/parse/appendix.js';
import { clip } from '../src/parse/text.js';
import { ruleOptions } from '../src/options.js';
import { defineRule } from '../src/types.js';

const ORDER = IRG_CSV_COLUMNS.join(', ');
const HEADER = IRG_CSV_COLUMNS.join(',');
const ROW = `${'a'.repeat(64)},${'b'.repeat(64)},CN=www.example.com,"CN=Example TLS CA,O=Example CA Inc.,C=US",2025-08-04T00:00:00+00:00,2025-11-02T23:59:59+00:00,5d1e0c,www.example.com,Yes,2025-08-16T10:00:00+00:00,superseded`;

export default defineRule({
  meta: {
    id: 'appendix-csv-columns',
    description: 'Require the eleven IRG columns first and in order in an Appendix CSV, with custom columns only to their right.',
    tags: ['appendix', 'attachment'],
    severity: 'error',
    appliesTo: 'csv',
    messages: {
      empty: 'The file is empty; expected a CSV whose first row names the IRG columns: {{order}}.',
      missing: 'Missing the IRG column(s) {{columns}}; the first eleven columns must be, in order: {{order}}.',
      order: 'Column {{position}} is "{{found}}"; put "{{expected}}" there, as the IRG does (the first eleven columns, in order: {{order}}).',
      customBefore: 'Custom column "{{found}}" (column {{position}}) comes before "Revocation reason"; move it to the right of the eleven IRG columns, the only place the IRG allows additional columns.',
      alias: 'Column {{position}} is "{{found}}"; rename it "{{expected}}" as the IRG names it: tools that read the IRG columns by name may not find it.',
      duplicate: 'Column "{{found}}" appears twice (columns {{first}} and {{position}}); remove one of them or rename it.',
      rowWidth: 'Row {{row}} has {{found}} fields and the header {{expected}}; give every row as many fields as the header (quote a field that holds a comma).',
      unclosedQuote: 'Row {{row}}: a quoted field opened here is never closed, so the rest of the file is read as one field; close the quote.',
    },
    options: ruleOptions({}),
    rationale:
      'IRG 3.2 requires the Appendix CSV to start with its columns in a fixed order, "to ensure automated parsing tools function correctly": ' +
      IRG_CSV_COLUMNS.map((c) => `"${c}"`).join(', ') +
      '. Additional columns may follow them. Header names are matched as generators write them: case, spaces, "#", "?" and "-" do not matter (DigiCert\'s dossier writes "Precertificate SHA-256 Hash", "Is Revoked?", "Revocation Date"); a different name for a column ("Serial Number", "SANs") is a warning, since a tool that reads the columns by name may miss it. Every row must have as many fields as the header (a quoted field may hold commas and line breaks).',
    source: 'CCADB IRG 3.2, Full Incident Report, "Appendix" (CSV columns and their order).',
    examples: [
      { title: 'The IRG columns as dossier writes them', kind: 'csv', code: `${HEADER.replace('Is revoked?', 'Is Revoked?').replace('Revocation date', 'Revocation Date')}\n${ROW}\n`, expect: [] },
      { title: 'A custom column before "Revocation reason"', kind: 'csv', code: `${HEADER.replace(',Revocation reason', ',Ticket,Revocation reason')}\n${ROW.replace(',superseded', ',T-1,superseded')}\n`, expect: [{ messageId: 'customBefore', line: 1 }] },
      { title: 'Subject and Issuer swapped in the header', kind: 'csv', code: `${HEADER.replace('Subject,Issuer', 'Issuer,Subject')}\n${ROW}\n`, expect: [{ messageId: 'order', line: 1 }] },
    ],
  },
  check(csv: CsvAttachment, ctx) {
    const header = csv.header;
    if (!header) {
      ctx.report({ messageId: 'empty', data: { order: ORDER }, loc: { line: 1 } });
      return;
    }
    const cells = header.cells;
    const seen = new Map<string, number>();
    cells.forEach((cell, i) => {
      const name = csv.columns[i];
      if (!name) return;
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.report({ messageId: 'duplicate', data: { found: clip(cell.text, 40), first: first + 1, position: i + 1 }, loc: { start: cell.start, end: cell.end } });
        return;
      }
      seen.set(name, i);
      if (irgSpelling(cell.text) !== name) ctx.report({ messageId: 'alias', severity: 'warn', data: { position: i + 1, found: clip(cell.text, 40), expected: name }, loc: { start: cell.start, end: cell.end } });
    });
    const missing = IRG_CSV_COLUMNS.filter((c) => !seen.has(c));
    if (missing.length > 0) {
      ctx.report({ messageId: 'missing', data: { columns: missing.map((c) => `"${c}"`).join(', '), order: ORDER }, loc: { start: header.start, end: header.end } });
    }
    // The IRG columns present, in header order, must follow the IRG order:
    // report the first place where they do not, with the column due there.
    const present = cells.map((_, i) => i).filter((i) => { const n = csv.columns[i]; return n !== undefined && seen.get(n) === i; });
    const sorted = [...present].sort((x, y) => IRG_CSV_COLUMNS.indexOf(csv.columns[x]!) - IRG_CSV_COLUMNS.indexOf(csv.columns[y]!));
    const j = present.findIndex((p, k) => p !== sorted[k]);
    const outOfOrder = j >= 0;
    if (outOfOrder) {
      const cell = cells[present[j]!]!;
      ctx.report({ messageId: 'order', data: { position: present[j]! + 1, found: clip(cell.text, 40), expected: csv.columns[sorted[j]!]!, order: ORDER }, loc: { start: cell.start, end: cell.end } });
    }
    if (!outOfOrder) {
      // Custom columns only to the right of the last IRG column present.
      let lastIrg = -1;
      cells.forEach((_, i) => {
        if (csv.columns[i]) lastIrg = i;
      });
      const custom = cells.findIndex((_, i) => i < lastIrg && csv.columns[i] === undefined);
      const cell = cells[custom];
      if (cell) ctx.report({ messageId: 'customBefore', data: { found: clip(cell.text, 40) || '(empty)', position: custom + 1 }, loc: { start: cell.start, end: Math.max(cell.end, cell.start) } });
    }
    for (const row of csv.rows) {
      if (row.cells.length !== cells.length) {
        ctx.report({ messageId: 'rowWidth', data: { row: row.index, found: row.cells.length, expected: cells.length }, loc: { start: row.start, end: row.end } });
      }
    }
    const unclosed = csv.problems.find((p) => p.kind === 'unclosedQuote');
    if (unclosed) {
      const row = [header, ...csv.rows].findLast((r) => r.start <= unclosed.offset);
      ctx.report({ messageId: 'unclosedQuote', data: { row: row?.index ?? 1 }, loc: { start: unclosed.offset, end: unclosed.offset + 1 } });
    }
  },
});
