/**
 * --fix and the file it replaces, through the built binary: a read-only file
 * is refused (exit 2) and not changed; the mode, owner and group are kept;
 * a temp file left by a process killed during --fix is removed by the next
 * run on that file, and one a live process may be writing is not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, TEMP_SUFFIX } from '../src/cli/node-io.js';
import { BIN, runBin, tempDir } from './helpers/bin.js';

const FIXABLE = '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x\n- **Relevant policies:** none\n- **Source of incident disclosure:** Self Reported\n';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const temps = (d: string): string[] => readdirSync(d).filter((n) => n.endsWith(TEMP_SUFFIX));

describe('--fix and file permissions', { timeout: 60_000 }, () => {
  it('a read-only file: exit 2, "read-only, not changed", the file untouched (also as root)', () => {
    const dir = tempDir('ir-lint-ro-');
    const f = path.join(dir, 'r.md');
    writeFileSync(f, FIXABLE);
    chmodSync(f, 0o444);
    const before = statSync(f);
    const r = runBin(['--fix', '--now', '2025-12-01', '-f', 'compact', 'r.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^r\.md:1:1: error ir-lint Cannot fix file: read-only, not changed/m);
    expect(r.err).toBe('');
    expect(readFileSync(f, 'utf8')).toBe(FIXABLE);
    expect(statSync(f).mtimeMs).toBe(before.mtimeMs);
    expect(temps(dir)).toEqual([]);
  });

  it('a writable file is fixed and keeps its mode, owner and group', () => {
    const dir = tempDir('ir-lint-own-');
    const f = path.join(dir, 'r.md');
    writeFileSync(f, FIXABLE);
    chmodSync(f, 0o640);
    if (asRoot) chownSync(f, 65534, 4);
    const before = statSync(f);
    const r = runBin(['--fix', '--now', '2025-12-01', '-f', 'compact', 'r.md'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(readFileSync(f, 'utf8')).toContain('**Relevant policies:** N/A');
    const after = statSync(f);
    expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([before.mode & 0o7777, before.uid, before.gid]);
  });

  it.skipIf(!asRoot)('as a user who may change only the group: the group is kept where the directory would give another one', () => {
    // A setgid directory of group 65534: a new file there gets group 65534. The user (uid 65534,
    // primary group 4) owns a file of group 4; the fixed file must stay in group 4.
    const dir = tempDir('ir-lint-grp-');
    chmodSync(dir, 0o755);
    const sub = path.join(dir, 'reports');
    mkdirSync(sub);
    chownSync(sub, 65534, 65534);
    chmodSync(sub, 0o2775);
    const f = path.join(sub, 'r.md');
    writeFileSync(f, FIXABLE);
    chownSync(f, 65534, 4);
    chmodSync(f, 0o664);
    const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { uid: 65534, gid: 4 });
    if (probe.status !== 0) return void console.warn('group test skipped: user 65534 cannot read the project');
    const r = spawnSync(process.execPath, [BIN, '--fix', '--now', '2025-12-01', '-f', 'compact', 'r.md'], { cwd: sub, encoding: 'utf8', uid: 65534, gid: 4, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(readFileSync(f, 'utf8')).toContain('**Relevant policies:** N/A');
    const after = statSync(f);
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([65534, 4, 0o664]);
  });
});

describe('temp files left by a killed --fix', { timeout: 60_000 }, () => {
  it('kill -9 between writing and renaming: the next run on the file removes the temp file', async () => {
    const dir = tempDir('ir-lint-kill-');
    const f = path.join(dir, 'r.md');
    writeFileSync(f, FIXABLE);
    // A run that stops (SIGSTOP) just before its rename, then is killed with SIGKILL.
    const preload = path.join(dir, 'stop-before-rename.cjs');
    writeFileSync(preload, "const fs = require('node:fs'); const r = fs.promises.rename; fs.promises.rename = (a, b) => { if (String(a).endsWith('.irlint.tmp')) { process.kill(process.pid, 'SIGSTOP'); } return r(a, b); };\n");
    const child = spawn(process.execPath, ['-r', preload, BIN, '--fix', '--now', '2025-12-01', 'r.md'], { cwd: dir, stdio: 'ignore' });
    for (let i = 0; i < 400 && temps(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    // Wait for the temp file to be complete (the child stops itself after fsync).
    await new Promise((r) => setTimeout(r, 500));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(f, 'utf8')).toBe(FIXABLE);
    const left = temps(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.r\\.md\\.${child.pid}-[0-9a-f]+\\.irlint\\.tmp$`));
    const r = runBin(['--fix', '--now', '2025-12-01', '-f', 'compact', 'r.md'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(readFileSync(f, 'utf8')).toContain('**Relevant policies:** N/A');
    expect(temps(dir)).toEqual([]);
  });

  it('a temp file of a live process is left alone unless it is older than an hour; other files are never touched', async () => {
    const dir = tempDir('ir-lint-live-');
    const f = path.join(dir, 'r.md');
    writeFileSync(f, 'x\n');
    const live = `.r.md.${process.pid}-abcdef${TEMP_SUFFIX}`;
    const liveOld = `.r.md.${process.ppid}-abcdef${TEMP_SUFFIX}`;
    const dead = `.r.md.999999999-abcdef${TEMP_SUFFIX}`;
    const legacyOld = `.r.md.0123456789ab${TEMP_SUFFIX}`;
    const legacyNew = `.r.md.ba9876543210${TEMP_SUFFIX}`;
    const otherFile = `.s.md.999999999-abcdef${TEMP_SUFFIX}`;
    const notOurs = `.r.md.notes.txt`;
    for (const n of [live, liveOld, dead, legacyOld, legacyNew, otherFile, notOurs]) writeFileSync(path.join(dir, n), 'partial');
    const hours = (h: number): Date => new Date(Date.now() - h * 3600_000);
    utimesSync(path.join(dir, liveOld), hours(2), hours(2));
    utimesSync(path.join(dir, legacyOld), hours(2), hours(2));
    const removed = await removeStaleTemps(f);
    expect(removed.sort()).toEqual([dead, legacyOld, liveOld].sort());
    expect(readdirSync(dir).sort()).toEqual([live, legacyNew, otherFile, notOurs, 'r.md'].sort());
  });
});
