import type { Formatter } from './types.js';
import { sanitizeLine as sanitize } from './sanitize.js';

/** `path:line:col: severity rule-id message`, one a line. */
const compact: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const sev = m.severity === 2 ? 'error' : 'warning';
      lines.push(`${sanitize(r.filePath)}:${m.line}:${m.column}: ${sev} ${m.ruleId ?? 'ir-lint'} ${sanitize(m.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default compact;
