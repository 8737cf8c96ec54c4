/**
 * One CLI case, three hosts: main(memoryIo), main(nodeIo) in a temporary
 * directory, and the built bin/ir-lint.js as a child process (on the current
 * Node, or on another Node binary). Each returns the exit code, stdout,
 * stderr and every file of the directory afterwards, with the host-specific
 * part (the temporary directory's path) replaced by `<dir>`, so that the
 * three results of one case can be compared as they are.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { main, type Parallel } from '../../src/cli/main.js';
import { nodeIo } from '../../src/cli/node-io.js';
import type { Io } from '../../src/io.js';
import { memoryIo } from './memory-io.js';

export const ROOT = path.join(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'ir-lint.js');

export interface CliCase {
  name: string;
  args: string[];
  /** Files in the working directory before the run (relative paths). */
  files?: Record<string, string | Uint8Array>;
  stdin?: string;
  env?: Record<string, string>;
  code: number;
  /** Exact text (after `<dir>` normalisation), a pattern, or a check that throws. Default: empty. */
  stdout?: string | RegExp | ((text: string) => void);
  /** As stdout. Default: empty. */
  stderr?: string | RegExp | ((text: string) => void);
  /**
   * What the run wrote: a path's new content (exact, or a pattern), or null
   * for a file that must not exist. Every other file stays as it was and no
   * other file appears.
   */
  after?: Record<string, string | RegExp | null>;
  /** Also run on the other Node versions (IR_LINT_TEST_NODES). */
  nodes?: boolean;
}

export interface HostResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Every file of the working directory after the run (node_modules left out): UTF-8 text, or `<bytes hex>`. */
  files: Record<string, string>;
}

export type HostName = 'memory' | 'node' | 'binary';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** A file's content as the results show it: the text, or `<bytes hex>` when it is not UTF-8. */
export function show(content: string | Uint8Array): string {
  if (typeof content === 'string') return content;
  try {
    return utf8.decode(content);
  } catch {
    return `<bytes ${Buffer.from(content).toString('hex')}>`;
  }
}

/** A fresh working directory holding the case's files, and `node_modules/ir-lint` for plugins that import the package. */
function workDir(c: CliCase): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'ir-lint-case-')));
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'ir-lint'), 'dir');
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (child !== 'node_modules') walk(child);
      } else {
        out[child] = show(readFileSync(path.join(dir, child)));
      }
    }
  };
  walk('');
  return sorted(out);
}

function sorted(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function normalise(dir: string, r: { code: number; stdout: string; stderr: string }, files: Record<string, string>): HostResult {
  const n = (s: string): string => s.split(dir).join('<dir>');
  return { code: r.code, stdout: n(r.stdout), stderr: n(r.stderr), files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, n(v)])) };
}

/** main() with the in-memory Io; plugin files are also on disk, where Node imports them from. */
export async function runMemory(c: CliCase): Promise<HostResult> {
  const dir = workDir(c);
  try {
    const io = memoryIo({ argv: c.args, files: c.files ?? {}, cwd: dir, env: c.env ?? {}, stdin: c.stdin ?? '' });
    const code = await main(io);
    const files: Record<string, string> = {};
    for (const [abs, content] of io.files) files[path.relative(dir, abs).split(path.sep).join('/')] = show(content);
    return normalise(dir, { code, stdout: io.out, stderr: io.err }, sorted(files));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Worker threads as the CLI starts them, from the compiled pool and worker in dist/. */
const compiledWorkers: Parallel = {
  threads: availableParallelism(),
  async lint(job) {
    const pool = (await import(path.join(ROOT, 'dist', 'src', 'cli', 'pool.js'))) as typeof import('../../src/cli/pool.js');
    return pool.lintInWorkers(job);
  },
};

/**
 * main() with the real node Io in a temporary directory: real files, real
 * writes. Output and stdin are captured instead of the process's own. Worker
 * threads start from the compiled worker in dist/ (the source worker is
 * TypeScript, which a worker thread cannot load).
 */
export async function runNodeIo(c: CliCase): Promise<HostResult> {
  const dir = workDir(c);
  try {
    let stdout = '';
    let stderr = '';
    const real = nodeIo();
    const io: Io = {
      ...real,
      argv: c.args,
      cwd: dir,
      env: { ...c.env },
      isTTY: false,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      readStdin: async () => new TextEncoder().encode(c.stdin ?? ''),
      // The language server reads readStdin() and writes through stdout, as with the in-memory Io, not the test process's own streams.
      stdio: undefined,
    };
    const code = await main(io, { parallel: compiledWorkers });
    return normalise(dir, { code, stdout, stderr }, snapshot(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** At most this many child processes at a time (the binary cases run concurrently). */
const SLOTS = Math.max(2, availableParallelism() + 1);
let running = 0;
const waiting: Array<() => void> = [];
async function slot<T>(f: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Run a command with a time limit; resolves with its exit code and output. */
export function spawnText(command: string, args: string[], options: { cwd: string; env: Record<string, string | undefined>; input?: string; timeoutMs?: number }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: signal ? `${stderr}[killed by ${signal}]` : stderr });
    });
    child.stdin.on('error', () => undefined); // a process that exits without reading stdin
    child.stdin.end(options.input ?? '');
  });
}

/** The environment a child gets: PATH (and HOME) only, plus the case's variables; nothing of the test runner's. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
  if (process.env['HOME']) env['HOME'] = process.env['HOME'];
  return { ...env, ...extra };
}

/** The built binary as a child process, cwd = the temporary directory. */
export async function runBinary(c: CliCase, node = process.execPath): Promise<HostResult> {
  return slot(async () => {
    const dir = workDir(c);
    try {
      const r = await spawnText(node, [BIN, ...c.args], { cwd: dir, env: childEnv(c.env), input: c.stdin ?? '' });
      return normalise(dir, r, snapshot(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** The other Node binaries to run the binary tests on: IR_LINT_TEST_NODES, colon-separated paths. */
export function otherNodes(): string[] {
  return (process.env['IR_LINT_TEST_NODES'] ?? '')
    .split(':')
    .map((s) => s.trim())
    .filter((s) => s !== '' && path.resolve(s) !== process.execPath);
}
