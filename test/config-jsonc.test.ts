/**
 * .irlintrc.json is JSON with comments, as ESLint's and markdownlint's JSON
 * configs are: // and block comments and trailing commas; a parse error names
 * its line and column. package.json stays strict JSON. Through main() and
 * through the built binary.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from './helpers/bin.js';
import { runCli } from './helpers/memory-io.js';

const REPORT = '# Delayed response\n\n## Preliminary Incident Report\n';
const JSONC = '{\n  // house settings\n  "rules": {\n    "title-format": "off", /* reviewed */\n    "section-required": "warn",\n  },\n}\n';

describe('.irlintrc.json with comments', () => {
  it('is read: comments and trailing commas (main)', async () => {
    const r = await runCli({ argv: ['-f', 'compact', '--now', '2025-12-01', 'r.md'], files: { 'r.md': REPORT, '.irlintrc.json': JSONC } });
    expect(r.err).toBe('');
    expect(r.out).not.toMatch(/title-format/);
    expect(r.out).toMatch(/warning section-required/);
  });

  it('is read by the built binary, and --print-config shows it', () => {
    const dir = tempDir('ir-lint-jsonc-');
    writeFileSync(path.join(dir, 'r.md'), REPORT);
    writeFileSync(path.join(dir, '.irlintrc.json'), JSONC);
    const r = runBin(['-f', 'compact', '--now', '2025-12-01', 'r.md'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.out).not.toMatch(/title-format/);
    expect(r.out).toMatch(/warning section-required/);
    const printed = JSON.parse(runBin(['--print-config', 'r.md'], { cwd: dir }).out) as { rules: Record<string, unknown> };
    expect(JSON.stringify(printed.rules['title-format'])).toMatch(/off/);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['a missing colon', '{\n  "rules": { "title-format" "off" }\n}\n', /line 2, column 29: invalid JSON: expected ":" after the property name$/],
    ['an unclosed block comment', '{\n  /* note\n  "rules": {}\n}\n', /line 2, column 3: invalid JSON: a \/\* comment is not closed$/],
    ['a missing comma', '{\n  "template": "auto"\n  "rules": {}\n}\n', /line 3, column 3: invalid JSON: expected "," between entries$/],
    ['text after the end', '{}\n}\n', /line 2, column 1: invalid JSON: unexpected text after the end of the configuration$/],
    ['an unclosed object', '{\n  "rules": {\n', /line 3, column 1: invalid JSON: expected "}" to close the object$/],
  ];
  for (const [name, text, message] of bad) {
    it(`${name}: exit 2, one line with the line and column`, async () => {
      const r = await runCli({ argv: ['r.md'], files: { 'r.md': REPORT, '.irlintrc.json': text } });
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err.trimEnd()).toMatch(/^ir-lint: invalid configuration in \.irlintrc\.json: /);
      expect(r.err.trimEnd()).toMatch(message);
    });
  }

  it('the binary reports a parse error the same way', () => {
    const dir = tempDir('ir-lint-jsonc-bad-');
    writeFileSync(path.join(dir, 'r.md'), REPORT);
    writeFileSync(path.join(dir, '.irlintrc.json'), (bad[0] as [string, string, RegExp])[1]);
    const r = runBin(['r.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('ir-lint: invalid configuration in .irlintrc.json: line 2, column 29: invalid JSON: expected ":" after the property name\n');
  });

  it('package.json stays strict JSON: a comment there is an error', async () => {
    const r = await runCli({ argv: ['r.md'], files: { 'r.md': REPORT, 'package.json': '{\n  // no\n  "ir-lint": {}\n}\n' } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ir-lint: invalid configuration in package\.json: line 2, column 3: invalid JSON/);
  });

  it('a __proto__ key reaches no prototype', async () => {
    const r = await runCli({ argv: ['-f', 'compact', 'r.md'], files: { 'r.md': REPORT, '.irlintrc.json': '{ "__proto__": { "polluted": true }, "rules": { "__proto__": { "x": 1 } }, }' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(r.err).not.toMatch(/internal error/);
  });
});
