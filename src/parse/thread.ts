/**
 * Bug threads: a Bugzilla bug exported as `<bug-id>.bug.json` (SPEC §7), read
 * into the model the lifecycle rules check and the engine lints the CA's
 * reports from.
 *
 * The export is Bugzilla's own REST field names: `{"bug": <GET
 * /rest/bug/{id}>, "comments": [<GET /rest/bug/{id}/comment>], "history":
 * [<GET /rest/bug/{id}/history>], "source": "<base URL>", "fetched": "<ISO
 * time>"}`. Unknown keys are ignored (a fixture's `note`, the many bug fields
 * not read). A malformed export throws a ThreadFormatError naming the field.
 *
 * Pure: string work only. Loaded on first use by the engine (only .bug.json
 * files need it), so zod/mini and the scanner cost a report run nothing.
 */
import * as z from 'zod/mini';
import type { IncidentReport } from '../model.js';
import { parseReport } from './index.js';
import { computeLineStarts } from './lines.js';

export interface ThreadComment {
  /** Bugzilla's comment number: 0 is the description. */
  count: number;
  text: string;
  creator: string;
  /** Epoch ms UTC. */
  time: number;
  /** The export's creation_time, as written. */
  iso: string;
  /** Written from an account on the CA's side. */
  isCa: boolean;
  tags: string[];
  /** 1-based line in the export file where this comment's "text" value starts (for SARIF physical locations and the LSP). */
  line: number;
}

export interface FlagEvent {
  when: number;
  who: string;
  /** The login in needinfo?(login). */
  target: string;
  change: 'set' | 'cleared';
}

export interface FieldChange {
  when: number;
  who: string;
  field: string;
  removed: string;
  added: string;
}

export interface Whiteboard {
  text: string;
  /** [bracketed] tokens (without the brackets) and bare words like revocation-delay, lower-cased. */
  tags: string[];
  /** "Next update YYYY-MM-DD". */
  nextUpdate?: { iso: string; time: number };
  /** "[close on YYYY-MM-DD]". */
  closeOn?: { iso: string; time: number };
  revocationDelay: boolean;
}

export interface BugThread {
  /** The export file's text. */
  source: string;
  lineStarts: number[];
  id: number;
  summary: string;
  /** `<source>/show_bug.cgi?id=<id>`. */
  url: string;
  status: string;
  resolution: string;
  /** Status not RESOLVED / VERIFIED / CLOSED. */
  open: boolean;
  /** The last change of status to RESOLVED. */
  resolvedAt?: number;
  created: number;
  creator: string;
  assignee: string;
  /** Lower-cased: the assignee (and earlier assignees at its own mail domain), the creator when self-reported, config caAccounts (an entry `@example.com` is a whole domain). */
  caAccounts: ReadonlySet<string>;
  /** The bug was filed from an account on the CA's side. */
  selfReported: boolean;
  whiteboard: Whiteboard;
  /** From history, oldest first, the current text last. */
  whiteboardHistory: Array<{ when: number; text: string }>;
  /** The visible comments in count order; private and spam-tagged ones skipped. */
  comments: ThreadComment[];
  /** needinfo flags set and cleared, from history `flagtypes.name` and the bug's current `flags`, oldest first. */
  needinfo: FlagEvent[];
  /** Status, resolution, whiteboard and other field changes from history, oldest first (flags are in `needinfo`). */
  changes: FieldChange[];
  /** When the export was made (`fetched`; else the latest time in it). */
  fetched: number;
  /** True for a login on the CA's side. */
  isCa(login: string): boolean;
  /** The report blocks a CA comment holds, parsed, computed once on first use; undefined when it holds none (or the comment is not the CA's). */
  reportIn(comment: ThreadComment): IncidentReport | undefined;
}

/** A malformed export: `message` is one line naming the field path. */
export class ThreadFormatError extends Error {
  constructor(
    message: string,
    /** 1-based line in the export, where known. */
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'ThreadFormatError';
  }
}

export interface ParseThreadOptions {
  /** Logins on the CA's side besides the assignee (config `caAccounts`); `@domain` for a whole domain. */
  caAccounts?: readonly string[];
}

