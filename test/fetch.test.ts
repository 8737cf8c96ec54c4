/**
 * --fetch with the real client (Node's fetch, the Limiter, retries, the
 * export writer) against a bmo stand-in on 127.0.0.1 that misbehaves on
 * purpose. runFetch() runs with the in-memory Io (exports land in its file
 * map) and a short backoff; the built binary runs the main scenario in
 * test/fetch-bin.test.ts. No test touches the internet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { main } from '../src/cli/main.js';
import { runFetch, type FetchDeps } from '../src/fetch/index.js';
import { cloneBug, fixtureBug, startBmo, type Bmo, type BugData } from './helpers/bmo-server.js';
import { memoryIo, type MemoryIo } from './helpers/memory-io.js';

const KEY = 'k3y-DO-NOT-LEAK-4f9a2c';
const ID = 2100003;
const FILE = `/work/d/${ID}.bug.json`;
const FAST: FetchDeps = { backoffMs: 20 };

let bmo: Bmo;
beforeEach(async () => {
  bmo = await startBmo([fixtureBug(ID)]);
});
afterEach(async () => {
  await bmo.close();
});

interface Run {
  code: number;
  err: string;
  out: string;
  io: MemoryIo;
}

async function fetchRun(args: string[], o: { files?: Record<string, string | Uint8Array>; now?: string; tty?: boolean; env?: Record<string, string>; deps?: FetchDeps; patch?: (io: MemoryIo) => void } = {}): Promise<Run> {
  const argv = ['--fetch-dir', 'd', '--bugzilla-url', bmo.url, ...args];
  const io = memoryIo({ argv, cwd: '/work', files: o.files ?? {}, env: o.env ?? { BUGZILLA_API_KEY: KEY }, now: o.now ?? '2025-10-20T08:00:00Z' });
  if (o.tty) io.stderrIsTTY = true;
  o.patch?.(io);
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'run') throw new Error('not a run');
  const code = await runFetch(io, parsed.options, { ...FAST, ...o.deps });
  return { code, err: io.err, out: io.out, io };
}

function exported(io: MemoryIo, file = FILE): { bug: Record<string, unknown>; comments: Array<Record<string, unknown>>; history: Array<Record<string, unknown>>; source: string; fetched: string } {
  const text = io.files.get(file);
  if (typeof text !== 'string') throw new Error(`${file} was not written`);
  return JSON.parse(text) as ReturnType<typeof exported>;
}

const paths = (): string[] => bmo.requests.map((r) => new URL(r.url, 'http://x').pathname);

function noKeyAnywhere(r: Run): void {
  expect(r.err).not.toContain(KEY);
  expect(r.out).not.toContain(KEY);
  for (const [name, content] of r.io.files) expect(typeof content === 'string' ? content : Buffer.from(content).toString('latin1'), name).not.toContain(KEY);
  for (const q of bmo.requests) expect(q.url).not.toContain(KEY);
}

describe('--fetch against a well-behaved Bugzilla', () => {
  it('writes the SPEC section 7 export: the bug, every comment, the history, source and fetched time, as Bugzilla sent them', async () => {
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe('');
    const e = exported(r.io);
    expect(Object.keys(e)).toEqual(['bug', 'comments', 'history', 'source', 'fetched']);
    const want = fixtureBug(ID);
    expect(e.bug).toEqual(want.bug);
    expect(e.comments).toEqual(want.comments);
    expect(e.history).toEqual(want.history);
    expect(e.source).toBe(bmo.url);
    expect(e.fetched).toBe('2025-10-20T08:00:00Z');
    // Unknown fields are kept: bmo's extras are in the export untouched.
    expect(e.bug['assigned_to_detail']).toMatchObject({ real_name: 'Example Trust Compliance' });
    expect(e.comments[0]?.['reactions']).toEqual({});
    expect(paths()).toEqual([`/rest/bug/${ID}`, `/rest/bug/${ID}/comment`, `/rest/bug/${ID}/history`]);
    expect([...r.io.files.keys()]).toEqual([FILE]);
  });

  it('sends the API key as the X-BUGZILLA-API-KEY header only, and no header without BUGZILLA_API_KEY', async () => {
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(bmo.requests.every((q) => q.headers['x-bugzilla-api-key'] === KEY)).toBe(true);
    expect(bmo.requests.every((q) => q.headers['user-agent']?.startsWith('ir-lint/'))).toBe(true);
    noKeyAnywhere(r);
    bmo.requests.length = 0;
    await fetchRun(['--fetch', String(ID)], { env: {} });
    expect(bmo.requests.length).toBe(3);
    expect(bmo.requests.some((q) => 'x-bugzilla-api-key' in q.headers)).toBe(false);
  });

  it('refuses a key that a header cannot carry, without printing it', async () => {
    const io = memoryIo({ argv: ['--fetch', String(ID), '--bugzilla-url', bmo.url], cwd: '/work', env: { BUGZILLA_API_KEY: `${KEY}\nX-Other: 1` } });
    expect(await main(io)).toBe(2);
    expect(io.err).toBe('ir-lint: BUGZILLA_API_KEY holds a space, a control character or a non-ASCII character, which an HTTP header cannot carry; set it to the key alone\nRun "ir-lint --help" for usage.\n');
    expect(bmo.requests).toEqual([]);
  });

  it('is quiet unless stderr is a terminal, where each bug gets a progress line', async () => {
    const quiet = await fetchRun(['--fetch', String(ID)]);
    expect(quiet.err).toBe('');
    const tty = await fetchRun(['--fetch', String(ID)], { tty: true });
    expect(tty.err).toBe(`ir-lint: bug ${ID}: 5 comments, 3 history entries -> d/${ID}.bug.json (1/1)\nir-lint: fetched 1 of 1 bug into d\n`);
  });

  it('accepts "#123" and comma-separated numbers, and fetches a bug named twice once', async () => {
    const r = await fetchRun(['--fetch', `#${ID},${ID}`, String(ID)]);
    expect(r.code).toBe(0);
    expect(paths().length).toBe(3);
  });
});

describe('--fetch against a misbehaving Bugzilla', () => {
  it('retries a 429 after its Retry-After (seconds)', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 429, headers: { 'retry-after': '1' } }]);
    const t0 = Date.now();
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(0);
    expect(paths().filter((p) => p === `/rest/bug/${ID}`).length).toBe(2);
    const [first, second] = bmo.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(exported(r.io).comments.length).toBe(5);
  });

  it('retries a 429 whose Retry-After is an HTTP date', async () => {
    bmo.script.set(`/rest/bug/${ID}/comment`, [{ status: 429, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(0);
    expect(paths().filter((p) => p.endsWith('/comment')).length).toBe(2);
  });

  it('retries a 503 with backoff, then takes the 200', async () => {
    bmo.script.set(`/rest/bug/${ID}/history`, [{ status: 503 }, { status: 502, body: '<html>Bad Gateway</html>' }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(paths().filter((p) => p.endsWith('/history')).length).toBe(3);
    expect(exported(r.io).history.length).toBe(3);
  });

  it('gives up after 3 retries, naming the bug; nothing is written', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ir-lint: bug ${ID}: HTTP 503 from ${bmo.url}, still after 3 retries\nir-lint: fetched 0 of 1 bug into d; 1 failed\n`);
    expect(paths().length).toBe(4);
    expect(r.io.files.size).toBe(0);
  });

  it('does not wait for a Retry-After longer than it will wait', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 429, headers: { 'retry-after': '3600' } }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^ir-lint: bug ${ID}: rate limited \\(HTTP 429\\) from http://127\\.0\\.0\\.1:\\d+, which asks to retry after 3600 s; try again later\\n`));
  });

  it('times out a request that never answers (--fetch-timeout), and still writes the other bugs', async () => {
    bmo.bugs.set(2100004, cloneBug(fixtureBug(ID), 2100004));
    bmo.script.set(`/rest/bug/${ID}/comment`, [{ stall: true }]);
    const t0 = Date.now();
    const r = await fetchRun(['--fetch', String(ID), '2100004', '--fetch-timeout', '0.5']);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ir-lint: bug ${ID}: no answer from ${bmo.url} within 0.5 s (--fetch-timeout)\nir-lint: fetched 1 of 2 bugs into d; 1 failed\n`);
    expect(r.io.files.has(FILE)).toBe(false);
    expect(exported(r.io, '/work/d/2100004.bug.json').bug['id']).toBe(2100004);
  });

  it('names a bug that does not exist (404, error 101)', async () => {
    const r = await fetchRun(['--fetch', '9999999']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('ir-lint: bug 9999999: no such bug (Bugzilla error 101: Bug #9999999 does not exist.)\nir-lint: fetched 0 of 1 bug into d; 1 failed\n');
    expect(r.io.files.size).toBe(0);
  });

  it('names a private bug (401, error 102)', async () => {
    bmo.privateBugs.add(ID);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^ir-lint: bug ${ID}: not visible with this account \\(private, or an API key is needed in BUGZILLA_API_KEY\\) \\(Bugzilla error 102: You are not authorized to access bug #${ID}\\.`));
    noKeyAnywhere(r);
  });

  it('a 200 with error: true is an error, not an export', async () => {
    bmo.script.set(`/rest/bug/${ID}/comment`, [{ status: 200, body: { error: true, code: 51, message: 'Invalid Object: the thing you asked for.' } }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: Bugzilla refused the request (Bugzilla error 51: Invalid Object: the thing you asked for.)`);
    expect(r.io.files.size).toBe(0);
  });

  it('refuses JSON cut off in the middle', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ truncate: true }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: an answer that is not complete JSON from ${bmo.url} (HTTP 200); refused`);
    expect(r.io.files.size).toBe(0);
  });

  it('refuses an HTML page (a login or error page) with a 200', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 200, body: '<!DOCTYPE html><html><body>Please log in</body></html>' }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: an HTML page, not JSON, from ${bmo.url} (HTTP 200); refused`);
  });

  it('asks for new_since to the second, from an export whose fetched time has milliseconds', async () => {
    const r1 = await fetchRun(['--fetch', String(ID)]);
    const text = String(r1.io.files.get(FILE)).replace('"fetched": "2025-10-20T08:00:00Z"', '"fetched": "2025-10-20T08:00:00.999Z"');
    bmo.requests.length = 0;
    await fetchRun(['--fetch', String(ID)], { files: { [FILE]: text }, now: '2025-10-21T08:00:00.500Z' });
    expect(new URL(bmo.requests[1]?.url ?? '', 'http://x').searchParams.get('new_since')).toBe('2025-10-20T08:00:00Z');
  });

  it('counts a redirect as a request of its own, and gives up after 5', async () => {
    bmo.script.set(`/rest/bug/${ID}`, Array.from({ length: 6 }, () => ({ redirect: `/rest/bug/${ID}`, status: 307 })));
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: more than 5 redirects from ${bmo.url}; refused`);
    expect(bmo.requests.length).toBe(6);
  });

  it('refuses an answer larger than it reads, and one that is not UTF-8', async () => {
    const big = await fetchRun(['--fetch', String(ID)], { deps: { maxBytes: 4096 } });
    expect(big.code).toBe(2);
    expect(big.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: an answer of more than 4.0 KB from ${bmo.url} (HTTP 200); refused`);
    expect(big.io.files.size).toBe(0);
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 200, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }]);
    const latin = await fetchRun(['--fetch', String(ID)]);
    expect(latin.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: an answer that is not UTF-8 from ${bmo.url} (HTTP 200); refused`);
  });

  it('refuses an answer whose connection drops before its Content-Length', async () => {
    bmo.script.set(`/rest/bug/${ID}/history`, [{ cutOff: true }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: the answer from ${bmo.url} was cut off (HTTP 200); refused`);
    expect(r.io.files.size).toBe(0);
  });

  it('refuses JSON that does not have the documented shape, naming the field', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 200, body: { bugs: [{ id: ID, status: 'NEW' }], faults: [] } }]);
    bmo.script.set('/rest/bug/2100004', [{ status: 200, body: { bugs: [{ ...fixtureBug(ID).bug }], faults: [] } }]);
    bmo.script.set('/rest/bug/2100005', [{ status: 200, body: [1, 2, 3] }]);
    const r = await fetchRun(['--fetch', String(ID), '2100004', '2100005']);
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe(`ir-lint: bug ${ID}: the bug answer does not have Bugzilla's documented shape (bugs[0].summary: Invalid input: expected string, received undefined); refused, nothing written`);
    expect(lines[1]).toBe(`ir-lint: bug 2100004: the bug answer does not have Bugzilla's documented shape (it is about bug ${ID}); refused, nothing written`);
    expect(lines[2]).toBe(`ir-lint: bug 2100005: the bug answer does not have Bugzilla's documented shape (the answer: Invalid input: expected object, received array); refused, nothing written`);
    expect(r.io.files.size).toBe(0);
  });

  it('refuses comments of another bug and history without the bug', async () => {
    const c = fixtureBug(ID).comments.map((x) => ({ ...x, bug_id: 1 }));
    bmo.script.set(`/rest/bug/${ID}/comment`, [{ status: 200, body: { bugs: { [String(ID)]: { comments: c } }, comments: {} } }, { status: 200, body: { bugs: {}, comments: {} } }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: the comment answer does not have Bugzilla's documented shape (comment 0 is of bug 1); refused, nothing written`);
    const r2 = await fetchRun(['--fetch', String(ID)]);
    expect(r2.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: the comment answer does not have Bugzilla's documented shape (no comments of bug ${ID} in it); refused, nothing written`);
    bmo.script.set(`/rest/bug/${ID}/history`, [{ status: 200, body: { bugs: [{ id: 5, history: [] }] } }]);
    const r3 = await fetchRun(['--fetch', String(ID)]);
    expect(r3.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: the history answer does not have Bugzilla's documented shape (no history of bug ${ID} in it); refused, nothing written`);
    expect(r3.io.files.size).toBe(0);
  });

  it('refuses a redirect to another host, which never sees a request (nor the key)', async () => {
    const elsewhere = await startBmo([fixtureBug(ID)]);
    try {
      const port = new URL(elsewhere.url).port;
      bmo.script.set(`/rest/bug/${ID}`, [{ redirect: `http://localhost:${port}/rest/bug/${ID}` }]);
      const r = await fetchRun(['--fetch', String(ID)]);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: ${bmo.url} redirected to another host (http://localhost:${port}); refused`);
      expect(elsewhere.requests).toEqual([]);
      expect(r.io.files.size).toBe(0);
      noKeyAnywhere(r);
    } finally {
      await elsewhere.close();
    }
  });

  it('follows a redirect within the same origin', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ redirect: `/rest/bug/${ID}`, status: 301 }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(0);
    expect(paths().filter((p) => p === `/rest/bug/${ID}`).length).toBe(2);
    expect(bmo.requests[1]?.headers['x-bugzilla-api-key']).toBe(KEY);
  });

  it('a server that echoes the key in its error message does not get it printed', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 401, body: { error: true, code: 306, message: `The API key ${KEY} is not valid.` } }]);
    const r = await fetchRun(['--fetch', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('The API key [API key] is not valid.');
    noKeyAnywhere(r);
  });

  it('names an unreachable Bugzilla', async () => {
    const port = new URL(bmo.url).port;
    await bmo.close();
    const io = memoryIo({ argv: ['--fetch', String(ID), '--bugzilla-url', `http://127.0.0.1:${port}`], cwd: '/work' });
    const code = await main(io);
    expect(code).toBe(2);
    expect(io.err).toBe(`ir-lint: bug ${ID}: cannot reach http://127.0.0.1:${port}: ECONNREFUSED\nir-lint: fetched 0 of 1 bug into .; 1 failed\n`);
    bmo = await startBmo();
  });
});

describe('the export file', () => {
  const denied = (): Error => Object.assign(new Error("EACCES: permission denied, open '/work/d/x'"), { code: 'EACCES' });

  it('a folder it cannot write to names the file; the other bugs are still tried', async () => {
    bmo.bugs.set(2100004, cloneBug(fixtureBug(ID), 2100004));
    const r = await fetchRun(['--fetch', String(ID), '2100004'], {
      patch: (io) => {
        const write = io.writeFile.bind(io);
        io.writeFile = async (p, data, opts) => (p.endsWith(`${ID}.bug.json`) ? Promise.reject(denied()) : write(p, data, opts));
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ir-lint: bug ${ID}: cannot write d/${ID}.bug.json: EACCES: permission denied, open '/work/d/x'\nir-lint: fetched 1 of 2 bugs into d; 1 failed\n`);
    expect([...r.io.files.keys()]).toEqual(['/work/d/2100004.bug.json']);
  });

  it('an export it cannot read is not replaced', async () => {
    const r = await fetchRun(['--fetch', String(ID)], {
      files: { [FILE]: 'kept' },
      patch: (io) => {
        io.readFile = async () => Promise.reject(denied());
      },
    });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: cannot read the existing export d/${ID}.bug.json: EACCES: permission denied, open '/work/d/x'`);
    expect(r.io.files.get(FILE)).toBe('kept');
    expect(bmo.requests).toEqual([]);
  });
});

describe('pacing', () => {
  it('never has more than 2 requests in flight', async () => {
    for (let id = 2100010; id < 2100016; id++) {
      bmo.bugs.set(id, cloneBug(fixtureBug(ID), id));
      bmo.script.set(`/rest/bug/${id}`, [{ delayMs: 60 }]);
      bmo.script.set(`/rest/bug/${id}/comment`, [{ delayMs: 60 }]);
    }
    const r = await fetchRun(['--fetch', ...Array.from({ length: 6 }, (_, i) => String(2100010 + i))]);
    expect(r.code).toBe(0);
    expect(r.io.files.size).toBe(6);
    expect(bmo.inFlight.max).toBe(2);
  });

  // The exact rule is tested on an injected clock in test/fetch-limiter.test.ts; here the real timer, seen from the server (arrival times jitter a little).
  it('keeps to the rate: with 3 requests per 300 ms, no 4 requests arrive within 250 ms', async () => {
    const ids = [2100020, 2100021];
    for (const id of ids) {
      bmo.bugs.set(id, cloneBug(fixtureBug(ID), id));
    }
    const r = await fetchRun(['--fetch', ...ids.map(String)], { deps: { limits: { perWindow: 3, windowMs: 300 } } });
    expect(r.code).toBe(0);
    const at = bmo.requests.map((q) => q.at);
    expect(at.length).toBe(6);
    for (let i = 3; i < at.length; i++) expect((at[i] as number) - (at[i - 3] as number)).toBeGreaterThanOrEqual(250);
  });
});

describe('refreshing an export', () => {
  async function firstFetch(): Promise<Run> {
    const r = await fetchRun(['--fetch', String(ID)], { now: '2025-10-15T00:00:00Z' });
    expect(r.code).toBe(0);
    bmo.requests.length = 0;
    return r;
  }
  const filesOf = (r: Run): Record<string, string> => Object.fromEntries([...r.io.files].map(([k, v]) => [k, String(v)]));
  const addComment = (data: BugData | undefined, count: number, time: string): void => {
    data?.comments.push({ ...(data.comments[1] as Record<string, unknown>), id: 17500000 + count + 1, count, creation_time: time, time, text: `Question ${count}?` });
  };

  it('asks only for what is new since the export was fetched, and merges it', async () => {
    const first = await firstFetch();
    const data = bmo.bugs.get(ID);
    addComment(data, 5, '2025-10-16T10:00:00Z');
    data?.history.push({ when: '2025-10-16T10:00:00Z', who: 'reviewer@example.org', changes: [{ field_name: 'whiteboard', removed: '', added: '[ca-compliance] [ocsp-failure] Next update 2025-10-27' }] });
    if (data) data.bug['whiteboard'] = '[ca-compliance] [ocsp-failure] Next update 2025-10-27';
    const r = await fetchRun(['--fetch', String(ID)], { files: filesOf(first), now: '2025-10-17T00:00:00Z', tty: true });
    expect(r.code).toBe(0);
    const urls = bmo.requests.map((q) => new URL(q.url, 'http://x'));
    expect(urls[0]?.search).toBe('');
    expect(urls[1]?.pathname).toBe(`/rest/bug/${ID}/comment`);
    expect(urls[1]?.searchParams.get('new_since')).toBe('2025-10-15T00:00:00Z');
    expect(urls[2]?.searchParams.get('new_since')).toBe('2025-10-15T00:00:00Z');
    const e = exported(r.io);
    expect(e.comments.map((c) => c['count'])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(e.history.length).toBe(4);
    expect(e.bug['whiteboard']).toBe('[ca-compliance] [ocsp-failure] Next update 2025-10-27');
    expect(e.fetched).toBe('2025-10-17T00:00:00Z');
    expect(r.err).toBe(`ir-lint: bug ${ID}: 1 new of 6 comments, 1 new history entries -> d/${ID}.bug.json (1/1)\nir-lint: fetched 1 of 1 bug into d\n`);
  });

  it('keeps one copy of a comment or change that comes again', async () => {
    const first = await firstFetch();
    const all = fixtureBug(ID);
    // A Bugzilla that ignores new_since sends everything again.
    bmo.script.set(`/rest/bug/${ID}/comment`, [{ status: 200, body: { bugs: { [String(ID)]: { comments: all.comments } }, comments: {} } }]);
    bmo.script.set(`/rest/bug/${ID}/history`, [{ status: 200, body: { bugs: [{ id: ID, history: all.history }] } }]);
    const r = await fetchRun(['--fetch', String(ID)], { files: filesOf(first), now: '2025-10-17T00:00:00Z' });
    expect(r.code).toBe(0);
    const e = exported(r.io);
    expect(e.comments).toEqual(all.comments);
    expect(e.history).toEqual(all.history);
  });

  it('a bug that disappeared is reported and its export kept', async () => {
    const first = await firstFetch();
    const before = first.io.files.get(FILE);
    bmo.bugs.delete(ID);
    const r = await fetchRun(['--fetch', String(ID)], { files: filesOf(first), now: '2025-10-17T00:00:00Z' });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: bug ${ID}: no longer found at ${bmo.url} (no such bug (Bugzilla error 101: Bug #${ID} does not exist.)); kept its export d/${ID}.bug.json`);
    expect(r.io.files.get(FILE)).toBe(before);
  });

  it('a bug that became private is reported and its export kept', async () => {
    const first = await firstFetch();
    const before = first.io.files.get(FILE);
    bmo.privateBugs.add(ID);
    const r = await fetchRun(['--fetch', String(ID)], { files: filesOf(first), now: '2025-10-17T00:00:00Z' });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(new RegExp(`^ir-lint: bug ${ID}: no longer visible at http://127\\.0\\.0\\.1:\\d+, private now or the key lacks access \\(.*You are not authorized.*\\); kept its export d/${ID}\\.bug\\.json$`));
    expect(r.io.files.get(FILE)).toBe(before);
  });

  it('a refresh whose answer is refused leaves the export as it was', async () => {
    const first = await firstFetch();
    const before = first.io.files.get(FILE);
    bmo.script.set(`/rest/bug/${ID}/history`, [{ truncate: true }]);
    const r = await fetchRun(['--fetch', String(ID)], { files: filesOf(first), now: '2025-10-17T00:00:00Z' });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/; refused; kept its export d\/2100003\.bug\.json$/);
    expect(r.io.files.get(FILE)).toBe(before);
  });

  it('a file that is not an export of the bug is replaced by a full fetch, with a note', async () => {
    const r = await fetchRun(['--fetch', String(ID)], { files: { [FILE]: '{"not": "an export"}' } });
    expect(r.code).toBe(0);
    expect(r.err).toBe(`ir-lint: d/${ID}.bug.json was not an export of bug ${ID}; fetched it in full\n`);
    expect(paths()).toEqual([`/rest/bug/${ID}`, `/rest/bug/${ID}/comment`, `/rest/bug/${ID}/history`]);
    expect(exported(r.io).comments.length).toBe(5);
  });

  it('an export from another Bugzilla is fetched in full, not merged', async () => {
    const first = await firstFetch();
    const text = String(first.io.files.get(FILE)).replace(bmo.url, 'https://bugzilla.example');
    const r = await fetchRun(['--fetch', String(ID)], { files: { [FILE]: text } });
    expect(r.code).toBe(0);
    expect(bmo.requests.every((q) => !q.url.includes('new_since'))).toBe(true);
    expect(exported(r.io).source).toBe(bmo.url);
  });
});

describe('--fetch open', () => {
  beforeEach(() => {
    const add = (id: number, summary: string, assignee: string, resolution = '', component = 'CA Certificate Compliance'): void => {
      bmo.bugs.set(id, cloneBug(fixtureBug(ID), id, { summary, assigned_to: assignee, resolution, component, status: resolution ? 'RESOLVED' : 'ASSIGNED' }));
    };
    add(2100004, 'Other CA: late revocation', 'compliance@other-ca.example');
    add(2100005, 'Example Trust: closed one', 'pki-compliance@example-trust.example', 'FIXED');
    add(2100006, 'Not Example Trust: summary has the name later', 'someone@example.org');
    add(2100007, 'Example Trust: a policy bug', 'pki-compliance@example-trust.example', '', 'CA Policy');
  });

  it('searches the open CA Certificate Compliance bugs and fetches each', async () => {
    const r = await fetchRun(['--fetch', 'open']);
    expect(r.code).toBe(0);
    const search = new URL(bmo.requests[0]?.url ?? '', 'http://x');
    expect(search.pathname).toBe('/rest/bug');
    expect(search.searchParams.get('product')).toBe('CA Program');
    expect(search.searchParams.get('component')).toBe('CA Certificate Compliance');
    expect(search.searchParams.get('resolution')).toBe('---');
    expect(bmo.requests[0]?.url).toContain('product=CA%20Program&component=CA%20Certificate%20Compliance&resolution=---');
    expect([...r.io.files.keys()].sort()).toEqual(['/work/d/2100003.bug.json', '/work/d/2100004.bug.json', '/work/d/2100006.bug.json']);
    expect(r.err).toBe('');
  });

  it('--fetch-summary keeps the bugs whose summary starts with the prefix', async () => {
    const r = await fetchRun(['--fetch', 'open', '--fetch-summary', 'example trust'], { tty: true });
    expect(r.code).toBe(0);
    expect(new URL(bmo.requests[0]?.url ?? '', 'http://x').searchParams.get('summary')).toBe('example trust');
    expect([...r.io.files.keys()]).toEqual(['/work/d/2100003.bug.json']);
    expect(r.err.split('\n')[0]).toBe(`ir-lint: 1 open bug in CA Program :: CA Certificate Compliance summary starting "example trust" at ${bmo.url}`);
  });

  it('--fetch-assignee asks for the bugs of one login', async () => {
    const r = await fetchRun(['--fetch', 'open', '--fetch-assignee', 'compliance@other-ca.example']);
    expect(r.code).toBe(0);
    expect(new URL(bmo.requests[0]?.url ?? '', 'http://x').searchParams.get('assigned_to')).toBe('compliance@other-ca.example');
    expect([...r.io.files.keys()]).toEqual(['/work/d/2100004.bug.json']);
  });

  it('says so when no open bug matches, and exits 0', async () => {
    const r = await fetchRun(['--fetch', 'open', '--fetch-assignee', 'nobody@example.org']);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`ir-lint: 0 open bugs in CA Program :: CA Certificate Compliance assigned to nobody@example.org at ${bmo.url}\n`);
    expect(r.io.files.size).toBe(0);
  });

  it('stops paging when a page brings nothing new (a Bugzilla that ignores offset)', async () => {
    const page = { status: 200, body: { bugs: Array.from({ length: 500 }, (_, i) => ({ id: 3000000 + i, summary: 'Another CA: something', resolution: '' })), faults: [] } };
    bmo.script.set('/rest/bug', [page, page, page]);
    const r = await fetchRun(['--fetch', 'open', '--fetch-summary', 'Example Trust']);
    expect(r.code).toBe(0);
    const searches = bmo.requests.filter((q) => new URL(q.url, 'http://x').pathname === '/rest/bug');
    expect(searches.map((q) => new URL(q.url, 'http://x').searchParams.get('offset'))).toEqual(['0', '500']);
  });

  it('a failed search is exit 2; bugs named beside "open" are still fetched', async () => {
    bmo.script.set('/rest/bug', [{ status: 200, body: { bugs: [{ summary: 'no id' }] } }]);
    const r = await fetchRun(['--fetch', 'open', String(ID)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("ir-lint: the search for open bugs failed: the search answer does not have Bugzilla's documented shape (bugs[0].id: Invalid input: expected number, received undefined); refused");
    expect([...r.io.files.keys()]).toEqual([FILE]);
  });
});
