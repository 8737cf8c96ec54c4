/**
 * What the formatters say about bug threads (SPEC §7): a comment's label,
 * a finding's place (`#cN`), the next deadline and the time left. String
 * work only.
 */
import type { Deadline, LintMessage, LintResult } from '../types.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** `2025-03-02 10:00 UTC` from an ISO time. */
export function utcMinute(iso: string | number): string {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(t)) return String(iso);
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A due time as people read it: the date alone at the start or end of a UTC day, else the minute. */
export function dueDate(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const ms = t % DAY;
  if (ms === 0) return new Date(t).toISOString().slice(0, 10);
  if (ms >= DAY - 1000) return new Date(t).toISOString().slice(0, 10);
  return utcMinute(t);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function span(ms: number): string {
  return ms >= DAY ? plural(Math.floor(ms / DAY), 'day') : plural(Math.max(1, Math.floor(ms / HOUR)), 'hour');
}

/** `3 days left`, `overdue by 2 days`; undefined without a time to compare with. */
export function timeLeft(iso: string, now: number | undefined): string | undefined {
  if (now === undefined) return undefined;
  const due = Date.parse(iso);
  if (!Number.isFinite(due)) return undefined;
  return due >= now ? `${span(due - now)} left` : `overdue by ${span(now - due)}`;
}

export function isOverdue(d: Deadline, now: number | undefined): boolean {
  return now !== undefined && Date.parse(d.due) < now;
}

/** `update due 2026-12-04 (whiteboard Next update), 3 days left`. */
export function deadlineText(d: Deadline, now: number | undefined): string {
  const left = timeLeft(d.due, now);
  return `${d.obligation} due ${dueDate(d.due)} (${d.basis})${left ? `, ${left}` : ''}`;
}

/** `comment 4 (2025-03-02 10:00 UTC, ca@example.com)`. */
export function commentLabel(r: LintResult, count: number): string {
  const c = r.thread?.comments[count];
  return c ? `comment ${count} (${utcMinute(c.iso)}, ${c.creator})` : `comment ${count}`;
}

/** `#c4` for a finding in comment 4, else nothing (compact's `path#cN:line:col`). */
export function commentRef(m: LintMessage): string {
  return m.comment === undefined ? '' : `#c${m.comment}`;
}

/** The line in the export file where a finding's comment text starts (for annotations and SARIF regions on the file itself). */
export function exportLine(r: LintResult, m: LintMessage): number {
  return m.comment === undefined ? m.line : (r.thread?.comments[m.comment]?.line ?? 1);
}

/** Bugs whose summary names no CA (no `Name:` prefix) are grouped under this name. */
export const NO_CA = 'Other';

/**
 * The CA a bug is about and the rest of its title, from the summary's prefix
 * (the text before the first ":", as root programs title bugs: "DigiCert:
 * ..."). A summary with no colon, or with one too far in to be a name, has
 * no prefix.
 */
export function caOf(summary: string): { ca: string; title: string } {
  const colon = summary.indexOf(':');
  const ca = colon > 0 ? summary.slice(0, colon).trim() : '';
  if (ca === '' || ca.length > 80) return { ca: NO_CA, title: summary.trim() };
  return { ca, title: summary.slice(colon + 1).trim() };
}

/** An open bug and what it owes, for the deadline views (`-f due`, `-f html`). */
export interface OpenBug {
  result: LintResult;
  id: number;
  ca: string;
  title: string;
  url: string;
  /** Its open obligations, soonest first. */
  deadlines: Deadline[];
  /** Epoch ms of the soonest; Infinity when none is known. */
  time: number;
}

export interface CaGroup {
  ca: string;
  bugs: OpenBug[];
  /** The group's soonest deadline (epoch ms; Infinity when none is known). */
  time: number;
  overdue: number;
}

/**
 * The open bugs among the results, grouped by CA: groups ordered by their
 * soonest deadline, bugs within a group soonest first (so overdue ones
 * first), then by id; bugs with no known deadline last. Closed bugs are
 * counted, not listed.
 */
export function groupOpenBugs(results: readonly LintResult[], now: number | undefined): { groups: CaGroup[]; threads: number; closed: number } {
  const byCa = new Map<string, CaGroup>();
  let threads = 0;
  let closed = 0;
  for (const r of results) {
    if (!r.thread) continue;
    threads++;
    if (!r.thread.open) {
      closed++;
      continue;
    }
    const deadlines = r.deadlines ?? [];
    const first = deadlines[0];
    const time = first ? Date.parse(first.due) : Number.POSITIVE_INFINITY;
    const { ca, title } = caOf(r.thread.summary);
    let group = byCa.get(ca);
    if (!group) byCa.set(ca, (group = { ca, bugs: [], time: Number.POSITIVE_INFINITY, overdue: 0 }));
    group.bugs.push({ result: r, id: r.thread.id, ca, title, url: r.thread.url, deadlines, time });
    if (time < group.time) group.time = time;
    if (first && isOverdue(first, now)) group.overdue++;
  }
  const groups = [...byCa.values()];
  for (const g of groups) g.bugs.sort((a, b) => a.time - b.time || a.id - b.id);
  groups.sort((a, b) => a.time - b.time || (a.ca === NO_CA ? 1 : 0) - (b.ca === NO_CA ? 1 : 0) || a.ca.localeCompare(b.ca, 'en'));
  return { groups, threads, closed };
}
