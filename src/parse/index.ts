/**
 * Markdown → outline → IncidentReport. Called once per file; rules share the result.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Root } from 'mdast';
import type { FrontMatter, IncidentReport, Markup, SourceLine } from '../model.js';
import type { TemplateId } from '../templates.js';
import { segment } from './blocks.js';
import { checkNesting } from './limits.js';
import { buildLines, pipeTables } from './lines.js';
import { computeLineStarts, positionAt, spanOf } from './positions.js';
import './micromark-linear.js';
import { outline } from './outline.js';
import { yaml } from '../lazy.js';

export interface ParseOptions {
  /** Force every block (or the whole file) to this template. */
  template?: TemplateId;
  /**
   * Read the file as plain lines without running the Markdown parser (no
   * headings, tables or code blocks are recognised). For a file that is
   * refused before parsing, so that its diagnostics still have lines.
   */
  plainText?: boolean;
}

/**
 * Parse Markdown into an mdast tree with GFM tables (the only extension the
 * rules need). The rules themselves read the outline (src/parse/outline.ts);
 * this is `report.mdast`, for house rules.
 */
export function parseMarkdown(source: string) {
  return fromMarkdown(source, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

const FRONT_MATTER_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Find YAML front matter at the very top: returns its extent and parsed data. */
function readFrontMatter(source: string, lineStarts: number[]): { fm?: FrontMatter; endLine: number } {
  const open = FRONT_MATTER_OPEN.exec(source);
  if (!open) return { endLine: 0 };
  const rest = source.slice(open[0].length);
  const close = FRONT_MATTER_CLOSE.exec(rest);
  if (!close) return { endLine: 0 };
  const yamlText = rest.slice(0, close.index);
  const endOffset = open[0].length + close.index + close[0].length;
  const endLine = positionAt(lineStarts, endOffset).line;
  const span = spanOf(lineStarts, 0, endOffset);
  // yaml reads CRLF but not a lone CR as a line break; lines and columns stay the same.
  const doc = yaml().parseDocument(yamlText.replace(/\r\n?/g, '\n'), { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  const yamlLine0 = positionAt(lineStarts, open[0].length).line;
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    return {
      fm: { data: {}, span, error: { message: e.message.split('\n')[0] ?? 'invalid YAML', line: yamlLine0 + (pos ? pos.line - 1 : 0), column: pos?.col ?? 1 } },
      endLine,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // yaml refuses alias bombs ("billion laughs") here.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { fm: { data: Object.create(null) as Record<string, unknown>, span, error: { message: `front matter cannot be read: ${message}`, line: yamlLine0, column: 1 } }, endLine };
  }
  if (isCircular(value)) {
    // `a: &a [*a]` makes a value that contains itself; no rule could print or walk it.
    return { fm: { data: Object.create(null) as Record<string, unknown>, span, error: { message: 'front matter has an alias that refers to itself (&anchor ... *anchor inside it)', line: yamlLine0, column: 1 } }, endLine };
  }
  const data: Record<string, unknown> = Object.create(null);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      data[k] = v;
    }
  } else if (value !== null && value !== undefined) {
    return { fm: { data, span, error: { message: 'front matter must be a YAML mapping (key: value lines)', line: yamlLine0, column: 1 } }, endLine };
  }
  return { fm: { data, span }, endLine };
}

/** True when a parsed YAML value contains itself (through an alias). */
function isCircular(value: unknown): boolean {
  const onPath = new Set<object>();
  const visit = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    const children = v instanceof Map ? [...v.keys(), ...v.values()] : v instanceof Set ? [...v] : Object.values(v);
    const found = children.some(visit);
    onPath.delete(v);
    return found;
  };
  return visit(value);
}

/** Blank out front matter so Markdown does not read `---` as a heading underline; offsets stay put. */
function maskFrontMatter(source: string, endLine: number, lineStarts: number[]): string {
  if (endLine === 0) return source;
  const end = endLine < lineStarts.length ? (lineStarts[endLine] as number) : source.length;
  return source.slice(0, end).replace(/[^\r\n]/g, ' ') + source.slice(end);
}

/**
 * Parse a report. Throws InputLimitError (src/parse/limits.ts) for Markdown
 * nested deeper than the parser handles in reasonable time.
 */
export function parseReport(source: string, options: ParseOptions = {}): IncidentReport {
  const lineStarts = computeLineStarts(source);
  const { fm, endLine } = readFrontMatter(source, lineStarts);
  if (!options.plainText) checkNesting(source);
  const markdown = options.plainText ? '' : maskFrontMatter(source, endLine, lineStarts);
  const markup: Markup = { html: [], images: [], escapedLt: [] };
  const { lines, tables } = buildLines(source, lineStarts, options.plainText ? [] : outline(markdown, lineStarts, markup), endLine);
  const allTables = [...tables, ...pipeTables(lines, lineStarts)].sort((a, b) => a.span.start - b.span.start);
  const blocks = segment(lines, lineStarts, allTables, options.template);

  let title: IncidentReport['title'];
  const fmTitle = fm?.data['title'];
  if (typeof fmTitle === 'string') {
    title = { text: fmTitle, span: fm!.span, from: 'front-matter' };
  } else {
    // A report or section heading shifted up a level ("# Full Incident Report") is not the title.
    const structural = new Set<number>();
    for (const b of blocks) {
      if (b.detectedBy === 'heading') structural.add(b.headingSpan.line);
      for (const s of b.sections) structural.add(s.headingSpan.line);
    }
    const h1 = lines.find((l: SourceLine) => l.kind === 'text' && l.headingDepth === 1 && /^[ \t]*#/.test(l.raw) && !structural.has(l.line));
    if (h1) title = { text: h1.body, span: spanOf(lineStarts, h1.bodyStart, h1.bodyStart + h1.body.length), from: 'h1' };
  }

  let mdast: Root | undefined;
  const report: IncidentReport = {
    source,
    lines,
    lineStarts,
    // Built on first use: no built-in rule reads it.
    get mdast(): Root {
      return (mdast ??= options.plainText ? { type: 'root', children: [] } : parseMarkdown(markdown));
    },
    blocks,
    tables: allTables,
    markup,
    cache: new Map(),
  };
  if (fm) report.frontMatter = fm;
  if (title) report.title = title;
  return report;
}
