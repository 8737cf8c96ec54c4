/**
 * --fetch through what ships: the built bin/ir-lint.js (run `npm run build`
 * first) as a child process, against the bmo stand-in on 127.0.0.1. The
 * main scenario: a first 429 retried, the API key sent as a header and found
 * in no file or output, the export written with every comment, a missing bug
 * named, exit 2; then a refresh with new_since, and a stalled request.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneBug, fixtureBug, startBmo, type Bmo } from './helpers/bmo-server.js';
import { BIN, childEnv, ROOT, spawnText } from './helpers/cli-hosts.js';
import { tsFiles } from '../scripts/regex-audit.js';

const KEY = 'bmo-api-key-0123456789abcdefSECRET';
const ID = 2100003;

let bmo: Bmo;
let dir: string;
beforeEach(async () => {
  bmo = await startBmo([fixtureBug(ID)]);
  dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-fetch-'));
});
afterEach(async () => {
  await bmo.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = { BUGZILLA_API_KEY: KEY }): Promise<{ code: number; stdout: string; stderr: string }> =>
  spawnText(process.execPath, [BIN, ...args], { cwd: dir, env: childEnv(env), timeoutMs: 20_000 });

/** Every file under the directory, with its text. */
function filesUnder(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(root, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else out[child] = readFileSync(path.join(root, child), 'latin1');
    }
  };
  walk('');
  return out;
}

describe('ir-lint --fetch (the built binary)', () => {
  it('retries a first 429, sends the key, writes every comment and never the key, names the missing bug, exits 2', async () => {
    bmo.script.set(`/rest/bug/${ID}`, [{ status: 429, headers: { 'retry-after': '1' } }]);
    const r = await run(['--fetch', String(ID), '9999999', '--fetch-dir', 'd', '--bugzilla-url', bmo.url]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ir-lint: bug 9999999: no such bug (Bugzilla error 101: Bug #9999999 does not exist.)\nir-lint: fetched 1 of 2 bugs into d; 1 failed\n');
    // The 429 was retried, after Retry-After.
    const first = bmo.requests.filter((q) => q.url === `/rest/bug/${ID}`);
    expect(first.length).toBe(2);
    expect((first[1]?.at ?? 0) - (first[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    // The key went as the header, on every request, and nowhere else.
    expect(bmo.requests.length).toBe(5);
    for (const q of bmo.requests) {
      expect(q.headers['x-bugzilla-api-key']).toBe(KEY);
      expect(q.url).not.toContain(KEY);
    }
    const files = filesUnder(dir);
    expect(Object.keys(files)).toEqual([`d/${ID}.bug.json`]);
    for (const text of Object.values(files)) expect(text).not.toContain(KEY);
    expect(r.stderr).not.toContain(KEY);
    const e = JSON.parse(readFileSync(path.join(dir, 'd', `${ID}.bug.json`), 'utf8')) as { bug: unknown; comments: unknown[]; history: unknown[]; source: string; fetched: string };
    const want = fixtureBug(ID);
    expect(e.bug).toEqual(want.bug);
    expect(e.comments).toEqual(want.comments);
    expect(e.history).toEqual(want.history);
    expect(e.source).toBe(bmo.url);
    expect(`${new Date(e.fetched).toISOString().slice(0, 19)}Z`).toBe(e.fetched);
  });

  it('refreshes an export with new_since and merges the new comment', async () => {
    expect((await run(['--fetch', String(ID), '--bugzilla-url', bmo.url])).code).toBe(0);
    const before = JSON.parse(readFileSync(path.join(dir, `${ID}.bug.json`), 'utf8')) as { fetched: string };
    const data = bmo.bugs.get(ID);
    const later = new Date(Date.now() + 60_000).toISOString();
    data?.comments.push({ ...(data.comments[2] as Record<string, unknown>), id: 17500099, count: 5, creation_time: later, time: later, text: 'Update: all Action Items are on track.' });
    bmo.requests.length = 0;
    const r = await run(['--fetch', String(ID), '--bugzilla-url', bmo.url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const comment = new URL(bmo.requests[1]?.url ?? '', 'http://x');
    expect(comment.searchParams.get('new_since')).toBe(before.fetched);
    const after = JSON.parse(readFileSync(path.join(dir, `${ID}.bug.json`), 'utf8')) as { comments: Array<{ count: number }>; fetched: string };
    expect(after.comments.map((c) => c.count)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(after.fetched >= before.fetched).toBe(true);
    // Written atomically: no temp file is left beside it.
    expect(readdirSync(dir)).toEqual([`${ID}.bug.json`]);
  });

  it('times out a stalled request and still writes the other bug', async () => {
    bmo.bugs.set(2100004, cloneBug(fixtureBug(ID), 2100004));
    bmo.script.set(`/rest/bug/${ID}/history`, [{ stall: true }]);
    const t0 = Date.now();
    const r = await run(['--fetch', String(ID), '2100004', '--fetch-timeout', '0.5', '--bugzilla-url', bmo.url]);
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ir-lint: bug ${ID}: no answer from ${bmo.url} within 0.5 s (--fetch-timeout)\nir-lint: fetched 1 of 2 bugs into .; 1 failed\n`);
    expect(readdirSync(dir)).toEqual(['2100004.bug.json']);
  });

  // util-linux `script` gives the child a terminal; where it is missing the case is skipped.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('shows a progress line per bug when stderr is a terminal', async () => {
    bmo.bugs.set(2100004, cloneBug(fixtureBug(ID), 2100004));
    const command = [process.execPath, BIN, '--fetch', String(ID), '2100004', '--bugzilla-url', bmo.url].map((a) => `'${a}'`).join(' ');
    const r = await spawnText('script', ['-qec', command, '/dev/null'], { cwd: dir, env: childEnv(), timeoutMs: 20_000 });
    expect(r.code, r.stdout).toBe(0);
    const lines = r.stdout.split('\r\n').filter((l) => l !== '');
    expect(lines.sort()).toEqual([
      `ir-lint: bug ${ID}: 5 comments, 3 history entries -> ${ID}.bug.json (1/2)`,
      'ir-lint: bug 2100004: 5 comments, 3 history entries -> 2100004.bug.json (2/2)',
      'ir-lint: fetched 2 of 2 bugs into .',
    ]);
  });

  it('refuses plain http to a host that is not loopback, before any request', async () => {
    const r = await run(['--fetch', String(ID), '--bugzilla-url', 'http://bugzilla.mozilla.org']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ir-lint: --bugzilla-url must be an https: URL (plain http only on 127.0.0.1, ::1 or localhost), got "http://bugzilla.mozilla.org"\nRun "ir-lint --help" for usage.\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('src/fetch', () => {
  it('reads and writes files only through the Io, and is loaded only for --fetch', () => {
    for (const file of tsFiles(path.join(ROOT, 'src', 'fetch'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"](?:node:)?(?:fs|fs\/promises|child_process|http|https)['"]/);
      expect(text, file).not.toMatch(/\bprocess\./);
    }
    const importers = tsFiles(path.join(ROOT, 'src')).filter((f) => !f.includes(`${path.sep}fetch${path.sep}`) && /from ['"][./]*fetch\//.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => path.relative(ROOT, f))).toEqual([]);
    expect(readFileSync(path.join(ROOT, 'src', 'cli', 'main.ts'), 'utf8')).toContain("await import('../fetch/index.js')");
  });
});
