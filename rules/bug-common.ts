/**
 * What the lifecycle rules (`bug-*`, `meta.appliesTo: 'thread'`) share: the
 * IRG versions by the date an obligation arose (zlint's effective dates),
 * "within N days" arithmetic (at most N x 24 hours later), how durations and
 * times are written in messages, and readings of a thread: which comments
 * are the CA's and which reports they hold, whether the bug was open at a
 * moment, the whiteboard as it stood then, the latest Action Items table the
 * CA posted, and which comments by others ask for an answer.
 *
 * A helper module, not a rule (the parity test knows it by name).
 */
import type { ActionItem, IncidentReport } from '../src/model.js';
import { actionItemsOf, columnOf } from '../src/parse/actions.js';
import { parseDueDate } from '../src/parse/timestamp.js';
import { canonicalStatus, DEFAULT_STATUS_ALIASES, DEFAULT_STATUSES } from './_vocabulary.js';
import { parseReport } from '../src/parse/index.js';
import type { BugThread, ThreadComment, Whiteboard } from '../src/parse/thread.js';
import { parseWhiteboard } from '../src/parse/thread.js';
import { clip } from '../src/parse/text.js';
import { timelines } from '../src/parse/timeline.js';
import { parseTimestamp } from '../src/parse/timestamp.js';
import { reportKindOf, type ReportKind } from '../src/templates.js';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// ---------------------------------------------------------------- IRG versions

/** One set of lifecycle rules, in force from a date (00:00 UTC) until the next. */
export interface IrgVersion {
  id: 'wiki' | 'irg-2.0' | 'irg-3.0' | 'irg-3.1' | 'irg-3.2';
  /** For messages: "IRG 3.2", "the Mozilla wiki". */
  name: string;
  /** First day in force, YYYY-MM-DD. */
  from: string;
  fromMs: number;
  /** Hours for the first (Preliminary or Full) report after awareness; undefined: no such rule. */
  initialReportHours: number | undefined;
  /** Days for the Full report after the initial disclosure. */
  fullReportDays: number;
  /** Days between updates without a whiteboard "Next update" date. */
  updateDays: number;
  /** Days to answer a comment or needinfo; `responseMust` is true where the IRG says MUST. */
  responseDays: number;
  responseMust: boolean;
  /** Days for an update after an Action Item changes or passes its due date; undefined before IRG 3.1. */
  actionItemUpdateDays: number | undefined;
  /** Revocation-delay updates every 3 days (SHOULD) / 7 days (MUST) with the four figures. */
  revocationDelayUpdates: boolean;
  /** Closure is requested with a needinfo to incident-reporting@ccadb.org. */
  closureNeedinfo: boolean;
}

const utcDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** The versions, oldest first. */
export const IRG_VERSIONS: readonly IrgVersion[] = [
  { id: 'wiki', name: 'the Mozilla wiki "Responding to an Incident"', from: '1970-01-01', fromMs: 0, initialReportHours: undefined, fullReportDays: 14, updateDays: 7, responseDays: 7, responseMust: false, actionItemUpdateDays: undefined, revocationDelayUpdates: false, closureNeedinfo: false },
  { id: 'irg-2.0', name: 'IRG 2.0', from: '2023-10-17', fromMs: utcDay('2023-10-17'), initialReportHours: 72, fullReportDays: 14, updateDays: 7, responseDays: 7, responseMust: false, actionItemUpdateDays: undefined, revocationDelayUpdates: false, closureNeedinfo: false },
  { id: 'irg-3.0', name: 'IRG 3.0', from: '2025-03-01', fromMs: utcDay('2025-03-01'), initialReportHours: 72, fullReportDays: 14, updateDays: 7, responseDays: 7, responseMust: false, actionItemUpdateDays: undefined, revocationDelayUpdates: true, closureNeedinfo: false },
  { id: 'irg-3.1', name: 'IRG 3.1', from: '2025-07-15', fromMs: utcDay('2025-07-15'), initialReportHours: 72, fullReportDays: 14, updateDays: 7, responseDays: 7, responseMust: false, actionItemUpdateDays: 3, revocationDelayUpdates: true, closureNeedinfo: true },
  { id: 'irg-3.2', name: 'IRG 3.2', from: '2026-03-20', fromMs: utcDay('2026-03-20'), initialReportHours: 72, fullReportDays: 14, updateDays: 7, responseDays: 7, responseMust: true, actionItemUpdateDays: 3, revocationDelayUpdates: true, closureNeedinfo: true },
];

