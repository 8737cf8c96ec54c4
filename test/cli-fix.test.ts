/**
 * --fix and --fix-dry-run through main(memoryIo): what is written, what is
 * printed, what is refused, and the exit code after fixing.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { unifiedDiff } from '../src/cli/fix.js';
import { encodeText } from '../src/decode.js';
import { memoryIo, type MemoryIo } from './helpers/memory-io.js';

const NOW = ['--now', '2025-01-15'];

/** A v2 report (current on 2025-01-15) with two fixable findings and nothing else wrong. */
const fixable = [
  '## Incident Report',
  '',
  '### Summary',
  '',
  'A certificate was issued with a bad extension.',
  '',
  '### Impact',
  '',
  'One certificate.',
  '',
  '### Timeline',
  '',
  'All times are UTC.',
  '',
  '### Lessons Learned',
  '',
  '- **What went well:** Fast revocation.',
  "- **What didn't go well:** Late detection.",
  '- **Where we got lucky:** None',
  '',
  '### Action Items',
  '',
  '| Action Item | Kind | Due Date |',
  '| --- | --- | --- |',
  '| Add a linter check | Prevent | 2025-03-01 |',
  '',
  '### Appendix',
  '',
  'N/A',
  '',
].join('\n');
/** What --fix makes of it: N/A spelled out, the Root Cause Analysis heading restored. */
const fixed = fixable
  .replace('Where we got lucky:** None', 'Where we got lucky:** N/A')
  .replace('### Lessons Learned', '### Root Cause Analysis\n\n### Lessons Learned');
/** Nothing to fix (the restored section is empty: field-empty, an error, remains). */
const noFixes = fixed;

function setup(argv: string[], files: Record<string, string | Uint8Array>, stdin?: string): MemoryIo & { writes: string[] } {
  const io = memoryIo({ argv, files, ...(stdin !== undefined ? { stdin } : {}) }) as MemoryIo & { writes: string[] };
  io.writes = [];
  const write = io.writeFileAtomic.bind(io);
  io.writeFileAtomic = async (p, data) => {
    io.writes.push(p);
    await write(p, data);
  };
  return io;
}

const text = (io: MemoryIo, p: string): string => {
  const c = io.files.get(`/work/${p}`);
  return typeof c === 'string' ? c : new TextDecoder().decode(c);
};

describe('--fix', { timeout: 30_000 }, () => {
  it('writes the fixed file, then reports what remains and exits by it', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix', 'r.md'], { 'r.md': fixable });
    const code = await main(io);
    expect(text(io, 'r.md')).toBe(fixed);
    expect(io.writes).toEqual(['/work/r.md']);
    // The remaining findings include the empty section the fix restored, at its new line; no fixable one is left.
    expect(io.out).toContain('r.md:15:5: error field-empty Section "Root Cause Analysis" is empty; fill it in, or write N/A when it does not apply.\n');
    expect(io.out).not.toMatch(/na-format|section-required/);
    expect(code).toBe(1);
  });

  it('never writes a file with nothing to fix', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix', 'r.md'], { 'r.md': noFixes });
    expect(await main(io)).toBe(1);
    expect(io.writes).toEqual([]);
    expect(text(io, 'r.md')).toBe(noFixes);
  });

  it('exits 0 when fixing removed every error', async () => {
    const onlyNa = fixed.replace('### Root Cause Analysis\n\n', '### Root Cause Analysis\n\nA missing check.\n\n').replace('lucky:** N/A', 'lucky:** None');
    const io = setup([...NOW, '-f', 'compact', '--fix', 'r.md'], { 'r.md': onlyNa });
    expect(await main(io)).toBe(0);
    expect(io.out).not.toMatch(/ error |na-format/);
    expect(text(io, 'r.md')).toContain('lucky:** N/A');
  });

  it('keeps CRLF line endings and a missing final newline', async () => {
    const crlf = fixable.trimEnd().replace(/\n/g, '\r\n');
    const io = setup([...NOW, '--fix', 'r.md'], { 'r.md': crlf });
    await main(io);
    expect(text(io, 'r.md')).toBe(fixed.trimEnd().replace(/\n/g, '\r\n'));
  });

  it('writes a UTF-8 file with a BOM back with its BOM', async () => {
    const io = setup([...NOW, '--fix', 'r.md'], { 'r.md': encodeText(fixable, 'utf-8-bom') });
    await main(io);
    expect(io.files.get('/work/r.md')).toEqual(encodeText(fixed, 'utf-8-bom'));
  });

  it('writes a UTF-16 file back as UTF-16 with the same byte order mark', async () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const io = setup([...NOW, '--fix', 'r.md'], { 'r.md': encodeText(fixable, enc) });
      await main(io);
      expect(io.files.get('/work/r.md')).toEqual(encodeText(fixed, enc));
    }
  });

  it('refuses to write a file that changed on disk while it was linted', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix', 'r.md'], { 'r.md': fixable });
    const read = io.readFile.bind(io);
    let reads = 0;
    io.readFile = async (p) => (++reads === 1 ? read(p) : new TextEncoder().encode(`${fixable}edited\n`));
    expect(await main(io)).toBe(2);
    expect(io.writes).toEqual([]);
    expect(io.out).toMatch(/r\.md:1:1: error ir-lint Cannot fix file: it changed on disk while it was being linted; the file was left unchanged/);
    // The findings of the unfixed text are still reported.
    expect(io.out).toMatch(/na-format/);
  });

  it('reports a failed write for that file, keeps the original, goes on with the others, exits 2', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix', 'a.md', 'b.md'], { 'a.md': fixable, 'b.md': fixable });
    const write = io.writeFileAtomic;
    io.writeFileAtomic = async (p, data) => {
      if (p.endsWith('a.md')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      await write(p, data);
    };
    expect(await main(io)).toBe(2);
    expect(text(io, 'a.md')).toBe(fixable);
    expect(text(io, 'b.md')).toBe(fixed);
    expect(io.out).toMatch(/^a\.md:1:1: error ir-lint Cannot write fixed file: permission denied; the file was left unchanged\.$/m);
  });

  it('stdin: prints the fixed text to stdout and the report to stderr', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix', '--stdin-filename', 'draft.md', '-'], {}, fixable);
    expect(await main(io)).toBe(1);
    expect(io.out).toBe(fixed);
    expect(io.err).toMatch(/^draft\.md:15:5: error field-empty/m);
    expect(io.err).not.toMatch(/na-format/);
    expect(io.writes).toEqual([]);
  });

  it('stdin with nothing to fix: prints the text unchanged (a filter)', async () => {
    const io = setup([...NOW, '--fix', '-'], {}, noFixes);
    await main(io);
    expect(io.out).toBe(noFixes);
  });

  it('stdin with --output-file: the report goes to the file', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix', '-o', 'report.txt', '-'], {}, fixable);
    await main(io);
    expect(io.out).toBe(fixed);
    expect(text(io, 'report.txt')).toMatch(/field-empty/);
  });

  it('json: results carry `output` and the remaining messages', async () => {
    const io = setup([...NOW, '-f', 'json', '--fix', 'r.md'], { 'r.md': fixable });
    await main(io);
    const [r] = JSON.parse(io.out) as Array<{ output?: string; messages: Array<{ ruleId: string }> }>;
    expect(r?.output).toBe(fixed);
    expect(r?.messages.map((m) => m.ruleId)).toContain('field-empty');
    expect(r?.messages.map((m) => m.ruleId)).not.toContain('na-format');
  });
});

