/**
 * Lines → report blocks → sections → fields.
 *
 * A file may hold several reports (a Preliminary then a Full report, a report
 * then its Closure Summary, a whole bug thread pasted as text). Each block
 * starts at a report heading (or at the first of the seven legacy questions,
 * or at a run of known section headings) and ends at the next block, at
 * Bugzilla thread noise ("Flags: …", "(In reply to …)") or at the end.
 */
import type { ReportBlock, Section, SourceLine, Table } from '../model.js';
import { TEMPLATES, type SectionSpec, type TemplateId, type TemplateSpec } from '../templates.js';
import { spanOf } from './positions.js';
import { norm, normTitle, stripTitleNote } from './text.js';
import { readFields } from './fields.js';
import { headingCandidate, headingLike, isNoise, reportHeadingOf } from './headings.js';
import { combinedQuestions, LEGACY, legacyQuestionOf, questionLines, splitQuestionLine } from './legacy.js';

function titleKeys(s: SectionSpec): string[] {
  return [s.title, ...(s.aliases ?? [])].map((t) => normTitle(t));
}

const FALLBACK_TITLES = new Map<string, string>();
for (const id of ['ccadb-v3-full', 'ccadb-v2'] as const) {
  for (const s of TEMPLATES[id].sections) for (const k of titleKeys(s)) FALLBACK_TITLES.set(k, s.key);
}

function sectionTitleMatch(text: string, sections: SectionSpec[]): SectionSpec | undefined {
  const t = normTitle(text);
  const stripped = stripTitleNote(t);
  for (const s of sections) {
    const keys = titleKeys(s);
    if (keys.includes(t) || keys.includes(stripped)) return s;
  }
  return undefined;
}

interface BlockStart {
  index: number;
  kind: TemplateId | 'incident-report' | 'legacy' | 'sections';
}

/**
 * An IRG 2.0-era first report says what it is: "This is a preliminary report",
 * "Preliminary report.", "... a full incident report will follow by ...".
 */
const SAYS_PRELIMINARY = /\bthis\s+(?:is\s+(?:a|an|our)\s+)?(?:initial\s+(?:and\s+)?)?preliminary\s+(?:incident\s+)?report\b/i;
const STARTS_PRELIMINARY = /^(?:this\s+is\s+(?:a|an|our)\s+)?(?:initial\s+and\s+)?preliminary\s+(?:incident\s+)?report\b/i;

/** Lines (text only) of a block after its start, up to `limit` of them. */
function saysPreliminary(lines: SourceLine[], from: number, end: number, limit: number): boolean {
  let seen = 0;
  for (let i = from; i < end && seen < limit; i++) {
    const l = lines[i] as SourceLine;
    if (l.kind !== 'text') continue;
    seen++;
    // The report says what it is ("This is a preliminary report"); "see the preliminary report" refers to another.
    if (SAYS_PRELIMINARY.test(l.body) || STARTS_PRELIMINARY.test(l.body.trim())) return true;
  }
  return false;
}

/** Find where blocks start and end, then read each block's sections and fields. */
const TEMPLATE_INTRO = /\btemplate\b[^.!?\n]{0,40}:[ \t]*$/i;

/** The line before a report heading (blank lines skipped) introduces a template quoted for the reader. */
function introducesTemplate(lines: SourceLine[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const l = lines[j] as SourceLine;
    if (l.kind === 'blank') continue;
    return l.kind === 'text' && TEMPLATE_INTRO.test(l.body);
  }
  return false;
}

