/**
 * The real Io: the only module (with bin/) that touches node:fs and process.
 */
import { promises as fs, constants as fsConstants, readFileSync, readdirSync, realpathSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DirEntry, FileStat, Io } from '../io.js';
import { crypto as lazyCrypto } from '../lazy.js';

/** Read a stream to its end, or until more than `maxBytes` arrived (then stop reading: the caller refuses the input). */
async function readAll(stream: NodeJS.ReadableStream, maxBytes = Infinity): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    total += b.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

/**
 * Output. Writes go straight to the file descriptor: creating process.stdout
 * loads Node's stream machinery (for a pipe, its socket code too), a few
 * milliseconds of every run on one report. A descriptor that would block
 * (EAGAIN: a non-blocking pipe) hands the rest to the stream, which queues.
 * A reader that goes away (`ir-lint … | head`) is not an error: stop writing to it.
 */
const closed = { stdout: false, stderr: false };
const viaStream = { stdout: false, stderr: false };

function streamWrite(name: 'stdout' | 'stderr', text: string): void {
  const stream = process[name];
  if (!viaStream[name]) {
    viaStream[name] = true;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') closed[name] = true;
      else throw error;
    });
  }
  stream.write(text);
}

function write(name: 'stdout' | 'stderr', text: string): void {
  if (closed[name] || text === '') return;
  if (viaStream[name]) return streamWrite(name, text);
  const fd = name === 'stdout' ? 1 : 2;
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      const n = writeSync(fd, bytes);
      bytes = bytes.subarray(n);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed[name] = true;
        return;
      }
      if (code === 'EAGAIN') return streamWrite(name, bytes.toString('utf8'));
      throw error;
    }
  }
}

/** True when everything written has reached the descriptors (no stream holds queued output). */
export function outputFlushed(): boolean {
  return !viaStream.stdout && !viaStream.stderr;
}

