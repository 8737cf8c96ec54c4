/**
 * Action items, read from whatever the report holds: a Markdown table, pipe
 * lines that Markdown did not read as a table (blank lines between rows), a
 * table copied from Bugzilla's rendered page (cells separated by spaces or
 * tabs), or a list (legacy question 7). Due dates are read by
 * `parseDueDate` in src/parse/timestamp.ts; the Status vocabulary and the
 * closure attestation are the rules' (rules/_vocabulary.ts).
 */
import type { ActionColumn, ActionItem, ActionItems, IncidentReport, ReportBlock, Section, SourceLine, Span, Table, TextSpan } from '../model.js';
import { derived } from './derived.js';
import { section } from './sections.js';
import { spanOf } from './positions.js';
import { isNotApplicable, norm } from './text.js';

// ---------------------------------------------------------------- columns

/** The template's columns, in order. */
export const V3_COLUMNS: readonly ActionColumn[] = ['action', 'kind', 'rootCauses', 'criteria', 'dueDate', 'status'];
export const V2_COLUMNS: readonly ActionColumn[] = ['action', 'kind', 'dueDate'];

/** The template's header text of each column, for messages. */
export const COLUMN_TITLES: Record<ActionColumn, string> = {
  action: 'Action Item',
  kind: 'Kind',
  rootCauses: 'Corresponding Root Cause(s)',
  criteria: 'Evaluation Criteria',
  dueDate: 'Due Date',
  status: 'Status',
};

/** Which column a header cell names. */
export function columnOf(header: string): ActionColumn | undefined {
  const h = norm(header).replace(/(?<![\s:.?])[\s:.?]+$/, '');
  if (h === '') return undefined;
  if (/^(?:action items?|actions?|remediation(?: items?| steps?)?|description|item|task)$/.test(h)) return 'action';
  if (/^(?:kind|type|category|action type)$/.test(h)) return 'kind';
  if (/root cause|contributing factor|^corresponding/.test(h)) return 'rootCauses';
  if (/evaluation|criteria|success measure/.test(h)) return 'criteria';
  if (/^(?:due(?: date)?|deadline|target(?: date)?|date|eta|due by|completion date|expected completion(?: date)?)$/.test(h)) return 'dueDate';
  if (/^(?:status|state|progress)$/.test(h)) return 'status';
  return undefined;
}

/** Header phrases a rendered table's header line is made of, longest first. */
const HEADER_PHRASES: Array<[string, ActionColumn]> = [
  ['corresponding root cause(s)', 'rootCauses'],
  ['corresponding root causes', 'rootCauses'],
  ['corresponding root cause', 'rootCauses'],
  ['evaluation criteria', 'criteria'],
  ['root cause(s)', 'rootCauses'],
  ['action items', 'action'],
  ['action item', 'action'],
  ['due date', 'dueDate'],
  ['deadline', 'dueDate'],
  ['status', 'status'],
  ['kind', 'kind'],
];

/** Read a rendered header line ("Action Item Kind Due Date") into columns with their offsets. */
function renderedHeader(l: SourceLine): Array<{ col: ActionColumn; start: number; end: number }> | undefined {
  const body = l.body;
  if (!/^[*_]*action items?\b/i.test(body)) return undefined;
  const out: Array<{ col: ActionColumn; start: number; end: number }> = [];
  let i = 0;
  const lower = body.toLowerCase();
  while (i < body.length) {
    while (i < body.length && /[\s|*_]/.test(body[i] as string)) i++;
    if (i >= body.length) break;
    const hit = HEADER_PHRASES.find(([p]) => lower.startsWith(p, i) && (i + p.length === body.length || /[\s|*_]/.test(body[i + p.length] as string)));
    if (!hit) return undefined;
    out.push({ col: hit[1], start: l.bodyStart + i, end: l.bodyStart + i + hit[0].length });
    i += hit[0].length;
  }
  return out.length >= 2 && out.some((c) => c.col === 'kind' || c.col === 'dueDate') ? out : undefined;
}

// ---------------------------------------------------------------- vocabularies

/** Words a Kind cell of a rendered table may hold (valid or not), so the row can be split. */
const KIND_WORDS = new Set([
  'prevent', 'mitigate', 'detect', 'prevention', 'mitigation', 'detection', 'preventive', 'preventative', 'detective', 'corrective',
  'correct', 'correction', 'analyze', 'analyse', 'analysis', 'process', 'remediate', 'remediation', 'fix', 'respond', 'response', 'improve', 'monitor', 'training', 'other',
]);

const MULTIWORD_STATUS = ['in progress', 'not started', 'on hold', 'in review', 'under review', 'on track'];

