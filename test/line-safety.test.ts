/**
 * One finding, one line: a line break, a bidi control or a zero-width
 * character in a file name, a plugin's message or quoted report text is
 * shown escaped in stylish and compact output, as control characters are.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitize, sanitizeLine } from '../src/format/sanitize.js';
import { runBin, tempDir } from './helpers/bin.js';

const UNSAFE = /[\n\r\u200B-\u200D\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

describe('sanitizeLine', () => {
  it('escapes line breaks, bidi controls and zero-width characters, and keeps other text', () => {
    expect(sanitizeLine('a\nb\rc')).toBe('a\\x0ab\\x0dc');
    expect(sanitizeLine('x\u202Ey\u2066z\u2069')).toBe('x\\u202ey\\u2066z\\u2069');
    expect(sanitizeLine('\u200B\u200C\u200D\u2060\uFEFF')).toBe('\\u200b\\u200c\\u200d\\u2060\\ufeff');
    expect(sanitizeLine('\u001b[2J')).toBe('\\x1b[2J');
    expect(sanitizeLine('tab\tand caf\u00e9 \u2013 ok')).toBe('tab\tand caf\u00e9 \u2013 ok');
  });
  it('sanitize (for formats that keep line breaks) still keeps \\n', () => {
    expect(sanitize('a\nb')).toBe('a\nb');
  });
});

describe('through the built binary', () => {
  const dir = tempDir('ir-lint-lines-');
  const name = 'evil\n\u202Etxt.md\u200B';
  const report = '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** x\n- **Relevant policies:** x\n- **Source of incident disclosure:** Self\u202E Reported\u200B\n';
  writeFileSync(path.join(dir, name), report);
  const plugin = [
    "export default { meta: { id: 'acme-split', description: 'Split.', severity: 'warn', messages: { m: 'line one\\nline two \\u202e{{v}}' } },",
    "  check(report, ctx) { ctx.report({ messageId: 'm', data: { v: 'x\\u2066y' }, loc: { line: 1 } }); } };",
  ].join('\n');
  writeFileSync(path.join(dir, 'plugin.mjs'), plugin);
  writeFileSync(path.join(dir, '.irlintrc.json'), JSON.stringify({ plugins: ['./plugin.mjs'] }));

  for (const format of ['compact', 'stylish']) {
    it(`${format}: every finding on one line, nothing invisible`, () => {
      const json = runBin(['-f', 'json', '--now', '2025-12-01', name], { cwd: dir });
      const count = (JSON.parse(json.out) as Array<{ messages: unknown[] }>)[0]?.messages.length ?? 0;
      expect(count).toBeGreaterThanOrEqual(2);
      const r = runBin(['-f', format, '--now', '2025-12-01', name], { cwd: dir });
      expect(r.err).toBe('');
      const lines = r.out.split('\n');
      for (const l of lines) expect(UNSAFE.test(l), JSON.stringify(l)).toBe(false);
      const findingLines = format === 'compact' ? lines.filter((l) => l !== '') : lines.filter((l) => /^\s+\d+:\d+\s/.test(l));
      expect(findingLines).toHaveLength(count);
      expect(r.out).toContain('evil\\x0a\\u202etxt.md\\u200b');
      expect(r.out).toContain('line one\\x0aline two \\u202ex\\u2066y');
      expect(r.out).toContain('Self\\u202e Reported\\u200b');
    });
  }
});
