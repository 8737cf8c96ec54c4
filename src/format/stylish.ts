import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { sanitizeLine as sanitize } from './sanitize.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** ESLint's stylish: a block per file, aligned columns, a summary line. */
const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
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
    const w0 = Math.max(...rows.map((x) => (x[0] as string).length));
    const w1 = Math.max(...rows.map((x) => (x[1] as string).length));
    rows.forEach((row, i) => {
      const m = r.messages[i];
      const pos = (row[0] as string).padStart(w0);
      const sevText = (row[1] as string).padEnd(w1);
      const sev = m?.severity === 2 ? c.red(sevText) : c.yellow(sevText);
      out += `  ${c.dim(pos)}  ${sev}  ${row[2]}  ${c.dim(row[3] as string)}\n`;
    });
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `\n${errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += c.dim(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.\n`);
  }
  return out;
};

export default stylish;
