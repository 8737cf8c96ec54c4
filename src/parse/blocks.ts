/**
 * Lines → report blocks → sections → fields.
 *
 * A file may hold several reports (a Preliminary then a Full report, a report
 * then its Closure Summary, a whole bug thread pasted as text). Each block
 * starts at a report heading (or at the first of the seven legacy questions,
 * or at a run of known section headings) and ends at the next block, at
 * Bugzilla thread noise ("Flags: …", "(In reply to …)") or at the end.
 */
import type { Field, ReportBlock, Section, SourceLine, Table } from '../model.js';
import { TEMPLATES, type FieldSpec, type SectionSpec, type TemplateId, type TemplateSpec } from '../templates.js';
import { spanOf } from './lines.js';
import { labelPattern, norm, normTitle, stripTitleNote, wordCount } from './text.js';

export interface HeadingCandidate {
  text: string;
  style: 'atx' | 'setext' | 'bold' | 'bare';
}

const BOLD_ONLY = /^(\*\*|__)([^*_].*?)\1[ \t]*[:.]?[ \t]*$/;

/** The heading a line could be: a Markdown heading, a bold-only line, or a short bare line. */
export function headingCandidate(l: SourceLine): HeadingCandidate | undefined {
  if (l.kind !== 'text') return undefined;
  if (l.headingDepth !== undefined) {
    return { text: l.body, style: /^[ \t>]*#/.test(l.raw) ? 'atx' : 'setext' };
  }
  if (l.bullet !== undefined) return undefined;
  const bold = l.body.length <= 300 ? BOLD_ONLY.exec(l.body) : null;
  if (bold) return { text: bold[2] as string, style: 'bold' };
  if (l.body.length <= 120) return { text: l.body, style: 'bare' };
  return undefined;
}

const REPORT_HEADINGS = new Map<string, TemplateId | 'incident-report'>();
for (const t of Object.values(TEMPLATES)) {
  for (const h of t.headings) REPORT_HEADINGS.set(h, t.id === 'ccadb-v2' ? 'incident-report' : t.id);
}

function reportHeadingOf(l: SourceLine): TemplateId | 'incident-report' | undefined {
  const hc = headingCandidate(l);
  if (!hc) return undefined;
  const t = normTitle(hc.text);
  const direct = REPORT_HEADINGS.get(t) ?? REPORT_HEADINGS.get(stripTitleNote(t));
  if (direct) return direct;
  // "Full Incident Report: CA name", "Report Closure Summary – Bug 123"
  for (const [h, id] of REPORT_HEADINGS) {
    if (t.startsWith(`${h}:`) || t.startsWith(`${h} -`) || t.startsWith(`${h} \u2013`)) return id;
  }
  return undefined;
}

/** Bugzilla page furniture and thread replies: a report does not continue past these. */
const NOISE = [
  /^\(In reply to .{1,200} from comment #\d+\)$/,
  /^[A-Z][A-Za-z ]{1,40}: .*\u2192/,
  /^Flags: /,
  /^Ever confirmed: /,
  /^You need to log in before you can comment/,
  /^_{8,}$/,
  /^\|\s*(?:Reporter|Assignee|Comment \d+)\s*\|/,
  /^Attachment #\d+/,
];

function isNoise(l: SourceLine): boolean {
  if (l.kind !== 'text') return false;
  const t = l.raw.trim();
  return NOISE.some((r) => r.test(t));
}

// ---------------------------------------------------------------- legacy

const LEGACY = TEMPLATES['mozilla-legacy'];
const NUMBERED_PREFIX = /^(?:(?:topic|question|q)[ \t]*\d{1,2}[ \t]*[:.)-]?|\d{1,2}[ \t]*[.)])[ \t]*/i;

/**
 * How much of a line legacyQuestionOf reads, normalised: 160 characters when a
 * question title may start the line (anchored patterns, short forms); 100
 * otherwise, where only the unanchored patterns apply, each a phrase of at
 * most 40 characters that must start within the first 60. And how much of
 * the raw line it normalises to get there.
 */
