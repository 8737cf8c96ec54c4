/**
 * The real file system: writeFileAtomic (mode, symlinks, failures between
 * write and rename, a process killed mid-write) and --fix through the real
 * node Io (byte-identical and untouched mtime when nothing is fixable).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { nodeIo, TEMP_SUFFIX, writeFileAtomic, type AtomicFs } from '../src/cli/node-io.js';
import type { Io } from '../src/io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-fix-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tempFiles = (): string[] => readdirSync(dir).filter((n) => n.endsWith(TEMP_SUFFIX));

/** The real fs calls, with one replaced. */
async function realOps(): Promise<AtomicFs> {
  const { promises: fs } = await import('node:fs');
  return {
    realpath: (p) => fs.realpath(p),
    stat: (p) => fs.stat(p),
    open: (p, flags, mode) => fs.open(p, flags, mode),
    chmod: (p, mode) => fs.chmod(p, mode),
    chown: (p, uid, gid) => fs.chown(p, uid, gid),
    rename: (a, b) => fs.rename(a, b),
    rm: (p, o) => fs.rm(p, o),
  };
}

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the mode', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'old\n');
    chmodSync(f, 0o640);
    await writeFileAtomic(f, 'new\n');
    expect(readFileSync(f, 'utf8')).toBe('new\n');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(tempFiles()).toEqual([]);
  });

  it('writes bytes as given', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'x');
    await writeFileAtomic(f, new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect([...readFileSync(f)]).toEqual([0xff, 0xfe, 0x41, 0x00]);
  });

  it('follows a symlink: the link stays a link, its target gets the content', async () => {
    const real = path.join(dir, 'real.md');
    const link = path.join(dir, 'link.md');
    writeFileSync(real, 'old\n');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
  });

  it('a failing rename leaves the original intact and no temp file', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'original\n');
    const ops = { ...(await realOps()), rename: async () => Promise.reject(Object.assign(new Error('EXDEV: simulated'), { code: 'EXDEV' })) };
    await expect(writeFileAtomic(f, 'new\n', ops)).rejects.toThrow(/simulated/);
    expect(readFileSync(f, 'utf8')).toBe('original\n');
    expect(tempFiles()).toEqual([]);
  });

  it('a failing write (disk full) leaves the original intact and no temp file', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'original\n');
    const base = await realOps();
    const ops: AtomicFs = {
      ...base,
      open: async (p, flags, mode) => {
        const h = await base.open(p, flags, mode);
        h.writeFile = async () => Promise.reject(Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' }));
        return h;
      },
    };
    await expect(writeFileAtomic(f, 'new\n', ops)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(f, 'utf8')).toBe('original\n');
    expect(tempFiles()).toEqual([]);
  });

  it('a process killed between write and rename leaves the original intact', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'original\n');
    const moduleUrl = new URL('../src/cli/node-io.ts', import.meta.url).href;
    // The child writes and fsyncs the temp file, says so, then waits forever instead of renaming.
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(moduleUrl)});
      const fs = (await import('node:fs')).promises;
      const ops = { realpath: fs.realpath, stat: fs.stat, open: fs.open, chmod: fs.chmod, chown: fs.chown, rm: fs.rm,
        rename: () => { process.stdout.write('written\\n'); return new Promise(() => {}); } };
      setInterval(() => {}, 1000);
      await writeFileAtomic(${JSON.stringify(f)}, 'new content\\n'.repeat(1000), ops);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('written')) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited early: ${err}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(f, 'utf8')).toBe('original\n');
    // A killed process cannot clean up: what it leaves is a complete, clearly named temp file beside the target.
    const left = tempFiles();
    expect(left).toHaveLength(1);
    expect(readFileSync(path.join(dir, left[0] as string), 'utf8')).toBe('new content\n'.repeat(1000));
  }, 20_000);
});

describe('--fix through the real Io', { timeout: 30_000 }, () => {
  const report = (lucky: string): string =>
    `## Incident Report\r\n\r\n### Summary\r\n\r\nText.\r\n\r\n### Impact\r\n\r\nText.\r\n\r\n### Timeline\r\n\r\nAll times are UTC.\r\n\r\n2025-01-02 10:00 Report received.\r\n\r\n### Root Cause Analysis\r\n\r\nText.\r\n\r\n### Lessons Learned\r\n\r\n- **What went well:** x\r\n- **What didn't go well:** y\r\n- **Where we got lucky:** ${lucky}\r\n\r\n### Action Items\r\n\r\nN/A\r\n\r\n### Appendix\r\n\r\nN/A`;

  function io(argv: string[]): Io & { out: string } {
    const base = nodeIo();
    const o = { ...base, argv, cwd: dir, out: '', isTTY: false, env: {} as Record<string, string | undefined> };
    o.stdout = (t: string) => {
      o.out += t;
    };
    o.stderr = (t: string) => {
      o.out += t;
    };
    return o;
  }

  it('a file with no fixable finding is byte-identical and its mtime unchanged', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, report('N/A'));
    const old = new Date('2024-01-01T00:00:00Z');
    utimesSync(f, old, old);
    const before = statSync(f);
    await main(io(['--now', '2025-01-15', '--fix', 'r.md']));
    const after = statSync(f);
    expect(readFileSync(f, 'utf8')).toBe(report('N/A'));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
  });

  it('fixes in place: CRLF, the missing final newline and the mode kept; no temp file left', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, report('None'));
    chmodSync(f, 0o600);
    await main(io(['--now', '2025-01-15', '--fix', 'r.md']));
    expect(readFileSync(f, 'utf8')).toBe(report('N/A'));
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(tempFiles()).toEqual([]);
  });

  it('--fix-dry-run leaves the file and its mtime alone', async () => {
    const f = path.join(dir, 'r.md');
    writeFileSync(f, report('None'));
    const before = statSync(f);
    const o = io(['--now', '2025-01-15', '-f', 'compact', '--fix-dry-run', 'r.md']);
    await main(o);
    expect(readFileSync(f, 'utf8')).toBe(report('None'));
    expect(statSync(f).mtimeMs).toBe(before.mtimeMs);
    expect(o.out).toContain('-- **Where we got lucky:** None\r\n+- **Where we got lucky:** N/A\r\n');
  });
});