/** Due-date text shapes, anchored at the end of a string (rendered rows). */
const DATE_AT_END =
  /(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[-/ ][A-Za-z]{3,9}\.?[-/ ,]{1,2}\d{4}|[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|Q[1-4],? \d{4}|(?:end of |mid-?|early |late )?[A-Za-z]{3,9} \d{4}|(?<!\S)\S+)$/;

/** A date named in a list item: "deadline 2020-03-20", "by March 31, 2024", "(due 2024-05-01)". */
const LIST_DATE =
  /\b(?:deadline|due(?: date)?|by|until|before|target(?: date)?|eta|expected(?: by)?|completed? (?:on|by))\b[:\s-]{0,4}(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4})/;

// ---------------------------------------------------------------- reading

function ts(report: IncidentReport, start: number, end: number): TextSpan {
  return { text: report.source.slice(start, end), span: spanOf(report.lineStarts, start, end) };
}

function emptyAt(report: IncidentReport, offset: number): TextSpan {
  return { text: '', span: spanOf(report.lineStarts, offset, offset) };
}

function isActionTable(t: Table): boolean {
  const cols = t.header.cells.map((c) => columnOf(c.text));
  const known = cols.filter((c) => c !== undefined);
  return known.length >= 2 && (cols.includes('kind') || cols.includes('dueDate') || cols[0] === 'action');
}

function itemsFromTable(report: IncidentReport, t: Table, columns: Array<ActionColumn | undefined>): ActionItem[] {
  const items: ActionItem[] = [];
  for (const row of t.rows) {
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    const byCol: Partial<Record<ActionColumn, TextSpan>> = {};
    columns.forEach((col, i) => {
      if (!col || byCol[col]) return;
      const cell = row.cells[i];
      byCol[col] = cell ? { text: cell.text, span: cell.span } : emptyAt(report, row.span.end);
    });
    const item: ActionItem = { source: t.kind, line: row.line, span: row.span, action: byCol.action ?? row.cells[0] ?? emptyAt(report, row.span.start) };
    for (const k of ['kind', 'rootCauses', 'criteria', 'dueDate', 'status'] as const) {
      const v = byCol[k];
      if (v) item[k] = v;
    }
    items.push(item);
  }
  return items;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string, base: number): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ text: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

