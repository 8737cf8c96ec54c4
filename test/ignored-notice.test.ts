/**
 * A file named on the command line that a config's "ignores" matches gets a
 * warning for that file (ESLint: "File ignored because of a matching ignore
 * pattern"); a directory or a pattern still skips ignored files silently.
 * Paths that are not files say what they are ("Cannot read file:" is for
 * files). Through main() and the built binary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from './helpers/bin.js';
import { runCli } from './helpers/memory-io.js';

const BROKEN = '## Preliminary Incident Report\n';
const files = { '.irlintrc.json': JSON.stringify({ ignores: ['drafts/old/**'] }), 'drafts/old/a.md': BROKEN, 'drafts/new.md': BROKEN };
const NOTICE = 'drafts/old/a.md:1:1: warning ir-lint File ignored because of a matching ignore pattern ("ignores" in .irlintrc.json); it was not linted.';

describe('ignored files', () => {
  it('named on the command line: one warning for it, exit 0 when nothing else is wrong', async () => {
    const r = await runCli({ argv: ['-f', 'compact', 'drafts/old/a.md'], files });
    expect(r.out).toBe(`${NOTICE}\n`);
    expect(r.code).toBe(0);
  });

  it('named among other files: the notice in its place, the others linted', async () => {
    const r = await runCli({ argv: ['-f', 'compact', '--now', '2025-12-01', 'drafts/old/a.md', 'drafts/new.md'], files });
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(NOTICE);
    expect(lines.slice(1).every((l) => l.startsWith('drafts/new.md:'))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('counts as a warning for --max-warnings, and JSON shows it', async () => {
    expect((await runCli({ argv: ['--max-warnings', '0', 'drafts/old/a.md'], files })).code).toBe(1);
    const json = JSON.parse((await runCli({ argv: ['-f', 'json', 'drafts/old/a.md'], files })).out) as Array<{ warningCount: number; messages: Array<{ severity: number; ruleId: null }> }>;
    expect(json[0]).toMatchObject({ warningCount: 1, messages: [{ severity: 1, ruleId: null }] });
  });

  it('found through a directory or a pattern: skipped silently', async () => {
    for (const arg of ['drafts', 'drafts/**/*.md']) {
      const r = await runCli({ argv: ['-f', 'compact', '--now', '2025-12-01', arg], files });
      expect(r.out, arg).not.toMatch(/drafts\/old/);
      expect(r.out, arg).toMatch(/^drafts\/new\.md:/m);
    }
  });

  it('through the built binary', () => {
    const dir = tempDir('ir-lint-ign-');
    mkdirSync(path.join(dir, 'drafts', 'old'), { recursive: true });
    for (const [p, t] of Object.entries(files)) writeFileSync(path.join(dir, p), t);
    const named = runBin(['-f', 'compact', 'drafts/old/a.md'], { cwd: dir });
    expect(named).toMatchObject({ code: 0, out: `${NOTICE}\n`, err: '' });
    const walked = runBin(['-f', 'compact', '--now', '2025-12-01', 'drafts'], { cwd: dir });
    expect(walked.out).not.toMatch(/drafts\/old/);
  });
});

describe('paths that are not files say what they are', () => {
  it('a pattern that matches nothing, a directory without reports, a missing file', () => {
    const dir = tempDir('ir-lint-paths-');
    mkdirSync(path.join(dir, 'empty'));
    const r = runBin(['-f', 'compact', 'nothing/*.md', 'empty', 'missing.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      [
        'nothing/*.md:1:1: error ir-lint No files match this pattern.',
        'empty:1:1: error ir-lint No Markdown files (*.md, *.markdown) or Appendix CSVs in this directory.',
        'missing.md:1:1: error ir-lint Cannot read file: no such file or directory.',
        '',
      ].join('\n'),
    );
  });
});