/** The version in force at an instant (ms). */
export function irgAt(ms: number): IrgVersion {
  let v = IRG_VERSIONS[0] as IrgVersion;
  for (const x of IRG_VERSIONS) if (ms >= x.fromMs) v = x;
  return v;
}

// ---------------------------------------------------------------- time arithmetic and wording

/** "Within N days of `from`": at most N x 24 hours later. */
export function withinDays(from: number, to: number, days: number): boolean {
  return to - from <= days * DAY;
}

/** "Within N hours of `from`". */
export function withinHours(from: number, to: number, hours: number): boolean {
  return to - from <= hours * HOUR;
}

function oneDecimal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * A duration in days, one decimal ("12.5 days", "1 day"); when one decimal
 * would round it to a whole number of days it is not (7 days and 40 minutes
 * is past 7 days), the rest is spelled out: "7 days 1 hour", "7 days 40 minutes".
 */
export function formatDays(ms: number): string {
  const r = Math.round((ms / DAY) * 10) / 10;
  if (!Number.isInteger(r) || Math.abs(r * DAY - ms) < 60_000) return `${oneDecimal(ms / DAY)} ${oneDecimal(ms / DAY) === '1' ? 'day' : 'days'}`;
  const days = Math.floor(ms / DAY);
  const rest = ms - days * DAY;
  const hours = Math.floor(rest / HOUR);
  const minutes = Math.round((rest - hours * HOUR) / 60_000);
  return `${plural(days, 'day')} ${hours > 0 ? plural(hours, 'hour') : plural(minutes, 'minute')}`;
}

