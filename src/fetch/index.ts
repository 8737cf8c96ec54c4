/**
 * --fetch: download bugs from Bugzilla's REST API into `<id>.bug.json`
 * exports (SPEC section 7), or refresh exports already there. Loaded only
 * when --fetch is given: linting never touches the network.
 *
 * For each bug: GET rest/bug/{id}, rest/bug/{id}/comment and
 * rest/bug/{id}/history, each answer checked against the documented shape
 * (./schema.ts) before anything is written, the export replaced atomically.
 * Bugs are fetched two at a time; the Limiter keeps to bmo's 75 requests a
 * minute. Failures are one line each on stderr, in the order the bugs were
 * named; the others are still written.
 */
import path from 'node:path';
import type { CliOptions } from '../cli/args.js';
import { DEFAULT_BUGZILLA_URL, DEFAULT_FETCH_TIMEOUT_S } from '../cli/args.js';
import { EXIT_FAILURE, EXIT_OK } from '../cli/exit-codes.js';
import { clause, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { TOOL_NAME } from '../meta.js';
import { BugzillaClient, checkBaseUrl, FetchFailure, sourceOf, tidy, type FetchFn } from './client.js';
import { BMO_LIMITS, Limiter, realClock, type Clock, type LimiterOptions } from './limiter.js';
import { mergeComments, mergeHistory } from './merge.js';
import { bugResponseSchema, commentResponseSchema, exportSchema, firstIssue, historyResponseSchema, searchResponseSchema } from './schema.js';

/** What tests replace: the HTTP call, the clock, the pacing and the backoff. */
export interface FetchDeps {
  fetch?: FetchFn;
  clock?: Clock;
  limits?: Partial<Omit<LimiterOptions, 'clock'>>;
  backoffMs?: number;
  maxRetryWaitMs?: number;
  maxBytes?: number;
}

type Json = Record<string, unknown>;

export const PRODUCT = 'CA Program';
export const COMPONENT = 'CA Certificate Compliance';
/** Bugs asked for per search request. */
const SEARCH_PAGE = 500;

interface Outcome {
  id: number;
  ok: boolean;
  /** What stderr gets when it is not a terminal (on a terminal each line is shown as it happens): notes, and the failure. */
  lines: string[];
}

function parseIds(values: string[]): { ids: number[]; open: boolean } {
  const ids: number[] = [];
  let open = false;
  for (const raw of values.flatMap((v) => v.split(','))) {
    const v = raw.trim();
    if (v === '') continue;
    if (v.toLowerCase() === 'open') {
      open = true;
      continue;
    }
    const digits = v.startsWith('#') ? v.slice(1) : v;
    if (digits === '' || ![...digits].every((c) => c >= '0' && c <= '9') || Number(digits) < 1 || !Number.isSafeInteger(Number(digits))) {
      throw new UsageError(`--fetch expects bug numbers or "open", got "${raw}"`);
    }
    if (!ids.includes(Number(digits))) ids.push(Number(digits));
  }
  if (ids.length === 0 && !open) throw new UsageError('--fetch expects bug numbers or "open"');
  return { ids, open };
}

/** The path as the user would write it: relative to the working directory when inside it. */
function shown(io: Io, abs: string): string {
  const rel = path.relative(io.cwd, abs);
  if (rel === '') return '.';
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

export async function runFetch(io: Io, opts: CliOptions, deps: FetchDeps = {}): Promise<number> {
  const { ids, open } = parseIds(opts.fetch ?? []);
  const base = checkBaseUrl(opts.bugzillaUrl ?? DEFAULT_BUGZILLA_URL);
  if (typeof base === 'string') throw new UsageError(base);
  const apiKey = io.env['BUGZILLA_API_KEY']?.trim() || undefined;
  // Checked here so that Node's own "invalid header value" (which quotes the value) never comes up.
  if (apiKey !== undefined && ![...apiKey].every((c) => c >= '!' && c <= '~')) throw new UsageError('BUGZILLA_API_KEY holds a space, a control character or a non-ASCII character, which an HTTP header cannot carry; set it to the key alone');
  const clock = deps.clock ?? realClock;
  const limiter = new Limiter({ ...BMO_LIMITS, ...deps.limits, clock });
  const client = new BugzillaClient({
    base,
    apiKey,
    timeoutMs: Math.round((opts.fetchTimeout ?? DEFAULT_FETCH_TIMEOUT_S) * 1000),
    limiter,
    clock,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.backoffMs !== undefined ? { backoffMs: deps.backoffMs } : {}),
    ...(deps.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: deps.maxRetryWaitMs } : {}),
    ...(deps.maxBytes !== undefined ? { maxBytes: deps.maxBytes } : {}),
  });
  const tty = io.stderrIsTTY === true;
  const dir = path.resolve(io.cwd, opts.fetchDir ?? '.');
  let failed = 0;
  const all = [...ids];
  if (open) {
    try {
      const found = await searchOpen(client, opts.fetchAssignee, opts.fetchSummary);
      for (const id of found) if (!all.includes(id)) all.push(id);
      const filters = [opts.fetchAssignee !== undefined ? `assigned to ${opts.fetchAssignee}` : '', opts.fetchSummary !== undefined ? `summary starting "${opts.fetchSummary}"` : ''].filter((s) => s !== '');
      if (found.length === 0 || tty) io.stderr(`${TOOL_NAME}: ${found.length} open ${found.length === 1 ? 'bug' : 'bugs'} in ${PRODUCT} :: ${COMPONENT}${filters.length > 0 ? ` ${filters.join(', ')}` : ''} at ${sourceOf(base)}\n`);
    } catch (error) {
      failed++;
      io.stderr(`${TOOL_NAME}: the search for open bugs failed: ${message(error, apiKey)}\n`);
    }
  }
  const outcomes = await inTurn(all, 2, (id, i) => fetchOne(io, client, dir, id, apiKey, tty ? (line) => io.stderr(`${line} (${i + 1}/${all.length})\n`) : undefined));
  for (const o of outcomes) {
    if (!o.ok) failed++;
    if (!tty) for (const line of o.lines) io.stderr(`${line}\n`);
  }
  const bad = outcomes.filter((o) => !o.ok).length;
  if (bad > 0 || tty) io.stderr(`${TOOL_NAME}: fetched ${outcomes.length - bad} of ${outcomes.length} ${outcomes.length === 1 ? 'bug' : 'bugs'} into ${shown(io, dir)}${bad > 0 ? `; ${bad} failed` : ''}\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** Run `f` over the items with at most `width` at a time; results in the items' order. */
async function inTurn<T, R>(items: T[], width: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

function message(error: unknown, apiKey: string | undefined): string {
  return error instanceof FetchFailure ? error.message : tidy(clause(error), apiKey);
}

/**
 * Every open bug of CA Program :: CA Certificate Compliance, optionally of one
 * assignee or with a summary prefix, by id. Bugzilla's `summary` matches a
 * substring, so the prefix is checked here too.
 */
async function searchOpen(client: BugzillaClient, assignee: string | undefined, prefix: string | undefined): Promise<number[]> {
  const ids: number[] = [];
  const skipped = new Set<number>();
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const query: Array<[string, string]> = [
      ['product', PRODUCT],
      ['component', COMPONENT],
      ['resolution', '---'],
      ['include_fields', 'id,summary,status,resolution,assigned_to'],
      ['limit', String(SEARCH_PAGE)],
      ['offset', String(offset)],
    ];
    if (assignee !== undefined) query.push(['assigned_to', assignee]);
    if (prefix !== undefined) query.push(['summary', prefix]);
    const json = await client.getJson('bug', query);
    const parsed = searchResponseSchema.safeParse(json);
    if (!parsed.success) throw new FetchFailure('shape', `the search answer does not have Bugzilla's documented shape (${firstIssue(parsed.error)}); refused`);
    const want = prefix?.trim().toLowerCase();
    let seen = 0;
    for (const b of parsed.data.bugs) {
      if (!ids.includes(b.id) && !skipped.has(b.id)) seen++;
      if ((b.resolution !== undefined && b.resolution !== '') || (want !== undefined && !(b.summary ?? '').trim().toLowerCase().startsWith(want))) {
        skipped.add(b.id);
        continue;
      }
      if (!ids.includes(b.id)) ids.push(b.id);
    }
    // A short page is the last; so is one with nothing new (a Bugzilla that ignores offset would repeat itself forever).
    if (parsed.data.bugs.length < SEARCH_PAGE || seen === 0) break;
  }
  return ids.sort((a, b) => a - b);
}

