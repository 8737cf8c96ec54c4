/**
 * The Markdown structure ir-lint reads, taken straight from micromark's
 * events: headings, code, HTML, GFM tables (rows and cells) and thematic
 * breaks, in document order.
 *
 * The rules work on lines (src/parse/lines.ts); Markdown only tells them which
 * lines are headings, code, HTML or table rows. Turning micromark's events into
 * a full mdast tree (a node and a position object for every piece of inline
 * text) cost about as much CPU again as tokenizing, for nodes nothing read, so
 * this walks the events once and keeps only those. The result is the same as
 * walking the mdast tree that mdast-util-from-markdown builds from the same
 * events (test/outline.test.ts compares the two on the fixtures and on random
 * Markdown): a node inside a heading, a table, an image's alt text, code or
 * HTML is not listed, because in mdast it is not a child node there.
 * `report.mdast` still gives the tree to house rules that want it, built on
 * first use.
 */
import { parse, preprocess } from 'micromark';
import { gfmTable } from 'micromark-extension-gfm-table';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Construct, Event, Extension, ParseContext, Token, Tokenizer } from 'micromark-util-types';
import type { Markup } from '../model.js';
import { computeLineStarts } from './positions.js';
import './micromark-linear.js';

export interface OutlineCell {
  /** Offsets of the cell, pipes and padding included (as in mdast). */
  start: number;
  end: number;
}

export interface OutlineRow {
  start: number;
  end: number;
  line: number;
  cells: OutlineCell[];
}

export type OutlineNode =
  | { type: 'heading'; depth: number; startLine: number; endLine: number }
  | { type: 'code' | 'html' | 'thematicBreak'; startLine: number; endLine: number }
  | { type: 'table'; start: number; end: number; startLine: number; endLine: number; rows: OutlineRow[] };

type HeadingNode = Extract<OutlineNode, { type: 'heading' }>;
type TableNode = Extract<OutlineNode, { type: 'table' }>;

let parser: ParseContext | undefined;
/** 1 at each line (1-based) of `source` that has the character `ch`. */
function linesWith(source: string, lineStarts: number[], ch: string): Uint8Array {
  const flags = new Uint8Array(lineStarts.length + 2);
  let line = 0;
  for (let at = source.indexOf(ch); at >= 0; at = source.indexOf(ch, at + 1)) {
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= at) line++;
    flags[line + 1] = 1;
  }
  return flags;
}

/** For the document being tokenized (the table construct reads it): the lines that have a `|`, and those that can be a delimiter row without one. */
let pipeLines: Uint8Array = new Uint8Array(0);
/** The document being tokenized and its line starts (for delimiter rows without a pipe). */
let docSource = '';
let docLineStarts: number[] = [];

/**
 * True when line `line` (1-based) is a delimiter row without a pipe that
 * still makes a one-column table: dashes with a colon (`:---`, `---:`),
 * after any quote markers and indentation.
 */
function colonDelimiterRow(line: number): boolean {
  const start = docLineStarts[line - 1];
  if (start === undefined) return false;
  let colon = false;
  let dash = false;
  let body = false;
  for (let i = start; i < docSource.length; i++) {
    const c = docSource.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (c === 58 /* : */) colon = body = true;
    else if (c === 45 /* - */) dash = body = true;
    else if (c === 32 || c === 9 || (c === 62 /* > */ && !body)) continue;
    else return false;
  }
  return colon && dash;
}

/**
 * micromark-extension-gfm-table's construct, tried at the start of every
 * block, scans the whole line before it gives up. Where no table can start
 * (no pipe in this line or the next, the next is no one-cell delimiter row
 * such as `:---`, and no table row just above), it now
 * gives up at once; elsewhere it runs as it is. The result is the same; one
 * thread on 1,000 reports spent about 9% less CPU.
 */
function quickTable(): Extension {
  const table = (gfmTable().flow as Record<string, Construct>)['null'] as Construct;
  const tokenize: Tokenizer = function (effects, ok, nok) {
    // A header row and its delimiter row: one of the two has a pipe, or the delimiter row has a colon.
    const line = this.now().line;
    if (pipeLines[line] === 1 || pipeLines[line + 1] === 1 || colonDelimiterRow(line + 1)) return table.tokenize.call(this, effects, ok, nok);
    // A body row needs no pipe: the table construct continues one just above.
    const events = this.events;
    let index = events.length - 1;
    while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--;
    const tail = index > -1 ? events[index]![1].type : undefined;
    if (tail === 'tableHead' || tail === 'tableRow') return table.tokenize.call(this, effects, ok, nok);
    return nok;
  };
  return { flow: { null: { ...table, tokenize } } };
}

/**
 * micromark's `postprocess`, except that inline text which cannot hold HTML
 * is left as it is. The outline reads one inline node, HTML, and HTML needs a
 * literal `<`: text without one is not tokenized (in reports that is nearly
 * all of it; tokenizing it was most of micromark's work). Text with a `<` is
 * tokenized in full, so that code spans, escapes and links decide what is
 * HTML exactly as they do in mdast. Strings (link destinations, code fence
 * info) never hold HTML and are not tokenized either.
 */