/** A duration in hours, one decimal ("80.5 hours"), or hours and minutes where one decimal would hide them ("72 hours 1 minute"). */
export function formatHours(ms: number): string {
  const r = Math.round((ms / HOUR) * 10) / 10;
  if (!Number.isInteger(r) || Math.abs(r * HOUR - ms) < 60_000) return `${oneDecimal(ms / HOUR)} ${oneDecimal(ms / HOUR) === '1' ? 'hour' : 'hours'}`;
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.round((ms - hours * HOUR) / 60_000);
  return `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}

/** An instant as messages write it: "2025-03-02 10:00 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The day of an instant, YYYY-MM-DD (UTC). */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The time a thread is judged at, and the last moment it can see: with
 * `--now 2025-12-01` (a whole day) events of that day are visible, and a
 * deadline is missed only once the day has begun after it.
 */
export interface JudgeTime {
  now: number;
  horizon: number;
}

export function judgeTime(ctx: { now(): { toMillis(): number }; nowIsDay(): boolean }): JudgeTime {
  const now = ctx.now().toMillis();
  return { now, horizon: ctx.nowIsDay() ? now + DAY - 1 : now };
}

// ---------------------------------------------------------------- comments, authors, reports

/** The visible comments up to the horizon, in order. */
export function commentsUntil(thread: BugThread, horizon: number): ThreadComment[] {
  return thread.comments.filter((c) => c.time <= horizon);
}

/** "comment 4 by the CA", "comment 4 by a reviewer". */
export function who(c: ThreadComment): string {
  return c.isCa ? 'the CA' : 'a reviewer';
}

export type { ReportKind };

/** The kinds of report a CA comment holds (none for a comment by someone else: a reviewer pasting a template is not the CA's report). */
export function reportKinds(thread: BugThread, c: ThreadComment): Set<ReportKind> {
  const out = new Set<ReportKind>();
  if (!c.isCa) return out;
  const report = thread.reportIn(c);
  if (!report) return out;
  for (const b of report.blocks) out.add(reportKindOf(b.template));
  return out;
}

/** The first CA comment at or after `from` (and up to `horizon`) that satisfies `pred`. */
export function firstCaComment(comments: readonly ThreadComment[], from: number, pred: (c: ThreadComment) => boolean = () => true, strictlyAfter?: ThreadComment): ThreadComment | undefined {
  for (const c of comments) {
    if (!c.isCa || c.time < from) continue;
    if (strictlyAfter && c.count <= strictlyAfter.count) continue;
    if (pred(c)) return c;
  }
  return undefined;
}

/** The comment a moment belongs to: the last visible comment at or before it (comment 0 when none). */
export function commentAt(thread: BugThread, when: number, who?: string): ThreadComment | undefined {
  let best: ThreadComment | undefined;
  for (const c of thread.comments) {
    if (c.time > when + 60_000) break;
    if (who !== undefined && c.creator.toLowerCase() !== who.toLowerCase() && Math.abs(c.time - when) <= 60_000) continue;
    best = c;
  }
  return best;
}

/** The comment posted with a change (same author, within a minute), if any. */
export function commentWith(thread: BugThread, when: number, login: string): ThreadComment | undefined {
  const l = login.toLowerCase();
  return thread.comments.find((c) => c.creator.toLowerCase() === l && Math.abs(c.time - when) <= 60_000);
}

// ---------------------------------------------------------------- status over time

const CLOSED_STATUSES = new Set(['RESOLVED', 'VERIFIED', 'CLOSED']);

/** Intervals [from, to) during which the bug was resolved, from the status changes (the last may be open-ended). */
export function resolvedIntervals(thread: BugThread): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let since: number | undefined;
  const changes = thread.changes.filter((c) => c.field === 'status').sort((a, b) => a.when - b.when);
  for (const ch of changes) {
    const closed = CLOSED_STATUSES.has(ch.added.toUpperCase());
    if (closed && since === undefined) since = ch.when;
    else if (!closed && since !== undefined) {
      out.push({ from: since, to: ch.when });
      since = undefined;
    }
  }
  if (since === undefined && !thread.open) since = thread.resolvedAt ?? thread.created; // resolved, but the history lacks the change
  if (since !== undefined) out.push({ from: since, to: Number.POSITIVE_INFINITY });
  return out;
}

/** The first moment in [from, to] at which the bug was resolved, if any. */
export function resolvedBetween(intervals: ReadonlyArray<{ from: number; to: number }>, from: number, to: number): number | undefined {
  for (const i of intervals) if (i.from <= to && i.to > from) return Math.max(i.from, from);
  return undefined;
}

/** Whether the bug was resolved at an instant. */
export function resolvedAt(intervals: ReadonlyArray<{ from: number; to: number }>, at: number): boolean {
  return intervals.some((i) => i.from <= at && at < i.to);
}

// ---------------------------------------------------------------- the whiteboard over time

export interface WhiteboardState {
  /** When this text took effect (the bug's creation for the first). */
  since: number;
  whiteboard: Whiteboard;
}

/** The whiteboard texts over time, oldest first, parsed. */
export function whiteboardStates(thread: BugThread): WhiteboardState[] {
  const hist = thread.whiteboardHistory;
  if (hist.length === 0) return [{ since: thread.created, whiteboard: thread.whiteboard }];
  const states = hist.map((h, i) => ({ since: h.when, whiteboard: i === hist.length - 1 ? thread.whiteboard : parseWhiteboard(h.text) }));
  // Before the first change the whiteboard was empty (an export whose first change removed nothing).
  if ((states[0] as WhiteboardState).since > thread.created) states.unshift({ since: thread.created, whiteboard: parseWhiteboard('') });
  return states;
}

/** The whiteboard as it stood at an instant. */
export function whiteboardAt(states: readonly WhiteboardState[], at: number): WhiteboardState {
  let s = states[0] as WhiteboardState;
  for (const x of states) if (x.since <= at) s = x;
  return s;
}

// ---------------------------------------------------------------- comments that ask for an answer

/** The moderator's final call for comments before closing. */
const FINAL_CALL = /\b(?:i|we)(?:'ll| will| intend to| plan to| am going to| are going to)\s+(?:close|be closing|resolve)\s+(?:this|the)(?:\s+(?:bug|incident|report|issue))?\s+(?:on\s+or\s+about|on\s+or\s+after|on|after|by|around)\b/i;
/** A comment that only thanks or acknowledges. */
const THANKS_ONLY = /^(?:thanks?|thank\s+you|many\s+thanks|thx|ty|noted|ack(?:nowledged)?|great|ok(?:ay)?)\b[^?\n]{0,60}$/i;

/** A Bugzilla reply header: "(In reply to Jane Doe from comment #3)". */
const REPLY_HEADER = /^[ \t]*\(In reply to [^\n]{0,200}\)[ \t]*$/i;

/** The comment's own words: without quoted lines (`> ...`) and Bugzilla's reply headers. */
export function ownText(c: ThreadComment): string {
  return c.text
    .split('\n')
    .filter((l) => !/^[ \t]*>/.test(l) && !REPLY_HEADER.test(l))
    .join('\n')
    .trim();
}

export interface AnswerOptions {
  /** Logins whose comments need no answer (bots), lowercased. */
  ignoreAuthors: readonly string[];
  /** A comment that only says thanks needs no answer. */
  ignoreThanks: boolean;
}

/** Why a comment by someone other than the CA needs no answer, or undefined when it needs one. */
export function noAnswerNeeded(thread: BugThread, c: ThreadComment, o: AnswerOptions, closeOnSetAt: ReadonlyArray<{ when: number; who: string }>): string | undefined {
  if (c.isCa) return 'by the CA';
  if (o.ignoreAuthors.includes(c.creator.toLowerCase())) return 'ignored author';
  const own = ownText(c);
  if (own === '') return 'empty';
  if (FINAL_CALL.test(own)) return 'final call';
  if (closeOnSetAt.some((x) => x.who.toLowerCase() === c.creator.toLowerCase() && Math.abs(x.when - c.time) <= HOUR)) return 'final call';
  if (o.ignoreThanks && THANKS_ONLY.test(own)) return 'thanks';
  return undefined;
}

/** When (and by whom) the whiteboard was given a new "Next update YYYY-MM-DD", and the end of that day. */
export function nextUpdateSettings(thread: BugThread, states: readonly WhiteboardState[]): Array<{ when: number; who: string; until: number }> {
  const out: Array<{ when: number; who: string; until: number }> = [];
  for (let i = 1; i < states.length; i++) {
    const s = states[i] as WhiteboardState;
    const d = s.whiteboard.nextUpdate;
    if (!d || d.iso === (states[i - 1] as WhiteboardState).whiteboard.nextUpdate?.iso) continue;
    const change = thread.changes.find((ch) => ch.field === 'whiteboard' && ch.when === s.since);
    out.push({ when: s.since, who: change?.who ?? '', until: d.time + DAY - 1 });
  }
  return out;
}

/** When (and by whom) a `[close on YYYY-MM-DD]` tag was put on the whiteboard. */
export function closeOnSettings(thread: BugThread, states: readonly WhiteboardState[]): Array<{ when: number; who: string }> {
  const out: Array<{ when: number; who: string }> = [];
  for (let i = 0; i < states.length; i++) {
    const s = states[i] as WhiteboardState;
    const before = i > 0 ? (states[i - 1] as WhiteboardState).whiteboard.closeOn?.iso : undefined;
    if (!s.whiteboard.closeOn || s.whiteboard.closeOn.iso === before) continue;
    const change = thread.changes.find((ch) => ch.field === 'whiteboard' && ch.when === s.since);
    out.push({ when: s.since, who: change?.who ?? '' });
  }
  return out;
}

// ---------------------------------------------------------------- action items

export interface PostedItem {
  action: string;
  status: string | undefined;
  /** Canonical status (Ongoing, Complete, Delayed, Canceled) when it reads as one. */
  canonical: string | undefined;
  /** Due date (00:00 UTC of that day) when it reads as a date. */
  due: number | undefined;
  dueText: string | undefined;
}

export interface PostedTable {
  comment: ThreadComment;
  items: PostedItem[];
}

function posted(items: ReadonlyArray<Pick<ActionItem, 'action' | 'status' | 'dueDate'>>): PostedItem[] {
  return items.map((it) => {
    const status = it.status?.text.trim();
    const canonical = status ? canonicalStatus(status, DEFAULT_STATUSES, DEFAULT_STATUS_ALIASES)?.value : undefined;
    const d = it.dueDate ? parseDueDate(it.dueDate.text) : undefined;
    const due = d && (d.kind === 'iso' || d.kind === 'clear') ? d.date.toMillis() : undefined;
    return { action: clip(it.action.text.replace(/[*_`]/g, '').trim(), 50), status, canonical, due, dueText: it.dueDate?.text.trim() };
  });
}

