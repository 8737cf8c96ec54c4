import { Chalk } from 'chalk';
import type { Formatter } from './index.js';
import { sanitizeLine as sanitize } from './sanitize.js';
import { commentLabel, deadlineText, isOverdue } from './thread.js';
import type { LintMessage } from '../types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * ESLint's stylish: a block per file, aligned columns, a summary line. In a
 * bug thread the file's messages are grouped by comment under a line naming
 * it (its time and author), and an open bug ends with its next deadline.
 */
const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results) {
    const next = r.thread?.open ? r.deadlines?.[0] : undefined;
    if (r.messages.length === 0 && !next) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixableErrors += r.fixableErrorCount;
    fixableWarnings += r.fixableWarningCount;
    out += `\n${c.underline(sanitize(r.filePath))}\n`;
    const rows = r.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      sanitize(m.message),
      m.ruleId ?? '',
    ]);
    const w0 = Math.max(0, ...rows.map((x) => (x[0] as string).length));
    const w1 = Math.max(0, ...rows.map((x) => (x[1] as string).length));
    let group: number | undefined;
    rows.forEach((row, i) => {
      const m = r.messages[i] as LintMessage;
      if (m.comment !== undefined && m.comment !== group) {
        group = m.comment;
        out += `  ${c.bold(sanitize(commentLabel(r, m.comment)))}\n`;
      }
      const indent = m.comment !== undefined ? '    ' : '  ';
      const pos = (row[0] as string).padStart(w0);
      const sevText = (row[1] as string).padEnd(w1);
      const sev = m.severity === 2 ? c.red(sevText) : c.yellow(sevText);
      out += `${indent}${c.dim(pos)}  ${sev}  ${row[2]}  ${c.dim(row[3] as string)}\n`;
    });
    if (next) {
      const text = `next: ${sanitize(deadlineText(next, ctx.now))}`;
      out += `  ${isOverdue(next, ctx.now) ? c.red(text) : c.cyan(text)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return out;
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `\n${errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += c.dim(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.\n`);
  }
  return out;
};

export default stylish;
