/**
 * Where the report goes and when it is coloured, through main(memoryIo):
 * -o/--output-file, TTY detection, NO_COLOR, FORCE_COLOR, TERM=dumb,
 * --color/--no-color; and no format decides the exit code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const BROKEN = '# Acme CA: broken\n\nNothing that looks like a report.\n';
const files = { 'r/broken.md': BROKEN };
const ANSI = /\u001b\[/;

async function stylish(env: Record<string, string>, isTTY: boolean, flags: string[] = []) {
  return runCli({ argv: ['--now', '2025-12-01', ...flags, 'r/broken.md'], files, env, isTTY });
}

describe('colour', () => {
  const cases: Array<[string, Record<string, string>, boolean, string[], boolean]> = [
    ['a terminal', {}, true, [], true],
    ['a pipe', {}, false, [], false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, [], false],
    ['an empty NO_COLOR', { NO_COLOR: '' }, true, [], true],
    ['TERM=dumb', { TERM: 'dumb' }, true, [], false],
    ['FORCE_COLOR in a pipe', { FORCE_COLOR: '1' }, false, [], true],
    ['FORCE_COLOR over NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, [], true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, [], false],
    ['--color in a pipe', {}, false, ['--color'], true],
    ['--color over NO_COLOR', { NO_COLOR: '1' }, false, ['--color'], true],
    ['--no-color on a terminal', {}, true, ['--no-color'], false],
    ['--no-color over FORCE_COLOR', { FORCE_COLOR: '1' }, true, ['--no-color'], false],
  ];
  for (const [name, env, tty, flags, coloured] of cases) {
    it(`${coloured ? 'colours' : 'does not colour'} stylish for ${name}`, async () => {
      const { out, code } = await stylish(env, tty, flags);
      expect(code).toBe(1);
      expect(out).toContain('r/broken.md');
      expect(ANSI.test(out)).toBe(coloured);
    });
  }

  it('never colours machine formats, even when forced', async () => {
    for (const format of ['json', 'sarif', 'github', 'junit', 'compact']) {
      const { out } = await stylish({ FORCE_COLOR: '3' }, true, ['--color', '-f', format]);
      expect(ANSI.test(out), format).toBe(false);
    }
  });
});

describe('-o / --output-file', () => {
  it('writes the report to the file, plain, and shows stylish on stderr; stdout stays empty', async () => {
    const { out, err, code, io } = await runCli({ argv: ['--now', '2025-12-01', '-f', 'sarif', '-o', 'out/ir-lint.sarif', 'r/broken.md'], files, isTTY: true });
    expect(code).toBe(1);
    expect(out).toBe('');
    const written = io.files.get('/work/out/ir-lint.sarif');
    expect(typeof written).toBe('string');
    expect(JSON.parse(written as string).version).toBe('2.1.0');
    expect(err).toContain('r/broken.md');
    expect(err).toMatch(/\d+ problems? \(/);
    expect(ANSI.test(err)).toBe(true);
  });

  it('writes stylish to the file without colour even on a terminal', async () => {
    const { io, err } = await runCli({ argv: ['--now', '2025-12-01', '--output-file', 'report.txt', 'r/broken.md'], files, isTTY: true, env: { FORCE_COLOR: '1' } });
    const written = io.files.get('/work/report.txt') as string;
    expect(written).toContain('r/broken.md');
    expect(ANSI.test(written)).toBe(false);
    expect(ANSI.test(err)).toBe(true);
  });

  it('prints nothing to the terminal for a clean run but still writes the file', async () => {
    const clean = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'reports', 'v3-full-clean.md'), 'utf8');
    const { io, err, out, code } = await runCli({ argv: ['--now', '2025-12-01', '-f', 'json', '-o', 'r.json', 'clean.md'], files: { 'clean.md': clean }, isTTY: true });
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toBe('');
    const written = JSON.parse(io.files.get('/work/r.json') as string) as Array<{ filePath: string; messages: unknown[] }>;
    expect(written).toEqual([expect.objectContaining({ filePath: '/work/clean.md', messages: [] })]);
  });
});

describe('formats never decide the exit code', () => {
  it('gives the same exit code in every format', async () => {
    const codes: Record<string, number> = {};
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'github', 'junit']) {
      codes[format] = (await runCli({ argv: ['--now', '2025-12-01', '-f', format, 'r/broken.md', 'r/missing.md'], files })).code;
    }
    expect(new Set(Object.values(codes))).toEqual(new Set([2]));
  });

  it('rejects an unknown format with exit 2 and names the formats', async () => {
    const { code, err } = await runCli({ argv: ['-f', 'checkstyle', 'r/broken.md'], files });
    expect(code).toBe(2);
    expect(err).toContain('json, sarif, github, junit');
  });
});
