/**
 * Which lines could be headings, which name a report, and which are Bugzilla
 * page furniture that ends a report.
 */
import type { SourceLine } from '../model.js';
import { TEMPLATES, type TemplateId } from '../templates.js';
import { normTitle, stripTitleNote } from './text.js';

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

export function reportHeadingOf(l: SourceLine): TemplateId | 'incident-report' | undefined {
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

export function isNoise(l: SourceLine): boolean {
  if (l.kind !== 'text') return false;
  const t = l.raw.trim();
  return NOISE.some((r) => r.test(t));
}

/** A Markdown heading or a bold-only line. */
export function headingLike(l: SourceLine): boolean {
  return l.headingDepth !== undefined || (l.bullet === undefined && l.body.length <= 300 && BOLD_ONLY.test(l.body));
}