function tokenizeContent(events: Event[], ltLines: Uint8Array): void {
  // Whole lines are checked: text sharing a line with a `<` is tokenized too, which is never wrong.
  const hasLt = (from: number, to: number): boolean => {
    for (let line = from; line <= to; line++) if (ltLines[line] === 1) return true;
    return false;
  };
  for (;;) {
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const head = event[1];
      if (event[0] !== 'enter' || head.previous !== undefined || head._tokenizer !== undefined) continue;
      if (head.contentType !== 'text' && head.contentType !== 'string') continue;
      let last: Token = head;
      while (last.next) last = last.next;
      if (head.contentType === 'text' && hasLt(head.start.line, last.end.line)) continue;
      for (let t: Token | undefined = head; t; t = t.next) t.contentType = undefined;
    }
    if (subtokenize(events)) return;
  }
}

/** 1 at each line (1-based) of `source` that has an image opener `![`. */
function imageLines(source: string, lineStarts: number[], flags: Uint8Array): Uint8Array {
  let line = 0;
  for (let at = source.indexOf('![', 0); at >= 0; at = source.indexOf('![', at + 2)) {
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= at) line++;
    flags[line + 1] = 1;
  }
  return flags;
}

/**
 * The outline of `source` (Markdown with GFM tables, the only extension the
 * rules need). `lineStarts`: the offsets at which its lines start, when the
 * caller has them. `markup`, when given, receives the raw HTML and images.
 */
export function outline(source: string, lineStarts = computeLineStarts(source), markup?: Markup): OutlineNode[] {
  // One parser for every document (combining the constructs for each one cost
  // about 2% of parsing); its per-document state is reset here.
  parser ??= parse({ extensions: [quickTable()] });
  parser.defined = [];
  parser.lazy = {};
  pipeLines = linesWith(source, lineStarts, '|');
  docSource = source;
  docLineStarts = lineStarts;
  const events = parser.document().write(preprocess()(source, undefined, true));
  docSource = '';
  docLineStarts = [];
  // Images are inline too: with `markup`, text with `![` is tokenized as well.
  const ltLines = linesWith(source, lineStarts, '<');
  tokenizeContent(events, markup ? imageLines(source, lineStarts, ltLines) : ltLines);
  const out: OutlineNode[] = [];
  // How many open tokens hide their content from the outline.
  let opaque = 0;
  let heading: HeadingNode | undefined;
  let table: TableNode | undefined;
  let row: OutlineRow | undefined;
  // Open images, for `markup` (HTML in an image's text is not collected).
  let images = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const token = event[1];
    const type = token.type;
    if (event[0] === 'enter') {
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          if (opaque++ === 0) out.push((heading = { type: 'heading', depth: 0, startLine: token.start.line, endLine: token.end.line }));
          break;
        case 'atxHeadingSequence':
          // The first sequence opens the heading; a closing one ("## Summary ##") does not count.
          if (heading && heading.depth === 0) heading.depth = token.end.offset - token.start.offset;
          break;
        case 'setextHeadingLineSequence':
          if (heading) heading.depth = source.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
          break;
        case 'codeFenced':
        case 'codeIndented':
          if (opaque++ === 0) out.push({ type: 'code', startLine: token.start.line, endLine: token.end.line });
          break;
        case 'htmlFlow':
        case 'htmlText':
          if (opaque++ === 0) out.push({ type: 'html', startLine: token.start.line, endLine: token.end.line });
          if (markup && images === 0) markup.html.push({ start: token.start.offset, end: token.end.offset, flow: type === 'htmlFlow' });
          break;
        case 'thematicBreak':
          if (opaque++ === 0) out.push({ type: 'thematicBreak', startLine: token.start.line, endLine: token.end.line });
          break;
        case 'table':
          if (opaque++ === 0) {
            table = { type: 'table', start: token.start.offset, end: token.end.offset, startLine: token.start.line, endLine: token.end.line, rows: [] };
            out.push(table);
          }
          break;
        case 'tableRow':
          if (table) table.rows.push((row = { start: token.start.offset, end: token.end.offset, line: token.start.line, cells: [] }));
          break;
        case 'tableHeader':
        case 'tableData':
          if (row) row.cells.push({ start: token.start.offset, end: token.end.offset });
          break;
        case 'characterEscape':
          if (markup && images === 0 && source.charCodeAt(token.start.offset + 1) === 60 /* < */) markup.escapedLt.push(token.start.offset);
          break;
        case 'image':
          // mdast keeps an image's text as its `alt` string, not as children.
          opaque++;
          if (markup && images++ === 0) markup.images.push({ start: token.start.offset, end: token.end.offset });
          break;
        default:
          break;
      }
    } else {
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          if (--opaque === 0) heading = undefined;
          break;
        case 'table':
          if (--opaque === 0) table = row = undefined;
          break;
        case 'codeFenced':
        case 'codeIndented':
        case 'htmlFlow':
        case 'htmlText':
        case 'thematicBreak':
          opaque--;
          break;
        case 'image':
          opaque--;
          images--;
          break;
        default:
          break;
      }
    }
  }
  return out;
}
