import type { Formatter } from './index.js';
import { absolutePath } from './paths.js';
import type { LintMessage, LintResult } from '../types.js';
import { escapeJsonControls } from './sanitize.js';

/** A message as ESLint writes it (`url` stays out: rule docs are in --format sarif). */
function eslintMessage(m: LintMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    messageId: m.messageId,
  };
  if (m.comment !== undefined) out['comment'] = m.comment;
  if (m.fatal) out['fatal'] = true;
  if (m.fix) out['fix'] = { range: [...m.fix.range], text: m.fix.text };
  if (m.related && m.related.length > 0) out['related'] = m.related.map((r) => ({ ...r }));
  return out;
}

/** One file's result in the shape and key order of ESLint's `LintResult`. */
function eslintResult(r: LintResult, cwd: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    filePath: absolutePath(r.filePath, cwd),
    messages: r.messages.map(eslintMessage),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: r.messages.filter((m) => m.fatal).length,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
  };
  // As ESLint: `output` when fixes changed the file, else `source` when there are problems.
  if (r.output !== undefined) out['output'] = r.output;
  else if (r.errorCount + r.warningCount > 0 && r.source !== undefined) out['source'] = r.source;
  out['usedDeprecatedRules'] = [];
  // A bug thread: its open obligations, soonest first (SPEC §7).
  if (r.deadlines !== undefined) out['deadlines'] = r.deadlines.map((d) => ({ obligation: d.obligation, due: d.due, basis: d.basis, ...(d.comment !== undefined ? { comment: d.comment } : {}) }));
  return out;
}

/**
 * ESLint's `json` format: an array of results, one per file, with absolute
 * file paths, so tools that read ESLint JSON read ours. JSON escapes every
 * control character, so report text cannot reach a terminal raw.
 */
const json: Formatter = (results, ctx) => `${escapeJsonControls(JSON.stringify(results.map((r) => eslintResult(r, ctx.cwd))))}\n`;

export default json;