export const DEFAULT_BUGZILLA_URL = 'https://bugzilla.mozilla.org';

// ------------------------------------------------------------------ schema

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function isoTime(value: string): number | undefined {
  if (!ISO_TIME.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

const schemas = (() => {
  let built: ReturnType<typeof build> | undefined;
  function build() {
    const time = z.string().check(z.refine((v) => isoTime(v) !== undefined, { message: 'expected an ISO time' }));
    const login = z.string();
    const flag = z.object({
      name: z.string(),
      status: z.string(),
      requestee: z.optional(z.nullable(login)),
      setter: z.optional(z.nullable(login)),
      creation_date: z.optional(z.nullable(time)),
      modification_date: z.optional(z.nullable(time)),
    });
    const bug = z.object({
      id: z.number().check(z.int(), z.positive()),
      summary: z.string(),
      whiteboard: z._default(z.nullable(z.string()), ''),
      status: z.string(),
      resolution: z._default(z.nullable(z.string()), ''),
      creation_time: time,
      creator: login,
      assigned_to: login,
      flags: z._default(z.array(flag), []),
      cf_last_resolved: z.optional(z.nullable(z.string())),
    });
    const comment = z.object({
      count: z.number().check(z.int(), z.nonnegative()),
      text: z.string(),
      creator: login,
      creation_time: time,
      is_private: z._default(z.union([z.boolean(), z.number()]), false),
      tags: z._default(z.nullable(z.array(z.string())), []),
    });
    const change = z.object({
      field_name: z.string(),
      removed: z._default(z.nullable(z.union([z.string(), z.number()])), ''),
      added: z._default(z.nullable(z.union([z.string(), z.number()])), ''),
    });
    const entry = z.object({ when: time, who: login, changes: z.array(change) });
    return z.object({
      bug,
      comments: z.array(comment),
      history: z._default(z.array(entry), []),
      source: z._default(z.string().check(z.refine((v) => /^https?:\/\/\S+$/i.test(v), { message: 'expected the Bugzilla base URL (https://...)' })), DEFAULT_BUGZILLA_URL),
      fetched: z.optional(time),
    });
  }
  return () => (built ??= build());
})();

type Export = z.infer<ReturnType<typeof schemas>>;

/** `comments[3].creation_time` from a zod issue path. */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function issueText(root: unknown, issue: { code: string; path: ReadonlyArray<PropertyKey>; message: string; expected?: unknown }): string {
  const where = fieldPath(issue.path) || 'the export';
  const got = valueAt(root, issue.path);
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    const what = expected === 'array' ? 'an array' : expected === 'object' ? 'an object' : `a ${expected}`;
    return got === undefined ? `${where}: missing (expected ${what})` : `${where}: expected ${what}, got ${describe(got)}`;
  }
  if (issue.code === 'custom') return `${where}: ${issue.message}, got ${describe(got)}`;
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

// ------------------------------------------------------------------ locating the comments' text in the file

/**
 * Lines (1-based) where each `comments[i].text` value starts, by index.
 * A small scanner over JSON text already known to be valid: it follows the
 * top-level object's "comments" array and the "text" key of each element.
 */
function commentTextLines(source: string, lineStarts: number[]): number[] {
  const lines: number[] = [];
  let i = 0;
  const n = source.length;
  let line = 1;
  const lineOf = (offset: number): number => {
    while (line < lineStarts.length && (lineStarts[line] as number) <= offset) line++;
    return line;
  };
  const ws = (): void => {
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else break;
    }
  };
  const str = (): string => {
    // At the opening quote; returns the raw contents (escapes left as written, fine for key names).
    const start = ++i;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) break;
      else i++;
    }
    const raw = source.slice(start, i);
    i++;
    return raw;
  };
  const skip = (): void => {
    ws();
    const c = source.charCodeAt(i);
    if (c === 34) {
      str();
    } else if (c === 123 || c === 91) {
      let depth = 0;
      while (i < n) {
        const d = source.charCodeAt(i);
        if (d === 34) {
          str();
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
    } else {
      while (i < n && !',}] \t\r\n'.includes(source[i] as string)) i++;
    }
  };
  /** Walks an object at `{`, calling `onKey` at each value (which must consume it). */
  const object = (onKey: (key: string) => void): void => {
    i++;
    for (;;) {
      ws();
      if (source.charCodeAt(i) === 125 || i >= n) {
        i++;
        return;
      }
      if (source.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      const key = str();
      ws();
      i++; // :
      ws();
      onKey(key);
    }
  };
  ws();
  if (source.charCodeAt(i) !== 123) return lines;
  object((key) => {
    if (key !== 'comments' || source.charCodeAt(i) !== 91) return skip();
    i++;
    for (;;) {
      ws();
      const c = source.charCodeAt(i);
      if (c === 93 || i >= n) {
        i++;
        return;
      }
      if (c === 44) {
        i++;
        continue;
      }
      const index = lines.length;
      lines.push(lineOf(i));
      if (c !== 123) {
        skip();
        continue;
      }
      object((k) => {
        if (k === 'text') lines[index] = lineOf(i);
        skip();
      });
    }
  });
  return lines;
}

// ------------------------------------------------------------------ whiteboard

// Linear: a fixed word, optional separators, a fixed-shape date.
const NEXT_UPDATE = /\bnext[ _-]?update\b[\s:=-]{0,5}(?:on\s+|by\s+)?(\d{4}-\d{2}-\d{2})/i;
const CLOSE_ON = /\[[ \t]*close[ _-]?on[ \t]*(?::[ \t]*)?(\d{4}-\d{2}-\d{2})[ \t]*\]/i;
const BRACKETED = /\[([^\]\n]{1,80})\]/g;

function dayOf(iso: string): { iso: string; time: number } | undefined {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === iso ? { iso, time } : undefined;
}

/** Read a whiteboard: its tags, "Next update YYYY-MM-DD", "[close on YYYY-MM-DD]", revocation-delay. */
export function parseWhiteboard(text: string): Whiteboard {
  const tags: string[] = [];
  const next = NEXT_UPDATE.exec(text);
  const close = CLOSE_ON.exec(text);
  let rest = text;
  if (close) rest = rest.replace(close[0], ' ');
  if (next) rest = rest.replace(next[0], ' ');
  rest = rest.replace(BRACKETED, (_whole, inner: string) => {
    const tag = inner.trim().toLowerCase();
    if (tag) tags.push(tag);
    return ' ';
  });
  for (const word of rest.split(/[\s,;]+/)) {
    const w = word.trim().toLowerCase();
    // Bare words that read as tags: letters, digits and dashes (revocation-delay), not stray punctuation.
    if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(w)) tags.push(w);
  }
  const wb: Whiteboard = { text, tags, revocationDelay: tags.some((t) => t.includes('revocation-delay') || t.includes('delayed-revocation')) };
  const nu = next ? dayOf(next[1] as string) : undefined;
  if (nu) wb.nextUpdate = nu;
  const co = close ? dayOf(close[1] as string) : undefined;
  if (co) wb.closeOn = co;
  return wb;
}

