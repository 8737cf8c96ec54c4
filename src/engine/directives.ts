/**
 * Inline directives in HTML comments:
 *
 *   <!-- ir-lint-disable rule-a, rule-b -->  … <!-- ir-lint-enable rule-a -->
 *   <!-- ir-lint-disable-next-line rule-a -->
 *   <!-- ir-lint-disable-line rule-a -->  (on the same line as the finding)
 *   <!-- ir-lint-disable-file -->
 *
 * No rule list means every rule. Optional `-- reason` after the list is ignored.
 * A directive is one HTML comment on one line (in a paragraph, a list item or
 * a table row too); comments inside code blocks, code spans and front matter
 * are text.
 * Fatal messages (unreadable file, a rule that crashed) cannot be suppressed.
 */
import type { IncidentReport } from '../model.js';
import { positionAt } from '../parse/positions.js';
import { DIRECTIVE_COMMENT, directiveComments } from '../parse/posting.js';
import { didYouMean } from '../suggest.js';
import type { LintMessage } from '../types.js';

type Kind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

interface Directive {
  kind: Kind;
  rules: string[] | 'all';
  line: number;
  column: number;
  endColumn: number;
  /** The directive suppressed at least one message. */
  used: boolean;
  /** Rule ids of a rule list that suppressed something. */
  usedRules: Set<string>;
}

/** The directives of a report: its ir-lint comments that Markdown reads as HTML (src/parse/posting.ts finds them; not in code, front matter or escapes). */
export function parseDirectives(report: IncidentReport): Directive[] {
  const out: Directive[] = [];
  for (const c of directiveComments(report)) {
    DIRECTIVE_COMMENT.lastIndex = 0;
    const m = DIRECTIVE_COMMENT.exec(report.source.slice(c.start, c.end));
    if (!m) continue;
    const kind = m[1] as Kind;
    const list = (m[2] ?? '').split(/\s--\s/)[0]?.trim() ?? '';
    const rules = list === '' ? 'all' : list.split(/[\s,]+/).filter((r) => r.length > 0);
    const { line, column } = positionAt(report.lineStarts, c.start);
    out.push({ kind, rules, line, column, endColumn: column + (c.end - c.start), used: false, usedRules: new Set() });
  }
  return out;
}

function covers(d: Directive, ruleId: string | null): boolean {
  return d.rules === 'all' || (ruleId !== null && d.rules.includes(ruleId));
}

/** Drop suppressed messages; optionally report directives that suppressed nothing. */
export function applyDirectives(
  report: IncidentReport,
  messages: LintMessage[],
  options: { reportUnused: boolean; knownRules: ReadonlySet<string> },
): LintMessage[] {
  const directives = parseDirectives(report);
  if (directives.length === 0) return messages;
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line || a.column - b.column);

  const kept: LintMessage[] = [];
  for (const m of messages) {
    if (m.fatal) {
      kept.push(m);
      continue;
    }
    let suppressedBy: Directive | undefined;
    for (const d of directives) {
      if (d.kind === 'disable-file' && covers(d, m.ruleId)) suppressedBy = d;
      else if (d.kind === 'disable-next-line' && d.line + 1 === m.line && covers(d, m.ruleId)) suppressedBy = d;
      else if (d.kind === 'disable-line' && d.line === m.line && covers(d, m.ruleId)) suppressedBy = d;
      if (suppressedBy) break;
    }
    if (!suppressedBy) {
      // Ranges: the last disable/enable before the message that concerns its rule decides.
      let state: Directive | undefined;
      for (const d of ranges) {
        if (d.line > m.line || (d.line === m.line && d.column > m.column)) break;
        if (covers(d, m.ruleId)) state = d.kind === 'disable' ? d : undefined;
        else if (d.kind === 'enable' && d.rules === 'all') state = undefined;
      }
      suppressedBy = state;
    }
    if (suppressedBy) {
      suppressedBy.used = true;
      if (m.ruleId !== null) suppressedBy.usedRules.add(m.ruleId);
    } else {
      kept.push(m);
    }
  }

  const unknown = (r: string): boolean => !options.knownRules.has(r);
  if (options.reportUnused) {
    for (const d of directives) {
      if (d.kind === 'enable') continue;
      // A list names rules one by one: each rule that suppressed nothing is unused (unknown names are reported below).
      const unused = d.rules === 'all' ? (d.used ? [] : ['all rules']) : d.rules.filter((r) => !d.usedRules.has(r) && !unknown(r));
      if (unused.length === 0) continue;
      kept.push({
        ruleId: null,
        messageId: 'unusedDisable',
        severity: 1,
        message: `Unused ir-lint-${d.kind} directive (no problems were reported for ${unused.join(', ')}); remove it${d.rules === 'all' || unused.length === d.rules.length ? '' : ' or drop those rules from it'}.`,
        line: d.line,
        column: d.column,
        endLine: d.line,
        endColumn: d.endColumn,
      });
    }
  }
  for (const d of directives) {
    if (d.rules === 'all') continue;
    for (const r of d.rules) {
      if (unknown(r)) {
        const hint = didYouMean(r, options.knownRules);
        kept.push({
          ruleId: null,
          messageId: 'unknownRuleInDirective',
          severity: 1,
          message: `ir-lint-${d.kind} names unknown rule "${r}"${hint ? `; did you mean "${hint}"?` : '.'}`,
          line: d.line,
          column: d.column,
          endLine: d.line,
          endColumn: d.endColumn,
        });
      }
    }
  }
  return kept;
}
