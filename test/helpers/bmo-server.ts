/**
 * A stand-in for bugzilla.mozilla.org's REST API on 127.0.0.1 (a random
 * port): it serves bugs in bmo's documented shapes (GET /rest/bug/{id},
 * /rest/bug/{id}/comment, /rest/bug/{id}/history with new_since, and the
 * search GET /rest/bug?product=...), answers unknown bugs as bmo does
 * (HTTP 404, error 101) and private ones with HTTP 401, error 102, and
 * misbehaves on request: a script of answers per path is played first
 * (a status with headers, a stall that never answers, JSON cut off, a
 * redirect, any body, the normal answer late), then the normal answer.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

type Json = Record<string, unknown>;

export interface BugData {
  bug: Json;
  comments: Json[];
  history: Json[];
}

export type Step =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { stall: true }
  | { truncate: true }
  | { cutOff: true }
  | { redirect: string; status?: number }
  | { delayMs: number };

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface Bmo {
  url: string;
  requests: Recorded[];
  bugs: Map<number, BugData>;
  /** Bugs that answer 401 "You are not authorized". */
  privateBugs: Set<number>;
  /** Answers to play, per path without the query ("/rest/bug/2100003/comment"), before the normal one. */
  script: Map<string, Step[]>;
  /** Requests being served right now, and the most at once. */
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

const ROOT = path.join(import.meta.dirname, '..', '..');

/** The thread of fixtures/fetch/<id>.*.rest.json, as bmo stores it. */
export function fixtureBug(id: number): BugData {
  const read = (what: string): Json => JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'fetch', `${id}.${what}.rest.json`), 'utf8')) as Json;
  const bug = (read('bug')['bugs'] as Json[])[0] as Json;
  const comments = ((read('comment')['bugs'] as Record<string, { comments: Json[] }>)[String(id)] as { comments: Json[] }).comments;
  const history = ((read('history')['bugs'] as Json[])[0] as { history: Json[] }).history;
  return { bug, comments, history };
}

/** The fixture thread as another bug: its id, and its comments' bug_id, changed. */
export function cloneBug(from: BugData, id: number, bug: Json = {}): BugData {
  const b = structuredClone(from);
  Object.assign(b.bug, bug, { id });
  for (const c of b.comments) c['bug_id'] = id;
  return b;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function after(v: unknown, since: string | null): boolean {
  return since === null || Date.parse(String(v)) > Date.parse(since);
}

export async function startBmo(bugs: BugData[] = []): Promise<Bmo> {
  const state: Omit<Bmo, 'url' | 'close'> = {
    requests: [],
    bugs: new Map(bugs.map((b) => [b.bug['id'] as number, structuredClone(b)])),
    privateBugs: new Set(),
    script: new Map(),
    inFlight: { now: 0, max: 0 },
  };
  const open = new Set<import('node:net').Socket>();

  const normal = (res: ServerResponse, url: URL): void => {
    const parts = url.pathname.split('/').filter((p) => p !== '');
    if (parts[0] !== 'rest' || parts[1] !== 'bug') return send(res, 404, { error: true, code: 32614, message: `A REST API resource was not found for 'GET ${url.pathname}'.` });
    if (parts.length === 2) {
      const q = url.searchParams;
      const found = [...state.bugs.values()]
        .map((b) => b.bug)
        .filter((b) => (q.has('product') ? b['product'] === q.get('product') : true) && (q.has('component') ? b['component'] === q.get('component') : true))
        .filter((b) => (q.get('resolution') === '---' ? b['resolution'] === '' : true))
        .filter((b) => (q.has('assigned_to') ? b['assigned_to'] === q.get('assigned_to') : true))
        .filter((b) => (q.has('summary') ? String(b['summary']).toLowerCase().includes(String(q.get('summary')).toLowerCase()) : true))
        .filter((b) => !state.privateBugs.has(b['id'] as number));
      const fields = (q.get('include_fields') ?? '').split(',').filter((f) => f !== '');
      return send(res, 200, { bugs: found.map((b) => (fields.length > 0 ? Object.fromEntries(fields.map((f) => [f, b[f]])) : b)), faults: [] });
    }
    const id = Number(parts[2]);
    const data = state.bugs.get(id);
    if (state.privateBugs.has(id)) return send(res, 401, { error: true, code: 102, message: `You are not authorized to access bug #${id}. To see this bug, you must first log in to an account with the appropriate permissions.`, documentation: 'https://bmo.readthedocs.org/en/latest/api/' });
    if (!data) return send(res, 404, { error: true, code: 101, message: `Bug #${parts[2]} does not exist.`, documentation: 'https://bmo.readthedocs.org/en/latest/api/' });
    const since = url.searchParams.get('new_since');
    if (parts.length === 3) return send(res, 200, { bugs: [data.bug], faults: [] });
    if (parts[3] === 'comment') return send(res, 200, { bugs: { [String(id)]: { comments: data.comments.filter((c) => after(c['creation_time'], since)) } }, comments: {} });
    if (parts[3] === 'history') return send(res, 200, { bugs: [{ alias: null, history: data.history.filter((h) => after(h['when'], since)), id }] });
    return send(res, 404, { error: true, code: 32614, message: 'no such resource' });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    state.inFlight.now++;
    state.inFlight.max = Math.max(state.inFlight.max, state.inFlight.now);
    res.on('close', () => state.inFlight.now--);
    const step = state.script.get(url.pathname)?.shift();
    if (!step) return normal(res, url);
    if ('stall' in step) return; // never answers
    if ('delayMs' in step) {
      setTimeout(() => normal(res, url), step.delayMs);
      return;
    }
    if ('truncate' in step) {
      // A complete HTTP answer whose JSON stops half-way.
      const full = JSON.stringify({ bugs: [state.bugs.get(Number(url.pathname.split('/')[3]))?.bug ?? {}], faults: [] });
      return send(res, 200, full.slice(0, Math.floor(full.length / 2)));
    }
    if ('cutOff' in step) {
      // The connection drops before the announced length has arrived.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      res.write('{"bugs":[{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if ('redirect' in step) {
      res.writeHead(step.status ?? 302, { location: step.redirect, 'content-length': '0' });
      return res.end();
    }
    return send(res, step.status, step.body ?? (step.status === 429 ? { error: true, message: 'Too many requests' } : 'Service Unavailable'), step.headers);
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    ...state,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
