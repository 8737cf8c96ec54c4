/**
 * Timeline entries of each report's Timeline section (v3 Full and v2
 * `Timeline`, legacy question 2), in every shape real reports use:
 *
 * - a section-level zone statement ("All times are UTC+8.", a heading
 *   "Timeline (All times are UTC+8)", a "Time (UTC)" column, a rendered header
 *   line "YYYY-MM-DD (UTC) Description");
 * - `YYYY-MM-DD:` day headers with `- HH:MM event` items;
 * - one timestamp per line (`2024-03-05 10:18 UTC event`, `08.10.2019 20:50 UTC – event`,
 *   `July 29, 2024 22:36 – event`), lines of a table copied from a rendered page;
 * - Markdown tables with a Time/Date column (and an optional separate Time column);
 * - prose ("At 9:30 on June 3, 2022, we received ...") when the section has
 *   fewer than two lines that start with a timestamp.
 *
 * Lines without a timestamp after an entry continue it.
 */
import type { IncidentReport, Section, SourceLine, Table, Timeline, TimelineDeclaration, TimelineEntry } from '../model.js';
import { derived } from './derived.js';
import { spanOf } from './positions.js';
import { canonicalForm, findZone, parseTimestamp, type ParsedTimestamp, type TimestampContext, type ZoneInfo } from './timestamp.js';

/** Section keys that hold a report's timeline. */
export const TIMELINE_SECTION_KEYS = ['timeline', 'q2-timeline'] as const;