const REFERENCE_TOKEN = /^(?:root|causes?|cause\(s\)|contributing|factors?|#?\d{1,2}[,;]?|#|cf-?\d{1,2}[,;]?|rc-?\d{1,2}[,;]?|and|&|all|,)$/i;

/** A due date cell must look like one (or be a word people put there instead); anything else means the line is not a row. */
function dueLike(text: string): boolean {
  return /\d/.test(text) || /^(?:tbd|tbc|asap|n\/a|na|none|-|\u2014|ongoing|immediately|complete[d]?|done|q[1-4])$/i.test(text);
}

/** Tokens that start a root-cause reference: "Root Cause # 2", "Contributing Factor #1", "CF1", "RC-2", "#3". */
const REFERENCE_START = /^(?:root|contributing|cf-?\d{1,2}[,;]?|rc-?\d{1,2}[,;]?|#\d{1,2}[,;]?)$/i;
const TEMPLATE_KIND = /^(?:prevent|mitigate|detect)$/i;

/**
 * Where the Kind is in the middle of a flattened row ("Alert on any OCSP
 * response status ... Detect Root Cause # 3 Synthetic ..."): a Kind word
 * read from both ends with what must follow it. A candidate scores for being
 * followed by a root-cause reference (when that column is there), for being
 * one of the template's Kinds and for being capitalised, as table cells are;
 * a word of the action's own text ("response") loses to the real Kind. Two
 * best candidates that tie leave the row ambiguous.
 */
function kindIndex(toks: Token[], referenceFollows: boolean): number | 'ambiguous' {
  let best = -1;
  let bestScore = -1;
  let tie = false;
  for (let i = 1; i < toks.length; i++) {
    const word = (toks[i] as Token).text.replace(/(?<![.,;:])[.,;:]+$/, '');
    if (!KIND_WORDS.has(word.toLowerCase())) continue;
    let score = 0;
    const next = toks[i + 1];
    if (referenceFollows && next && REFERENCE_START.test(next.text)) score += 4;
    if (TEMPLATE_KIND.test(word)) score += 2;
    if (/^[A-Z]/.test(word)) score += 1;
    if (score > bestScore) {
      best = i;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) {
      tie = true;
    }
  }
  if (best < 0) return -1;
  // A lone lower-case word of the action's text is no Kind to rely on when several compete.
  return tie ? 'ambiguous' : best;
}

/** Split a rendered row ("Train staff … process 2024-10-30") into the header's columns; undefined when it cannot be, 'ambiguous' when it reads more than one way. */
function splitRenderedRow(report: IncidentReport, l: SourceLine, cols: ActionColumn[]): ActionItem | 'ambiguous' | undefined {
  const item: Partial<ActionItem> = {};
  const span = spanOf(report.lineStarts, l.bodyStart, l.bodyStart + l.body.length);
  // Tab-separated copies keep the cells.
  if (l.body.includes('\t')) {
    const parts: Token[] = [];
    let from = 0;
    for (const piece of l.body.split('\t')) {
      const lead = piece.length - piece.trimStart().length;
      const t = piece.trim();
      if (t) parts.push({ text: t, start: l.bodyStart + from + lead, end: l.bodyStart + from + lead + t.length });
      from += piece.length + 1;
    }
    if (parts.length === cols.length) {
      const out: ActionItem = { source: 'text', line: l.line, span, action: ts(report, parts[0]!.start, parts[0]!.end) };
      cols.forEach((c, i) => {
        const p = parts[i] as Token;
        const v = ts(report, p.start, p.end);
        if (c === 'action') out.action = v;
        else out[c] = v;
      });
      return out;
    }
  }
  let toks = tokens(l.body, l.bodyStart);
  let right = cols.length - 1;
  const take = (n: number): TextSpan | undefined => {
    if (toks.length < n + 1) return undefined;
    const part = toks.slice(toks.length - n);
    toks = toks.slice(0, toks.length - n);
    return ts(report, (part[0] as Token).start, (part[part.length - 1] as Token).end);
  };
  while (right > 0) {
    const col = cols[right] as ActionColumn;
    if (col === 'status') {
      const lastTwo = toks.slice(-2).map((t) => t.text.toLowerCase()).join(' ');
      const v = take(MULTIWORD_STATUS.includes(lastTwo) ? 2 : 1);
      if (!v) return undefined;
      item.status = v;
    } else if (col === 'dueDate') {
      const rest = report.source.slice(toks[0]?.start ?? 0, toks[toks.length - 1]?.end ?? 0);
      const m = DATE_AT_END.exec(rest);
      if (!m || !dueLike(m[0])) return undefined;
      const n = tokens(m[0], 0).length;
      const v = take(n);
      if (!v) return undefined;
      item.dueDate = v;
    } else if (col === 'kind' && right === 1) {
      const v = take(1);
      if (!v) return undefined;
      item.kind = v;
    } else {
      break;
    }
    right--;
  }
  const remaining = cols.slice(0, right + 1);
  if (toks.length === 0) return undefined;
  if (remaining.length === 1 && remaining[0] === 'action') {
    return { ...item, source: 'text', line: l.line, span, action: ts(report, (toks[0] as Token).start, (toks[toks.length - 1] as Token).end) } as ActionItem;
  }
  // v3 order in the middle: Action Item, Kind, Corresponding Root Cause(s), Evaluation Criteria.
  if (remaining[0] !== 'action' || remaining[1] !== 'kind') return undefined;
  const k = kindIndex(toks, remaining[2] === 'rootCauses');
  if (k === 'ambiguous') return 'ambiguous';
  if (k < 0) return undefined;
  const action = ts(report, (toks[0] as Token).start, (toks[k - 1] as Token).end);
  const kind = ts(report, (toks[k] as Token).start, (toks[k] as Token).end);
  let j = k + 1;
  const out: ActionItem = { ...item, source: 'text', line: l.line, span, action, kind } as ActionItem;
  const rest = remaining.slice(2);
  if (rest[0] === 'rootCauses') {
    const from = j;
    while (j < toks.length && REFERENCE_TOKEN.test((toks[j] as Token).text)) j++;
    out.rootCauses = j > from ? ts(report, (toks[from] as Token).start, (toks[j - 1] as Token).end) : emptyAt(report, (toks[from - 1] as Token).end);
    rest.shift();
  }
  if (rest[0] === 'criteria') {
    out.criteria = j < toks.length ? ts(report, (toks[j] as Token).start, (toks[toks.length - 1] as Token).end) : emptyAt(report, (toks[toks.length - 1] as Token).end);
    j = toks.length;
    rest.shift();
  }
  if (rest.length > 0 || j < toks.length) return undefined;
  return out;
}

function readRendered(report: IncidentReport, s: Section, into: ActionItems): boolean {
  const lines = s.bodyLines;
  const at = lines.findIndex((l) => l.kind === 'text' && renderedHeader(l) !== undefined);
  if (at < 0) return false;
  const hl = lines[at] as SourceLine;
  const header = renderedHeader(hl) as NonNullable<ReturnType<typeof renderedHeader>>;
  const cols = header.map((h) => h.col);
  into.format = 'text';
  into.header = { cells: header.map((h) => ts(report, h.start, h.end)), line: hl.line, span: spanOf(report.lineStarts, hl.bodyStart, hl.bodyStart + hl.body.length) };
  into.columns = cols;
  // Rows are the lines right below the header, up to the first blank line.
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (l.kind === 'blank') {
      if (into.items.length + into.unreadRows.length === 0) continue;
      break;
    }
    if (l.kind !== 'text') break;
    const item = splitRenderedRow(report, l, cols);
    if (item && item !== 'ambiguous') into.items.push(item);
    else {
      const row: ActionItems['unreadRows'][number] = { line: l.line, span: spanOf(report.lineStarts, l.bodyStart, l.bodyStart + l.body.length), text: l.body };
      if (item === 'ambiguous') row.ambiguous = true;
      into.unreadRows.push(row);
    }
  }
  return true;
}

function readList(report: IncidentReport, s: Section, into: ActionItems): boolean {
  let cur: { lines: SourceLine[] } | undefined;
  const groups: Array<{ lines: SourceLine[] }> = [];
  for (const l of s.bodyLines) {
    if (l.kind === 'blank') {
      cur = undefined;
      continue;
    }
    if (l.kind !== 'text') continue;
    if (l.bullet !== undefined) {
      cur = { lines: [l] };
      groups.push(cur);
    } else if (cur) {
      cur.lines.push(l);
    }
  }
  if (groups.length === 0) return false;
  into.format = 'list';
  for (const g of groups) {
    const first = g.lines[0] as SourceLine;
    const last = g.lines[g.lines.length - 1] as SourceLine;
    const item: ActionItem = {
      source: 'list',
      line: first.line,
      span: spanOf(report.lineStarts, first.bodyStart, last.bodyStart + last.body.length),
      action: ts(report, first.bodyStart, last.bodyStart + last.body.length),
    };
    for (const l of g.lines) {
      const m = LIST_DATE.exec(l.body);
      if (m) {
        const date = m[1] as string;
        const start = l.bodyStart + m.index + m[0].length - date.length;
        item.dueDate = ts(report, start, start + date.length);
        break;
      }
    }
    into.items.push(item);
  }
  return true;
}

function readSection(report: IncidentReport, block: ReportBlock, s: Section): ActionItems {
  const into: ActionItems = { block, section: s, format: 'unread', columns: [], items: [], unreadRows: [] };
  const table = s.tables.find(isActionTable);
  if (table) {
    into.format = table.kind;
    into.columns = table.header.cells.map((c) => columnOf(c.text));
    into.header = { cells: table.header.cells.map((c) => ({ text: c.text, span: c.span })), line: table.header.line, span: table.header.span };
    into.items = itemsFromTable(report, table, into.columns);
    return into;
  }
  if (s.spec.key !== 'q7-steps' && readRendered(report, s, into)) return into;
  if (readList(report, s, into)) return into;
  const text = s.bodyLines.filter((l) => l.kind === 'text').map((l) => l.body).join(' ').trim();
  if (text === '') into.format = 'empty';
  else if (isNotApplicable(text)) into.format = 'na';
  return into;
}

/** The action items of every report block that has an Action Items section (legacy: question 7). */
export function actionItemsOf(report: IncidentReport): ActionItems[] {
  return derived(report, 'action-items', () => {
    const out: ActionItems[] = [];
    for (const block of report.blocks) {
      const s = section(block, 'action-items') ?? section(block, 'q7-steps');
      if (s) out.push(readSection(report, block, s));
    }
    return out;
  });
}

// ---------------------------------------------------------------- values

/** An action item cell that holds nothing (empty, or only emphasis and dashes). */
export function isBlankCell(cell: TextSpan | undefined): boolean {
  return cell === undefined || norm(cell.text).replace(/[-\u2013\u2014.\s]/g, '') === '';
}

/** The numbers of the contributing factors a "Corresponding Root Cause(s)" cell names; `all` for "All". */
export function factorReferences(text: string): { numbers: number[]; all: boolean } {
  const t = norm(text);
  if (/^all\b/.test(t)) return { numbers: [], all: true };
  const numbers: number[] = [];
  const re = /(\d{1,3})/g;
  let m: RegExpExecArray | null;
  // "Root Cause #1", "Contributing Factor #1", "CF1", "#1", "1, 2", "RC 2 and 3"
  while ((m = re.exec(t)) !== null) numbers.push(Number(m[1]));
  return { numbers: [...new Set(numbers)], all: false };
}

