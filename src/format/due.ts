/**
 * `-f due`: the open bugs of a folder of exports and what each owes next,
 * one line a bug, soonest first (overdue ones first and marked):
 *
 *   1955799  OVERDUE by 2 days  2025-12-05  update (whiteboard Next update)  CFCA: ...
 *   1962711  3 days left        2025-12-09  answer comment 12 (7 days after comment 12)  ...
 *
 * Closed bugs are left out; an open bug for which no obligation is known
 * comes last. Files that could not be read are listed after the bugs, and
 * findings (which this format does not show) are counted in a last line.
 */
import type { Formatter } from './index.js';
import { sanitizeLine as sanitize } from './sanitize.js';
import { dueDate, timeLeft } from './thread.js';
import type { Deadline } from '../types.js';

interface Row {
  id: number;
  summary: string;
  next?: Deadline;
  time: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const due: Formatter = (results, ctx) => {
  const rows: Row[] = [];
  let closed = 0;
  let threads = 0;
  const unreadable: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const fatal = r.messages.find((m) => m.fatal);
    if (fatal) unreadable.push(`${sanitize(r.filePath)}: ${sanitize(fatal.message)}`);
    errors += r.messages.filter((m) => m.severity === 2 && !m.fatal).length;
    warnings += r.warningCount;
    if (!r.thread) continue;
    threads++;
    if (!r.thread.open) {
      closed++;
      continue;
    }
    const next = r.deadlines?.[0];
    const row: Row = { id: r.thread.id, summary: r.thread.summary, time: next ? Date.parse(next.due) : Number.POSITIVE_INFINITY };
    if (next) row.next = next;
    rows.push(row);
  }
  rows.sort((a, b) => a.time - b.time || a.id - b.id);
  const lines: string[] = [];
  if (rows.length === 0) {
    lines.push(threads === 0 ? 'No open bugs (no bug thread exports, *.bug.json, among the files linted).' : `No open bugs (${plural(threads, 'bug export')} linted, ${closed === threads ? 'all closed' : `${closed} closed`}).`);
  } else {
    const cells = rows.map((row) => {
      const id = String(row.id);
      if (!row.next) return [id, 'no deadline known', '', '', sanitize(row.summary)];
      const left = timeLeft(row.next.due, ctx.now) ?? '';
      const mark = left.startsWith('overdue') ? `OVERDUE by ${left.slice('overdue by '.length)}` : left;
      return [id, mark, dueDate(row.next.due), sanitize(`${row.next.obligation} (${row.next.basis})`), sanitize(row.summary)];
    });
    const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => (c[i] as string).length)));
    for (const c of cells) lines.push(c.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] as number) : cell)).join('  ').trimEnd());
  }
  lines.push(...unreadable);
  const problems = errors + warnings;
  if (problems > 0) lines.push(`${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) not shown: -f due lists deadlines; -f stylish shows the findings.`);
  return `${lines.join('\n')}\n`;
};

export default due;