export function segment(lines: SourceLine[], lineStarts: number[], allTables: Table[], forced?: TemplateId): ReportBlock[] {
  const starts: BlockStart[] = [];
  const ends = new Set<number>();
  let current: BlockStart['kind'] | undefined;
  let fallbackRun: { index: number; seen: Set<string> } | undefined;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (l.kind !== 'text') continue;
    if (isNoise(l)) {
      ends.add(i);
      current = undefined;
      fallbackRun = undefined;
      continue;
    }
    const rh = reportHeadingOf(l);
    if (rh && introducesTemplate(lines, i)) {
      // "Here is a markdown template if needed:" — a reviewer quoting the template, not a report.
      ends.add(i);
      current = undefined;
      fallbackRun = undefined;
      continue;
    }
    if (rh) {
      starts.push({ index: i, kind: rh });
      current = rh;
      fallbackRun = undefined;
      continue;
    }
    if (current !== 'legacy' && current !== 'incident-report') {
      const q = legacyQuestionOf(l, false) ?? (current === undefined && splitQuestionLine(l).filter((p) => legacyQuestionOf(p, true)).length >= 2 ? LEGACY.sections[0] : undefined);
      if (q && current === undefined) {
        starts.push({ index: i, kind: 'legacy' });
        current = 'legacy';
        continue;
      }
    }
    if (current === undefined) {
      const hc = headingCandidate(l);
      if (hc) {
        const t = normTitle(hc.text);
        const key = FALLBACK_TITLES.get(t) ?? FALLBACK_TITLES.get(stripTitleNote(t));
        if (key) {
          if (!fallbackRun) fallbackRun = { index: i, seen: new Set() };
          fallbackRun.seen.add(key);
          if (fallbackRun.seen.size === 3) {
            starts.push({ index: fallbackRun.index, kind: 'sections' });
            current = 'sections';
          }
        }
      }
    }
  }
  if (starts.length === 0 && !forced) {
    // No template heading and no questions: an IRG 2.0-era preliminary report that opens by saying so.
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as SourceLine;
      if (l.kind === 'text' && !isNoise(l) && STARTS_PRELIMINARY.test(l.body.trim())) {
        starts.push({ index: i, kind: 'ccadb-v2-preliminary' });
        break;
      }
    }
  }
  starts.sort((a, b) => a.index - b.index);

  const blocks: ReportBlock[] = [];
  for (let s = 0; s < starts.length; s++) {
    const st = starts[s] as BlockStart;
    const nextStart = s + 1 < starts.length ? (starts[s + 1] as BlockStart).index : lines.length;
    let end = nextStart;
    for (let i = st.index + 1; i < nextStart; i++) {
      if (ends.has(i)) {
        end = i;
        break;
      }
    }
    const block = buildBlock(lines, lineStarts, allTables, st, end, forced);
    if (block) blocks.push(block);
  }

  if (blocks.length === 0 && forced) {
    const first = lines.findIndex((l) => l.kind === 'text');
    if (first >= 0) {
      const b = buildBlock(lines, lineStarts, allTables, { index: first, kind: forced }, lines.length, forced, true);
      if (b) blocks.push(b);
    }
  }
  return blocks;
}

function resolveTemplate(lines: SourceLine[], st: BlockStart, end: number): { id: TemplateId; by: ReportBlock['detectedBy'] } | undefined {
  if (st.kind === 'legacy') {
    // One question-like sentence in prose is not a report: ask for two.
    const seen = new Set<string>();
    for (let i = st.index; i < end && seen.size < 2; i++) {
      for (const part of splitQuestionLine(lines[i] as SourceLine)) {
        const q = legacyQuestionOf(part, true);
        if (q) seen.add(q.key);
      }
    }
    return seen.size >= 2 ? { id: 'mozilla-legacy', by: 'questions' } : undefined;
  }
  if (st.kind === 'ccadb-v2-preliminary') {
    // Seven questions below the opening sentence make it a legacy report.
    const seen = new Set<string>();
    for (let i = st.index; i < end && seen.size < 2; i++) {
      for (const part of splitQuestionLine(lines[i] as SourceLine)) {
        const q = legacyQuestionOf(part, true);
        if (q) seen.add(q.key);
      }
    }
    return seen.size >= 2 ? { id: 'mozilla-legacy', by: 'questions' } : { id: 'ccadb-v2-preliminary', by: 'sections' };
  }
  if (st.kind !== 'incident-report' && st.kind !== 'sections') return { id: st.kind, by: 'heading' };
  // "Incident Report": v2 sections, or the seven questions under that heading.
  const v2 = new Set<string>();
  const v3only = { related: false, ccadbId: false };
  const questions = new Set<string>();
  for (let i = st.kind === 'sections' ? st.index : st.index + 1; i < end; i++) {
    const l = lines[i] as SourceLine;
    const hc = headingCandidate(l);
    if (hc) {
      const t = normTitle(hc.text);
      const key = FALLBACK_TITLES.get(t) ?? FALLBACK_TITLES.get(stripTitleNote(t));
      if (key) v2.add(key);
      if (key === 'related-incidents') v3only.related = true;
    }
    if (l.kind === 'text' && /ccadb unique id/i.test(l.body)) v3only.ccadbId = true;
    for (const part of splitQuestionLine(l)) {
      const q = legacyQuestionOf(part, true);
      if (q) questions.add(q.key);
    }
  }
  const by = st.kind === 'sections' ? 'sections' : 'heading';
  if (st.kind === 'sections') {
    if (v2.size < 3) return undefined;
    return { id: v3only.related || v3only.ccadbId ? 'ccadb-v3-full' : 'ccadb-v2', by };
  }
  if (questions.size > v2.size && (questions.size >= 2 || v2.size === 0)) return { id: 'mozilla-legacy', by: 'questions' };
  if (v3only.related && v3only.ccadbId) return { id: 'ccadb-v3-full', by: 'sections' };
  // "Incident Report" over an executive summary that says it is preliminary: the IRG 2.0 first report.
  if (v2.size <= 2 && saysPreliminary(lines, st.index + 1, end, 6)) return { id: 'ccadb-v2-preliminary', by };
  return { id: 'ccadb-v2', by };
}

