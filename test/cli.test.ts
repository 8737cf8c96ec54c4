/**
 * The command line through main(memoryIo): checks beyond the case table.
 * The table of arguments, files, exit codes and output
 * (test/helpers/cli-cases.ts) runs on all three hosts in test/cli-hosts.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/memory-io.js';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'reports', name), 'utf8');
const broken = fixture('v3-preliminary-broken.md');

describe('cli', () => {
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
