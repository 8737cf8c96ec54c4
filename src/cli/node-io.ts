/**
 * The real Io: the only module (with bin/) that touches node:fs and process.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DirEntry, FileStat, Io } from '../io.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export function nodeIo(): Io {
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    isTTY: process.stdout.isTTY === true,
    now: () => new Date(),
    async readFile(p) {
      // Refuse FIFOs and devices before opening them: a read would block.
      const st = await fs.stat(p);
      if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${p}'`), { code: 'EISDIR' });
      if (!st.isFile()) throw Object.assign(new Error(`not a regular file: '${p}'`), { code: 'ENOTREG' });
      return fs.readFile(p);
    },
    async stat(p): Promise<FileStat> {
      const st = await fs.stat(p);
      return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size, mode: st.mode, mtimeMs: st.mtimeMs };
    },
    async readDir(p): Promise<DirEntry[]> {
      const entries = await fs.readdir(p, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : 'other' }));
    },
    realpath: (p) => fs.realpath(p),
    async glob(patterns, options) {
      const { glob } = await import('tinyglobby');
      return glob(patterns, { cwd: options.cwd, ignore: options.ignore, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
    },
    readStdin: () => readAll(process.stdin),
    async writeFileAtomic(target, data) {
      const dir = path.dirname(target);
      const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      let mode: number | undefined;
      try {
        mode = (await fs.stat(target)).mode & 0o7777;
      } catch {
        mode = undefined;
      }
      const handle = await fs.open(tmp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode ?? 0o644);
      try {
        await handle.writeFile(data, 'utf8');
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(tmp, { force: true });
        throw error;
      }
      await handle.close();
      try {
        if (mode !== undefined) await fs.chmod(tmp, mode);
        await fs.rename(tmp, target);
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },
    async writeFile(p, data, options) {
      await fs.mkdir(path.dirname(path.resolve(p)), { recursive: true });
      await fs.writeFile(p, data, { encoding: 'utf8', flag: options?.exclusive ? 'wx' : 'w' });
    },
    importModule: (p) => import(pathToFileURL(path.resolve(p)).href),
  };
}
