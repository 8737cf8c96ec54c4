/**
 * The rows of a Related Incidents section: table rows, or text lines that
 * mention a bug. Each row with its bug reference, its date as written and
 * parsed, and its description. Computed once per section.
 */
import type { IncidentReport, Section, Span, TableRow } from '../model.js';
import { derived } from './derived.js';
import { isNotApplicable } from './text.js';
import { parseTimestamp, type ParsedTimestamp } from './timestamp.js';

export const BUG_REFERENCE = /\bbugzilla\.mozilla\.org\/show_bug\.cgi\?(?:[^\s|)]{0,200}&)?id=\d{3,8}\b|\bbugzil\.la\/\d{3,8}\b|\bbugs?[ \t]*(?:#[ \t]*)?\d{5,8}\b/i;
/** A Bugzilla link whose id is not a number: "show_bug.cgi?id=18870O7". */
export const MALFORMED_BUG_LINK = /\b(?:bugzilla\.mozilla\.org\/show_bug\.cgi\?(?:[^\s|)]{0,200}&)?id=|bugzil\.la\/)(?!\d{3,8}(?![\w]))[^\s|)&#]{1,40}/i;
const PLACEHOLDER = /^(?:related bug (?:id|url)|date related bug was opened|description|example|bug|date)$/i;

export interface RelatedRow {
  line: number;
  span: Span;
  /** The row's text, cells joined with " | ". */
  text: string;
  /** The date as written (the Date cell, or the first date outside the bug reference). */
  dateText?: string;
  date?: ParsedTimestamp;
  /** Offset where `dateText` starts in the source. */
  dateStart?: number;
  /** The description (Description cell, or the row's text). */
  description: string;
}

function rowOfTable(r: TableRow, header: string[]): RelatedRow | undefined {
  const cells = r.cells.map((c) => c.text.trim());
  if (cells.every((c) => c === '' || PLACEHOLDER.test(c) || /^[-:]+$/.test(c))) return undefined;
  if (cells.length === 1 && isNotApplicable(cells[0] ?? '')) return undefined;
  const text = cells.join(' | ');
  const dateCol = header.findIndex((h) => /^(?:date|opened|date opened|bug date|reported|filed)\b/i.test(h));
  const descCol = header.findIndex((h) => /^(?:description|summary|title|details?|relevance|notes?)\b/i.test(h));
  const row: RelatedRow = { line: r.line, span: r.span, text, description: descCol >= 0 ? (cells[descCol] ?? '') : text };
  const cell = dateCol >= 0 ? r.cells[dateCol] : undefined;
  if (cell && cell.text.trim() !== '') {
    row.dateText = cell.text.trim();
    row.dateStart = cell.span.start + (cell.text.length - cell.text.trimStart().length);
    const ts = parseTimestamp(row.dateText);
    if (ts?.date) row.date = ts;
  } else if (dateCol < 0) {
    readDate(row, text.replace(BUG_REFERENCE, ' '), -1);
  }
  return row;
}

function readDate(row: RelatedRow, text: string, start: number): void {
  const ts = parseTimestamp(text);
  if (!ts?.date) return;
  row.date = ts;
  row.dateText = ts.date.text;
  if (start >= 0) row.dateStart = start + ts.date.span[0];
}

/** The section's rows, computed once per section. */
export function relatedRows(report: IncidentReport, s: Section): RelatedRow[] {
  const all = derived(report, 'related-rows', () => new Map<Section, RelatedRow[]>());
  const known = all.get(s);
  if (known) return known;
  const out: RelatedRow[] = [];
  for (const t of s.tables) {
    const header = t.header.cells.map((c) => c.text.trim());
    for (const r of t.rows) {
      const row = rowOfTable(r, header);
      if (row) out.push(row);
    }
  }
  const tableLines = new Set(s.tables.flatMap((t) => [t.header.line, ...t.rows.map((r) => r.line)]));
  for (const l of s.bodyLines) {
    if (l.kind !== 'text' || tableLines.has(l.line) || !BUG_REFERENCE.test(l.body)) continue;
    const span: Span = { line: l.line, column: l.bodyStart - (report.lineStarts[l.line - 1] ?? 0) + 1, endLine: l.line, endColumn: l.bodyStart - (report.lineStarts[l.line - 1] ?? 0) + 1 + l.body.length, start: l.bodyStart, end: l.bodyStart + l.body.length };
    const row: RelatedRow = { line: l.line, span, text: l.body, description: l.body };
    // Blank out the bug reference, keeping offsets, so its digits are not read as a date.
    const m = BUG_REFERENCE.exec(l.body);
    const masked = m ? l.body.slice(0, m.index) + ' '.repeat(m[0].length) + l.body.slice(m.index + m[0].length) : l.body;
    readDate(row, masked, l.bodyStart);
    out.push(row);
  }
  out.sort((a, b) => a.line - b.line);
  all.set(s, out);
  return out;
}