function buildBlock(
  lines: SourceLine[],
  lineStarts: number[],
  allTables: Table[],
  st: BlockStart,
  end: number,
  forced?: TemplateId,
  wholeFile = false,
): ReportBlock | undefined {
  const resolved = forced ? { id: forced, by: 'forced' as const } : resolveTemplate(lines, st, end);
  if (!resolved) return undefined;
  const spec = TEMPLATES[resolved.id];
  const headLine = lines[st.index] as SourceLine;
  // A block found by questions or by a section run starts at that line (it is also the first section).
  const headingIsSection = wholeFile || st.kind === 'legacy' || st.kind === 'sections' || st.kind === 'ccadb-v2-preliminary';
  const bodyFrom = headingIsSection ? st.index : st.index + 1;
  // Trim trailing blank lines.
  let last = end - 1;
  while (last > bodyFrom && (lines[last] as SourceLine).kind === 'blank') last--;
  const blockLines = lines.slice(bodyFrom, Math.max(bodyFrom, last + 1));
  const atxDepth = headLine.headingDepth;

  const headingSpan = spanOf(lineStarts, headLine.bodyStart, headLine.bodyStart + headLine.body.length);
  const block: ReportBlock = {
    template: spec.id,
    spec,
    detectedBy: resolved.by,
    headingSpan,
    heading: headLine.body,
    startLine: headLine.line,
    endLine: (blockLines[blockLines.length - 1] ?? headLine).line,
    sections: [],
    lines: blockLines,
  };

  // A Markdown heading at or above the report heading's level ends the block.
  if (atxDepth !== undefined && !headingIsSection) {
    const cut = blockLines.findIndex((l) => l.headingDepth !== undefined && l.headingDepth <= atxDepth && !sectionTitleMatch(l.body, spec.sections));
    if (cut >= 0) {
      block.lines = blockLines.slice(0, cut);
      block.endLine = (block.lines[block.lines.length - 1] ?? headLine).line;
    }
  }

  block.sections = readSections(block, spec, lineStarts, allTables, headLine);
  return block;
}

/** The first text line after line `i`, normalised. */
function nextText(lines: SourceLine[], i: number): string | undefined {
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const l = lines[j] as SourceLine;
    if (l.kind === 'blank') continue;
    return l.kind === 'text' || l.kind === 'table' ? norm(l.body.slice(0, 200)) : undefined;
  }
  return undefined;
}

/**
 * A repeated section title on a line of its own is the section pasted again
 * when it stands alone (blank lines around it) and the line after it is the
 * one that followed the first, or is one of the section's field labels.
 */
function pastedAgain(lines: SourceLine[], first: number, i: number, s: SectionSpec): boolean {
  const before = lines[i - 1];
  const after = lines[i + 1];
  if ((before && before.kind !== 'blank') || (after && after.kind !== 'blank')) return false;
  const next = nextText(lines, i);
  if (next === undefined || next === '') return false;
  if (next === nextText(lines, first)) return true;
  return (s.fields ?? []).some((f) => next.startsWith(norm(f.label)));
}

