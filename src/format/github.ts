/**
 * GitHub Actions workflow commands, one a line, which the runner turns into
 * annotations on the pull request:
 *
 *   ::error file=reports/a.md,line=3,col=1,endLine=3,endColumn=9,title=rule-id::message
 *
 * Escaping follows the runner (actions/toolkit `command.ts`): in the message
 * `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in property values `:` and `,`
 * become `%3A` and `%2C` as well. Other control characters are shown as
 * `\xNN` so report text cannot drive the log viewer's terminal emulation, and
 * since a newline is always escaped, report text can never start a command
 * of its own.
 */
import type { Formatter } from './index.js';
import { relativePath } from './paths.js';
import { sanitize } from './sanitize.js';
import { commentLabel, exportLine } from './thread.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Control characters other than \n and \r shown visibly; \n and \r are left for escaping. */
function visible(text: string): string {
  return sanitize(text.replace(/\r\n?/g, '\n'));
}

const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = relativePath(r.filePath, ctx.cwd);
    for (const m of r.messages) {
      const command = m.severity === 2 ? 'error' : 'warning';
      // A finding in a bug comment is annotated at that comment's text in the export, and says where in the comment.
      const inComment = m.comment !== undefined;
      const props: Array<[string, string | number]> = [
        ['file', visible(file)],
        ['line', inComment ? exportLine(r, m) : m.line],
        ['col', inComment ? 1 : m.column],
      ];
      if (!inComment && (m.endLine > m.line || (m.endLine === m.line && m.endColumn > m.column))) {
        props.push(['endLine', m.endLine], ['endColumn', m.endColumn]);
      }
      props.push(['title', m.ruleId ?? 'ir-lint']);
      const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      const where = inComment ? `${commentLabel(r, m.comment as number)}, line ${m.line}: ` : '';
      lines.push(`::${command} ${propText}::${escapeData(visible(where + m.message))}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default github;