export function nodeIo(): Io {
  let isTTY: boolean | undefined;
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => write('stdout', text),
    stderr: (text) => write('stderr', text),
    // Asked only when colour depends on it (it creates process.stdout).
    get isTTY() {
      return (isTTY ??= process.stdout.isTTY === true);
    },
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    now: () => new Date(),
    // Reads are synchronous: a linter reads one small file after another, and
    // the promise API's thread-pool round trips cost more than the reads.
    async readFile(p) {
      // Refuse FIFOs and devices before opening them: a read would block.
      const st = statSync(p);
      if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${p}'`), { code: 'EISDIR' });
      if (!st.isFile()) throw Object.assign(new Error(`not a regular file: '${p}'`), { code: 'ENOTREG' });
      return readFileSync(p);
    },
    async stat(p): Promise<FileStat> {
      const st = statSync(p);
      return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size, mode: st.mode, mtimeMs: st.mtimeMs };
    },
    async readDir(p): Promise<DirEntry[]> {
      const entries = readdirSync(p, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other' }));
    },
    realpath: async (p) => realpathSync(p),
    async glob(patterns, options) {
      const { glob } = await import('tinyglobby');
      return glob(patterns, { cwd: options.cwd, ignore: options.ignore, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
    },
    readStdin: (maxBytes) => readAll(process.stdin, maxBytes),
    // The language server writes to the stream itself and waits until it has written everything.
    stdio: () => ({ input: process.stdin, output: process.stdout }),
    writeFileAtomic: (target, data) => writeFileAtomic(target, data),
    async writeFile(p, data, options) {
      await fs.mkdir(path.dirname(path.resolve(p)), { recursive: true });
      // A new file (--init) must not replace one; any other (--output-file) is replaced atomically.
      if (options?.exclusive) await fs.writeFile(p, data, { encoding: 'utf8', flag: 'wx' });
      else await writeFileAtomic(p, data);
    },
    importModule: (p) => import(pathToFileURL(path.resolve(p)).href),
  };
}

/** The file-system calls writeFileAtomic makes; tests replace one to simulate a failure. */
export interface AtomicFs {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ mode: number; uid: number; gid: number }>;
  open(p: string, flags: number, mode: number): Promise<fs.FileHandle>;
  chmod(p: string, mode: number): Promise<void>;
  chown(p: string, uid: number, gid: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(p: string, options: { force: boolean }): Promise<void>;
}

const realFs: AtomicFs = {
  realpath: (p) => fs.realpath(p),
  stat: (p) => fs.stat(p),
  open: (p, flags, mode) => fs.open(p, flags, mode),
  chmod: (p, mode) => fs.chmod(p, mode),
  chown: (p, uid, gid) => fs.chown(p, uid, gid),
  rename: (from, to) => fs.rename(from, to),
  rm: (p, options) => fs.rm(p, options),
};

/**
 * Temp files are `.<name>.<pid>-<random>.irlint.tmp` beside the target: the
 * pid of the process that writes it, so that a later run can tell a file
 * left by a killed process (its pid is gone) from one a live process is
 * still writing.
 */
export const TEMP_SUFFIX = '.irlint.tmp';

/** A temp file whose writer is alive is left alone unless it is older than this (the pid may have been reused). */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** Thrown by writeFileAtomic for a file that is not writable: it is not replaced. */
export class ReadOnlyError extends Error {
  readonly code = 'EREADONLY';
  constructor(readonly target: string) {
    super('read-only');
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'; // alive, owned by someone else
  }
}

/**
 * Remove the temp files an earlier run left beside `real` when it was killed
 * between writing and renaming: those of a process that is gone, and any
 * older than STALE_TEMP_MS (also those named before the pid was part of the
 * name). Never one that a live process may still be writing.
 */
export async function removeStaleTemps(real: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(real);
  const prefix = `.${path.basename(real)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const middle = name.slice(prefix.length, name.length - TEMP_SUFFIX.length);
    const m = /^(\d+)-[0-9a-f]+$/.exec(middle);
    if (!m && !/^[0-9a-f]+$/.test(middle)) continue;
    const p = path.join(dir, name);
    let old = false;
    try {
      const st = await fs.lstat(p);
      if (!st.isFile()) continue;
      old = now - st.mtimeMs > STALE_TEMP_MS;
    } catch {
      continue;
    }
    const pid = m ? Number(m[1]) : undefined;
    if (!old && (pid === undefined || pid === process.pid || processAlive(pid))) continue;
    try {
      await fs.rm(p, { force: true });
      removed.push(name);
    } catch {
      // Not ours to remove (permissions): leave it.
    }
  }
  return removed;
}

/**
 * Replace `target` atomically: write a temp file in the same directory (so the
 * rename cannot cross file systems), fsync it, give it the target's mode,
 * owner and group (where allowed), rename it over the target, fsync the
 * directory. Until the rename the original is untouched; after it the new
 * content is complete. A symlink is followed, so the link stays a link. A
 * file nobody may write (no write bit, or not writable by this user) is
 * refused with a ReadOnlyError. On any failure the temp file is removed and
 * the error is thrown. Temp files left by a killed earlier run are removed
 * first.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, ops: AtomicFs = realFs): Promise<void> {
  let real = target;
  let existing: { mode: number; uid: number; gid: number } | undefined;
  try {
    real = await ops.realpath(target);
    existing = await ops.stat(real);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  if (existing) {
    // root may write anything: the mode's write bits say whether the file is meant to be changed.
    let writable = (existing.mode & 0o222) !== 0;
    if (writable) {
      try {
        await fs.access(real, fsConstants.W_OK);
      } catch {
        writable = false;
      }
    }
    if (!writable) throw new ReadOnlyError(real);
  }
  const mode = existing ? existing.mode & 0o7777 : 0o644;
  const dir = path.dirname(real);
  await removeStaleTemps(real);
  // node:crypto is imported here, not at the top: loading it costs every run several milliseconds.
  const { randomBytes } = lazyCrypto();
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await ops.open(tmp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) {
      // The owner can change only as root; the group also as its owner, to a group the user is in.
      const made = await ops.stat(tmp);
      if (made.uid !== existing.uid || made.gid !== existing.gid) {
        await ops.chown(tmp, existing.uid, existing.gid).catch(async () => {
          if (made.gid !== existing.gid) await ops.chown(tmp, made.uid, existing.gid).catch(() => undefined);
        });
      }
    }
    // open() applied the umask (and chown may clear setuid bits); set the exact mode last.
    await ops.chmod(tmp, mode);
    await ops.rename(tmp, real);
  } catch (error) {
    await ops.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Make the rename durable; not every platform can open a directory, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, fsConstants.O_RDONLY);
    await handle.sync();
  } catch {
    // Windows and some file systems refuse; the rename itself is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
