/**
 * Bad input: every row of the README's "Behaviour on bad input" table is a
 * test here (or in test/engine-validation.test.ts for rules and plugins).
 * Memory-Io runs for what a file holds; real temporary directories for what
 * only a file system can do (symlink loops, FIFOs, permissions, a sparse
 * 50 MB file).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, accessSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { nodeIo } from '../src/cli/node-io.js';
import { DEFAULT_MAX_FILE_SIZE } from '../src/cli/run.js';
import { decodeReport } from '../src/decode.js';
import type { Io } from '../src/io.js';
import { MAX_NESTING } from '../src/parse/limits.js';
import { compactLine, lintAll } from './helpers/lint.js';
import { memoryIo, runCli } from './helpers/memory-io.js';

const root = path.join(import.meta.dirname, '..');
const fixture = (name: string): string => readFileSync(path.join(root, 'fixtures', 'reports', name), 'utf8');
const broken = fixture('v3-full-structure-broken.md');
const NOW = ['--now', '2025-12-01', '-f', 'compact'];

async function lintBytes(bytes: string | Uint8Array, extra: string[] = []) {
  return runCli({ argv: [...NOW, ...extra, 'r.md'], files: { 'r.md': bytes } });
}

/** One line on the screen, exit 2, the file named. */
function expectOneLineFailure(r: { code: number; out: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.out.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
}

describe('bad input: file contents', () => {
  it('empty file: one report-template error, exit 1', async () => {
    const r = await lintBytes('');
    expect(r.code).toBe(1);
    expect(r.out).toBe('r.md:1:1: error report-template The file is empty; expected an incident report (run "ir-lint --init report.md" for a v3 Full Incident Report skeleton).\n');
  });

  it('only whitespace (spaces, tabs, blank lines): the same as empty', async () => {
    const r = await lintBytes('   \n\t\n\r\n  ');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^r\.md:1:1: error report-template The file is empty/);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('only headings: every field of every section is reported missing, nothing crashes', async () => {
    const r = await lintBytes('# Example: title\n\n## Full Incident Report\n\n### Summary\n\n### Impact\n\n### Timeline\n\n### Root Cause Analysis\n');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/field-required Missing field "CA Owner CCADB unique ID"/);
    expect(r.out).toMatch(/section-required Missing section "Action Items"/);
    expect(r.out).not.toMatch(/internal-error|failed:/);
  });

  it(`a file over --max-file-size (default ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024} MB) is refused from its size alone: never read, exit 2, one line`, async () => {
    const io = memoryIo({ argv: [...NOW, 'big.md', 'ok.md'], files: { 'big.md': 'x', 'ok.md': broken } });
    const read: string[] = [];
    const { stat, readFile } = io;
    io.stat = async (p) => (p.endsWith('big.md') ? { kind: 'file', size: 50 * 1024 * 1024 } : stat(p));
    io.readFile = async (p) => {
      read.push(path.basename(p));
      return readFile(p);
    };
    const code = await main(io);
    expect(code).toBe(2);
    expect(read).toEqual(['ok.md']); // the other file is still linted
    expect(io.out).toMatch(/^big\.md:1:1: error ir-lint File is 50\.0 MB, over the 2\.0 MB limit; raise it with --max-file-size if this really is one report\.$/m);
    expect(io.out).toMatch(/^ok\.md:\d+:\d+: error section-required/m);
  });

  it('--max-file-size lowers or raises the limit, 0 removes it, a bad size is a usage error', async () => {
    const text = `${broken}\n${'Filler text for size.\n\n'.repeat(8000)}`; // ~190 KB
    expect((await lintBytes(text)).code).toBe(1);
    expectOneLineFailure(await lintBytes(text, ['--max-file-size', '100KB']), /^r\.md:1:1: error ir-lint File is 18\d\.\d KB, over the 100\.0 KB limit/);
    expect((await lintBytes(text, ['--max-file-size', '1MB'])).code).toBe(1);
    expect((await lintBytes(text, ['--max-file-size', '0'])).code).toBe(1);
    const bad = await lintBytes('x', ['--max-file-size', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--max-file-size expects a size such as 500KB, 10MB or 0 \(no limit\), got "lots"/);
  });

  it('stdin over --max-file-size: exit 2, one line', async () => {
    const r = await runCli({ argv: [...NOW, '--max-file-size', '1KB', '-'], stdin: 'x'.repeat(5000) });
    expectOneLineFailure(r, /^<stdin>:1:1: error ir-lint Input is over the 1\.0 KB limit; raise it with --max-file-size/);
  });

  it('stdin over the limit is not read to its end (the real CLI, 64 MB piped in)', () => {
    const bin = path.join(root, 'bin', 'ir-lint.js');
    const r = spawnSync(process.execPath, [bin, ...NOW, '-'], { input: Buffer.alloc(64 * 1024 * 1024, 0x61), encoding: 'utf8', maxBuffer: 1 << 20 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('<stdin>:1:1: error ir-lint Input is over the 2.0 MB limit; raise it with --max-file-size if this really is one report.\n');
  });

  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  const gz = gzipSync(Buffer.from('## Full Incident Report\n'));
  for (const [name, bytes, what] of [['PNG', png, 'a PNG image'], ['PDF', pdf, 'a PDF document'], ['gzip', gz, 'a gzip archive']] as const) {
    it(`a ${name} file named .md: refused as binary, exit 2, one line`, async () => {
      expectOneLineFailure(await lintBytes(bytes), new RegExp(`^r\\.md:1:1: error ir-lint Cannot lint file: binary file \\(${what}\\), not a Markdown report\\.$`));
    });
  }

  it('invalid UTF-8: refused with the offset of the first bad byte, exit 2', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('## Full Incident Report\nCaf'), 0xe9, 0x0a]);
    expectOneLineFailure(await lintBytes(bytes), /^r\.md:1:1: error ir-lint Cannot lint file: not valid UTF-8 \(first bad byte at offset 27\); save the file as UTF-8\.$/);
  });

  for (const le of [true, false]) {
    it(`UTF-16${le ? 'LE' : 'BE'} with a BOM: decoded and linted exactly like the UTF-8 file`, async () => {
      const units = Buffer.from(broken, 'utf16le');
      if (!le) units.swap16();
      const bytes = new Uint8Array([...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...units]);
      const decoded = decodeReport(bytes);
      expect(decoded).toMatchObject({ ok: true, text: broken, encoding: le ? 'utf-16le' : 'utf-16be' });
      const [a, b] = [await lintBytes(bytes), await lintBytes(broken)];
      expect(a.code).toBe(1);
      expect(a.out).toBe(b.out);
    });
  }

  it('UTF-8 with a BOM: the BOM is not part of the text, columns count from the first character', async () => {
    const [a, b] = [await lintBytes(`\ufeff${broken}`), await lintBytes(broken)];
    expect(a.out).toBe(b.out);
  });

  it('UTF-16 without a BOM: refused as binary (NUL bytes), exit 2', async () => {
    expectOneLineFailure(await lintBytes(Buffer.from('# Hello\n', 'utf16le')), /binary file \(contains NUL bytes\)/);
  });

  it('NUL bytes in text: refused as binary, exit 2', async () => {
    expectOneLineFailure(await lintBytes(`## Full Incident Report\n${'x'.repeat(10_000)}\u0000\n`), /^r\.md:1:1: error ir-lint Cannot lint file: binary file \(contains NUL bytes\), not a Markdown report\.$/);
  });
});

describe('bad input: line endings', () => {
  /** The text a diagnostic points at: from (line, column) to the end of that line. */
  function pointedAt(text: string, line: number, column: number): string {
    return (text.split(/\r\n|\r|\n/)[line - 1] ?? '').slice(column - 1);
  }
  const variants: Array<[string, (s: string) => string]> = [
    ['CRLF', (s) => s.replace(/\n/g, '\r\n')],
    ['CR only', (s) => s.replace(/\n/g, '\r')],
    ['mixed LF and CRLF', (s) => s.split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('').slice(0, -1)],
  ];
  for (const [name, convert] of variants) {
    it(`${name}: the same diagnostics, each pointing at the same text as in the LF file`, () => {
      for (const source of [broken, fixture('v3-full-timeline-broken.md'), fixture('v3-full-actions-broken.md')]) {
        const lf = lintAll(source, '2025-12-01');
        const text = convert(source);
        const other = lintAll(text, '2025-12-01');
        expect(lf.length).toBeGreaterThan(3);
        expect(other.map((m) => compactLine('r.md', m))).toEqual(lf.map((m) => compactLine('r.md', m)));
        for (const m of other) {
          expect(pointedAt(text, m.line, m.column)).toBe(pointedAt(source, m.line, m.column));
          expect(pointedAt(text, m.line, m.column)).not.toMatch(/\r/);
        }
      }
    });
  }

  it('CRLF: a diagnostic about a value points at the value itself', () => {
    const text = broken.replace(/\n/g, '\r\n');
    const ms = lintAll(text, '2025-12-01');
    const withSpan = ms.filter((m) => m.column > 1);
    expect(withSpan.length).toBeGreaterThan(0);
    for (const m of withSpan) {
      const line = text.split('\r\n')[m.line - 1] as string;
      expect(m.column).toBeLessThanOrEqual(line.length + 1);
      if (m.endLine === m.line) expect(m.endColumn).toBeLessThanOrEqual(line.length + 1);
    }
  });
});

describe('bad input: shapes the Markdown parser handles badly', () => {
  it(`10,000 nested list levels on one line: refused before parsing (limit ${MAX_NESTING}), exit 2, quickly`, async () => {
    const t = performance.now();
    const r = await lintBytes(`## Full Incident Report\n\n${'- '.repeat(10_000)}x\n`);
    expectOneLineFailure(r, /^r\.md:3:1: error ir-lint Markdown nested about 10000 levels deep \(lists or block quotes\) at line 3; ir-lint parses reports nested at most 100 levels deep/);
    expect(performance.now() - t).toBeLessThan(10_000); // unbounded it takes minutes; the benchmark bounds it properly
  });

  it('10,000 nested block quotes (one line, and one level more per line): refused, exit 2', async () => {
    expectOneLineFailure(await lintBytes(`${'>'.repeat(10_000)} deep\n`), /^r\.md:1:1: error ir-lint Markdown nested about 10000 levels deep/);
    const stairs = Array.from({ length: 300 }, (_, i) => `${'> '.repeat(i + 1)}x`).join('\n');
    expectOneLineFailure(await lintBytes(stairs), /^r\.md:101:1: error ir-lint Markdown nested about 101 levels deep/);
  });

  it('lists nested by indentation: refused past the limit', async () => {
    const stairs = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    expectOneLineFailure(await lintBytes(stairs), /Markdown nested about 101 levels deep \(lists or block quotes\) at line 101/);
  });

  it('nesting a report really uses (quoted replies, nested bullets, 20 levels) is linted normally', async () => {
    const r = await lintBytes(`${broken}\n${'> '.repeat(20)}quoted\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- n${i}`).join('\n')}\n`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/section-required/);
    expect(r.out).not.toMatch(/nested/);
  });

  it('thematic breaks made of many markers (`- - - - …`, `* * * …`) are not nesting', async () => {
    const r = await lintBytes(`${broken}\n${'- '.repeat(500)}\n\n${'* '.repeat(500)}\n`);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/nested/);
  });

  it('a table with 5,000 columns as the Action Items table: linted, exit 1, no crash', async () => {
    const cols = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const table = `| ${cols.join(' | ')} |\n|${' --- |'.repeat(5000)}\n| ${cols.map((_, i) => `v${i}`).join(' | ')} |\n`;
    const r = await lintBytes(`## Full Incident Report\n\n### Action Items\n\n${table}`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/section-required/);
    expect(r.out).not.toMatch(/failed:|internal/);
  });

  it('a line of 1 MB (inside a field value, and as a table cell): linted, exit 1, positions on that line', async () => {
    const long = 'word '.repeat(200_000);
    const text = broken.replace('- **Incident description:**', `- **Incident description:** ${long}`) + `\n| Time | Event |\n| --- | --- |\n| ${'9'.repeat(1_000_000)} | x |\n`;
    const r = await lintBytes(text);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/failed:|internal/);
    for (const line of r.out.trim().split('\n')) expect(line.length).toBeLessThan(5000); // a message quotes a bounded part of the value
  });
});

