/** The built binary (`npm run build` first; `npm test` builds it), spawned as users run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.join(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'ir-lint.js');

export interface BinRun {
  code: number | null;
  out: string;
  err: string;
  signal: NodeJS.Signals | null;
}

export function runBin(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): BinRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 30_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

export function tempDir(prefix = 'ir-lint-bin-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
