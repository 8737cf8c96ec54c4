/**
 * Read-only helpers over the IncidentReport model, shared by rules.
 */
import type { Field, IncidentReport, ReportBlock, Section, Span } from './model.js';
import type { TemplateId } from './templates.js';
import type { ReportLocation } from './types.js';

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

export function section(block: ReportBlock, key: string): Section | undefined {
  return block.sections.find((s) => s.spec.key === key);
}

export function fields(sectionOrUndefined: Section | undefined, key: string): Field[] {
  return sectionOrUndefined ? sectionOrUndefined.fields.filter((f) => f.spec.key === key) : [];
}

export function field(sectionOrUndefined: Section | undefined, key: string): Field | undefined {
  return sectionOrUndefined?.fields.find((f) => f.spec.key === key);
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

/** Memoise a derived model on the report (parsed once per file). */
export function derived<T>(report: IncidentReport, key: string, compute: () => T): T {
  if (report.cache.has(key)) return report.cache.get(key) as T;
  const value = compute();
  report.cache.set(key, value);
  return value;
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