const LEGACY_HEAD = { anchored: 160, unanchored: 100 };
const LEGACY_PREFIX = { anchored: 400, unanchored: 250 };

/** The legacy question a line asks, if any. */
export function legacyQuestionOf(l: SourceLine, inLegacyBlock: boolean): SectionSpec | undefined {
  if (l.kind !== 'text') return undefined;
  let body = l.body.replace(/^(?:\*\*|__)(?=\S)/, '');
  // "2.A timeline…" and "Topic 2: Timeline"
  const np = NUMBERED_PREFIX.exec(body);
  const numbered = np !== null || (l.bullet !== undefined && /\d/.test(l.bullet));
  const explicit = np !== null && /^(?:topic|question|q)/i.test(np[0]);
  if (np) body = body.slice(np[0].length);
  const anchorAllowed = explicit || (numbered && inLegacyBlock) || headingLike(l);
  const headLength = anchorAllowed ? LEGACY_HEAD.anchored : LEGACY_HEAD.unanchored;
  const prefix = anchorAllowed ? LEGACY_PREFIX.anchored : LEGACY_PREFIX.unanchored;
  // Only the start of the line is matched: normalise a prefix (norm works character by
  // character, so a long enough prefix normalises to the same head), the whole line only
  // when markup or spacing shrinks the prefix below the head's length.
  const normHead = (t: string): string => norm(t).replace(/^[-\u2013\u2014:]\s*/, '');
  let text = body.length > prefix ? normHead(body.slice(0, prefix)) : normHead(body);
  if (body.length > prefix && text.length <= headLength) text = normHead(body);
  if (text.length === 0) return undefined;
  const head = text.slice(0, headLength);
  for (const q of LEGACY.sections) {
    for (const p of q.patterns ?? []) {
      const anchored = p.source.startsWith('^');
      if (anchored && !anchorAllowed) continue;
      const at = head.search(p);
      if (at < 0 || (!anchored && at > 60)) continue;
      return q;
    }
  }
  // Abbreviated titles count under their own number: "2. Timeline", "Topic 6: Root cause", "Q7 - Actions".
  if (explicit || (numbered && inLegacyBlock)) {
    const n = Number(((np?.[0] ?? l.bullet ?? '').match(/\d+/) ?? [''])[0]);
    const q = LEGACY.sections.find((s) => s.number === n);
    if (q && (/^(?:topic|question)/i.test(np?.[0] ?? '') || (q.shortForms ?? []).some((p) => p.test(head)))) return q;
  }
  return undefined;
}

const COMBINED_PREFIX = /^(?:\*\*|__)?(?:(?:questions?|topics?|q)[ \t]*)?([1-7])[ \t]*(?:and|&|\+|\/|,)[ \t]*(?:q[ \t]*)?([1-7])[ \t]*[.):-]/i;

/** The questions a heading such as "4 and 5. Summary and data of the problematic certificates" answers together. */
function combinedQuestions(l: SourceLine): SectionSpec[] | undefined {
  if (l.kind !== 'text' || l.body.length > 300) return undefined;
  const m = COMBINED_PREFIX.exec(l.body);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a === b) return undefined;
  const out = LEGACY.sections.filter((s) => s.number === a || s.number === b);
  return out.length === 2 ? out : undefined;
}

/** "2. A timeline…" inside a line: a question whose line break was collapsed away. */
const INLINE_QUESTION = /(?<=[\s.;:)\]])(?:(?:topic|question)[ \t]*)?[1-7][ \t]*[.):][ \t]*(?=[A-Za-z])/gi;

/**
 * A line that holds several questions (line breaks collapsed, as in some
 * mailing-list copies) as one virtual line per question, with the same line
 * number and the offsets of each part. Other lines are returned as they are.
 */
