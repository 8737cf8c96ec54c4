/**
 * The words rules judge by, shared by several rules: the Action Items
 * Status values and their spellings, the closure attestation sentence, and
 * what marks an incident as a revocation delay. The parser (src/parse)
 * reads the report's structure; what its words mean lives here, beside the
 * rules that use it, and rules take the lists as options where a CA may
 * extend them.
 */
import type { IncidentReport, ReportBlock, SourceLine, Span } from '../src/model.js';
import { derived } from '../src/query.js';
import { describingLines, reportContext } from '../src/parse/context.js';
import { spanOf } from '../src/parse/positions.js';
import { norm } from '../src/parse/text.js';

// ---------------------------------------------------------------- action item statuses

/** The IRG 3.x Status values and the spellings real reports use for them. */
export const DEFAULT_STATUSES: readonly string[] = ['Ongoing', 'Complete', 'Delayed', 'Canceled'];
export const DEFAULT_STATUS_ALIASES: Readonly<Record<string, string>> = {
  Completed: 'Complete',
  Done: 'Complete',
  Finished: 'Complete',
  Closed: 'Complete',
  Cancelled: 'Canceled',
  'In progress': 'Ongoing',
  'In-progress': 'Ongoing',
  'Work in progress': 'Ongoing',
  Open: 'Ongoing',
};
/** Statuses that let a report be closed. */
export const DEFAULT_DONE_STATUSES: readonly string[] = ['Complete', 'Canceled'];

/** Canonical status for a written status, given accepted values and aliases (case-insensitive). */
export function canonicalStatus(text: string, accepted: readonly string[], aliases: Readonly<Record<string, string>>): { value: string; exact: boolean } | undefined {
  const t = norm(text).replace(/(?<![.!])[.!]+$/, '');
  const hit = accepted.find((a) => norm(a) === t);
  if (hit) return { value: hit, exact: true };
  for (const [from, to] of Object.entries(aliases)) if (norm(from) === t) return { value: to, exact: false };
  // "Complete (2025-08-20)", "Ongoing - see comment 4"
  const lead = /^([a-z]+(?: [a-z]+)?)\b\s*[(,;:\u2013\u2014-]/.exec(t)?.[1];
  if (lead) {
    const h = accepted.find((a) => norm(a) === lead) ?? accepted.find((a) => norm(a) === lead.split(' ')[0]);
    if (h) return { value: h, exact: true };
  }
  return undefined;
}

// ---------------------------------------------------------------- closure attestation

/** A Report Closure Summary block and what it says about closing. */
export interface ClosureSummary {
  block: ReportBlock;
  /** The attestation sentence when present. */
  attestation?: { span: Span; line: number; quoted: boolean; wording: 'report' | 'incident-report' };
  /** A line that looks like an attempt at the attestation but differs from it. */
  nearMiss?: { span: Span; line: number; text: string };
}

/** The closure attestation (IRG 3.x Report Closure Summary), in either wording, normalised (src/parse/text.ts `norm`). */
export const ATTESTATION = /all action items disclosed in this (incident )?report have been completed as described,? and we request (?:its|it's|the) closure\.?/;
/** Words of an attempt at the attestation that does not match it. */
export const NEAR_MISS = /all action items|request (?:its |the )?closure|have been completed as described/;

/** Closure summaries with their attestation sentence, found once per file. */
export function closureSummaries(report: IncidentReport): ClosureSummary[] {
  return derived(report, 'closure-summaries', () => {
    const out: ClosureSummary[] = [];
    for (const block of report.blocks) {
      if (block.template !== 'ccadb-v3-closure') continue;
      const c: ClosureSummary = { block };
      const lines = block.lines.filter((l) => l.kind === 'text');
      for (let i = 0; i < lines.length && !c.attestation; i++) {
        const l = lines[i] as SourceLine;
        const next = lines[i + 1];
        const candidates: Array<{ text: string; end: number }> = [{ text: l.body, end: l.bodyStart + l.body.length }];
        if (next && next.line === l.line + 1) candidates.push({ text: `${l.body} ${next.body}`, end: next.bodyStart + next.body.length });
        for (const cand of candidates) {
          const n = norm(cand.text);
          const m = ATTESTATION.exec(n);
          if (!m) continue;
          const quoted = /["'](?:\s*)$/.test(n.slice(0, m.index));
          c.attestation = { span: spanOf(report.lineStarts, l.bodyStart, cand.end), line: l.line, quoted, wording: m[1] ? 'incident-report' : 'report' };
          break;
        }
        if (!c.attestation && !c.nearMiss && NEAR_MISS.test(norm(l.body))) {
          c.nearMiss = { span: spanOf(report.lineStarts, l.bodyStart, l.bodyStart + l.body.length), line: l.line, text: l.body };
        }
      }
      if (c.attestation) delete c.nearMiss;
      out.push(c);
    }
    return out;
  });
}

// ---------------------------------------------------------------- revocation delay

/** Whiteboard tags that mark a revocation delay (`[leaf-revocation-delay]`, `[ca-revocation-delay]`, ...). */
export const REVOCATION_DELAY_TAG = /(?:^|-)revocation-delay$|^delayed-revocation$/i;

/** Words that say the incident is a revocation delay, when no whiteboard says it. */
export const REVOCATION_DELAY_PHRASE =
  /\b(?:delayed[ \t]+revocations?|revocation[ \t]+delays?|delay(?:ed|ing|s)?[ \t]+(?:the[ \t]+|in[ \t]+)?revo(?:cation|king)|revocations?[ \t]+(?:was|were|is|are|has[ \t]+been|have[ \t]+been)[ \t]+delayed|late[ \t]+revocations?)\b/i;

/** Why the incident is a revocation delay, and the line that says so. */
export interface RevocationDelay {
  from: 'whiteboard' | 'title' | 'text';
  evidence: string;
  line: number;
}

/**
 * Set when the incident is a revocation delay: the whiteboard decides when
 * there is one (in front matter, or copied from a Bugzilla page); without a
 * whiteboard in front matter, the title or the text that describes the
 * incident (src/parse/context.ts `describingLines`) may say so.
 */
export function revocationDelay(report: IncidentReport): RevocationDelay | undefined {
  return derived(report, 'revocation-delay', () => {
    const ctx = reportContext(report);
    if (ctx.whiteboard) {
      const tag = ctx.whiteboard.tags.find((t) => REVOCATION_DELAY_TAG.test(t));
      if (tag) return { from: 'whiteboard', evidence: `whiteboard tag [${tag}]`, line: ctx.whiteboard.line };
      if (ctx.whiteboard.from === 'front-matter') return undefined;
    }
    const inTitle = ctx.title ? REVOCATION_DELAY_PHRASE.exec(ctx.title.text) : null;
    if (ctx.title && inTitle) return { from: 'title', evidence: `the title says "${inTitle[0]}"`, line: ctx.title.line };
    for (const l of describingLines(report)) {
      const m = REVOCATION_DELAY_PHRASE.exec(l.body);
      if (m) return { from: 'text', evidence: `the report says "${m[0]}"`, line: l.line };
    }
    return undefined;
  });
}
