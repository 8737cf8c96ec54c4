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

/**
 * Raw HTML and images anywhere outside code, headings and table cells
 * included: what Bugzilla shows differently from a Markdown preview. Offsets,
 * end exclusive; `flow` for an HTML block, else inline HTML. HTML in an
 * image's text is left out (Bugzilla drops the whole image).
 */
export interface Markup {
  html: Array<{ start: number; end: number; flow: boolean }>;
  images: Array<{ start: number; end: number }>;
  /** Offsets of the backslash of each `\\<` escape (Bugzilla shows that backslash). */
  escapedLt: number[];
}

export interface IncidentReport {
  source: string;
  lines: SourceLine[];
  /** Offsets of line starts, for offset ↔ position conversion. */
  lineStarts: number[];
  /** The mdast tree (with GFM tables), built on first access. */
  readonly mdast: Root;
  frontMatter?: FrontMatter;
  /** H1 heading or front-matter title. */
  title?: { text: string; span: Span; from: 'h1' | 'front-matter' };
  blocks: ReportBlock[];
  tables: Table[];
  /** Raw HTML and images, in document order. */
  markup: Markup;
  /** Per-report cache for derived models (timeline, action items, ...). */
  cache: Map<string, unknown>;
}

// ---------------------------------------------------------------- root causes, action items, closure

/** A piece of source text with where it is. */
export interface TextSpan {
  text: string;
  span: Span;
}

/** A v3 `**Contributing Factor #N: title**` block of the Root Cause Analysis section. */
export interface ContributingFactor {
  /** The number as written; undefined for "Contributing Factor #: title". */
  number: number | undefined;
  title: string;
  /** The heading line ("Contributing Factor #1: …"), its text span. */
  heading: TextSpan;
  line: number;
  /** Last line of the factor's block. */
  endLine: number;
  /** The factor's labelled fields (Description, Timeline, Detection, …), in order. */
  fields: Field[];
}

/** Root-cause prose of a report: a v2 section, a legacy answer (question 6), a closure field, or a v3 factor. */
export interface RootCauseText {
  from: 'factor' | 'section' | 'legacy-question' | 'closure-field';
  /** Where it is, for messages ("Contributing Factor #2", "Root Cause Analysis"). */
  name: string;
  text: string;
  /** Text lines with their offsets, to point at a phrase. */
  lines: Array<{ text: string; start: number; line: number }>;
  /** Heading or label line of the unit. */
  line: number;
  factor?: ContributingFactor;
}

/** Column keys of an Action Items table. */
export type ActionColumn = 'action' | 'kind' | 'rootCauses' | 'criteria' | 'dueDate' | 'status';

export interface ActionItem {
  /** Where the row came from: a Markdown table, pipe lines that are not a table, a rendered (space/tab separated) table, a list item. */
  source: 'gfm' | 'pipe' | 'text' | 'list';
  line: number;
  span: Span;
  action: TextSpan;
  kind?: TextSpan;
  rootCauses?: TextSpan;
  criteria?: TextSpan;
  dueDate?: TextSpan;
  status?: TextSpan;
}

export interface ActionItems {
  block: ReportBlock;
  /** The Action Items section (legacy: question 7). */
  section: Section;
  /** How the items were written; `na` when the section says N/A, `unread` when no row could be read. */
  format: 'gfm' | 'pipe' | 'text' | 'list' | 'na' | 'unread' | 'empty';
  /** Header cells as written (tables only). */
  header?: { cells: TextSpan[]; line: number; span: Span };
  /** Column key of each header cell (undefined for columns the template does not know). */
  columns: Array<ActionColumn | undefined>;
  items: ActionItem[];
  /** Lines of a rendered table that could not be split into the header's columns. */
  unreadRows: Array<{ line: number; span: Span; text: string; ambiguous?: boolean }>;
}

export interface LessonItem {
  /** The Lessons Learned field key: went-well, went-badly, got-lucky, lessons-other. */
  key: string;
  text: string;
  span: Span;
  line: number;
}

/** Facts about the incident gathered from front matter, the title and the text (src/parse/context.ts). */
export interface ReportContext {
  /** Title from front matter, the H1, or a Bugzilla page's first line. */
  title?: { text: string; line: number; from: 'front-matter' | 'h1' | 'page' };
  /** CA Owner from front matter `ca-owner:` or the title "CA Owner: description". */
  caOwner?: { name: string; from: 'front-matter' | 'title' };
  /** Bugzilla bug number from front matter `bug:`. */
  bug?: number;
  /** Posting date (ISO) from front matter `posted:`. */
  posted?: string;
  /** Appendix attachments named by front matter `appendix:` (a file name or a list of them). */
  appendix?: { names: string[]; line: number };
  /** Whiteboard tags from front matter `whiteboard:` or a Bugzilla "(Whiteboard: [...])" line. */
  whiteboard?: { tags: string[]; from: 'front-matter' | 'text'; line: number };
  /** Problems with front matter keys and values (reported by the front-matter rules). */
  frontMatterIssues: FrontMatterIssue[];
}

export interface FrontMatterIssue {
  kind: 'unknown-key' | 'bad-value';
  key: string;
  /** What the value should be (bad-value) or the closest known key (unknown-key). */
  expected?: string;
  found?: string;
  line: number;
}

// ---------------------------------------------------------------- timeline (src/parse/timeline.ts)

/** A zone statement that covers a whole timeline: "All times are UTC+8.", "Timeline (All times are UTC+8)", a "Time (UTC)" column. */
export interface TimelineDeclaration {
  zone: import('./parse/timestamp.js').ZoneInfo;
  from: 'heading' | 'line' | 'table-header';
  /** Span of the zone text in the source. */
  span: Span;
  line: number;
  text: string;
}

/** One dated event of a Timeline section (v3/v2 `Timeline`, legacy question 2). */
export interface TimelineEntry {
  /** Line of the entry (first line; the row of a table). */
  line: number;
  /** Span of the entry's first line (or table row). */
  span: Span;
  /** Text of the entry's first line or row, as written. */
  raw: string;
  /** Text including continuation lines (for event keywords). */
  text: string;
  /** How the entry was written. */
  shape: 'line' | 'day-item' | 'day-header' | 'table' | 'prose';
  /** The parsed timestamp; its spans are relative to `base`. */
  timestamp: import('./parse/timestamp.js').ParsedTimestamp;
  /** Source offset that the timestamp's spans are relative to. */
  base: number;
  /** Span of the whole timestamp in the source. */
  at: Span;
  /** Instant in UTC; undefined when the entry has no date or the date is invalid. */
  instant: import('luxon').DateTime | undefined;
  precision: import('./parse/timestamp.js').Precision;
  /** Where the zone came from: the entry, a section statement, its day header, or nowhere. */
  zoneSource: import('./parse/timestamp.js').ZoneSource;
  /** Where the date came from: the entry, its day header, the entry before it (a bare time), or nowhere. */
  dateSource: 'entry' | 'day-header' | 'previous' | 'none';
}

export interface Timeline {
  block: ReportBlock;
  section: Section;
  entries: TimelineEntry[];
  /** Every day header ("2025-03-06:"), also those whose items carry the times and so are not entries themselves. */
  dayHeaders: TimelineEntry[];
  declarations: TimelineDeclaration[];
}