describe('bad input: the file system', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  function tempDir(): string {
    const d = mkdtempSync(path.join(tmpdir(), 'ir-lint-bad-'));
    dirs.push(d);
    return d;
  }
  async function runReal(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: Io = { ...nodeIo(), argv: [...NOW, ...args], cwd, isTTY: false, stdout: (t) => (out += t), stderr: (t) => (err += t) };
    const code = await main(io);
    return { code, out, err };
  }

  it('a symlink loop inside a linted directory: the loop is followed once, a looping link is reported, the other files are linted', async () => {
    const d = tempDir();
    mkdirSync(path.join(d, 'reports', 'sub'), { recursive: true });
    writeFileSync(path.join(d, 'reports', 'a.md'), broken);
    writeFileSync(path.join(d, 'reports', 'sub', 'b.md'), broken);
    symlinkSync('..', path.join(d, 'reports', 'sub', 'up')); // directory loop
    symlinkSync('self.md', path.join(d, 'reports', 'self.md')); // a link to itself: ELOOP
    const r = await runReal(d, ['reports']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^reports\/self\.md:1:1: error ir-lint Cannot read file: too many levels of symbolic links \(a symlink loop\)\.$/m);
    expect(r.out).toMatch(/^reports\/a\.md:\d+:\d+: error section-required/m);
    expect(r.out).toMatch(/^reports\/sub\/b\.md:\d+:\d+: error section-required/m);
    expect(r.out).not.toMatch(/sub\/up/);
  });

  it('a FIFO named .md, in a directory and named directly: reported at once (never opened), the other files are linted', async () => {
    const d = tempDir();
    mkdirSync(path.join(d, 'reports'));
    writeFileSync(path.join(d, 'reports', 'a.md'), broken);
    const made = spawnSync('mkfifo', [path.join(d, 'reports', 'pipe.md')]);
    if (made.status !== 0) return void console.warn('FIFO test skipped: mkfifo is not available');
    const t = performance.now();
    const viaDir = await runReal(d, ['reports']);
    const direct = await runReal(d, ['reports/pipe.md', 'reports/a.md']);
    expect(performance.now() - t).toBeLessThan(15_000);
    for (const r of [viaDir, direct]) {
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/^reports\/pipe\.md:1:1: error ir-lint Cannot read file: not a regular file \(a FIFO, socket or device\)/m);
      expect(r.out).toMatch(/^reports\/a\.md:\d+:\d+: error section-required/m);
    }
  });

  it('a 50 MB file on disk (sparse): refused from its size, exit 2, one line', async () => {
    const d = tempDir();
    writeFileSync(path.join(d, 'big.md'), '');
    truncateSync(path.join(d, 'big.md'), 50 * 1024 * 1024);
    expectOneLineFailure(await runReal(d, ['big.md']), /^big\.md:1:1: error ir-lint File is 50\.0 MB, over the 2\.0 MB limit/);
  });

  it('an unreadable file inside a linted directory: reported as permission denied, the other files are linted', () => {
    const d = tempDir();
    chmodSync(d, 0o755);
    mkdirSync(path.join(d, 'reports'));
    writeFileSync(path.join(d, 'reports', 'a.md'), broken);
    writeFileSync(path.join(d, 'reports', 'secret.md'), broken);
    chmodSync(path.join(d, 'reports', 'secret.md'), 0o000);
    const bin = path.join(root, 'bin', 'ir-lint.js');
    // root reads any file whatever its mode: run the built CLI as an unprivileged user instead.
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) {
      const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(bin)})`], { ...user });
      if (probe.status !== 0) return void console.warn('unreadable-file test skipped: running as root and user 65534 cannot read the project');
    } else {
      try {
        accessSync(bin);
      } catch {
        return void console.warn('unreadable-file test skipped: no built CLI');
      }
    }
    const r = spawnSync(process.execPath, [bin, ...NOW, 'reports'], { cwd: d, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...user });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^reports\/secret\.md:1:1: error ir-lint Cannot read file: permission denied\.$/m);
    expect(r.stdout).toMatch(/^reports\/a\.md:\d+:\d+: error section-required/m);
  });
});

describe('bad input: configuration', () => {
  it('a config that is a directory: exit 2, one line naming it', async () => {
    const r = await runCli({ argv: ['r.md'], files: { 'r.md': broken, '.irlintrc.json/inner.json': '{}' } });
    expect(r.code).toBe(2);
    expect(r.err).toBe('ir-lint: invalid configuration in .irlintrc.json: is a directory; name a config file such as .irlintrc.json\n');
  });

  it('an empty config (JSON or YAML): exit 2, says what to write', async () => {
    for (const name of ['.irlintrc.json', '.irlintrc.yaml']) {
      const r = await runCli({ argv: ['r.md'], files: { 'r.md': broken, [name]: '' } });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^ir-lint: invalid configuration in \\${name}: the file is empty; write \\{\\}`));
    }
  });

  it('a 10 MB config: refused from its size, never parsed, exit 2', async () => {
    const io = memoryIo({ argv: ['r.md'], files: { 'r.md': broken, '.irlintrc.json': '{}' } });
    const { stat } = io;
    io.stat = async (p) => (p.endsWith('.irlintrc.json') ? { kind: 'file', size: 10 * 1024 * 1024 } : stat(p));
    const readFile = io.readFile;
    io.readFile = async (p) => {
      if (p.endsWith('.irlintrc.json')) throw new Error('read a config over the limit');
      return readFile(p);
    };
    expect(await main(io)).toBe(2);
    expect(io.err).toBe('ir-lint: invalid configuration in .irlintrc.json: the file is 10.0 MB, over the 1.0 MB limit for a configuration; is this the right file?\n');
  });

  it('a --config path that is a FIFO-like non-file or missing: exit 2, one line', async () => {
    const r = await runCli({ argv: ['-c', 'nope.json', 'r.md'], files: { 'r.md': broken } });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