export function splitQuestionLine(l: SourceLine): SourceLine[] {
  if (l.kind !== 'text' || l.body.length < 60) return [l];
  if (combinedQuestions(l)) return [l];
  const cuts: number[] = [];
  for (const m of l.body.matchAll(INLINE_QUESTION)) {
    const at = m.index ?? 0;
    if (at === 0) continue;
    const part: SourceLine = { ...l, body: l.body.slice(at), bodyStart: l.bodyStart + at };
    delete part.bullet;
    delete part.headingDepth;
    if (legacyQuestionOf(part, true)) cuts.push(at);
  }
  if (cuts.length === 0) return [l];
  const out: SourceLine[] = [];
  let from = 0;
  for (const to of [...cuts, l.body.length]) {
    const body = l.body.slice(from, to).trimEnd();
    if (body.trim() !== '') {
      const part: SourceLine = { ...l, body, bodyStart: l.bodyStart + from };
      if (from > 0) {
        part.raw = body;
        part.start = part.bodyStart;
        part.indent = 0;
        delete part.bullet;
        delete part.headingDepth;
      }
      out.push(part);
    }
    from = to;
  }
  return out;
}

/** Lines with collapsed questions split into one virtual line per question. */
function questionLines(lines: SourceLine[], parts?: Set<SourceLine>): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const split = splitQuestionLine(l);
    for (const part of split) {
      out.push(part);
      if (split.length > 1) parts?.add(part);
    }
  }
  return out;
}

function headingLike(l: SourceLine): boolean {
  return l.headingDepth !== undefined || (l.bullet === undefined && l.body.length <= 300 && BOLD_ONLY.test(l.body));
}

// ---------------------------------------------------------------- sections

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

// ---------------------------------------------------------------- fields

interface CompiledLabel {
  spec: FieldSpec;
  re: RegExp;
  strict: boolean;
  /**
   * The label's leading ASCII letters and digits, lower-cased (the pattern
   * starts with them literally, case-insensitive); empty when it starts with
   * anything else.
   */
  prefix: string;
}

const labelCache = new WeakMap<FieldSpec, CompiledLabel[]>();

/** The pattern a label (or alias) is matched with at the start of a line body. */
export function labelRegExp(label: string): RegExp {
  const pat = labelPattern(label.replace(/(?<![?:])[?:]+$/, ''));
  // Label, optional closing emphasis, then `:`/`?`, the end of the line, or (long labels) a space.
  return new RegExp(`^[*_]{0,3}[ \\t]*${pat}[ \\t]*[*_]{0,3}[ \\t]*(?:[?:\\uFF1A\\uFF1F][ \\t]*(?:[?:\\uFF1A\\uFF1F][ \\t]*)?[*_]{0,3}[ \\t]*|$|(?=[ \\t]))`, 'i');
}

function compiled(spec: FieldSpec): CompiledLabel[] {
  let c = labelCache.get(spec);
  if (!c) {
    c = [spec.label, ...(spec.aliases ?? [])].map((label) => {
      const re = labelRegExp(label);
      const prefix = (/^[A-Za-z0-9]*/.exec(label)?.[0] ?? '').toLowerCase();
      return { spec, re, strict: wordCount(label) < 2, prefix };
    });
    labelCache.set(spec, c);
  }
  return c;
}

/**
 * Where a label would start: after at most three emphasis markers and any
 * spaces, as the label patterns allow. Labels start with a letter, so a
 * pattern can only match with the markers skipped greedily.
 */
function labelStart(body: string): number {
  let i = 0;
  while (i < 3 && (body[i] === '*' || body[i] === '_')) i++;
  while (body[i] === ' ' || body[i] === '\t') i++;
  return i;
}

/**
 * True when `body` has `prefix` (ASCII, lower-case) at `at`, ignoring ASCII
 * case. A case-insensitive pattern without the `u` flag matches an ASCII
 * character only with an ASCII one, so this is exact.
 */
