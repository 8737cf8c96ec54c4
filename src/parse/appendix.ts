/**
 * Certificate data in an Appendix (or a legacy question 5): an inline CSV (in
 * a fenced code block, as plain lines, or as a table), crt.sh links, and
 * SHA-256 fingerprints written in the text.
 */
import type { IncidentReport, Section, SourceLine } from '../model.js';
import { derived } from './derived.js';
import type { PairedAttachment } from './attachment.js';
import { reportContext } from './context.js';
import { readCsv } from './csv.js';
import { irgColumn } from './csv-columns.js';

export { irgColumn, IRG_CSV_COLUMNS } from './csv-columns.js';

export interface CsvCell {
  text: string;
  start: number;
  end: number;
}

export interface CsvRow {
  cells: CsvCell[];
  line: number;
}

export interface CsvData {
  header: CsvRow;
  rows: CsvRow[];
  from: 'code' | 'text' | 'table';
}

export interface CrtshLink {
  /** `sha256`: `?sha256=`; `id`: `?id=`; `q`: `?q=`. */
  param: 'sha256' | 'id' | 'q' | 'other';
  value: string;
  url: string;
  start: number;
  end: number;
  line: number;
}

export interface HashMention {
  text: string;
  start: number;
  end: number;
  line: number;
}

export interface CertificateData {
  csv: CsvData[];
  crtsh: CrtshLink[];
  /** Hex strings that look like SHA-256 fingerprints in the text (outside the CSV). */
  hashes: HashMention[];
}

/** 64 hex digits, or 32 colon-separated bytes. */
export function isSha256(text: string): boolean {
  const t = text.trim();
  return /^[0-9a-f]{64}$/i.test(t) || /^(?:[0-9a-f]{2}:){31}[0-9a-f]{2}$/i.test(t);
}

/** Hex digits in a fingerprint as written (colons removed). */
export function hexLength(text: string): number {
  return text.replace(/:/g, '').length;
}

/**
 * One CSV line's cells with offsets, read by the shared CSV reader
 * (src/parse/csv.ts). Values are trimmed and offsets point at the trimmed
 * value (inside the quotes of a quoted cell).
 */
export function splitCsv(text: string, base: number, delimiter = ','): CsvCell[] {
  const record = readCsv(text, { delimiter }).records[0];
  if (!record) return [{ text: '', start: base, end: base }];
  return record.cells.map((c) => {
    let s = c.quoted ? c.start + 1 : c.start;
    let e = c.quoted && text.charCodeAt(c.end - 1) === 34 && c.end - 1 > c.start ? c.end - 1 : c.end;
    if (!c.quoted) {
      while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
      while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
      return { text: text.slice(s, e), start: base + s, end: base + e };
    }
    const v = c.text.trim();
    return { text: v, start: base + c.start, end: base + c.end };
  });
}

/**
 * File names that an Appendix attachment may have, as a text writes them
 * (`certs.csv`, `appendix/affected-certificates.txt`): relative paths only,
 * never a URL, an absolute path or one that climbs out with `..`.
 */
