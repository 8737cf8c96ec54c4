/**
 * The parts of --fetch that need no server: the pacing on an injected clock
 * (a minute of requests without waiting a minute), the retry schedule on an
 * injected fetch, Retry-After, the base URL check and the refresh merge.
 */
import { describe, expect, it } from 'vitest';
import { BugzillaClient, checkBaseUrl, FetchFailure, retryAfterMs, sourceOf, tidy, type FetchFn } from '../src/fetch/client.js';
import { BMO_LIMITS, Limiter, type Clock } from '../src/fetch/limiter.js';
import { mergeComments, mergeHistory } from '../src/fetch/merge.js';

/** Virtual time: sleep() moves the clock forward instead of waiting. */
function fakeClock(): Clock & { sleeps: number[] } {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep(ms) {
      sleeps.push(ms);
      const until = t + ms;
      return Promise.resolve().then(() => {
        t = Math.max(t, until);
      });
    },
  };
}

describe('Limiter', () => {
  it('lets at most 75 requests start in any minute, and no fewer than it may', async () => {
    const clock = fakeClock();
    const limiter = new Limiter({ ...BMO_LIMITS, clock });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 200 }, () => limiter.run(async () => void starts.push(clock.now()))));
    expect(starts.length).toBe(200);
    for (let i = 75; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 75] as number)).toBeGreaterThanOrEqual(60_000);
    // 200 requests: 75 at once, 75 a minute later, 50 two minutes later.
    expect((starts[199] as number) - (starts[0] as number)).toBe(120_000);
    expect((starts[74] as number) - (starts[0] as number)).toBe(0);
  });

  it('runs at most 2 at once, and hands a freed slot to the next waiter', async () => {
    const limiter = new Limiter({ perWindow: 1000, windowMs: 60_000, inFlight: 2, clock: fakeClock() });
    let now = 0;
    let max = 0;
    const task = async (): Promise<void> => {
      now++;
      max = Math.max(max, now);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      now--;
    };
    await Promise.all(Array.from({ length: 20 }, () => limiter.run(task)));
    expect(max).toBe(2);
  });

  it('a task that throws frees its slot', async () => {
    const limiter = new Limiter({ perWindow: 10, windowMs: 1000, inFlight: 1, clock: fakeClock() });
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit of zero', () => {
    expect(() => new Limiter({ perWindow: 0, windowMs: 1000, inFlight: 1, clock: fakeClock() })).toThrow(RangeError);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2025-10-20T08:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('1', now)).toBe(1000);
    expect(retryAfterMs(' 120 ', now)).toBe(120_000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('Mon, 20 Oct 2025 08:00:02 GMT', now)).toBe(2000);
    expect(retryAfterMs('Mon, 20 Oct 2025 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('the retry schedule', () => {
  const base = checkBaseUrl('https://bugzilla.example') as URL;
  const answer = (status: number, headers: Record<string, string> = {}, body = '{}'): Response => new Response(status === 204 ? null : body, { status, headers });

  function client(responses: Response[], clock = fakeClock()): { c: BugzillaClient; calls: Array<{ url: string; init: RequestInit }>; clock: ReturnType<typeof fakeClock> } {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchFn: FetchFn = async (url, init) => {
      calls.push({ url, init });
      const r = responses.shift();
      if (!r) throw new Error('no more answers');
      return r;
    };
    const c = new BugzillaClient({ base, apiKey: 'KEY-1', timeoutMs: 1000, limiter: new Limiter({ ...BMO_LIMITS, clock }), fetch: fetchFn, clock });
    return { c, calls, clock };
  }

  it('backs off 1, 2 and 4 s without Retry-After, then gives up after the third retry', async () => {
    const { c, calls, clock } = client([answer(503), answer(500), answer(502), answer(504)]);
    const error = await c.getJson('bug/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchFailure);
    expect((error as FetchFailure).message).toBe('HTTP 504 from https://bugzilla.example, still after 3 retries');
    expect(calls.length).toBe(4);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('waits what Retry-After says, then returns the answer', async () => {
    const { c, clock } = client([answer(429, { 'retry-after': '7' }), answer(200, {}, '{"bugs":[]}')]);
    await expect(c.getJson('bug/1')).resolves.toEqual({ bugs: [] });
    expect(clock.sleeps).toEqual([7000]);
  });

  it('sends the key as a header and redirect: manual; the URL carries the query only', async () => {
    const { c, calls } = client([answer(200)]);
    await c.getJson('bug/5/comment', [['new_since', '2025-10-01T00:00:00.000Z']]);
    expect(calls[0]?.url).toBe('https://bugzilla.example/rest/bug/5/comment?new_since=2025-10-01T00%3A00%3A00.000Z');
    expect(calls[0]?.init.redirect).toBe('manual');
    expect((calls[0]?.init.headers as Record<string, string>)['X-BUGZILLA-API-KEY']).toBe('KEY-1');
  });

  it('does not retry a 404 or a 400', async () => {
    const { c, calls } = client([answer(400, {}, '{"error":true,"code":32000,"message":"bad"}')]);
    await expect(c.getJson('bug/1')).rejects.toThrow('Bugzilla refused the request (Bugzilla error 32000: bad)');
    expect(calls.length).toBe(1);
  });

  it('a non-JSON error page says its status', async () => {
    const { c } = client([answer(403, {}, '<html>Forbidden</html>')]);
    await expect(c.getJson('bug/1')).rejects.toThrow('not visible with this account (private, or an API key is needed in BUGZILLA_API_KEY) (HTTP 403 from https://bugzilla.example)');
  });
});

describe('--bugzilla-url', () => {
  it('takes https anywhere and http on loopback only', () => {
    expect(sourceOf(checkBaseUrl('https://bugzilla.mozilla.org') as URL)).toBe('https://bugzilla.mozilla.org');
    expect(sourceOf(checkBaseUrl('https://bugs.example/bugzilla') as URL)).toBe('https://bugs.example/bugzilla');
    expect((checkBaseUrl('https://bugs.example/bugzilla') as URL).href).toBe('https://bugs.example/bugzilla/');
    for (const ok of ['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9000']) expect(checkBaseUrl(ok)).toBeInstanceOf(URL);
    expect(checkBaseUrl('http://bugzilla.mozilla.org')).toBe('--bugzilla-url must be an https: URL (plain http only on 127.0.0.1, ::1 or localhost), got "http://bugzilla.mozilla.org"');
    expect(checkBaseUrl('http://127.0.0.2')).toMatch(/must be an https: URL/);
    expect(checkBaseUrl('ftp://bugzilla.example')).toMatch(/must be an https: URL/);
    expect(checkBaseUrl('https://me:secret@bugzilla.example')).toMatch(/must not carry a user name or password/);
    expect(checkBaseUrl('https://bugzilla.example/?api_key=x')).toMatch(/must not carry a query/);
    expect(checkBaseUrl('bugzilla.mozilla.org')).toMatch(/expects a URL such as https:\/\/bugzilla\.mozilla\.org/);
  });
});

describe('messages', () => {
  it('never carry the key, and stay on one line', () => {
    expect(tidy('bad key KEY-1\nsecond line KEY-1', 'KEY-1')).toBe('bad key [API key] second line [API key]');
    expect(tidy('x'.repeat(500), undefined).length).toBe(200);
    expect(tidy('Bug \u001b[31mred\u001b[0m\u009b2J gone', undefined)).toBe('Bug  [31mred [0m 2J gone');
  });
});

describe('refresh merge', () => {
  const c = (id: number, count: number, text = `c${count}`): Record<string, unknown> => ({ id, count, text, creation_time: `2025-10-0${count + 1}T00:00:00Z` });
  it('keeps one copy of each comment (by id, else count), the newer copy, in count order', () => {
    const merged = mergeComments([c(10, 0), c(11, 1), c(12, 2)], [c(12, 2, 'edited'), c(13, 3)]);
    expect(merged.map((x) => [x['count'], x['text']])).toEqual([
      [0, 'c0'],
      [1, 'c1'],
      [2, 'edited'],
      [3, 'c3'],
    ]);
    expect(mergeComments([{ count: 0, text: 'a' }], [{ count: 0, text: 'b' }, { count: 1, text: 'c' }]).map((x) => x['text'])).toEqual(['b', 'c']);
  });

  it('keeps one copy of each history entry (when, who and changes), in time order', () => {
    const h = (when: string, who: string, added: string): Record<string, unknown> => ({ when, who, changes: [{ field_name: 'status', removed: '', added }] });
    const merged = mergeHistory([h('2025-10-02T00:00:00Z', 'a', 'X'), h('2025-10-01T00:00:00Z', 'a', 'Y')], [h('2025-10-02T00:00:00Z', 'a', 'X'), h('2025-10-02T00:00:00Z', 'b', 'X'), h('2025-10-03T00:00:00Z', 'a', 'Z')]);
    expect(merged.map((x) => `${String(x['when']).slice(8, 10)} ${String(x['who'])}`)).toEqual(['01 a', '02 a', '02 b', '03 a']);
  });
});