// ------------------------------------------------------------------ the thread

const CLOSED_STATUSES = new Set(['RESOLVED', 'VERIFIED', 'CLOSED']);
/** History names of the fields read (Bugzilla's API names and its database names). */
const FIELD_ALIASES: Record<string, string> = { bug_status: 'status', status_whiteboard: 'whiteboard', assigned_to: 'assigned_to' };
/** Mail domains that say nothing about who an account belongs to. */
const SHARED_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'protonmail.com', 'proton.me', 'gmx.de', 'gmx.net', 'mail.com', 'mozilla.com', 'mozilla.org', 'ccadb.org', 'bugzilla.bugs', 'users.noreply.github.com']);

function domainOf(login: string): string | undefined {
  const at = login.lastIndexOf('@');
  return at > 0 && at < login.length - 1 ? login.slice(at + 1).toLowerCase() : undefined;
}

/** `needinfo?(a@b.example), needinfo?(c@d.example)` → the logins. */
function needinfoTargets(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*needinfo\?\((.{1,320})\)\s*$/.exec(part);
    if (m) out.push((m[1] as string).trim());
  }
  return out;
}

function str(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Read a `.bug.json` export. Throws a ThreadFormatError (one line naming the
 * field) for text that is not JSON or not the export's shape.
 */
export function parseThread(source: string, options: ParseThreadOptions = {}): BugThread {
  const lineStarts = computeLineStarts(source);
  let raw: unknown;
  try {
    raw = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(text);
    const pos = at ? computePosition(lineStarts, Number(at[1])) : { line: 1, column: 1 };
    throw new ThreadFormatError(`not a Bugzilla export: invalid JSON (${text.split('\n')[0] ?? ''})`, pos.line, pos.column);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ThreadFormatError(`not a Bugzilla export: expected an object with "bug" and "comments", got ${describe(raw)}`);
  const parsed = schemas().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as { code: string; path: PropertyKey[]; message: string; expected?: unknown };
    const line = issue.path[0] === 'comments' && typeof issue.path[1] === 'number' ? commentTextLines(source, lineStarts)[issue.path[1]] : undefined;
    throw new ThreadFormatError(issueText(raw, issue), line ?? 1);
  }
  return buildThread(source, lineStarts, parsed.data, options);
}

function computePosition(lineStarts: number[], offset: number): { line: number; column: number } {
  let line = 1;
  while (line < lineStarts.length && (lineStarts[line] as number) <= offset) line++;
  return { line, column: offset - (lineStarts[line - 1] as number) + 1 };
}

function buildThread(source: string, lineStarts: number[], data: Export, options: ParseThreadOptions): BugThread {
  const { bug } = data;
  const assignee = bug.assigned_to;
  const creator = bug.creator;
  const accounts = new Set<string>();
  const assigneeLower = assignee.toLowerCase();
  // Bugzilla's placeholder for an unassigned bug is nobody@mozilla.org: not the CA.
  if (assigneeLower && !/^nobody@/.test(assigneeLower)) accounts.add(assigneeLower);
  // A bug handed from one CA contact to another: earlier assignees at an organisation's own domain are the CA's too.
  for (const h of data.history) {
    for (const ch of h.changes) {
      if (ch.field_name !== 'assigned_to') continue;
      for (const v of [str(ch.removed), str(ch.added)]) {
        const l = v.trim().toLowerCase();
        const d = domainOf(l);
        if (l && !/^nobody@/.test(l) && d !== undefined && !SHARED_DOMAINS.has(d) && d === domainOf(assigneeLower)) accounts.add(l);
      }
    }
  }
  for (const a of options.caAccounts ?? []) if (a.trim()) accounts.add(a.trim().toLowerCase());
  const matches = (login: string): boolean => {
    const l = login.toLowerCase();
    if (accounts.has(l)) return true;
    const d = domainOf(l);
    return d !== undefined && accounts.has(`@${d}`);
  };
  const assigneeDomain = accounts.has(assigneeLower) ? domainOf(assigneeLower) : undefined;
  const creatorLower = creator.toLowerCase();
  // Self-reported: filed by a CA account, or from the assignee's own (organisational) mail domain.
  const selfReported = matches(creatorLower) || (assigneeDomain !== undefined && !SHARED_DOMAINS.has(assigneeDomain) && domainOf(creatorLower) === assigneeDomain);
  if (selfReported) accounts.add(creatorLower);
  const isCa = (login: string): boolean => matches(login);

  const textLines = commentTextLines(source, lineStarts);
  const comments: ThreadComment[] = [];
  data.comments.forEach((c, index) => {
    const tags = (c.tags ?? []).map((t) => t.toLowerCase());
    if (c.is_private === true || c.is_private === 1 || tags.includes('spam')) return;
    const time = isoTime(c.creation_time) as number;
    comments.push({ count: c.count, text: c.text, creator: c.creator, time, iso: c.creation_time, isCa: isCa(c.creator), tags, line: textLines[index] ?? 1 });
  });
  comments.sort((a, b) => a.count - b.count || a.time - b.time);

  const changes: FieldChange[] = [];
  const needinfo: FlagEvent[] = [];
  const history = [...data.history].map((h) => ({ ...h, t: isoTime(h.when) as number })).sort((a, b) => a.t - b.t);
  for (const h of history) {
    for (const ch of h.changes) {
      const field = FIELD_ALIASES[ch.field_name] ?? ch.field_name;
      const removed = str(ch.removed);
      const added = str(ch.added);
      if (field === 'flagtypes.name') {
        for (const target of needinfoTargets(removed)) needinfo.push({ when: h.t, who: h.who, target, change: 'cleared' });
        for (const target of needinfoTargets(added)) needinfo.push({ when: h.t, who: h.who, target, change: 'set' });
        continue;
      }
      changes.push({ when: h.t, who: h.who, field, removed, added });
    }
  }
  // A needinfo still standing that the history does not show being set (an export cut by new_since, or no history).
  for (const f of bug.flags) {
    if (f.name !== 'needinfo' || f.status !== '?' || !f.requestee) continue;
    const target = f.requestee;
    const last = [...needinfo].reverse().find((e) => e.target.toLowerCase() === target.toLowerCase());
    if (last?.change === 'set') continue;
    const when = isoTime(f.creation_date ?? f.modification_date ?? '') ?? isoTime(bug.creation_time) as number;
    needinfo.push({ when, who: f.setter ?? '', target, change: 'set' });
  }
  needinfo.sort((a, b) => a.when - b.when);

  const whiteboardText = bug.whiteboard ?? '';
  const wbChanges = changes.filter((c) => c.field === 'whiteboard');
  const created = isoTime(bug.creation_time) as number;
  const whiteboardHistory: Array<{ when: number; text: string }> = [];
  if (wbChanges.length > 0) {
    const first = wbChanges[0] as FieldChange;
    if (first.removed !== '') whiteboardHistory.push({ when: created, text: first.removed });
    for (const c of wbChanges) whiteboardHistory.push({ when: c.when, text: c.added });
    const last = whiteboardHistory[whiteboardHistory.length - 1] as { when: number; text: string };
    if (last.text !== whiteboardText) whiteboardHistory.push({ when: last.when, text: whiteboardText });
  } else {
    whiteboardHistory.push({ when: created, text: whiteboardText });
  }

  const status = bug.status;
  const open = !CLOSED_STATUSES.has(status.toUpperCase());
  const resolvedChange = [...changes].reverse().find((c) => c.field === 'status' && c.added.toUpperCase() === 'RESOLVED');
  let resolvedAt = resolvedChange?.when;
  if (resolvedAt === undefined && !open && bug.cf_last_resolved) {
    const t = Date.parse(bug.cf_last_resolved.includes('T') ? bug.cf_last_resolved : `${bug.cf_last_resolved.replace(' ', 'T')}Z`);
    if (Number.isFinite(t)) resolvedAt = t;
  }

  let fetched = data.fetched !== undefined ? (isoTime(data.fetched) as number) : created;
  if (data.fetched === undefined) {
    for (const c of comments) fetched = Math.max(fetched, c.time);
    for (const h of history) fetched = Math.max(fetched, h.t);
  }

  let base = data.source;
  while (base.endsWith('/')) base = base.slice(0, -1);
  const reports = new Map<ThreadComment, IncidentReport | undefined>();
  const thread: BugThread = {
    source,
    lineStarts,
    id: bug.id,
    summary: bug.summary,
    url: `${base}/show_bug.cgi?id=${bug.id}`,
    status,
    resolution: bug.resolution ?? '',
    open,
    created,
    creator,
    assignee,
    caAccounts: accounts,
    selfReported,
    whiteboard: parseWhiteboard(whiteboardText),
    whiteboardHistory,
    comments,
    needinfo,
    changes,
    fetched,
    isCa,
    reportIn(comment: ThreadComment): IncidentReport | undefined {
      if (reports.has(comment)) return reports.get(comment);
      let report: IncidentReport | undefined;
      if (comment.isCa) {
        try {
          const parsed = parseReport(comment.text);
          if (parsed.blocks.length > 0) report = parsed;
        } catch {
          report = undefined; // a comment the parser refuses (nesting limit) holds no report a rule can read
        }
      }
      reports.set(comment, report);
      return report;
    },
  };
  if (resolvedAt !== undefined) thread.resolvedAt = resolvedAt;
  return thread;
}