export function attachmentNamesIn(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  for (const ext of ['.csv', '.txt']) {
    for (let i = lower.indexOf(ext); i >= 0; i = lower.indexOf(ext, i + 1)) {
      const end = i + ext.length;
      const after = lower.charCodeAt(end);
      if ((after >= 97 && after <= 122) || (after >= 48 && after <= 57) || after === 95) continue;
      let s = i;
      while (s > 0 && /[A-Za-z0-9_./-]/.test(text[s - 1] as string)) s--;
      const name = text.slice(s, end).replace(/^(?:\.\/)+/, '');
      if (name === ext || name.startsWith('/') || name.startsWith('.') || name.split('/').includes('..') || text.slice(Math.max(0, s - 3), s).endsWith(':')) continue;
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

function lineText(l: SourceLine): { text: string; base: number } {
  return l.kind === 'code' ? { text: l.raw, base: l.start } : { text: l.body, base: l.bodyStart };
}

/** True when `d` occurs at least `n` times in `text` (without splitting it: appendix lines run to tens of thousands). */
function occurs(text: string, d: string, n: number): boolean {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(d, at + 1);
    if (at < 0) return false;
  }
  return true;
}

function delimiterOf(text: string): string | undefined {
  for (const d of [',', '\t', ';']) if (occurs(text, d, 2)) return d;
  return undefined;
}

/**
 * A line of prose that lists the columns ("... in the IRG order: Precertificate
 * SHA-256 hash, Certificate SHA-256 hash, ...") is not a CSV header: a header
 * cell is a column name, not a clause, and a header does not end a sentence.
 */
function isSentence(cells: CsvCell[]): boolean {
  const last = cells[cells.length - 1]?.text ?? '';
  if (/[.!]$/.test(last) && irgColumn(last) === undefined) return true;
  for (const c of cells) {
    if (irgColumn(c.text) !== undefined) continue;
    if (/:\s/.test(c.text) || c.text.split(' ').length > 6) return true;
  }
  return false;
}

function csvIn(lines: SourceLine[]): CsvData[] {
  const out: CsvData[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (l.kind !== 'code' && l.kind !== 'text') continue;
    const { text, base } = lineText(l);
    const d = delimiterOf(text);
    if (!d) continue;
    const header = splitCsv(text, base, d);
    if (header.filter((c) => irgColumn(c.text) !== undefined).length < 3) continue;
    if (l.kind === 'text' && isSentence(header)) continue;
    const data: CsvData = { header: { cells: header, line: l.line }, rows: [], from: l.kind === 'code' ? 'code' : 'text' };
    let j = i + 1;
    for (; j < lines.length; j++) {
      const r = lines[j] as SourceLine;
      if (r.kind !== l.kind) break;
      const rt = lineText(r);
      if (rt.text.trim() === '' || /^[ \t>]*(?:```|~~~)/.test(rt.text)) break;
      if (!occurs(rt.text, d, 1)) break;
      data.rows.push({ cells: splitCsv(rt.text, rt.base, d), line: r.line });
    }
    out.push(data);
    i = j - 1;
  }
  return out;
}

const CRTSH = /https?:\/\/crt\.sh\/?\?([^\s)>\]"'<|,]+)/gi;
const CRTSH_HINT = /crt\.sh/i;
const HEXISH = /(?<![0-9a-z])(?:[0-9a-f]{2}:){20,40}[0-9a-f]{2}(?![0-9a-z:])|(?<![0-9a-z=])[0-9a-f]{56,72}(?![0-9a-z])/gi;

function scanText(lines: SourceLine[], csvLines: Set<number>, data: CertificateData): void {
  for (const l of lines) {
    if (l.kind !== 'text' && l.kind !== 'code' && l.kind !== 'table') continue;
    const { text, base } = l.kind === 'table' ? { text: l.raw, base: l.start } : lineText(l);
    const hasLink = CRTSH_HINT.test(text); // most lines have no link: skip both link scans
    for (const m of hasLink ? text.matchAll(CRTSH) : []) {
      const query = m[1] as string;
      const params = new Map<string, string>();
      for (const part of query.split('&')) {
        const eq = part.indexOf('=');
        if (eq > 0) params.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1));
      }
      const start = base + (m.index ?? 0);
      const link = { url: m[0], start, end: start + m[0].length, line: l.line };
      if (params.has('sha256')) data.crtsh.push({ ...link, param: 'sha256', value: params.get('sha256') ?? '' });
      else if (params.has('id')) data.crtsh.push({ ...link, param: 'id', value: params.get('id') ?? '' });
      else if (params.has('q')) data.crtsh.push({ ...link, param: 'q', value: params.get('q') ?? '' });
      else data.crtsh.push({ ...link, param: 'other', value: query });
    }
    if (csvLines.has(l.line)) continue;
    const withoutLinks = hasLink ? text.replace(CRTSH, (s) => ' '.repeat(s.length)) : text;
    for (const m of withoutLinks.matchAll(HEXISH)) {
      const start = base + (m.index ?? 0);
      data.hashes.push({ text: m[0], start, end: start + m[0].length, line: l.line });
    }
  }
}

function tableCsv(section: Section): CsvData[] {
  const out: CsvData[] = [];
  for (const t of section.tables) {
    const header = t.header.cells.map((c) => ({ text: c.text, start: c.span.start, end: c.span.end }));
    if (header.filter((c) => irgColumn(c.text) !== undefined).length < 3) continue;
    out.push({
      header: { cells: header, line: t.header.line },
      rows: t.rows.map((r) => ({ cells: r.cells.map((c) => ({ text: c.text, start: c.span.start, end: c.span.end })), line: r.line })),
      from: 'table',
    });
  }
  return out;
}

/** Certificate data in one section, computed once per section. */
export function certificateData(report: IncidentReport, section: Section): CertificateData {
  return derived(report, `certificate-data:${section.headingSpan.start}:${section.spec.key}`, () => {
    const data: CertificateData = { csv: [...csvIn(section.bodyLines), ...tableCsv(section)], crtsh: [], hashes: [] };
    data.csv.sort((a, b) => a.header.line - b.header.line);
    const csvLines = new Set<number>();
    for (const c of data.csv) {
      csvLines.add(c.header.line);
      for (const r of c.rows) csvLines.add(r.line);
    }
    scanText(section.bodyLines, csvLines, data);
    return data;
  });
}

/** A name as written, for comparing: no leading ./, forward slashes. */
function nameKey(name: string): string {
  return name.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * The attachments (handed over by the host) that a report names: in front
 * matter `appendix:` or in the text of the given Appendix section.
 */
export function namedAttachments(report: IncidentReport, section: Section | undefined, attachments: ReadonlyArray<PairedAttachment> | undefined): PairedAttachment[] {
  if (!attachments || attachments.length === 0) return [];
  const names = new Set([...(reportContext(report).appendix?.names ?? []), ...(section ? attachmentNamesIn(section.text) : [])].map(nameKey));
  return attachments.filter((a) => names.has(nameKey(a.name)));
}
