/**
 * An in-memory Io for CLI tests: files are a map of path → contents; writes
 * land in the same map; stdout/stderr are captured.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { DirEntry, FileStat, Io } from '../../src/io.js';

export interface MemoryIo extends Io {
  files: Map<string, string | Uint8Array>;
  out: string;
  err: string;
}

function errno(code: string, p: string): Error {
  return Object.assign(new Error(`${code}: ${p}`), { code });
}

export function memoryIo(options: { argv: string[]; files?: Record<string, string | Uint8Array>; cwd?: string; env?: Record<string, string>; stdin?: string; isTTY?: boolean; now?: string }): MemoryIo {
  const cwd = options.cwd ?? '/work';
  const files = new Map<string, string | Uint8Array>();
  for (const [p, c] of Object.entries(options.files ?? {})) files.set(path.resolve(cwd, p), c);
  const isDir = (p: string): boolean => {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const k of files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  };
  const io: MemoryIo = {
    files,
    out: '',
    err: '',
    argv: options.argv,
    cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
    now: () => new Date(options.now ?? '2025-09-15T12:00:00Z'),
    async readFile(p) {
      const c = files.get(path.resolve(cwd, p));
      if (c === undefined) throw errno(isDir(path.resolve(cwd, p)) ? 'EISDIR' : 'ENOENT', p);
      return typeof c === 'string' ? new TextEncoder().encode(c) : c;
    },
    async stat(p): Promise<FileStat> {
      const abs = path.resolve(cwd, p);
      const c = files.get(abs);
      if (c !== undefined) return { kind: 'file', size: typeof c === 'string' ? Buffer.byteLength(c) : c.length, mode: 0o644, mtimeMs: 0 };
      if (isDir(abs)) return { kind: 'directory', size: 0 };
      throw errno('ENOENT', p);
    },
    async readDir(p): Promise<DirEntry[]> {
      const abs = path.resolve(cwd, p);
      if (!isDir(abs)) throw errno('ENOTDIR', p);
      const names = new Map<string, DirEntry['kind']>();
      for (const k of files.keys()) {
        if (!k.startsWith(`${abs}/`)) continue;
        const rest = k.slice(abs.length + 1);
        const [head, ...tail] = rest.split('/');
        names.set(head as string, tail.length > 0 ? 'directory' : 'file');
      }
      return [...names].map(([name, kind]) => ({ name, kind }));
    },
    realpath: async (p) => path.resolve(cwd, p),
    async glob(patterns, opts) {
      const match = picomatch(patterns);
      const ignore = opts.ignore.length > 0 ? picomatch(opts.ignore) : () => false;
      const out: string[] = [];
      for (const k of files.keys()) {
        const rel = path.relative(opts.cwd, k);
        if (match(rel) && !ignore(rel)) out.push(rel);
      }
      return out.sort();
    },
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    async writeFileAtomic(p, data) {
      files.set(path.resolve(cwd, p), data);
    },
    async writeFile(p, data, o) {
      const abs = path.resolve(cwd, p);
      if (o?.exclusive && files.has(abs)) throw errno('EEXIST', p);
      files.set(abs, data);
    },
    importModule: async (p) => import(path.resolve(cwd, p)),
  };
  return io;
}

/** Run main with a memory Io and return what it produced. */
export async function runCli(options: Parameters<typeof memoryIo>[0]): Promise<{ code: number; out: string; err: string; io: MemoryIo }> {
  const { main } = await import('../../src/cli/main.js');
  const io = memoryIo(options);
  const code = await main(io);
  return { code, out: io.out, err: io.err, io };
}
