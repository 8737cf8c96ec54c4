/**
 * Source → lines, annotated with what Markdown made of them (headings, code,
 * HTML, tables) and with their textual shape (quote markers, bullets), so that
 * Markdown and text copied from Bugzilla's rendered pages read the same way.
 */
import type { SourceLine, Table, TableRow, TableCell } from '../model.js';
import type { OutlineNode } from './outline.js';
import { spanOf } from './positions.js';
import { trimEndChars } from './text.js';

const BULLET = /^(?:[-*+\u2022\u00B7\u25AA\u25E6\u2023\u2043\u25CF]|\d{1,3}[.)])(?=[ \t]|$)[ \t]*/;
const QUOTE = /^[ \t]{0,3}>[ \t]?/;

/** Split the source into annotated lines. The Markdown outline supplies headings, code, HTML and tables. */
export function buildLines(source: string, lineStarts: number[], outline: OutlineNode[], frontMatterEndLine: number): { lines: SourceLine[]; tables: Table[] } {
  const lines: SourceLine[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i] as number;
    let end = i + 1 < lineStarts.length ? (lineStarts[i + 1] as number) : source.length;
    while (end > start && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
    const raw = source.slice(start, end);
    lines.push({ line: i + 1, raw, start, kind: raw.trim() === '' ? 'blank' : 'text', body: '', bodyStart: start, indent: 0 });
  }
  for (let i = 0; i < frontMatterEndLine && i < lines.length; i++) (lines[i] as SourceLine).kind = 'frontmatter';

  const tables: Table[] = [];
  const mark = (from: number, to: number, kind: SourceLine['kind']): void => {
    for (let l = from; l <= to && l <= lines.length; l++) {
      const sl = lines[l - 1] as SourceLine;
      if (sl.kind !== 'frontmatter') sl.kind = kind;
    }
  };

  for (const node of outline) {
    switch (node.type) {
      case 'heading': {
        const first = lines[node.startLine - 1];
        if (first) first.headingDepth = node.depth;
        if (node.endLine > node.startLine) {
          // Setext heading: the underline is not text.
          const under = lines[node.endLine - 1];
          if (under) under.kind = 'blank';
          for (let l = node.startLine + 1; l < node.endLine; l++) {
            const mid = lines[l - 1];
            if (mid) mid.headingDepth = node.depth;
          }
        }
        break;
      }
      case 'code': {
        // Only fenced code is code. Indented "code" is nearly always text copied
        // from a rendered page (nested bullets indented by four spaces).
        const first = lines[node.startLine - 1];
        if (first && /^[ \t>]*(?:```|~~~)/.test(first.raw)) mark(node.startLine, node.endLine, 'code');
        break;
      }
      case 'html':
        mark(node.startLine, node.endLine, 'html');
        break;
      case 'table':
        mark(node.startLine, node.endLine, 'table');
        tables.push(tableFromOutline(node, source, lineStarts));
        break;
      case 'thematicBreak':
        mark(node.startLine, node.endLine, 'blank');
        break;
    }
  }

  for (const sl of lines) {
    if (sl.kind !== 'text') continue;
    let rest = sl.raw;
    let offset = 0;
    for (let q = 0; q < 100; q++) {
      const m = QUOTE.exec(rest);
      if (!m) break;
      rest = rest.slice(m[0].length);
      offset += m[0].length;
    }
    const ws = /^[ \t]*/.exec(rest)?.[0] ?? '';
    sl.indent = ws.replace(/\t/g, '    ').length;
    rest = rest.slice(ws.length);
    offset += ws.length;
    if (rest.trim() === '') {
      sl.kind = 'blank';
      continue;
    }
    if (sl.headingDepth !== undefined) {
      const h = /^#{1,6}(?:[ \t]+|$)/.exec(rest);
      if (h) {
        rest = rest.slice(h[0].length);
        offset += h[0].length;
        // Closing hashes of an ATX heading ("## Summary ##").
        const trimmed = rest.trimEnd();
        const hashes = trimEndChars(trimmed, '#');
        if (hashes.length < trimmed.length && /[ \t]$/.test(hashes)) rest = hashes;
      }
    } else {
      const b = BULLET.exec(rest);
      if (b) {
        sl.bullet = b[0].trim();
        rest = rest.slice(b[0].length);
        offset += b[0].length;
        // A heading inside a list item, or a nested bullet on the same line.
        const h = /^#{1,6}[ \t]+/.exec(rest);
        if (h) {
          rest = rest.slice(h[0].length);
          offset += h[0].length;
        }
      }
    }
    sl.body = trimEndChars(rest, ' \t');
    sl.bodyStart = sl.start + offset;
  }
  return { lines, tables };
}

function cellText(source: string, start: number, end: number): string {
  return source.slice(start, end).trim();
}

function tableFromOutline(node: Extract<OutlineNode, { type: 'table' }>, source: string, lineStarts: number[]): Table {
  const rows: TableRow[] = [];
  for (const row of node.rows) {
    const cells: TableCell[] = [];
    for (const cell of row.cells) {
      let s = cell.start;
      let e = cell.end;
      // Cell offsets include the pipes and padding: narrow to the content.
      let text = source.slice(s, e);
      const lead = /^\|?[ \t]*/.exec(text)?.[0].length ?? 0;
      const trail = /(?<![ \t])[ \t]*\|?$/.exec(text.slice(lead))?.[0].length ?? 0;
      s += lead;
      e -= trail;
      if (e < s) e = s;
      text = cellText(source, s, e);
      cells.push({ text, span: spanOf(lineStarts, s, e) });
    }
    rows.push({ cells, line: row.line, span: spanOf(lineStarts, row.start, row.end) });
  }
  const [header, ...body] = rows;
  return { kind: 'gfm', header: header ?? { cells: [], line: node.startLine, span: spanOf(lineStarts, node.start, node.start) }, rows: body, span: spanOf(lineStarts, node.start, node.end) };
}

/** Split a pipe-delimited line into cells with offsets (escaped `\|` stays in the cell). */
export function splitPipeRow(text: string, base: number): Array<{ text: string; start: number; end: number }> {
  const cells: Array<{ text: string; start: number; end: number }> = [];
  let i = 0;
  const n = text.length;
  while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  for (; i <= n; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < n) {
      i++;
      continue;
    }
    if (ch === '|' || i === n) {
      let s = cellStart;
      let e = i;
      while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
      while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
      const isTrailingEmpty = i === n && s === e;
      if (!isTrailingEmpty || cells.length === 0) cells.push({ text: text.slice(s, e), start: base + s, end: base + e });
      cellStart = i + 1;
    }
  }
  return cells;
}

/** Pipe-delimited lines that Markdown did not read as a table (blank lines between rows, broken delimiter rows). */
export function pipeTables(lines: SourceLine[], lineStarts: number[]): Table[] {
  const out: Table[] = [];
  let group: SourceLine[] = [];
  const flush = (): void => {
    const rowsLines = group.filter((l) => !/^\|?[\s:|-]+\|?$/.test(l.body) || !l.body.includes('-'));
    if (rowsLines.length >= 2 || (rowsLines.length === 1 && group.length >= 1 && (rowsLines[0]?.body.split('|').length ?? 0) >= 4)) {
      const rows: TableRow[] = rowsLines.map((l) => {
        const cells = splitPipeRow(l.body, l.bodyStart).map((c) => ({ text: c.text, span: spanOf(lineStarts, c.start, c.end) }));
        return { cells, line: l.line, span: spanOf(lineStarts, l.bodyStart, l.bodyStart + l.body.length) };
      });
      const [header, ...body] = rows;
      if (header) {
        const first = group[0] as SourceLine;
        const last = group[group.length - 1] as SourceLine;
        out.push({ kind: 'pipe', header, rows: body, span: spanOf(lineStarts, first.bodyStart, last.bodyStart + last.body.length) });
      }
    }
    group = [];
  };
  for (const l of lines) {
    if (l.kind === 'text' && l.body.startsWith('|') && l.body.length > 1 && l.body.indexOf('|', 1) > 0) {
      group.push(l);
    } else if (l.kind === 'blank' && group.length > 0) {
      continue;
    } else if (group.length > 0) {
      flush();
    }
  }
  if (group.length > 0) flush();
  return out;
}