/** Action items of a report: its Action Items sections, else any table whose header names an action and a status column. */
function itemsOfReport(report: IncidentReport): PostedItem[] | undefined {
  const inBlocks = actionItemsOf(report).filter((a) => a.items.length > 0 && a.columns.includes('status'));
  if (inBlocks.length > 0) return posted(inBlocks.flatMap((a) => a.items));
  for (const t of report.tables) {
    const cols = t.header.cells.map((c) => columnOf(c.text));
    const ai = cols.indexOf('action');
    const st = cols.indexOf('status');
    if (ai < 0 || st < 0) continue;
    const due = cols.indexOf('dueDate');
    const items = t.rows.map((r) => ({
      action: r.cells[ai] ?? { text: '', span: r.span },
      status: r.cells[st],
      dueDate: due >= 0 ? r.cells[due] : undefined,
    }));
    return posted(items.filter((i) => i.action.text.trim() !== ''));
  }
  return undefined;
}

/** A comment that may hold an Action Items table: a pipe and the words of its header (a cheap test before parsing it). */
function mayHoldTable(text: string): boolean {
  if (!text.includes('|')) return false;
  const lower = text.toLowerCase();
  return lower.includes('action') && lower.includes('status');
}

/** The Action Items tables the CA posted, in comment order (a table with a Status column: a v3 table). */
export function postedTables(thread: BugThread, comments: readonly ThreadComment[]): PostedTable[] {
  const out: PostedTable[] = [];
  for (const c of comments) {
    if (!c.isCa) continue;
    let items: PostedItem[] | undefined;
    const report = thread.reportIn(c);
    if (report) items = itemsOfReport(report);
    else if (mayHoldTable(c.text)) items = itemsOfReport(parseReport(c.text));
    if (items && items.length > 0) out.push({ comment: c, items });
  }
  return out;
}

