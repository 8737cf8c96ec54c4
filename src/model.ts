/**
 * The IncidentReport model: what every rule reads. Built once per file by
 * `src/parse`. Positions are 1-based lines and columns; offsets are 0-based
 * indexes into the source string.
 */
import type { Root } from 'mdast';
import type { TemplateId, TemplateSpec, SectionSpec, FieldSpec } from './templates.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the source, end exclusive. */
  start: number;
  end: number;
}

export type LineKind = 'text' | 'blank' | 'code' | 'html' | 'frontmatter' | 'table';

/** One physical source line with what the parser learned about it. */
export interface SourceLine {
  /** 1-based line number. */
  line: number;
  /** Raw text without the line ending. */
  raw: string;
  /** Offset of the first character of the line. */
  start: number;
  kind: LineKind;
  /** ATX/setext heading depth when Markdown made the line a heading. */
  headingDepth?: number;
  /** The list marker or bullet (`-`, `*`, `•`, `1.`) when the line starts a list item. */
  bullet?: string;
  /** Text after quote markers, indentation, bullet and heading marks. */
  body: string;
  /** Offset in the source where `body` starts. */
  bodyStart: number;
  /** Indentation width (after quote markers). */
  indent: number;
}

export interface TableCell {
  text: string;
  span: Span;
}

export interface TableRow {
  cells: TableCell[];
  line: number;
  span: Span;
}

export interface Table {
  /** `gfm`: a real Markdown table; `pipe`: pipe-delimited lines Markdown did not read as a table. */
  kind: 'gfm' | 'pipe';
  header: TableRow;
  rows: TableRow[];
  span: Span;
}

export interface Field {
  spec: FieldSpec;
  /** Label as written. */
  label: string;
  labelSpan: Span;
  /** Value text, trimmed; continuation lines joined with `\n`. */
  value: string;
  /** Span of the value (empty span right after the label when the value is empty). */
  valueSpan: Span;
  /** Line of the label. */
  line: number;
  /** Nested fields (Timeline summary dates). */
  children: Field[];
}

export interface Section {
  spec: SectionSpec;
  /** Heading as written (normalised whitespace), e.g. "Timeline (All times are UTC+8)". */
  heading: string;
  /** Span of the heading line; for implicit sections the report heading. */
  headingSpan: Span;
  /** How the heading was written. */
  headingStyle: 'atx' | 'setext' | 'bold' | 'bare' | 'implicit' | 'question';
  /** Lines of the section body (after the heading up to the next section). */
  bodyLines: SourceLine[];
  /** Text of the body (non-blank text lines joined with `\n`). */
  text: string;
  fields: Field[];
  tables: Table[];
  /** Line of the last body line (or the heading). */
  endLine: number;
}

export interface ReportBlock {
  template: TemplateId;
  spec: TemplateSpec;
  /** How the template was found. */
  detectedBy: 'heading' | 'questions' | 'sections' | 'forced';
  /** Span of the report heading (or first recognised line). */
  headingSpan: Span;
  heading: string;
  startLine: number;
  endLine: number;
  sections: Section[];
  /** Lines of the block after its heading. */
  lines: SourceLine[];
}

export interface FrontMatter {
  data: Record<string, unknown>;
  span: Span;
  /** YAML error message when the front matter could not be parsed. */
  error?: { message: string; line: number; column: number };
}

export interface IncidentReport {
  source: string;
  lines: SourceLine[];
  /** Offsets of line starts, for offset ↔ position conversion. */
  lineStarts: number[];
  mdast: Root;
  frontMatter?: FrontMatter;
  /** H1 heading or front-matter title. */
  title?: { text: string; span: Span; from: 'h1' | 'front-matter' };
  blocks: ReportBlock[];
  tables: Table[];
  /** Per-report cache for derived models (timeline, action items, ...). */
  cache: Map<string, unknown>;
}