function hasPrefixAt(body: string, prefix: string, at: number): boolean {
  if (body.length - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    let c = body.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Match a field label at the start of a line body; returns the length of the label part. */
export function matchLabel(body: string, specs: FieldSpec[]): { spec: FieldSpec; length: number } | undefined {
  let best: { spec: FieldSpec; length: number } | undefined;
  const start = labelStart(body);
  for (const spec of specs) {
    for (const c of compiled(spec)) {
      if (!hasPrefixAt(body, c.prefix, start)) continue; // cannot match: skip the regex
      const m = c.re.exec(body);
      if (!m) continue;
      const rest = body.slice(m[0].length);
      const sep = /[?:\uFF1A\uFF1F]/.test(m[0].slice(-6)) || rest.length === 0;
      if (!sep && c.strict) continue;
      if (!best || m[0].length > best.length) best = { spec, length: m[0].length };
    }
  }
  return best;
}

function readFields(bodyLines: SourceLine[], specs: FieldSpec[], lineStarts: number[]): Field[] {
  if (specs.length === 0) return [];
  const fields: Field[] = [];
  let open: { field: Field; inline: boolean; lastText: SourceLine | undefined; values: string[]; labelLine: SourceLine } | undefined;
  let sawBlank = false;

  const close = (): void => {
    if (!open) return;
    const f = open.field;
    f.value = open.values.join('\n').trim();
    if (open.lastText && f.value.length > 0) {
      const endLine = open.lastText;
      f.valueSpan = spanOf(lineStarts, f.valueSpan.start, endLine.bodyStart + endLine.body.length);
    }
    open = undefined;
  };

  for (const l of bodyLines) {
    if (l.kind === 'blank') {
      sawBlank = true;
      continue;
    }
    if (l.kind !== 'text' && l.kind !== 'table') continue;
    const match = l.kind === 'text' ? matchLabel(l.body, specs) : undefined;
    if (match) {
      close();
      const labelEnd = l.bodyStart + match.length;
      const labelText = l.body.slice(0, match.length).replace(/(?<![*_\s:?\uFF1A\uFF1F])[*_\s:?\uFF1A\uFF1F]+$/, '').replace(/^[*_\s]+/, '');
      const value = l.body.slice(match.length).replace(/^[*_\s]+/, '').trim();
      const valueStart = l.bodyStart + l.body.length - l.body.slice(match.length).replace(/^[*_\s]+/, '').length;
      const field: Field = {
        spec: match.spec,
        label: labelText,
        labelSpan: spanOf(lineStarts, l.bodyStart, labelEnd),
        value,
        valueSpan: spanOf(lineStarts, value ? valueStart : labelEnd, value ? l.bodyStart + l.body.length : labelEnd),
        line: l.line,
        children: [],
      };
      if (match.spec.parent) {
        const parent = [...fields].reverse().find((f) => f.spec.key === match.spec.parent);
        if (parent) parent.children.push(field);
      }
      fields.push(field);
      open = { field, inline: value.length > 0, lastText: value ? l : undefined, values: value ? [value] : [], labelLine: l };
      sawBlank = false;
      continue;
    }
    if (!open) continue;
    // A paragraph after a blank line, flush left, ends a bullet field that had its value inline.
    if (sawBlank && open.inline && l.indent === 0 && l.bullet === undefined && open.labelLine.bullet !== undefined) {
      close();
      continue;
    }
    sawBlank = false;
    const text = l.kind === 'table' ? l.raw.trim() : l.bullet ? `${l.bullet} ${l.body}` : l.body;
    if (open.values.length === 0) {
      open.field.valueSpan = spanOf(lineStarts, l.bodyStart - (l.bullet ? l.bullet.length + 1 : 0), l.bodyStart + l.body.length);
    }
    open.values.push(text);
    open.lastText = l;
  }
  close();
  return fields;
}