describe('--fix-dry-run', { timeout: 30_000 }, () => {
  it('prints a unified diff and writes nothing', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix-dry-run', 'r.md'], { 'r.md': fixable });
    expect(await main(io)).toBe(1);
    expect(io.writes).toEqual([]);
    expect(text(io, 'r.md')).toBe(fixable);
    const diff = [
        '--- a/r.md',
        '+++ b/r.md',
        '@@ -12,11 +12,13 @@',
        ' ',
        ' All times are UTC.',
        ' ',
        '+### Root Cause Analysis',
        '+',
        ' ### Lessons Learned',
        ' ',
        ' - **What went well:** Fast revocation.',
        " - **What didn't go well:** Late detection.",
        '-- **Where we got lucky:** None',
        '+- **Where we got lucky:** N/A',
        ' ',
        ' ### Action Items',
        ' ',
        '',
      ].join('\n');
    expect(io.out.slice(0, diff.length)).toBe(diff);
    // The report after the diff: what remains once the fixes are applied.
    expect(io.out).toContain('r.md:15:5: error field-empty Section "Root Cause Analysis" is empty');
  });

  it('prints nothing for a file with nothing to fix', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix-dry-run', 'r.md'], { 'r.md': noFixes });
    await main(io);
    expect(io.out).not.toContain('---');
  });

  it('json: stdout stays JSON (with `output`); the diff goes to stderr', async () => {
    const io = setup([...NOW, '-f', 'json', '--fix-dry-run', 'r.md'], { 'r.md': fixable });
    await main(io);
    const [r] = JSON.parse(io.out) as Array<{ output?: string }>;
    expect(r?.output).toBe(fixed);
    expect(io.err).toMatch(/^--- a\/r\.md\n\+\+\+ b\/r\.md\n@@ /);
    expect(io.writes).toEqual([]);
  });

  it('stdin: the diff is printed like a file’s', async () => {
    const io = setup([...NOW, '-f', 'compact', '--fix-dry-run', '-'], {}, fixable);
    await main(io);
    expect(io.out).toMatch(/^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n/);
  });
});

describe('json without --fix', () => {
  it('carries each fix in ESLint’s shape', async () => {
    const io = setup([...NOW, '-f', 'json', 'r.md'], { 'r.md': fixable });
    await main(io);
    const [r] = JSON.parse(io.out) as Array<{ output?: string; fixableWarningCount: number; fixableErrorCount: number; messages: Array<{ ruleId: string; fix?: { range: [number, number]; text: string } }> }>;
    expect(r?.output).toBeUndefined();
    const na = r?.messages.find((m) => m.ruleId === 'na-format');
    const offset = fixable.indexOf('None');
    expect(na?.fix).toEqual({ range: [offset, offset + 4], text: 'N/A' });
    expect(r?.fixableErrorCount).toBe(1);
    expect(r?.fixableWarningCount).toBe(1);
  });
});

describe('unifiedDiff', () => {
  it('marks a missing final newline', () => {
    expect(unifiedDiff('x.md', 'a\nb', 'a\nc')).toBe('--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });
  it('separates distant changes into hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    const after = before.replace('l2\n', 'L2\n').replace('l19\n', 'L19\n');
    expect(unifiedDiff('x.md', before, after).match(/^@@ /gm)).toHaveLength(2);
  });
  it('is empty when nothing changed', () => expect(unifiedDiff('x.md', 'a', 'a')).toBe(''));
  it('uses the path as given when it is absolute', () => expect(unifiedDiff('/tmp/x.md', 'a\n', 'b\n')).toMatch(/^--- \/tmp\/x\.md\n\+\+\+ \/tmp\/x\.md\n/));
});
