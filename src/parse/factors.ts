/**
 * Root causes and lessons: the v3 Contributing Factor blocks, the root-cause
 * prose of v2, legacy (question 6) and closure reports, and the Lessons
 * Learned items. Derived from the IncidentReport on first use and memoised.
 */
import type { ContributingFactor, Field, IncidentReport, LessonItem, ReportBlock, RootCauseText, Section, SourceLine } from '../model.js';
import { derived } from './derived.js';
import { field, section } from './sections.js';
import { spanOf } from './positions.js';
import { isNotApplicable } from './text.js';

/**
 * "**Contributing Factor #1: title**", "#### Contributing Factor 2 - title",
 * "Contributing Factor #: title". Emphasis around parts of the line is ignored.
 */
const FACTOR_HEADING = /^[*_]{0,3}[ \t]*contributing[ \t]+factor[ \t]*(#)?[ \t]*(\d{1,3})?[ \t]*[*_]{0,3}[ \t]*([:.)\u2013\u2014-])?[ \t]*(.*)$/i;

/** The factor a line starts, if it is written as a factor heading. */
export function factorHeading(l: SourceLine): { number: number | undefined; title: string; titleOffset: number } | undefined {
  if (l.kind !== 'text') return undefined;
  const m = FACTOR_HEADING.exec(l.body);
  if (!m) return undefined;
  const hash = m[1] !== undefined;
  const digits = m[2];
  const sep = m[3];
  const headingLike = l.headingDepth !== undefined || /^[*_]{2}/.test(l.body) || l.body.trim() === m[0].trim() && (hash || digits !== undefined) && (sep !== undefined || (m[4] ?? '') === '');
  // Prose that happens to start with "Contributing factor" is not a heading.
  if (!headingLike && !(hash && sep === ':')) return undefined;
  if (!hash && digits === undefined && sep === undefined) return undefined;
  const rawTitle = m[4] ?? '';
  const title = rawTitle.replace(/^[*_\s]+|(?<![*_\s])[*_\s]+$/g, '');
  const titleOffset = l.body.length - rawTitle.length + (rawTitle.length - rawTitle.replace(/^[*_\s]+/, '').length);
  return { number: digits === undefined ? undefined : Number(digits), title, titleOffset };
}

/**
 * The items of `items` (in ascending `line` order) whose line lies in
 * lo..hi, by binary search: a section with thousands of factors must not
 * filter all its lines once per factor. Falls back to a filter when the items
 * are not in line order.
 */
function inLines<T extends { line: number }>(items: readonly T[], lo: number, hi: number): T[] {
  const first = (line: number): number => {
    let a = 0;
    let b = items.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if ((items[m] as T).line < line) a = m + 1;
      else b = m;
    }
    return a;
  };
  if (!sortedByLine(items)) return items.filter((x) => x.line >= lo && x.line <= hi);
  return items.slice(first(lo), first(hi + 1));
}

const sortedChecked = new WeakSet<readonly unknown[]>();
function sortedByLine(items: readonly { line: number }[]): boolean {
  if (sortedChecked.has(items)) return true;
  for (let i = 1; i < items.length; i++) if ((items[i] as { line: number }).line < (items[i - 1] as { line: number }).line) return false;
  sortedChecked.add(items);
  return true;
}

function factorsOfSection(report: IncidentReport, s: Section): ContributingFactor[] {
  const heads: Array<{ index: number; l: SourceLine; h: NonNullable<ReturnType<typeof factorHeading>> }> = [];
  s.bodyLines.forEach((l, index) => {
    const h = factorHeading(l);
    if (h) heads.push({ index, l, h });
  });
  return heads.map((hd, i) => {
    const next = heads[i + 1];
    const lastIndex = next ? next.index - 1 : s.bodyLines.length - 1;
    let last = lastIndex;
    while (last > hd.index && (s.bodyLines[last] as SourceLine).kind === 'blank') last--;
    const endLine = (s.bodyLines[last] as SourceLine).line;
    const fields: Field[] = inLines(s.fields, hd.l.line + 1, endLine);
    return {
      number: hd.h.number,
      title: hd.h.title,
      heading: { text: hd.l.body, span: spanOf(report.lineStarts, hd.l.bodyStart, hd.l.bodyStart + hd.l.body.length) },
      line: hd.l.line,
      endLine,
      fields,
    };
  });
}

/** Contributing factors of a block's Root Cause Analysis section (any template; v3 requires them). */
export function factorsOf(report: IncidentReport, block: ReportBlock): ContributingFactor[] {
  const all = derived(report, 'contributing-factors', () => {
    const map = new Map<ReportBlock, ContributingFactor[]>();
    for (const b of report.blocks) {
      const s = section(b, 'root-cause-analysis');
      map.set(b, s ? factorsOfSection(report, s) : []);
    }
    return map;
  });
  return all.get(block) ?? [];
}

