/**
 * The command line through main(memoryIo): arguments, files, exit codes and
 * output, one table row per behaviour.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/memory-io.js';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'reports', name), 'utf8');
const clean = fixture('v3-full-clean.md');
const prelimClean = fixture('v3-preliminary-clean.md');
const broken = fixture('v3-preliminary-broken.md');
const warnOnly = clean.replace('- **Additional:** N/A', '- **Additional:** None');

interface Row {
  name: string;
  argv: string[];
  files?: Record<string, string | Uint8Array>;
  stdin?: string;
  code: number;
  out?: RegExp | string;
  err?: RegExp;
  noOut?: boolean;
}

const rows: Row[] = [
  { name: 'clean report: exit 0, no output', argv: ['--now', '2025-12-01', 'r.md'], files: { 'r.md': clean }, code: 0, noOut: true },
  { name: 'errors: exit 1', argv: ['--now', '2025-12-01', 'r.md'], files: { 'r.md': broken }, code: 1, out: /field-required/ },
  { name: 'warnings only: exit 0', argv: ['--now', '2025-12-01', 'r.md'], files: { 'r.md': warnOnly }, code: 0, out: /na-format/ },
  { name: '--max-warnings 0 with a warning: exit 1', argv: ['--now', '2025-12-01', '--max-warnings', '0', 'r.md'], files: { 'r.md': warnOnly }, code: 1, out: /^ir-lint: 1 warning, more than --max-warnings 0; the run fails\.$/m },
  { name: '--max-warnings 1 with one warning: exit 0', argv: ['--now', '2025-12-01', '--max-warnings', '1', 'r.md'], files: { 'r.md': warnOnly }, code: 0 },
  { name: '--quiet hides warnings', argv: ['--now', '2025-12-01', '--quiet', 'r.md'], files: { 'r.md': warnOnly }, code: 0, noOut: true },
  { name: '--quiet keeps errors', argv: ['--now', '2025-12-01', '--quiet', '-f', 'compact', 'r.md'], files: { 'r.md': broken }, code: 1, out: /^(?!.*warning).*error/s },
  { name: 'compact format', argv: ['--now', '2025-12-01', '-f', 'compact', 'r.md'], files: { 'r.md': broken }, code: 1, out: /^r\.md:5:5: error field-required Missing field "Relevant policies"/m },
  { name: 'stdin with a name', argv: ['--now', '2025-12-01', '-f', 'compact', '--stdin-filename', 'draft.md', '-'], stdin: broken, code: 1, out: /^draft\.md:5:5: error field-required/m },
  { name: 'stdin without a name', argv: ['--now', '2025-12-01', '-f', 'compact', '-'], stdin: broken, code: 1, out: /^<stdin>:5:5:/m },
  { name: 'directory expansion finds .md and .markdown, skips node_modules and .git', argv: ['--now', '2025-12-01', '-f', 'compact', 'reports'], files: { 'reports/a.md': broken, 'reports/sub/b.markdown': broken, 'reports/c.txt': broken, 'reports/node_modules/x.md': broken, 'reports/.git/y.md': broken }, code: 1, out: /reports\/a\.md:5:5[\s\S]*reports\/sub\/b\.markdown:5:5/ },
  { name: 'glob', argv: ['--now', '2025-12-01', '-f', 'compact', 'reports/*.md'], files: { 'reports/a.md': broken, 'reports/b.md': clean }, code: 1, out: /^reports\/a\.md:5:5/m },
  { name: 'glob that matches nothing: exit 2', argv: ['nothing/*.md'], files: { 'r.md': clean }, code: 2, out: /No files match this pattern\./ },
  { name: 'missing file among good files: reported, others linted, exit 2', argv: ['--now', '2025-12-01', '-f', 'compact', 'a.md', 'missing.md', 'b.md'], files: { 'a.md': broken, 'b.md': broken }, code: 2, out: /a\.md:5:5[\s\S]*missing\.md:1:1: error ir-lint Cannot read file: no such file or directory\.[\s\S]*b\.md:5:5/ },
  { name: 'directory without reports: exit 2', argv: ['empty'], files: { 'empty/notes.txt': 'x' }, code: 2, out: /No Markdown files \(\*\.md, \*\.markdown\) in this directory\./ },
  { name: 'binary file named .md', argv: ['-f', 'compact', 'img.md'], files: { 'img.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]) }, code: 2, out: /img\.md:1:1: error ir-lint Cannot lint file: binary file \(a PNG image\)/ },
  { name: 'invalid UTF-8', argv: ['-f', 'compact', 'latin1.md'], files: { 'latin1.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]) }, code: 2, out: /not valid UTF-8 \(first bad byte at offset 5\)/ },
  { name: 'empty file: a lint error, not a crash', argv: ['-f', 'compact', 'empty.md'], files: { 'empty.md': '' }, code: 1, out: /empty\.md:1:1: error report-template The file is empty/ },
  { name: 'file over --max-file-size', argv: ['-f', 'compact', '--max-file-size', '1KB', 'big.md'], files: { 'big.md': 'x'.repeat(2048) }, code: 2, out: /over the 1\.0 KB limit/ },
  { name: 'no paths: usage, exit 2', argv: [], code: 2, err: /Usage: ir-lint[\s\S]*no files to lint/ },
  { name: 'unknown format: exit 2', argv: ['-f', 'xml', 'r.md'], files: { 'r.md': clean }, code: 2, err: /unknown format "xml" \(one of: stylish, compact/ },
  { name: 'bad --now: exit 2', argv: ['--now', 'yesterday', 'r.md'], files: { 'r.md': clean }, code: 2, err: /--now expects a date/ },
  { name: 'unknown template: exit 2 with suggestion', argv: ['--template', 'ccadb-v3-ful', 'r.md'], files: { 'r.md': clean }, code: 2, err: /did you mean "ccadb-v3-full"/ },
  { name: 'unknown rule in --rule: exit 2 with suggestion', argv: ['--rule', 'section-requird:off', 'r.md'], files: { 'r.md': clean }, code: 2, err: /unknown rule "section-requird"; did you mean "section-required"/ },
  { name: 'bad severity in --rule: exit 2', argv: ['--rule', 'section-required:loud', 'r.md'], files: { 'r.md': clean }, code: 2, err: /severity must be off, warn or error/ },
  { name: '--rule turns a rule off', argv: ['--now', '2025-12-01', '--rule', 'field-required:off', '--rule', 'no-placeholder:off', '--rule', 'field-empty:off', '--rule', 'title-format:off', '--rule', 'contained-or-ongoing:off', 'r.md'], files: { 'r.md': broken }, code: 0, noOut: true },
  { name: 'unknown option: exit 2', argv: ['--frobnicate', 'r.md'], files: { 'r.md': clean }, code: 2, err: /unknown option '--frobnicate'/ },
  { name: '--version', argv: ['--version'], code: 0, out: /^\d+\.\d+\.\d+\n$/ },
  { name: '--help', argv: ['--help'], code: 0, out: /Usage: ir-lint[\s\S]*Exit codes: 0 no errors/ },
  { name: '--template forces the template', argv: ['--now', '2025-12-01', '-f', 'compact', '--template', 'ccadb-v3-preliminary', 'r.md'], files: { 'r.md': 'Some notes without headings.\n' }, code: 1, out: /section-required/ },
  { name: 'two clean files', argv: ['--now', '2025-12-01', 'a.md', 'b.md'], files: { 'a.md': clean, 'b.md': prelimClean }, code: 0, noOut: true },
];

describe('cli', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const opts: Parameters<typeof runCli>[0] = { argv: row.argv };
      if (row.files) opts.files = row.files;
      if (row.stdin !== undefined) opts.stdin = row.stdin;
      const { code, out, err } = await runCli(opts);
      expect({ code, err: row.err ? err : '' }).toEqual({ code: row.code, err: row.err ? expect.stringMatching(row.err) : '' });
      if (row.out instanceof RegExp) expect(out).toMatch(row.out);
      else if (typeof row.out === 'string') expect(out).toBe(row.out);
      if (row.noOut) expect(out).toBe('');
      expect(err).not.toMatch(/\n\s+at /); // never a stack trace
    });
  }

  it('stylish groups by file and ends with a summary', async () => {
    const { out } = await runCli({ argv: ['--now', '2025-12-01', 'r.md'], files: { 'r.md': broken } });
    expect(out).toMatch(/^\nr\.md\n {2,}\d+:\d+ {2}(?:error|warning)/);
    expect(out).toMatch(/\u2716 \d+ problems \(\d+ errors?, \d+ warnings?\)\n$/);
    expect(out).not.toMatch(/\u001b\[/); // no colour when not a TTY
  });

  it('output is sorted by line and deterministic', async () => {
    const a = await runCli({ argv: ['--now', '2025-12-01', '-f', 'compact', 'r.md'], files: { 'r.md': fixture('v3-full-structure-broken.md') } });
    const b = await runCli({ argv: ['--now', '2025-12-01', '-f', 'compact', 'r.md'], files: { 'r.md': fixture('v3-full-structure-broken.md') } });
    expect(a.out).toBe(b.out);
    const lines = a.out.trim().split('\n').map((l) => Number(l.split(':')[1]));
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });

  it('--now changes date-based results', async () => {
    const v2 = fixture('v2-clean.md').replace(/posted: .*\n/, '');
    const early = await runCli({ argv: ['--now', '2024-04-02', 'r.md'], files: { 'r.md': v2 } });
    const late = await runCli({ argv: ['--now', '2026-11-22', '-f', 'compact', 'r.md'], files: { 'r.md': v2 } });
    expect(early.code).toBe(0);
    expect(late.code).toBe(1);
    expect(late.out).toMatch(/template-current/);
  });

  it('report text cannot inject terminal escapes', async () => {
    const { out } = await runCli({ argv: ['-f', 'compact', 'r.md'], files: { 'r.md': '# \u001b]0;pwned\u0007Title\n\n## Incident Report\n\nplain text\n' } });
    expect(out).not.toMatch(/\u001b|\u0007/);
    expect(out).toMatch(/\\x1b/);
  });
});
