/**
 * Read-only helpers over the IncidentReport model, shared by rules.
 */
import type { IncidentReport, ReportBlock, Section, Span } from './model.js';
import type { TemplateId } from './templates.js';
import type { ReportLocation } from './types.js';
import { derived } from './parse/derived.js';

export { derived };
export { field, fields, section } from './parse/sections.js';

/** A span as a report location (offsets). */
export function at(span: Span): ReportLocation {
  return { start: span.start, end: span.end };
}

/** A whole line as a report location. */
export function atLine(line: number): ReportLocation {
  return { line };
}

export function blocksOf(report: IncidentReport, ...templates: TemplateId[]): ReportBlock[] {
  return templates.length === 0 ? report.blocks : report.blocks.filter((b) => templates.includes(b.template));
}

/** All sections of all blocks with the given key. */
export function sectionsNamed(report: IncidentReport, key: string): Array<{ block: ReportBlock; section: Section }> {
  const out: Array<{ block: ReportBlock; section: Section }> = [];
  for (const block of report.blocks) for (const s of block.sections) if (s.spec.key === key) out.push({ block, section: s });
  return out;
}

/** A human name for a block's template, for messages. */
export function templateName(block: ReportBlock): string {
  return block.spec.name;
}

/** An HTML block that is never closed, so that it runs to the end of the file. */
export interface UnclosedHtml {
  /** Line of the opener. */
  line: number;
  /** Offset of the opener (`<!--`, `<script`, ...). */
  start: number;
  /** The opener as written, e.g. `<!--` or `<pre`. */
  opener: string;
  /** What closes it: `-->`, `</pre>`, `?>`, `]]>`, `>`. */
  closer: string;
  /** Last non-blank line of the file, where the block ends. */
  endLine: number;
}

/**
 * CommonMark HTML blocks that end only at their end marker (kinds 1 to 5:
 * `<script>`, `<pre>`, `<style>`, `<textarea>`, a comment, `<?`, a
 * declaration, CDATA). When the marker never comes, the block takes the rest
 * of the file: every heading after it is HTML, invisible when rendered.
 */
const HTML_OPENERS: ReadonlyArray<{ re: RegExp; closer: (opener: string) => string }> = [
  { re: /^<!--/, closer: () => '-->' },
  { re: /^<(script|pre|style|textarea)(?=[\s>]|$)/i, closer: (o) => `</${o.slice(1).toLowerCase()}>` },
  { re: /^<\?/, closer: () => '?>' },
  { re: /^<!\[CDATA\[/, closer: () => ']]>' },
  { re: /^<![A-Za-z]/, closer: () => '>' },
];

/**
 * The first HTML block that swallows the rest of the file: its opener starts
 * an HTML line, its end marker appears nowhere after it, and every line from
 * it to the end of the file is HTML (or blank). Linear: one pass over the
 * lines, and one search per kind of end marker.
 */
export function unclosedHtml(report: IncidentReport): UnclosedHtml | undefined {
  return derived(report, 'unclosedHtml', () => {
    const lines = report.lines;
    // Lines from `tail` to the end are all HTML or blank.
    let tail = lines.length;
    while (tail > 0 && (lines[tail - 1]?.kind === 'html' || lines[tail - 1]?.kind === 'blank')) tail--;
    const lastCloser = new Map<string, number>();
    // Lowered only when an HTML opener is found (most reports have none at their end).
    let lower: string | undefined;
    for (let i = tail; i < lines.length; i++) {
      const l = lines[i] as (typeof lines)[number];
      if (l.kind !== 'html') continue;
      const lead = /^(?:[ \t]*>)*[ \t]*/.exec(l.raw)?.[0].length ?? 0;
      const rest = l.raw.slice(lead);
      for (const { re, closer } of HTML_OPENERS) {
        const m = re.exec(rest);
        if (!m) continue;
        const close = closer(m[0]);
        const start = l.start + lead;
        if (!lastCloser.has(close)) lastCloser.set(close, (lower ??= report.source.toLowerCase()).lastIndexOf(close));
        const last = lastCloser.get(close) as number;
        // `<!-->` and `<!--->` close themselves (CommonMark).
        const bodyFrom = start + m[0].length - (close === '-->' ? 2 : 0);
        if (last < bodyFrom) {
          let endLine = lines.length;
          while (endLine > l.line && (lines[endLine - 1]?.raw.trim() ?? '') === '') endLine--;
          return { line: l.line, start, opener: m[0], closer: close, endLine };
        }
        break;
      }
    }
    return undefined;
  });
}

/**
 * True when the file is a copy of Bugzilla's rendered page rather than
 * Markdown source: no Markdown mark at all (no `#` heading, no `-`/`*` list
 * marker, no emphasis, no fenced code, no Markdown table, no link). Headings
 * are bare lines there, bullets `•`, tables space-separated or pipe lines
 * as the page showed them, so a rendering defect is not the author's.
 */
export function isRenderedCopy(report: IncidentReport): boolean {
  return derived(report, 'renderedCopy', () => {
    if (report.tables.some((t) => t.kind === 'gfm')) return false;
    let text = 0;
    for (const l of report.lines) {
      if (l.kind === 'code') return false;
      if (l.kind !== 'text') continue;
      text++;
      if (l.headingDepth !== undefined) return false;
      if (l.bullet !== undefined && /^[-*+]$/.test(l.bullet)) return false;
      const b = l.body;
      if (b.includes('**') || b.includes('__') || b.includes('](')) return false;
    }
    return text > 0;
  });
}
