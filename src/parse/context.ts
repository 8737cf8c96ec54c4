/**
 * What the report says about itself: front matter (`title`, `bug`,
 * `whiteboard`, `posted`, `ca-owner`), or, without front matter, the same
 * facts read from the text (a title line "CA Owner: description", a Bugzilla
 * "(Whiteboard: [...])" line), and which lines describe the incident.
 * What those facts mean (is this a revocation delay?) is for the rules
 * (rules/_vocabulary.ts).
 *
 * Rules read it through `reportContext(report)`, computed once per file.
 */
import { DateTime } from 'luxon';
import type { FrontMatterIssue, IncidentReport, ReportBlock, ReportContext, SourceLine } from '../model.js';
import type { TemplateId } from '../templates.js';
import { dayOfInstant, dayOfIso } from '../days.js';
import { derived } from './derived.js';
import { levenshtein } from '../suggest.js';

/** Front matter keys ir-lint understands. */
export const FRONT_MATTER_KEYS = ['title', 'bug', 'whiteboard', 'posted', 'ca-owner', 'appendix'] as const;

/** Parse whiteboard text: "[ca-compliance] [leaf-revocation-delay]" or a YAML list. */
export function whiteboardTags(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const tags = value.filter((v): v is string => typeof v === 'string').map((v) => v.replace(/^\[|\]$/g, '').trim());
    return tags.filter((t) => t.length > 0);
  }
  if (typeof value !== 'string') return undefined;
  const bracketed = [...value.matchAll(/\[([^\]\n]{1,80})\]/g)].map((m) => (m[1] as string).trim());
  if (bracketed.length > 0) return bracketed.filter((t) => t.length > 0);
  return value.split(/[\s,]+/).filter((t) => t.length > 0);
}

/** The closest known front matter key, when the key looks like a typo of one. */
export function closestKey(key: string, known: readonly string[] = FRONT_MATTER_KEYS): string | undefined {
  const k = key.toLowerCase().replace(/[_\s]+/g, '-');
  let best: { key: string; d: number } | undefined;
  for (const c of known) {
    const d = levenshtein(k, c);
    if (!best || d < best.d) best = { key: c, d };
  }
  if (!best) return undefined;
  if (best.d <= Math.max(1, Math.floor(best.key.length / 3)) || k.startsWith(best.key) || best.key.startsWith(k)) return best.key;
  return undefined;
}

function frontMatterKeyLine(report: IncidentReport, key: string): number {
  const fm = report.frontMatter;
  if (!fm) return 1;
  for (let n = fm.span.line; n <= fm.span.endLine; n++) {
    const raw = report.lines[n - 1]?.raw ?? '';
    const m = /^\s*["']?([^"':]+?)["']?\s*:/.exec(raw.slice(0, 200)); // a key is short; bounded, as this pattern backtracks
    if (m && m[1] === key) return n;
  }
  return fm.span.line;
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : DateTime.fromJSDate(value, { zone: 'utc' }).toISODate() ?? undefined;
  if (typeof value === 'string') {
    const d = DateTime.fromISO(value.trim(), { zone: 'utc' });
    return d.isValid ? (d.toISODate() ?? undefined) : undefined;
  }
  return undefined;
}

function bugNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string') {
    const m = /^(?:https?:\/\/bugzilla\.mozilla\.org\/show_bug\.cgi\?id=|https?:\/\/bugzil\.la\/|bug[ \t]*(?:#[ \t]*)?)?(\d{1,9})$/i.exec(value.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

const WHITEBOARD_LINE = /^\(?[ \t]*Whiteboard:[ \t]*((?:\[[^\]\n]{1,80}\][ \t]*)+)(?:\)[ \t]*)?$/i;
const CA_OWNER_TITLE = /^([^:]{2,80}?):[ \t]+\S/;

/** Read the front matter, then fill the gaps from the text. */
function compute(report: IncidentReport): ReportContext {
  const ctx: ReportContext = { frontMatterIssues: [] };
  const issues: FrontMatterIssue[] = ctx.frontMatterIssues;
  const fm = report.frontMatter;

  if (fm && !fm.error) {
    for (const [key, value] of Object.entries(fm.data)) {
      const line = frontMatterKeyLine(report, key);
      const found = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
      switch (key) {
        case 'title':
          if (typeof value === 'string' && value.trim()) ctx.title = { text: value.trim(), line, from: 'front-matter' };
          else issues.push({ kind: 'bad-value', key, expected: 'the bug title, "CA Owner: short description"', found, line });
          break;
        case 'ca-owner':
          if (typeof value === 'string' && value.trim()) ctx.caOwner = { name: value.trim(), from: 'front-matter' };
          else issues.push({ kind: 'bad-value', key, expected: 'the CA Owner name as in the CCADB', found, line });
          break;
        case 'bug': {
          const n = bugNumber(value);
          if (n !== undefined) ctx.bug = n;
          else issues.push({ kind: 'bad-value', key, expected: 'a Bugzilla bug number or URL', found, line });
          break;
        }
        case 'posted': {
          const d = isoDate(value);
          if (d) ctx.posted = d;
          else issues.push({ kind: 'bad-value', key, expected: 'a date (YYYY-MM-DD)', found, line });
          break;
        }
        case 'whiteboard': {
          const tags = whiteboardTags(value);
          if (tags) {
            ctx.whiteboard = { tags, from: 'front-matter', line };
          } else issues.push({ kind: 'bad-value', key, expected: 'Bugzilla whiteboard tags, e.g. "[ca-compliance] [leaf-revocation-delay]"', found, line });
          break;
        }
        case 'appendix': {
          const names = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
          if (names.length > 0 && names.length === (Array.isArray(value) ? value.length : 1)) ctx.appendix = { names, line };
          else issues.push({ kind: 'bad-value', key, expected: 'the file name of the Appendix attachment (e.g. certs.csv) or a list of them', found, line });
          break;
        }
        default: {
          const issue: FrontMatterIssue = { kind: 'unknown-key', key, line };
          const close = closestKey(key);
          if (close) issue.expected = close;
          issues.push(issue);
        }
      }
    }
  }

  // Title from the text: an H1, or the first line of a Bugzilla page ("CA: title" then "Categories").
  if (!ctx.title) {
    if (report.title && report.title.from === 'h1') ctx.title = { text: report.title.text, line: report.title.span.line, from: 'h1' };
    else {
      const text = report.lines.filter((l) => l.kind === 'text');
      const first = text[0];
      if (first && /^Categories$/i.test(text[1]?.body ?? '')) ctx.title = { text: first.body, line: first.line, from: 'page' };
    }
  }
  if (!ctx.caOwner && ctx.title) {
    const m = CA_OWNER_TITLE.exec(ctx.title.text);
    if (m) ctx.caOwner = { name: (m[1] as string).trim(), from: 'title' };
  }

  // Whiteboard copied from a rendered Bugzilla page.
  if (!ctx.whiteboard) {
    for (const l of report.lines) {
      if (l.kind !== 'text') continue;
      const m = WHITEBOARD_LINE.exec(l.body.trim());
      if (!m) continue;
      const tags = whiteboardTags(m[1]);
      if (tags && tags.length > 0) {
        ctx.whiteboard = { tags, from: 'text', line: l.line };
        break;
      }
    }
  }

  return ctx;
}

/**
 * The lines that describe this incident: text before the first report block
 * and the Summary (or Closure, or legacy question 1) section, without quoted
 * replies. Related Incidents and other sections are not included: they
 * describe other bugs or later steps.
 */
export function describingLines(report: IncidentReport): SourceLine[] {
  return derived(report, 'describing-lines', () => {
    const candidates: SourceLine[] = [];
    const firstBlock = report.blocks[0]?.startLine ?? report.lines.length + 1;
    for (const l of report.lines) {
      if (l.line >= firstBlock) break;
      if (l.kind === 'text') candidates.push(l);
    }
    for (const b of report.blocks) {
      for (const s of b.sections) {
        const key = s.spec.key;
        if (key === 'summary' || key === 'closure' || key === 'q1-awareness') {
          for (const l of s.bodyLines) if (l.kind === 'text') candidates.push(l);
        }
      }
    }
    return candidates.filter((l) => !/^\(In reply to /.test(l.body));
  });
}

/** The report's context, computed once per file. */
export function reportContext(report: IncidentReport): ReportContext {
  return derived(report, 'context', () => compute(report));
}

/**
 * The day the report is posted, as a day number (src/days.ts): front matter
 * `posted:` when it holds a date, otherwise the UTC day of `now` (ms).
 */
export function postingDay(report: IncidentReport, nowMs: number): number {
  const posted = reportContext(report).posted;
  return posted !== undefined ? (dayOfIso(posted) as number) : dayOfInstant(nowMs);
}

/**
 * The template a block is judged by, as of the day it was posted (zlint's
 * effective dates): a "Preliminary Incident Report" posted before IRG 3.0
 * (2025-03-01) is the IRG 2.0 preliminary report of its era. A template given
 * with --template is used as given.
 */
export function judgedTemplate(report: IncidentReport, block: ReportBlock, nowMs: number): TemplateId {
  if (block.detectedBy === 'forced') return block.template;
  const from = block.spec.effectiveFrom;
  if (block.template === 'ccadb-v3-preliminary' && from !== undefined && postingDay(report, nowMs) < (dayOfIso(from) as number)) return 'ccadb-v2-preliminary';
  return block.template;
}
