/**
 * What GitHub code scanning reads from a SARIF rule descriptor beyond the
 * standard: `properties.precision` (how often a finding is right; code
 * scanning sorts and filters alerts by it) and `properties.problem.severity`
 * (error, warning or recommendation). Both are decided per rule here, in one
 * place, from the rule's own metadata: a rule may state `meta.precision`; else
 * the table below says whether its check is exact or a heuristic; else a rule
 * that enforces an IRG MUST (severity error) is an exact check and a
 * SHOULD-or-heuristic rule (severity warn) is one of medium precision.
 */
import type { Precision, RuleMeta } from '../types.js';

/**
 * Built-in rules whose precision differs from what their severity suggests.
 * Heuristics (word lists, guesses about what a sentence means) are medium;
 * checks of form that cannot misfire are high even when they only warn.
 */
export const RULE_PRECISION: Readonly<Record<string, Precision>> = {
  // Warnings that are exact checks.
  'section-order': 'high',
  'na-format': 'high',
  'timeline-order': 'high',
  'timeline-future': 'high',
  'front-matter-keys': 'high',
  'action-item-overdue': 'high',
  'related-incidents-links': 'high',
  // Errors that rest on reading prose, so they can misfire.
  'legacy-questions': 'medium',
  'revocation-delay-analysis': 'medium',
  'issuance-stopped-answer': 'medium',
  // Warnings that are heuristics and misfire more often than the rest.
  'rca-human-error': 'medium',
  'rca-depth': 'low',
  'action-items-training-only': 'medium',
  'action-item-evaluation-criteria': 'medium',
  'contained-or-ongoing': 'medium',
  'timeline-key-events': 'medium',
  'relevant-policies-specific': 'medium',
  'free-standing': 'medium',
};

/** Rules about form rather than substance: code scanning shows them as recommendations. */
export const RECOMMENDATIONS: ReadonlySet<string> = new Set(['na-format', 'title-format', 'section-order', 'front-matter-keys']);

export function precisionOf(meta: Pick<RuleMeta<unknown>, 'id' | 'severity' | 'precision'>): Precision {
  return meta.precision ?? RULE_PRECISION[meta.id] ?? (meta.severity === 'error' ? 'high' : 'medium');
}

export type ProblemSeverity = 'error' | 'warning' | 'recommendation';

export function problemSeverityOf(meta: Pick<RuleMeta<unknown>, 'id' | 'severity'>): ProblemSeverity {
  if (meta.severity === 'error') return 'error';
  return RECOMMENDATIONS.has(meta.id) ? 'recommendation' : 'warning';
}

/**
 * 64-bit FNV-1a of a string's UTF-8 bytes, as 16 hex digits: a fingerprint
 * needs to be stable and well spread, not secret, and this keeps the
 * formatter free of node:crypto.
 */
export function hash64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** A line as the fingerprint sees it: without its line ending, surrounding space, or differences in inner spacing. */
export function normaliseLine(line: string): string {
  return line.replace(/[\r\n]+/g, '').trim().replace(/\s+/g, ' ');
}

/** A message without the line numbers it cites ("first at line 12"), which change when lines move. */
export function withoutLineNumbers(message: string): string {
  return message.replace(/\bline \d+/g, 'line');
}

/**
 * partialFingerprints.primaryLocationLineHash for a file's results, in
 * GitHub's `<hex>:<n>` form: the hash of the rule id, the text of the line
 * the result starts on and the message (without the line numbers it cites),
 * and n counting results with that same hash in the file (1, 2, ...). Line
 * numbers are not part of it, so a result keeps its fingerprint (and its
 * alert) when lines are inserted or removed above it; the message tells
 * apart the findings of one rule on one line (each missing section is
 * reported at the report's heading), so fixing one leaves the others' alerts
 * as they were.
 */
export function lineHashes(results: ReadonlyArray<{ ruleId: string; line: number; message: string }>, source: string | undefined): string[] {
  const lines = source === undefined ? undefined : source.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return results.map((r) => {
    // Without the text (a formatter called without sources), the message alone stands for the place.
    const text = lines ? normaliseLine(lines[r.line - 1] ?? '') : '';
    const h = hash64(`${r.ruleId}\u0000${text}\u0000${withoutLineNumbers(r.message)}`);
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return `${h}:${n}`;
  });
}
