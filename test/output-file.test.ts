/**
 * --output-file replaces its file atomically, as --fix does: a new file is
 * renamed over the old one (a reader never sees half a report), the folder is
 * created, nothing else is left behind, and a read-only file is not replaced.
 * Through the built binary.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from './helpers/bin.js';

const report = readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-preliminary-broken.md'), 'utf8');

describe('--output-file through the built binary', () => {
  it('replaces an existing file by a rename (a new inode), with nothing left beside it', () => {
    const dir = tempDir('ir-lint-out-');
    writeFileSync(path.join(dir, 'r.md'), report);
    writeFileSync(path.join(dir, 'out.json'), 'old contents\n');
    const before = statSync(path.join(dir, 'out.json')).ino;
    const r = runBin(['--now', '2025-12-01', '-f', 'json', '-o', 'out.json', 'r.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const written = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as Array<{ filePath: string; errorCount: number }>;
    expect(written[0]?.errorCount).toBeGreaterThan(0);
    expect(statSync(path.join(dir, 'out.json')).ino).not.toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['out.json', 'r.md']);
  });

  it('creates the folder of a new file, and writes through a symlink, which stays a link', () => {
    const dir = tempDir('ir-lint-out-');
    writeFileSync(path.join(dir, 'r.md'), report);
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'target.xml'), '');
    symlinkSync(path.join('real', 'target.xml'), path.join(dir, 'link.xml'));
    expect(runBin(['--now', '2025-12-01', '-f', 'junit', '-o', 'reports/new/out.xml', 'r.md'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(path.join(dir, 'reports', 'new', 'out.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(runBin(['--now', '2025-12-01', '-f', 'junit', '-o', 'link.xml', 'r.md'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(path.join(dir, 'real', 'target.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('refuses a read-only file: exit 2, one line, the file unchanged', () => {
    const dir = tempDir('ir-lint-out-');
    writeFileSync(path.join(dir, 'r.md'), report);
    writeFileSync(path.join(dir, 'out.json'), 'keep me\n');
    chmodSync(path.join(dir, 'out.json'), 0o444);
    const r = runBin(['--now', '2025-12-01', '-f', 'json', '-o', 'out.json', 'r.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ir-lint: out\.json: cannot write output file: read-only/m);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe('keep me\n');
  });
});