/** What may stand before a timestamp that starts an entry: bullets, emphasis, "At", "On", "As of". */
// Written as A*(?:word[ \t]B*)?$ rather than A*(?:word[ \t]+)?B*$ (the same language, as B ⊂ A and [ \t] ⊂ B): the overlapping runs made it quadratic.
const LEADING_PREFIX = /^[\s*_>\[(~\u2022\u00b7\-\u2013\u2014]*(?:(?:on|at|as of|approx(?:imately|\.)?|around|about|since|from|by|between|ca\.|circa)[ \t][\s*_(~]*)?$/i;
/** What may stand around the date of a day header: emphasis, a colon, a weekday in parentheses. */
const HEADER_REST = /^[\s*_:.,)(\-\u2013\u2014]*$/;
/** A line after the entries that states the zone: "All times are in UTC", "Times: UTC". */
const LATE_DECLARATION = /\b(?:times?|timestamps?|time ?zone)\b/i;
const DECLARATION_WORDS = /\b(?:all|times?|timestamps?|dates?|hours?|time ?zone|zone|yyyy|hh:mm|utc|gmt|offset)\b/i;

interface LineParse {
  l: SourceLine;
  ts: ParsedTimestamp | undefined;
  leading: boolean;
  header: boolean;
}

function isLeading(body: string, ts: ParsedTimestamp): boolean {
  return LEADING_PREFIX.test(body.slice(0, ts.span[0]));
}

function isDayHeader(body: string, ts: ParsedTimestamp): boolean {
  if (!ts.date || ts.time) return false;
  if (!isLeading(body, ts)) return false;
  let rest = body.slice(ts.span[1]);
  const z = findZone(rest);
  if (z) rest = rest.slice(0, z.span[0]) + rest.slice(z.span[1]);
  rest = rest.replace(/\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)/i, '');
  return HEADER_REST.test(rest);
}

function declarationFrom(text: string, base: number, report: IncidentReport, line: number, from: TimelineDeclaration['from']): TimelineDeclaration | undefined {
  const z = findZone(text);
  if (!z) return undefined;
  if (from === 'line' && !(DECLARATION_WORDS.test(text) || text.trim().length <= 40 || /\(\s*[^)]{1,12}\)/.test(text))) return undefined;
  const zone: ZoneInfo = { ...z };
  delete (zone as { span?: unknown }).span;
  return { zone, from, span: spanOf(report.lineStarts, base + z.span[0], base + z.span[1]), line, text: text.trim() };
}

function dateOf(ts: ParsedTimestamp | undefined): { year: number; month: number; day: number } | undefined {
  if (!ts?.date || ts.date.year === undefined || ts.invalidDate || ts.ambiguousDate) {
    if (ts?.instant && ts.date?.year !== undefined) return { year: ts.date.year, month: ts.date.month, day: ts.date.day };
    return undefined;
  }
  return { year: ts.date.year, month: ts.date.month, day: ts.date.day };
}

function zoneContext(ctx: TimestampContext, zone: ZoneInfo | undefined, source: 'section' | 'day-header'): void {
  if (zone) {
    ctx.zone = zone;
    ctx.zoneSource = source;
  }
}

function makeEntry(
  report: IncidentReport,
  l: { line: number; start: number; end: number; raw: string },
  shape: TimelineEntry['shape'],
  ts: ParsedTimestamp,
  base: number,
  dateSource: TimelineEntry['dateSource'],
): TimelineEntry {
  return {
    line: l.line,
    span: spanOf(report.lineStarts, l.start, l.end),
    raw: l.raw,
    text: l.raw,
    shape,
    timestamp: ts,
    base,
    at: spanOf(report.lineStarts, base + ts.span[0], base + ts.span[1]),
    instant: ts.instant,
    precision: ts.precision,
    zoneSource: ts.zoneSource,
    dateSource,
  };
}

/** Table columns: the date (or time) column, a separate time column, if any. */
function tableColumns(t: Table): { date: number; time?: number } | undefined {
  const heads = t.header.cells.map((c) => c.text.replace(/[*_`]/g, '').trim().toLowerCase());
  const dateIdx = heads.findIndex((h) => /\b(?:date|when|timestamp|date\/time|datetime)\b/.test(h));
  const timeIdx = heads.findIndex((h, i) => i !== dateIdx && /\btime\b/.test(h));
  if (dateIdx >= 0) return timeIdx >= 0 ? { date: dateIdx, time: timeIdx } : { date: dateIdx };
  if (timeIdx >= 0) return { date: timeIdx };
  // No header says so: a first column whose cells are timestamps.
  const firsts = t.rows.filter((r) => r.cells[0] && parseTimestamp(r.cells[0].text)?.date);
  return t.rows.length > 0 && firsts.length * 2 >= t.rows.length ? { date: 0 } : undefined;
}

function readTimeline(report: IncidentReport, block: Timeline['block'], section: Section): Timeline {
  const entries: TimelineEntry[] = [];
  const declarations: TimelineDeclaration[] = [];

  // Heading: "Timeline (All times are UTC+8)". A legacy question heading is the question text: no zone there.
  const hd = declarationFrom(section.heading, section.headingSpan.start, report, section.headingSpan.line, 'heading');
  if (hd && section.headingStyle !== 'implicit' && section.headingStyle !== 'question') declarations.push(hd);

  // Lines that belong to a table are read from the table.
  const tableLines = new Set<number>();
  for (const t of section.tables) for (let n = t.span.line; n <= t.span.endLine; n++) tableLines.add(n);

  const parsed: LineParse[] = [];
  for (const l of section.bodyLines) {
    if (l.kind !== 'text' || tableLines.has(l.line)) continue;
    const ts = parseTimestamp(l.body);
    const leading = ts !== undefined && isLeading(l.body, ts);
    parsed.push({ l, ts, leading, header: ts !== undefined && isDayHeader(l.body, ts) });
  }
  const leadingCount = parsed.filter((p) => p.leading).length;
  const proseStyle = leadingCount < 2;
  const isEntryLine = (p: LineParse): boolean =>
    p.ts !== undefined && (p.leading || (proseStyle && p.ts.date !== undefined && (p.ts.date.year !== undefined || p.ts.time !== undefined)));

  // Zone statements on lines without a timestamp: before the first entry, or "All times ..." anywhere.
  let seenEntry = false;
  for (const p of parsed) {
    if (isEntryLine(p)) {
      seenEntry = true;
      continue;
    }
    if (p.ts) continue;
    if (seenEntry && !LATE_DECLARATION.test(p.l.body)) continue;
    const d = declarationFrom(p.l.body, p.l.bodyStart, report, p.l.line, 'line');
    if (d) declarations.push(d);
  }
  const sectionZoneAt = (line: number): ZoneInfo | undefined => {
    const before = declarations.filter((d) => d.from !== 'table-header' && d.line <= line);
    const pick = before[before.length - 1] ?? declarations.find((d) => d.from !== 'table-header');
    return pick?.zone;
  };

  // Lines.
  let dayHeader: { ts: ParsedTimestamp; p: LineParse; zone?: ZoneInfo; used: boolean; entry?: TimelineEntry } | undefined;
  let lastDate: { year: number; month: number; day: number } | undefined;
  let lastYear: number | undefined;
  let current: TimelineEntry | undefined;
  let currentLast = 0;
  const dayHeaders: TimelineEntry[] = [];
  const flushHeader = (): void => {
    // A day header whose items carry no time of day is itself the (date-only) entry.
    if (dayHeader && !dayHeader.used && dayHeader.entry) entries.push(dayHeader.entry);
    dayHeader = undefined;
  };

  for (const p of parsed) {
    const l = p.l;
    const lineRef = { line: l.line, start: l.bodyStart, end: l.bodyStart + l.body.length, raw: l.body };
    if (p.header && p.ts) {
      flushHeader();
      const ctx: TimestampContext = {};
      if (lastYear !== undefined) ctx.year = lastYear;
      let rest = l.body.slice(p.ts.span[1]);
      const hz = findZone(rest);
      zoneContext(ctx, hz ? { ...hz } : sectionZoneAt(l.line), hz ? 'day-header' : 'section');
      const ts = parseTimestamp(l.body, ctx) as ParsedTimestamp;
      if (hz) {
        // A zone on the header ("2024-03-05 (UTC):") is the entry's own for the header entry.
        ts.zoneSource = 'day-header';
      }
      const entry = makeEntry(report, lineRef, 'day-header', ts, l.bodyStart, 'entry');
      dayHeaders.push(entry);
      dayHeader = { ts, p, used: false, entry };
      if (hz) dayHeader.zone = { ...hz };
      const d = dateOf(ts);
      if (d) {
        lastDate = d;
        lastYear = d.year;
      }
      current = entry;
      currentLast = l.line;
      rest = '';
      continue;
    }
    if (isEntryLine(p) && p.ts) {
      const ctx: TimestampContext = {};
      const ownDate = p.ts.date !== undefined;
      let dateSource: TimelineEntry['dateSource'] = ownDate ? 'entry' : 'none';
      if (!ownDate) {
        const hd2 = dayHeader ? dateOf(dayHeader.ts) : undefined;
        if (dayHeader && hd2) {
          ctx.date = hd2;
          dateSource = 'day-header';
        } else if (lastDate) {
          ctx.date = lastDate;
          dateSource = 'previous';
        }
      }
      if (lastYear !== undefined) ctx.year = lastYear;
      if (dayHeader?.zone) zoneContext(ctx, dayHeader.zone, 'day-header');
      else zoneContext(ctx, sectionZoneAt(l.line), 'section');
      const ts = parseTimestamp(l.body, ctx) as ParsedTimestamp;
      const shape: TimelineEntry['shape'] = !p.leading ? 'prose' : dateSource === 'day-header' ? 'day-item' : 'line';
      const entry = makeEntry(report, lineRef, shape, ts, l.bodyStart, dateSource);
      if (dayHeader && (p.ts.time !== undefined || !ownDate)) dayHeader.used = true;
      if (ownDate && dayHeader && p.ts.time === undefined) dayHeader.used = true;
      entries.push(entry);
      current = entry;
      currentLast = l.line;
      const d = ownDate ? dateOf(ts) : undefined;
      if (d) {
        lastDate = d;
        lastYear = d.year;
      }
      continue;
    }
    // Continuation lines belong to the entry above them; a separate paragraph (after a blank line) does not.
    if (current && l.line === currentLast + 1) {
      current.text += `\n${l.body}`;
      currentLast = l.line;
    } else {
      current = undefined;
    }
  }
  flushHeader();

  // Tables.
  for (const t of section.tables) {
    const cols = tableColumns(t);
    if (!cols) continue;
    const header = t.header.cells;
    for (const idx of [cols.date, cols.time]) {
      if (idx === undefined) continue;
      const cell = header[idx];
      if (!cell) continue;
      const d = declarationFrom(cell.text, cell.span.start, report, t.header.line, 'table-header');
      if (d) declarations.push(d);
    }
    const headerZone = declarations.find((d) => d.from === 'table-header' && d.line === t.header.line)?.zone;
    let lastTableDate: { year: number; month: number; day: number } | undefined;
    for (const row of t.rows) {
      const dc = row.cells[cols.date];
      if (!dc || dc.text === '') continue;
      const ctx: TimestampContext = {};
      if (lastYear !== undefined) ctx.year = lastYear;
      zoneContext(ctx, headerZone ?? sectionZoneAt(row.line), 'section');
      let ts = parseTimestamp(dc.text, ctx);
      let base = dc.span.start;
      let dateSource: TimelineEntry['dateSource'] = ts?.date ? 'entry' : 'none';
      const tc = cols.time !== undefined ? row.cells[cols.time] : undefined;
      if (tc && tc.text !== '' && ts?.date && !ts.time) {
        // Separate Date and Time columns: read the time with the row's date.
        const d = dateOf(ts);
        const tctx: TimestampContext = { ...ctx };
        if (d) tctx.date = d;
        const tts = parseTimestamp(tc.text, tctx);
        if (tts?.time) {
          // Merge: spans relative to the date cell's start.
          const shift = tc.span.start - base;
          const merged: ParsedTimestamp = {
            ...tts,
            span: [ts.span[0], shift + tts.span[1]],
            time: { ...tts.time, span: [shift + tts.time.span[0], shift + tts.time.span[1]] },
          };
          if (ts.date) merged.date = ts.date;
          if (tts.zone) merged.zone = { ...tts.zone, span: [shift + tts.zone.span[0], shift + tts.zone.span[1]] };
          merged.ambiguousDate = ts.ambiguousDate;
          merged.missingYear = ts.missingYear;
          if (ts.isoDate) merged.isoDate = ts.isoDate;
          ts = merged;
        }
      } else if (ts && !ts.date) {
        if (lastTableDate) {
          const again = parseTimestamp(dc.text, { ...ctx, date: lastTableDate });
          if (again) ts = again;
          dateSource = 'previous';
        }
      }
      if (!ts) continue;
      const rowRef = { line: row.line, start: row.span.start, end: row.span.end, raw: report.source.slice(row.span.start, row.span.end) };
      const entry = makeEntry(report, rowRef, 'table', ts, base, dateSource);
      entry.text = row.cells.map((c) => c.text).join(' | ');
      entries.push(entry);
      const d = dateOf(ts);
      if (d && ts.date) {
        lastTableDate = d;
        lastYear = d.year;
      }
      base = 0;
    }
  }

  entries.sort((a, b) => a.at.start - b.at.start);
  declarations.sort((a, b) => a.span.start - b.span.start);
  return { block, section, entries, dayHeaders, declarations };
}

/** Every timeline of the report (one per Timeline section), computed once per file. */
export function timelines(report: IncidentReport): Timeline[] {
  return derived(report, 'timelines', () => {
    const out: Timeline[] = [];
    for (const block of report.blocks) {
      for (const s of block.sections) {
        if ((TIMELINE_SECTION_KEYS as readonly string[]).includes(s.spec.key)) out.push(readTimeline(report, block, s));
      }
      // An IRG 2.0 preliminary report has no Timeline heading: the lines of its text that start with a timestamp are its timeline.
      if (block.template === 'ccadb-v2-preliminary' && block.sections[0]) {
        const t = readTimeline(report, block, block.sections[0]);
        // Prose that mentions a date ("On 2024-05-02 at 14:20 UTC we learned ...") is the summary, not an entry.
        t.entries = t.entries.filter((e) => e.shape !== 'prose' && e.at.start === e.base);
        if (t.entries.length > 0) out.push(t);
      }
    }
    return out;
  });
}

/** The timestamp of an entry as written in the source. */
export function writtenTimestamp(report: IncidentReport, e: TimelineEntry): string {
  return report.source.slice(e.at.start, e.at.end).replace(/\s+/g, ' ').trim();
}

/** The entry's instant in the template's form ("2024-03-05 10:18 UTC"), or a placeholder date with its time. */
export function exampleForm(e: TimelineEntry): string {
  const c = canonicalForm(e.timestamp);
  if (c) {
    if (e.precision === 'date') return `${c} 14:30 UTC`;
    if (e.precision === 'hour') return c.replace(/ UTC$/, ' UTC');
    return c;
  }
  const t = e.timestamp.time;
  const hhmm = t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute ?? 0).padStart(2, '0')}` : '14:30';
  return `YYYY-MM-DD ${hhmm} UTC`;
}
