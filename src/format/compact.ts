import type { Formatter } from './index.js';
import { sanitizeLine as sanitize } from './sanitize.js';
import { commentRef } from './thread.js';

/** `path:line:col: severity rule-id message`, one a line; in a bug thread `path#cN:line:col`, the line and column within comment N. */
const compact: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const sev = m.severity === 2 ? 'error' : 'warning';
      lines.push(`${sanitize(r.filePath)}${commentRef(m)}:${m.line}:${m.column}: ${sev} ${m.ruleId ?? 'ir-lint'} ${sanitize(m.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default compact;
