/**
 * Appendix attachments: the certificate CSV (IRG 3.2 "Appendix") and the
 * crt.sh list allowed for 10,000 certificates or more. Parsed once per file
 * into a model the attachment rules read, the way parseReport does for a
 * report.
 */
import { irgColumn, IRG_CSV_COLUMNS } from './appendix.js';
import { readCsv, type CsvCell, type CsvProblem, type CsvRecord } from './csv.js';
import { computeLineStarts } from './lines.js';

export type { CsvCell, CsvRecord } from './csv.js';

/** What a linted file is. Each kind has its parser and its own rules (`meta.appliesTo`). */
export type DocumentKind = 'report' | 'csv' | 'crtsh' | 'thread';

export interface CsvAttachment {
  kind: 'csv';
  source: string;
  lineStarts: number[];
  /** The first record; undefined for an empty file. */
  header?: CsvRecord;
  /** The records after the header. */
  rows: CsvRecord[];
  /** The IRG column each header cell names (any accepted spelling), by index. */
  columns: Array<(typeof IRG_CSV_COLUMNS)[number] | undefined>;
  problems: CsvProblem[];
  /** Per-file cache for derived values. */
  cache: Map<string, unknown>;
}

export interface CrtshEntry {
  /** The line's text, trimmed. */
  text: string;
  start: number;
  end: number;
  line: number;
}

export interface CrtshList {
  kind: 'crtsh';
  source: string;
  lineStarts: number[];
  /** One entry per non-blank line (a CSV's header line such as "crt.sh link" is left out). */
  entries: CrtshEntry[];
  cache: Map<string, unknown>;
}

export type Attachment = CsvAttachment | CrtshList;

/** An attachment beside a report, handed to the report's rules by the host. */
export interface PairedAttachment {
  /** The file name as the report writes it (front matter `appendix:` or the Appendix text). */
  name: string;
  attachment: Attachment;
}

/** The IRG column names a header cell may use: case, spaces, `#`, `?` and `-` do not matter (dossier writes "Is Revoked?", "Revocation Date"). */
export function columnSpellingKey(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) if (!' \t#?-_'.includes(ch)) out += ch;
  return out;
}

const IRG_KEYS = new Map<string, (typeof IRG_CSV_COLUMNS)[number]>(IRG_CSV_COLUMNS.map((c) => [columnSpellingKey(c), c]));

/** The IRG column a header cell names in one of the IRG's own spellings (not an alias such as "Serial Number"). */
export function irgSpelling(text: string): (typeof IRG_CSV_COLUMNS)[number] | undefined {
  return IRG_KEYS.get(columnSpellingKey(text.trim()));
}

/** True when the first record of a CSV text names at least three IRG columns (how a directory tells an Appendix CSV from other CSVs). */
export function looksLikeIrgCsv(text: string): boolean {
  // The header may hold quoted fields but no line break in practice; 4 KB is plenty.
  const head = text.slice(0, 4096);
  const first = readCsv(head, { delimiter: csvDelimiter(head) }).records[0];
  return first !== undefined && first.cells.filter((c) => irgColumn(c.text.trim()) !== undefined).length >= 3;
}

const CRTSH_LINK = 'https://crt.sh/';

/** True when the first non-blank lines are crt.sh links (one header line before them allowed, as in a CSV of one column). */
export function looksLikeCrtshList(text: string): boolean {
  const lines = text
    .slice(0, 8192)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim().replace(/^\uFEFF/, '').replace(/^"|"$/g, '').toLowerCase())
    .filter((l) => l !== '');
  const isLink = (l: string): boolean => l.startsWith(CRTSH_LINK) || l.startsWith('http://crt.sh/');
  const body = lines.length > 1 && !isLink(lines[0] as string) ? lines.slice(1) : lines;
  const first = body.slice(0, 3);
  return first.length > 0 && first.every(isLink);
}

/**
 * The delimiter of a CSV: a comma, unless its first line has none outside
 * quotes and has semicolons (a spreadsheet in a locale that writes decimal
 * commas) or tabs.
 */
export function csvDelimiter(source: string): string {
  let quoted = false;
  const counts = new Map<string, number>();
  for (let i = 0; i < source.length && i < 4096; i++) {
    const ch = source[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  if ((counts.get(',') ?? 0) > 0) return ',';
  return (counts.get(';') ?? 0) >= (counts.get('\t') ?? 0) && (counts.get(';') ?? 0) > 0 ? ';' : (counts.get('\t') ?? 0) > 0 ? '\t' : ',';
}

/** A row of empty fields only (",,,,": what spreadsheets leave below the data). */
function isEmptyRow(r: CsvRecord): boolean {
  return r.cells.every((c) => c.text.trim() === '');
}

export function parseCsvAttachment(source: string): CsvAttachment {
  const { records, problems } = readCsv(source, { delimiter: csvDelimiter(source) });
  const [header, ...all] = records;
  const rows = all.filter((r) => !isEmptyRow(r));
  const doc: CsvAttachment = {
    kind: 'csv',
    source,
    lineStarts: computeLineStarts(source),
    rows,
    columns: header ? header.cells.map((c: CsvCell) => irgColumn(c.text.trim()) as (typeof IRG_CSV_COLUMNS)[number] | undefined) : [],
    problems,
    cache: new Map(),
  };
  if (header) doc.header = header;
  return doc;
}

export function parseCrtshList(source: string): CrtshList {
  const lineStarts = computeLineStarts(source);
  const entries: CrtshEntry[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i] as number;
    let e = i + 1 < lineStarts.length ? (lineStarts[i + 1] as number) : source.length;
    while (e > s && (source.charCodeAt(e - 1) === 10 || source.charCodeAt(e - 1) === 13)) e--;
    let a = s;
    if (a === 0 && source.charCodeAt(0) === 0xfeff) a = 1;
    while (a < e && (source[a] === ' ' || source[a] === '\t' || source[a] === '"')) a++;
    let b = e;
    while (b > a && (source[b - 1] === ' ' || source[b - 1] === '\t' || source[b - 1] === '"' || source[b - 1] === ',')) b--;
    if (b === a) continue;
    const text = source.slice(a, b);
    // A CSV's one header cell ("crt.sh link", "URL") before the links.
    if (entries.length === 0 && !/^https?:/i.test(text) && !text.includes('crt.sh/?')) continue;
    entries.push({ text, start: a, end: b, line: i + 1 });
  }
  return { kind: 'crtsh', source, lineStarts, entries, cache: new Map() };
}

/** Parse a non-report file of a known kind. */
export function parseAttachment(kind: Exclude<DocumentKind, 'report'>, source: string): Attachment {
  return kind === 'csv' ? parseCsvAttachment(source) : parseCrtshList(source);
}

/** Which kind a file's text is, given what its path says (`.csv`), for a CSV of one column of crt.sh links. */
export function sniffCsvKind(source: string): 'csv' | 'crtsh' {
  return !looksLikeIrgCsv(source) && looksLikeCrtshList(source) ? 'crtsh' : 'csv';
}

/** The index of the header cell naming an IRG column (the first, if named twice), or -1. */
export function columnIndex(csv: CsvAttachment, name: (typeof IRG_CSV_COLUMNS)[number]): number {
  return csv.columns.indexOf(name);
}

/** Offset of a cell's value in the file (after an opening quote). */
export function valueStart(cell: CsvCell): number {
  return cell.quoted ? cell.start + 1 : cell.start;
}

/** A location for a cell: its raw span (an empty cell: where it would be). */
export function cellLoc(cell: CsvCell): { start: number; end: number } {
  return { start: cell.start, end: cell.end };
}