/** The latest table posted at or before an instant. */
export function latestTable(tables: readonly PostedTable[], at: number): PostedTable | undefined {
  let t: PostedTable | undefined;
  for (const x of tables) if (x.comment.time <= at) t = x;
  return t;
}

/** An item that is done: Complete or Canceled (the `done` list, lowercased). */
export function isDone(item: PostedItem, done: readonly string[]): boolean {
  const s = (item.canonical ?? item.status ?? '').toLowerCase();
  return done.includes(s);
}

// ---------------------------------------------------------------- awareness, as the CA's report states it

/** Timeline words that record the CA becoming aware. */
const AWARE_ENTRY = /\b(?:became aware|become aware|becomes aware|was made aware|were made aware|notified|received|discovered|detected|identified|alerted|learned|noticed|was reported|were reported)\b/i;

/** The latest instant a timestamp can mean: the end of a date-only day, and UTC-12 for a time without a zone (the benefit of the doubt goes to the CA). */
function latestReading(instant: { toMillis(): number } | undefined, precision: string, zoned: boolean): number | undefined {
  if (!instant) return undefined;
  let ms = instant.toMillis();
  if (precision === 'date') ms += DAY;
  if (!zoned) ms += 12 * HOUR;
  return ms;
}

export interface Awareness {
  at: number;
  /** What says so: "the Non-compliance identified date", "the Timeline". */
  from: string;
}

/** When a CA report says the CA became aware: its Non-compliance identified date, else the first Timeline entry that records awareness. */
export function awarenessIn(report: IncidentReport): Awareness | undefined {
  for (const block of report.blocks) {
    const summary = block.sections.find((s) => s.spec.key === 'summary');
    const f = summary?.fields.find((x) => x.spec.key === 'noncompliance-identified');
    if (!f || f.value.trim() === '') continue;
    const ts = parseTimestamp(f.value.replace(/[*_`]/g, ''));
    if (!ts || !ts.date || ts.missingYear || ts.invalidDate || ts.ambiguousDate) continue;
    const at = latestReading(ts.instant, ts.precision, ts.zoneUsed !== undefined && ts.zoneUsed.kind !== 'local');
    if (at !== undefined) return { at, from: 'the Non-compliance identified date' };
  }
  let best: number | undefined;
  for (const t of timelines(report)) {
    for (const e of t.entries) {
      if (!e.instant || e.timestamp.ambiguousDate || !AWARE_ENTRY.test(e.text)) continue;
      const at = latestReading(e.instant, e.precision, e.zoneSource !== 'none');
      if (at !== undefined && (best === undefined || at < best)) best = at;
    }
  }
  return best === undefined ? undefined : { at: best, from: 'the Timeline' };
}
