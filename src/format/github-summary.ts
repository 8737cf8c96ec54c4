/**
 * The GitHub Actions step summary: every finding in one Markdown table, since
 * GitHub shows only 10 error and 10 warning annotations per step. A pure
 * function of the results, like the formatters; the Action appends it to the
 * file named by $GITHUB_STEP_SUMMARY.
 */
import type { FormatContext } from './index.js';
import { relativePath } from './paths.js';
import { exportLine } from './thread.js';
import { sanitize } from './sanitize.js';
import { HOMEPAGE, TOOL_NAME, ruleDocsUrl } from '../meta.js';
import type { LintResult } from '../types.js';

/** GitHub refuses a step summary over 1 MiB; the table stops well before that. */
export const SUMMARY_LIMIT = 900 * 1024;

export interface SummaryOptions {
  /** A link to a file at a line (the repository at the commit), or '' when there is none. */
  fileUrl?: (file: string, line: number) => string;
  /** Stop adding rows beyond this many characters. */
  limit?: number;
}

/** Text in a table cell: one line, no HTML, no Markdown that links or formats, pipes escaped. */
export function cell(text: string): string {
  return sanitize(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function stepSummary(results: LintResult[], ctx: FormatContext, options: SummaryOptions = {}): string {
  const limit = options.limit ?? SUMMARY_LIMIT;
  const urls = new Map(ctx.rules.map((m) => [m.id, m.url ?? ruleDocsUrl(m.id)]));
  const messages = results.flatMap((r) => r.messages.map((m) => ({ file: relativePath(r.filePath, ctx.cwd), m, r })));
  const errors = messages.filter((x) => x.m.severity === 2).length;
  const warnings = messages.length - errors;
  const unreadable = results.filter((r) => r.fatalError).length;
  const withProblems = results.filter((r) => r.messages.length > 0).length;
  const out: string[] = [`## ${TOOL_NAME}`, ''];
  if (messages.length === 0) {
    out.push(`No problems in ${plural(results.length, 'file')}.`, '');
    return `${out.join('\n')}\n`;
  }
  let count = `**${plural(messages.length, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${withProblems} of ${plural(results.length, 'file')}`;
  if (unreadable > 0) count += `; ${plural(unreadable, 'file')} could not be linted`;
  out.push(`${count}.`, '', '| File | Line | Severity | Rule | Message |', '| --- | --- | --- | --- | --- |');
  let size = out.join('\n').length;
  let shown = 0;
  for (const { file, m, r } of messages) {
    // In a bug thread: the comment, and the link at that comment's text in the export.
    const where = `${m.comment !== undefined ? `comment ${m.comment}, ` : ''}${m.line}:${m.column}`;
    // A file outside the repository (or stdin) has no link.
    const link = options.fileUrl?.(file, exportLine(r, m)) ?? '';
    const fileCell = link ? `[${cell(file)}](${link})` : cell(file);
    const id = m.ruleId ?? TOOL_NAME;
    const url = m.ruleId !== null ? (urls.get(m.ruleId) ?? ruleDocsUrl(m.ruleId)) : `${HOMEPAGE}#readme`;
    const row = `| ${fileCell} | ${where} | ${m.severity === 2 ? 'error' : 'warning'} | [${cell(id)}](${url}) | ${cell(m.message)} |`;
    if (size + row.length + 1 > limit) break;
    out.push(row);
    size += row.length + 1;
    shown++;
  }
  if (shown < messages.length) out.push('', `${plural(messages.length - shown, 'more problem')} not shown: the summary would be too long for GitHub. The job log and the SARIF file have them all.`);
  out.push('');
  return `${out.join('\n')}\n`;
}