/** The label "Contributing Factor #N" (or "Contributing Factor: title" when unnumbered), for messages. */
export function factorName(f: ContributingFactor): string {
  return f.number === undefined ? `Contributing Factor "${f.title}"` : `Contributing Factor #${f.number}`;
}

function linesOf(lines: SourceLine[]): RootCauseText['lines'] {
  return lines.filter((l) => l.kind === 'text' || l.kind === 'table').map((l) => ({ text: l.raw, start: l.start, line: l.line }));
}

/** Every unit of root-cause prose in the report, one per factor, section, legacy answer or closure field. */
export function rootCauseTexts(report: IncidentReport): RootCauseText[] {
  return derived(report, 'root-cause-texts', () => {
    const out: RootCauseText[] = [];
    for (const block of report.blocks) {
      const rca = section(block, 'root-cause-analysis');
      if (rca) {
        const factors = factorsOf(report, block);
        if (factors.length > 0) {
          for (const f of factors) {
            const lines = inLines(rca.bodyLines, f.line, f.endLine);
            out.push({ from: 'factor', name: factorName(f), text: lines.filter((l) => l.kind === 'text').map((l) => l.body).join('\n'), lines: linesOf(lines), line: f.line, factor: f });
          }
        } else if (rca.text.trim()) {
          out.push({ from: 'section', name: 'Root Cause Analysis', text: rca.text, lines: linesOf(rca.bodyLines), line: rca.headingSpan.line });
        }
      }
      const q6 = section(block, 'q6-explanation');
      if (q6 && q6.text.trim()) {
        out.push({ from: 'legacy-question', name: 'question 6 (how and why the mistakes were made)', text: q6.text, lines: linesOf(q6.bodyLines), line: q6.headingSpan.line });
      }
      const closure = section(block, 'closure');
      const rc = field(closure, 'incident-root-causes');
      if (closure && rc && rc.value) {
        const lines = closure.bodyLines.filter((l) => l.line >= rc.line && l.line <= rc.valueSpan.endLine);
        out.push({ from: 'closure-field', name: 'Incident Root Cause(s)', text: rc.value, lines: linesOf(lines), line: rc.line });
      }
    }
    return out;
  });
}

const LESSON_KEYS = new Set(['went-well', 'went-badly', 'got-lucky', 'lessons-other']);

/** Lessons Learned items: each bullet or paragraph under a lessons field, N/A left out. */
export function lessonItems(report: IncidentReport, block: ReportBlock): LessonItem[] {
  const all = derived(report, 'lesson-items', () => {
    const map = new Map<ReportBlock, LessonItem[]>();
    for (const b of report.blocks) {
      const s = section(b, 'lessons-learned');
      map.set(b, s ? lessonsOfSection(report, s) : []);
    }
    return map;
  });
  return all.get(block) ?? [];
}

function lessonsOfSection(report: IncidentReport, s: Section): LessonItem[] {
  const out: LessonItem[] = [];
  const fieldsHere = s.fields.filter((f) => LESSON_KEYS.has(f.spec.key));
  fieldsHere.forEach((f, i) => {
    const nextLine = fieldsHere[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    let cur: { start: number; end: number; parts: string[]; line: number } | undefined;
    const flush = (): void => {
      if (!cur) return;
      const text = cur.parts.join(' ').trim();
      if (text && !isNotApplicable(text)) out.push({ key: f.spec.key, text, span: spanOf(report.lineStarts, cur.start, cur.end), line: cur.line });
      cur = undefined;
    };
    if (f.value && f.valueSpan.line === f.line) {
      const firstLineEnd = report.source.indexOf('\n', f.valueSpan.start);
      const end = firstLineEnd < 0 || firstLineEnd > f.valueSpan.end ? f.valueSpan.end : firstLineEnd;
      cur = { start: f.valueSpan.start, end, parts: [report.source.slice(f.valueSpan.start, end)], line: f.line };
    }
    for (const l of s.bodyLines) {
      if (l.line <= f.line || l.line >= nextLine) continue;
      if (l.kind === 'blank') {
        flush();
        continue;
      }
      if (l.kind !== 'text') continue;
      if (l.bullet !== undefined || !cur) {
        flush();
        cur = { start: l.bodyStart, end: l.bodyStart + l.body.length, parts: [l.body], line: l.line };
      } else {
        cur.parts.push(l.body);
        cur.end = l.bodyStart + l.body.length;
      }
    }
    flush();
  });
  return out;
}
