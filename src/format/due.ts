/**
 * `-f due`: the morning view of a folder of bug exports. The open bugs,
 * grouped by CA (the summary's prefix), groups ordered by their soonest
 * deadline and each group soonest first, overdue ones first and marked; a
 * line a bug with its time left, due date, the bug's link, and its next
 * obligation with the basis of the deadline:
 *
 *   CFCA: 2 open bugs, 1 overdue
 *     1955799  OVERDUE by 2 days  2025-12-05  https://bugzilla.mozilla.org/show_bug.cgi?id=1955799  update (whiteboard Next update)
 *     1962711  3 days left        2025-12-09  https://bugzilla.mozilla.org/show_bug.cgi?id=1962711  answer comment 12 (7 days after comment 12 (IRG 3.2))
 *
 * A bug that owes more than one thing says how many more (`-f html` shows
 * them all). Closed bugs are left out; an open bug for which no obligation is
 * known comes last in its group. Files that could not be read are listed
 * after the bugs, and findings (which this format does not show) are counted
 * in a last line. Coloured only when stylish would be (a terminal, no
 * NO_COLOR).
 */
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { sanitizeLine as sanitize } from './sanitize.js';
import { dueDate, groupOpenBugs, isOverdue, timeLeft, type OpenBug } from './thread.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The cells of a bug's line: id, time left (or OVERDUE), due date, link, obligation and basis (last: its length varies most). */
function cells(bug: OpenBug, now: number | undefined): { cells: string[]; overdue: boolean } {
  const next = bug.deadlines[0];
  const id = String(bug.id);
  const url = sanitize(bug.url);
  if (!next) return { cells: [id, 'no deadline known', '', url, ''], overdue: false };
  const left = timeLeft(next.due, now) ?? '';
  const overdue = isOverdue(next, now);
  const mark = overdue ? `OVERDUE by ${left.slice('overdue by '.length)}` : left;
  const more = bug.deadlines.length > 1 ? `; +${bug.deadlines.length - 1} more` : '';
  return { cells: [id, mark, dueDate(next.due), url, sanitize(`${next.obligation} (${next.basis})${more}`)], overdue };
}

const due: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const { groups, threads, closed } = groupOpenBugs(results, ctx.now);
  const unreadable: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const fatal = r.messages.find((m) => m.fatal);
    if (fatal) unreadable.push(`${sanitize(r.filePath)}: ${sanitize(fatal.message)}`);
    errors += r.messages.filter((m) => m.severity === 2 && !m.fatal).length;
    warnings += r.warningCount;
  }
  const lines: string[] = [];
  if (groups.length === 0) {
    lines.push(threads === 0 ? 'No open bugs (no bug thread exports, *.bug.json, among the files linted).' : `No open bugs (${plural(threads, 'bug export')} linted, ${closed === threads ? 'all closed' : `${closed} closed`}).`);
  } else {
    // One set of column widths for the whole page, so the columns line up from group to group.
    const rows = groups.map((g) => g.bugs.map((b) => cells(b, ctx.now)));
    const all = rows.flat();
    const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((r) => (r.cells[i] as string).length)));
    let open = 0;
    let overdue = 0;
    groups.forEach((g, gi) => {
      if (gi > 0) lines.push('');
      open += g.bugs.length;
      overdue += g.overdue;
      lines.push(c.bold(`${sanitize(g.ca)}: ${plural(g.bugs.length, 'open bug')}${g.overdue > 0 ? `, ${g.overdue} overdue` : ''}`));
      for (const row of rows[gi] ?? []) {
        const text = row.cells.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] as number) : cell)).join('  ').trimEnd();
        lines.push(`  ${row.overdue ? c.red.bold(text) : text}`);
      }
    });
    lines.push('');
    lines.push(`${plural(open, 'open bug')} of ${plural(groups.length, 'CA')}${overdue > 0 ? `, ${overdue} overdue` : ''}${closed > 0 ? `; ${closed} closed left out` : ''}.`);
  }
  lines.push(...unreadable);
  const problems = errors + warnings;
  if (problems > 0) lines.push(`${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) not shown: -f due lists deadlines; -f stylish shows the findings.`);
  return `${lines.join('\n')}\n`;
};

export default due;
