/**
 * A small client for Bugzilla's REST API on Node's own fetch: one GET at a
 * time through the Limiter, a time limit on each attempt (the body
 * included), 429 and 5xx retried with backoff that honours Retry-After,
 * redirects followed only within the same origin, and every answer parsed
 * as JSON or refused. The API key travels only in the X-BUGZILLA-API-KEY
 * header; no message this module makes can contain it.
 */
import { formatSize } from '../errors.js';
import { VERSION } from '../meta.js';
import { realClock, type Clock, type Limiter } from './limiter.js';

/** What went wrong; 'io' is the export file (read or written), the others the request. */
export type FailureKind = 'not-found' | 'denied' | 'api-error' | 'http' | 'timeout' | 'network' | 'redirect' | 'bad-json' | 'shape' | 'busy' | 'io';

/** A request that did not give a usable answer; the message is one clause, without the bug's number. */
export class FetchFailure extends Error {
  override name = 'FetchFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The Bugzilla base URL, already checked by checkBaseUrl(). */
  base: URL;
  apiKey?: string | undefined;
  /** Time limit of one attempt, headers and body, in ms. */
  timeoutMs: number;
  limiter: Limiter;
  fetch?: FetchFn;
  clock?: Clock;
  /** Retries after a 429 or 5xx (default 3). */
  maxRetries?: number;
  /** First backoff when the answer gives no Retry-After; doubled on each retry (default 1000 ms). */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for (default 120 s): the bug fails and can be fetched later. */
  maxRetryWaitMs?: number;
  /** The largest answer read (default 200 MB; the longest CA compliance bugs are a few MB). */
  maxBytes?: number;
}

const MAX_REDIRECTS = 5;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for the loopback hosts, where plain http is allowed (a local stand-in or a tunnel). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase());
}

/**
 * The --bugzilla-url value as a base URL ending in "/", or a sentence saying
 * why it is refused: only https (http on a loopback host), no user name or
 * password, no query or fragment.
 */
export function checkBaseUrl(value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--bugzilla-url expects a URL such as https://bugzilla.mozilla.org, got "${value}"`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return `--bugzilla-url must be an https: URL (plain http only on 127.0.0.1, ::1 or localhost), got "${url.protocol}//${url.host}"`;
  }
  if (url.username !== '' || url.password !== '') return '--bugzilla-url must not carry a user name or password; an API key goes in the BUGZILLA_API_KEY environment variable';
  if (url.search !== '' || url.hash !== '') return '--bugzilla-url must not carry a query or a fragment';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

