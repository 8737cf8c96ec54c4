/**
 * Clean reports in the styles CAs really write (fixtures/clean/: rendered
 * Bugzilla copies, bold-line and shifted headings, UTC+8, CRLF, numbered
 * headings, full-width colons, extra table columns, reviewer comments around
 * the report, IRG 2.0-era preliminaries, legacy reports with combined
 * questions): every rule at its default gives no finding, in the source and
 * through the built binary. Then single-defect variants of them: each defect
 * is found at its line.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VARIANTS } from './helpers/clean-variants.js';
import { lintAll } from './helpers/lint.js';

const root = path.join(import.meta.dirname, '..');
const dir = path.join(root, 'fixtures', 'clean');
const bin = path.join(root, 'bin', 'ir-lint.js');

/** The day each report without front matter `posted:` is checked as of (what `--now` is given). */
const NOW: Record<string, string> = {
  'irg2-preliminary-no-heading.txt': '2023-11-22',
  'v3-closure-bold-headings.md': '2025-04-01',
  'v3-full-day-headers-utc8.md': '2025-10-21',
  'v3-full-numbered-extra-columns.md': '2025-07-16',
  'v3-full-rendered-copy.txt': '2025-05-21',
  'v3-full-shifted-crlf.md': '2025-06-10',
  'v3-full-with-reviewer-comments.txt': '2025-08-20',
  'v3-preliminary-rendered-copy.txt': '2025-11-03',
};
/** Reports with `posted:` are checked much later: the posting date must be what counts. */
const LATE = '2026-11-22';

const names = readdirSync(dir).filter((n) => /\.(?:md|txt)$/.test(n)).sort();
const nowOf = (name: string): string => NOW[name] ?? LATE;
const text = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

describe('clean reports', () => {
  it('cover the styles', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const hasPosted = /^---\r?\n(?:.*\r?\n)*?posted:/.test(text(name));
      expect(hasPosted || NOW[name] !== undefined, `${name} needs posted: or an entry in NOW`).toBe(true);
    }
  });

  for (const name of names) {
    it(`${name}: no finding`, () => {
      const found = lintAll(text(name), nowOf(name)).map((m) => `${m.line}: ${m.ruleId} ${m.message}`);
      expect(found).toEqual([]);
    });
  }

  it('no finding through the built binary either (exit 0, no output)', () => {
    for (const name of names) {
      const r = spawnSync(process.execPath, [bin, '-f', 'compact', '--now', nowOf(name), path.join('fixtures', 'clean', name)], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect({ name, code: r.status, out: r.stdout, err: r.stderr }).toEqual({ name, code: 0, out: '', err: '' });
    }
  });
});

function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the variant`);
  // A needle that starts with a line break points at the line after it.
  const start = needle.startsWith('\n') ? at + 1 : at;
  return source.slice(0, start).split(/\r\n|\r|\n/).length;
}

describe('single-defect variants of the clean reports', () => {
  for (const v of VARIANTS) {
    it(`${v.name}: ${v.rule}`, () => {
      const original = text(v.file);
      const from = original.includes('\r\n') ? v.from.replace(/(?<!\r)\n/g, '\r\n') : v.from;
      const to = original.includes('\r\n') ? v.to.replace(/(?<!\r)\n/g, '\r\n') : v.to;
      expect(original.split(from).length - 1, `"${v.from}" occurs once in ${v.file}`).toBe(1);
      const source = original.replace(from, to);
      const line = lineOf(source, original.includes('\r\n') ? v.at.replace(/(?<!\r)\n/g, '\r\n') : v.at);
      const found = lintAll(source, v.now ?? nowOf(v.file)).filter((m) => m.ruleId === v.rule && (v.messageId === undefined || m.messageId === v.messageId));
      expect(found.map((m) => m.line)).toContain(line);
    });
  }
});

describe('through the built binary', () => {
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, [bin, '-f', 'compact', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('--now as a day: an entry later that day is fine, one on the next day is reported with its line', () => {
    const report = (day: string) => `## Incident Report\n\nThis is a preliminary report; the full report follows by 2024-05-17.\n\nAll times are UTC+8.\n\n- 2024-05-03 09:00 We learned of the problem.\n- ${day} 23:30 We post this report.\n`;
    expect(run(['--now', '2024-05-03', '--stdin-filename', 'r.md', '-'], report('2024-05-03'))).toMatchObject({ status: 0, stdout: '' });
    const late = run(['--now', '2024-05-03', '--stdin-filename', 'r.md', '-'], report('2024-05-04'));
    expect(late.status).toBe(0); // a warning
    expect(late.stdout).toMatch(/^r\.md:8:3: warning timeline-future /m);
  });

  it('--template ccadb-v2-preliminary forces the era: a first report without the date of the full report', () => {
    const r = run(['--now', '2024-05-03', '--template', 'ccadb-v2-preliminary', '--stdin-filename', 'r.md', '-'], 'On 2024-05-02 we found 5 certificates with a wrong policy OID and stopped issuance.\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^r\.md:1:1: warning preliminary-full-report-date /m);
  });
});