interface Existing {
  data: Json;
  fetched: string;
}

/** The export already in the folder, when it is one of this bug from this Bugzilla; a note when it is unusable. */
async function readExisting(io: Io, file: string, id: number, source: string): Promise<{ existing?: Existing; note?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return {};
    throw new FetchFailure('io', `cannot read the existing export ${shown(io, file)}: ${clause(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { note: `${shown(io, file)} was not a readable export; fetched bug ${id} in full` };
  }
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success || parsed.data.bug.id !== id) return { note: `${shown(io, file)} was not an export of bug ${id}; fetched it in full` };
  if (parsed.data.source !== source) return {};
  return { existing: { data: raw as Json, fetched: parsed.data.fetched } };
}

/**
 * An ISO time to the second, rounded down ("2026-12-01T08:00:00Z"): the form
 * Bugzilla writes its own times in and reads in new_since. Rounding down
 * only asks for a little more, which the merge drops.
 */
export function isoSeconds(d: Date): string {
  return `${new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

function refuse(what: string, detail: string): never {
  throw new FetchFailure('shape', `the ${what} answer does not have Bugzilla's documented shape (${detail}); refused, nothing written`);
}

async function fetchOne(io: Io, client: BugzillaClient, dir: string, id: number, apiKey: string | undefined, progress?: (line: string) => void): Promise<Outcome> {
  const file = path.join(dir, `${id}.bug.json`);
  const source = sourceOf(client.base);
  let existing: Existing | undefined;
  let note: string | undefined;
  try {
    ({ existing, note } = await readExisting(io, file, id, source));
    // Taken before the first request: whatever is posted while this runs is asked for again next time.
    const fetched = isoSeconds(io.now());
    const since: Array<[string, string]> = existing ? [['new_since', isoSeconds(new Date(existing.fetched))]] : [];

    const bugJson = await client.getJson(`bug/${id}`);
    const bugs = bugResponseSchema.safeParse(bugJson);
    if (!bugs.success) refuse('bug', firstIssue(bugs.error));
    const rawBugs = (bugJson as { bugs: Json[] }).bugs;
    const bug = rawBugs.find((b) => b['id'] === id);
    if (!bug) refuse('bug', rawBugs.length === 0 ? 'no bug in it' : `it is about bug ${String(rawBugs[0]?.['id'])}`);

    const commentJson = await client.getJson(`bug/${id}/comment`, since);
    const comments = commentResponseSchema.safeParse(commentJson);
    if (!comments.success) refuse('comment', firstIssue(comments.error));
    const entry = (commentJson as { bugs: Record<string, { comments: Json[] }> }).bugs[String(id)];
    if (!entry) refuse('comment', `no comments of bug ${id} in it`);
    const stray = entry.comments.find((c) => c['bug_id'] !== undefined && c['bug_id'] !== id);
    if (stray) refuse('comment', `comment ${String(stray['count'])} is of bug ${String(stray['bug_id'])}`);

    const historyJson = await client.getJson(`bug/${id}/history`, since);
    const history = historyResponseSchema.safeParse(historyJson);
    if (!history.success) refuse('history', firstIssue(history.error));
    const hist = (historyJson as { bugs: Array<{ id: unknown; history: Json[] }> }).bugs.find((b) => b.id === id);
    if (!hist) refuse('history', `no history of bug ${id} in it`);

    const oldComments = existing ? ((existing.data['comments'] as Json[] | undefined) ?? []) : [];
    const oldHistory = existing ? ((existing.data['history'] as Json[] | undefined) ?? []) : [];
    const out = {
      bug,
      comments: existing ? mergeComments(oldComments, entry.comments) : entry.comments,
      history: existing ? mergeHistory(oldHistory, hist.history) : hist.history,
      source,
      fetched,
    };
    try {
      await io.writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
    } catch (error) {
      throw new FetchFailure('io', `cannot write ${shown(io, file)}: ${clause(error)}`);
    }
    const added = existing ? `${out.comments.length - oldComments.length} new of ${out.comments.length} comments, ${out.history.length - oldHistory.length} new history entries` : `${out.comments.length} comments, ${out.history.length} history entries`;
    const notes = note ? [`${TOOL_NAME}: ${note}`] : [];
    for (const n of notes) progress?.(n);
    progress?.(`${TOOL_NAME}: bug ${id}: ${added} -> ${shown(io, file)}`);
    return { id, ok: true, lines: notes };
  } catch (error) {
    const why = message(error, apiKey);
    const kind = error instanceof FetchFailure ? error.kind : undefined;
    let line = `${TOOL_NAME}: bug ${id}: ${why}`;
    if (existing && kind === 'not-found') line = `${TOOL_NAME}: bug ${id}: no longer found at ${source} (${why}); kept its export ${shown(io, file)}`;
    else if (existing && kind === 'denied') line = `${TOOL_NAME}: bug ${id}: no longer visible at ${source}, private now or the key lacks access (${why}); kept its export ${shown(io, file)}`;
    else if (existing) line += `; kept its export ${shown(io, file)}`;
    const lines = [...(note ? [`${TOOL_NAME}: ${note}`] : []), line];
    for (const l of lines) progress?.(l);
    return { id, ok: false, lines };
  }
}