/** The base URL as shown in messages and written as the export's "source": no trailing slash. */
export function sourceOf(base: URL): string {
  const href = base.href;
  return href.endsWith('/') ? href.slice(0, -1) : href;
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if ([...v].every((c) => c >= '0' && c <= '9')) return Number(v) * 1000;
  // An HTTP date names its day and month in letters; "-5" is neither seconds nor a date.
  if (![...v].some((c) => c.toLowerCase() !== c.toUpperCase())) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function retryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * A server's text as one line of at most 200 characters for the terminal:
 * the API key (should a server echo it) blotted out, and control characters
 * (line breaks, terminal escapes) turned into spaces.
 */
export function tidy(text: string, apiKey: string | undefined): string {
  let s = text;
  if (apiKey) s = s.split(apiKey).join('[API key]');
  s = [...s].map((c) => (c < ' ' || (c >= '\u007f' && c <= '\u009f') ? ' ' : c)).join('').trim();
  return s.length > 200 ? `${s.slice(0, 199)}\u2026` : s;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

export class BugzillaClient {
  readonly base: URL;
  private readonly fetchFn: FetchFn;
  private readonly clock: Clock;

  constructor(private readonly options: ClientOptions) {
    this.base = options.base;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.clock = options.clock ?? realClock;
  }

  /** The URL of `rest/<path>` with the query, values percent-encoded. */
  url(path: string, query: ReadonlyArray<readonly [string, string]> = []): string {
    const q = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    return new URL(`rest/${path}${q ? `?${q}` : ''}`, this.base).href;
  }

  /** GET rest/<path> and return the parsed JSON of a 2xx answer, or throw a FetchFailure. */
  async getJson(path: string, query: ReadonlyArray<readonly [string, string]> = []): Promise<unknown> {
    const maxRetries = this.options.maxRetries ?? 3;
    const backoff = this.options.backoffMs ?? 1000;
    const maxWait = this.options.maxRetryWaitMs ?? 120_000;
    let url = this.url(path, query);
    let hops = 0;
    for (let attempt = 0; ; ) {
      // Each request, a redirected one too, takes its turn in the limiter.
      const answer = await this.options.limiter.run(() => this.request(url));
      if (answer.kind === 'done') return answer.json;
      if (answer.kind === 'redirect') {
        url = this.redirectTarget(url, answer.location, hops++);
        continue;
      }
      // 429 or 5xx: wait (outside the limiter, so another request may go meanwhile) and try again.
      const what = answer.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${answer.status}`;
      if (attempt >= maxRetries) throw new FetchFailure('busy', `${what} from ${sourceOf(this.base)}, still after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`, answer.status);
      const wait = answer.retryAfterMs ?? backoff * 2 ** attempt;
      if (wait > maxWait) throw new FetchFailure('busy', `${what} from ${sourceOf(this.base)}, which asks to retry after ${seconds(wait)}; try again later`, answer.status);
      attempt++;
      await this.clock.sleep(wait);
    }
  }

  /** One request, under its own time limit (headers and body). */
  private async request(url: string): Promise<{ kind: 'done'; json: unknown } | { kind: 'redirect'; location: string | null } | { kind: 'retry'; status: number; retryAfterMs: number | undefined }> {
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': `ir-lint/${VERSION}` };
    if (this.options.apiKey) headers['X-BUGZILLA-API-KEY'] = this.options.apiKey;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const res = await this.fetchFn(url, { method: 'GET', headers, redirect: 'manual', signal });
      if (isRedirect(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'redirect', location: res.headers.get('location') };
      }
      if (retryable(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'retry', status: res.status, retryAfterMs: retryAfterMs(res.headers.get('retry-after'), this.clock.now()) };
      }
      return { kind: 'done', json: this.judge(res.status, await this.readText(res, signal)) };
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      if (signal.aborted) throw new FetchFailure('timeout', `no answer from ${sourceOf(this.base)} within ${seconds(this.options.timeoutMs)} (--fetch-timeout)`);
      throw new FetchFailure('network', `cannot reach ${sourceOf(this.base)}: ${networkReason(error, this.options.apiKey)}`);
    }
  }

  /** The body as UTF-8 text, at most maxBytes of it; a body cut off, too long or not UTF-8 is refused. */
  private async readText(res: Response, signal: AbortSignal): Promise<string> {
    const limit = this.options.maxBytes ?? 200 * 1024 * 1024;
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body?.getReader();
    if (reader) {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.length;
          if (total > limit) {
            await reader.cancel().catch(() => undefined);
            throw new FetchFailure('bad-json', `an answer of more than ${formatSize(limit)} from ${sourceOf(this.base)} (HTTP ${res.status}); refused`, res.status);
          }
          chunks.push(value);
        }
      } catch (error) {
        if (error instanceof FetchFailure || signal.aborted) throw error;
        throw new FetchFailure('bad-json', `the answer from ${sourceOf(this.base)} was cut off (HTTP ${res.status}); refused`, res.status);
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FetchFailure('bad-json', `an answer that is not UTF-8 from ${sourceOf(this.base)} (HTTP ${res.status}); refused`, res.status);
    }
  }

  private redirectTarget(from: string, location: string | null, hops: number): string {
    if (location === null) throw new FetchFailure('http', `a redirect without a Location from ${sourceOf(this.base)}`);
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw new FetchFailure('redirect', `a redirect to an unreadable address from ${sourceOf(this.base)}; refused`);
    }
    if (target.origin !== this.base.origin) throw new FetchFailure('redirect', `${sourceOf(this.base)} redirected to another host (${target.protocol}//${target.host}); refused`);
    if (hops >= MAX_REDIRECTS) throw new FetchFailure('redirect', `more than ${MAX_REDIRECTS} redirects from ${sourceOf(this.base)}; refused`);
    return target.href;
  }

  /** A complete answer: JSON, not an error, a 2xx status. */
  private judge(status: number, text: string): unknown {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const start = text.trimStart();
      const what = start === '' ? 'an empty answer' : start.startsWith('<') ? 'an HTML page, not JSON,' : 'an answer that is not complete JSON';
      if (status >= 200 && status < 300) throw new FetchFailure('bad-json', `${what} from ${sourceOf(this.base)} (HTTP ${status}); refused`, status);
      json = undefined;
    }
    const error = bugzillaError(json);
    if (error) {
      const detail = `Bugzilla error${error.code !== undefined ? ` ${error.code}` : ''}${error.message ? `: ${tidy(error.message, this.options.apiKey)}` : ''}`;
      throw new FetchFailure(failureKind(status, error.code, error.message), `${describeStatus(status, error.code, error.message)} (${detail})`, status);
    }
    if (status < 200 || status > 299) throw new FetchFailure(failureKind(status, undefined, undefined), `${describeStatus(status, undefined, undefined)} (HTTP ${status} from ${sourceOf(this.base)})`, status);
    return json;
  }
}

function bugzillaError(json: unknown): { code: number | string | undefined; message: string | undefined } | undefined {
  if (json === null || typeof json !== 'object' || (json as { error?: unknown }).error !== true) return undefined;
  const j = json as { code?: unknown; message?: unknown };
  return {
    code: typeof j.code === 'number' || typeof j.code === 'string' ? j.code : undefined,
    message: typeof j.message === 'string' ? j.message : undefined,
  };
}

/** bmo's codes: 100 invalid alias, 101 no such bug, 102 access denied (also HTTP 401 or 403). */
function failureKind(status: number, code: number | string | undefined, message: string | undefined): FailureKind {
  if (status === 404 || code === 100 || code === 101) return 'not-found';
  if (status === 401 || status === 403 || code === 102 || (message !== undefined && message.toLowerCase().includes('not authorized'))) return 'denied';
  return code !== undefined ? 'api-error' : 'http';
}

function describeStatus(status: number, code: number | string | undefined, message: string | undefined): string {
  const kind = failureKind(status, code, message);
  if (kind === 'not-found') return 'no such bug';
  if (kind === 'denied') return 'not visible with this account (private, or an API key is needed in BUGZILLA_API_KEY)';
  return 'Bugzilla refused the request';
}

function networkReason(error: unknown, apiKey: string | undefined): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return tidy(cause.message, apiKey);
  return tidy(error instanceof Error ? error.message : String(error), apiKey);
}