function readSections(block: ReportBlock, spec: TemplateSpec, lineStarts: number[], allTables: Table[], headLine: SourceLine): Section[] {
  const marks: Array<{ at: number; spec: SectionSpec; style: Section['headingStyle'] }> = [];
  const collapsed = new Set<SourceLine>();
  const lines = spec.id === 'mozilla-legacy' ? questionLines(block.lines, collapsed) : block.lines;
  const implicit = spec.sections.find((s) => s.implicit);
  if (implicit) {
    marks.push({ at: -1, spec: implicit, style: 'implicit' });
  } else if (spec.id === 'mozilla-legacy') {
    const seen = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as SourceLine;
      // "4 and 5. Summary and data of the certificates": one heading answers both questions.
      const combined = combinedQuestions(l);
      if (combined) {
        for (const q of combined) {
          if (seen.has(q.key)) continue;
          seen.add(q.key);
          marks.push({ at: i, spec: q, style: 'question' });
        }
        continue;
      }
      const q = legacyQuestionOf(l, true);
      if (!q) continue;
      // The question text is quoted again inside answers and replies: first mention wins,
      // unless it is written as a heading.
      if (seen.has(q.key) && !headingLike(l)) continue;
      seen.add(q.key);
      marks.push({ at: i, spec: q, style: 'question' });
    }
  } else {
    const seen = new Map<string, number>();
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as SourceLine;
      const hc = headingCandidate(l);
      if (!hc) continue;
      const s = sectionTitleMatch(hc.text, spec.sections);
      if (!s) continue;
      // A bare or bold line that repeats a section title is text (a field label, a quote),
      // unless what follows it repeats what followed the first one (a section pasted twice);
      // a Markdown heading always counts, so that duplicates can be reported.
      const first = seen.get(s.key);
      if (first !== undefined && hc.style !== 'atx' && hc.style !== 'setext' && !pastedAgain(lines, first, i, s)) continue;
      if (first === undefined) seen.set(s.key, i);
      marks.push({ at: i, spec: s, style: hc.style });
    }
  }

  const sections: Section[] = [];
  for (let m = 0; m < marks.length; m++) {
    const mk = marks[m] as (typeof marks)[number];
    const from = mk.at + 1;
    // Questions answered under one heading share its body.
    let next = m + 1;
    while (next < marks.length && (marks[next] as (typeof marks)[number]).at === mk.at) next++;
    const to = next < marks.length ? (marks[next] as (typeof marks)[number]).at : lines.length;
    let bodyLines = lines.slice(from, to);
    let lastIdx = bodyLines.length - 1;
    while (lastIdx >= 0 && (bodyLines[lastIdx] as SourceLine).kind === 'blank') lastIdx--;
    bodyLines = bodyLines.slice(0, lastIdx + 1);
    const hl = mk.at >= 0 ? (lines[mk.at] as SourceLine) : headLine;
    // A question that shares its line with others (line breaks collapsed) is answered on that line.
    if (collapsed.has(hl) && !bodyLines.some((l) => l.kind === 'text' || l.kind === 'table')) bodyLines = [hl];
    const headingSpan = spanOf(lineStarts, hl.bodyStart, hl.bodyStart + hl.body.length);
    const endLine = (bodyLines[bodyLines.length - 1] ?? hl).line;
    const text = bodyLines
      .filter((l) => l.kind === 'text' || l.kind === 'table')
      .map((l) => (l.kind === 'table' ? l.raw.trim() : l.body || l.bullet || ''))
      .join('\n');
    const section: Section = {
      spec: mk.spec,
      heading: hl.body.replace(/\s+/g, ' ').trim(),
      headingSpan,
      headingStyle: mk.style,
      bodyLines,
      text,
      fields: [],
      tables: [],
      endLine,
    };
    const firstLine = hl.line;
    section.tables = allTables.filter((t) => t.span.line > firstLine && t.span.line <= endLine);
    section.fields = readFields(bodyLines, [...(mk.spec.fields ?? []), ...(mk.spec.repeatingFields ?? [])], lineStarts);
    sections.push(section);
  }
  return sections;
}
