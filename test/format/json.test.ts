/**
 * --format json is ESLint's: checked field by field, and consumed by ESLint's
 * own code (its `stylish` and `json` formatters and `ESLint.getErrorResults`),
 * the way a script that reads ESLint JSON would use it.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { ctx, CWD, formatter, sampleResults, SOURCE } from './helpers.js';

async function jsonOf(results = sampleResults()): Promise<ESLint.LintResult[]> {
  const json = await formatter('json');
  return JSON.parse(json(results, ctx())) as ESLint.LintResult[];
}

describe('json format', () => {
  it('is an array of ESLint results with absolute file paths, in input order', async () => {
    const out = await jsonOf();
    expect(out.map((r) => r.filePath)).toEqual([`${CWD}/reports/a: b,c.md`, `${CWD}/reports/clean.md`, `${CWD}/reports/missing.md`]);
    expect(Object.keys(out[0] as object)).toEqual([
      'filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount',
      'fixableErrorCount', 'fixableWarningCount', 'source', 'usedDeprecatedRules',
    ]);
  });

  it('keeps ESLint message fields and counts', async () => {
    const [a, clean, missing] = await jsonOf();
    expect(a?.messages[0]).toEqual({
      ruleId: 'section-required', severity: 2, message: 'Missing section "Timeline".', line: 3, column: 1, endLine: 3, endColumn: 12,
      messageId: 'missing', related: [{ message: 'The previous entry is here.', line: 1, column: 1 }],
    });
    expect(a?.messages[1]?.fix).toEqual({ range: [42, 46], text: 'Complete' });
    expect(a?.messages[2]?.ruleId).toBeNull();
    expect([a?.errorCount, a?.warningCount, a?.fixableErrorCount, a?.fixableWarningCount, a?.fatalErrorCount]).toEqual([1, 2, 0, 1, 0]);
    expect(missing?.messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(missing?.fatalErrorCount).toBe(1);
    expect(clean?.messages).toEqual([]);
  });

  it('carries source only where ESLint does: problems and no fix output', async () => {
    const results = sampleResults();
    const fixed = { ...results[0]!, output: 'fixed text\n' };
    const out = await jsonOf([fixed, results[1]!]);
    expect(out[0]?.output).toBe('fixed text\n');
    expect(out[0]).not.toHaveProperty('source');
    expect(out[1]).not.toHaveProperty('source');
    expect((await jsonOf())[0]?.source).toBe(SOURCE);
  });

  it('escapes control characters, so no raw escape reaches a terminal', async () => {
    const json = await formatter('json');
    const text = json(sampleResults(), ctx());
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    expect(text.endsWith(']\n')).toBe(true);
  });

  it("loads in ESLint's own formatters and helpers", async () => {
    const results = await jsonOf();
    const eslint = new ESLint({ cwd: CWD, overrideConfigFile: true });
    const stylish = await eslint.loadFormatter('stylish');
    const text = await stylish.format(results, { color: false });
    // ESLint prints each file with problems, its messages, and the totals it counted itself.
    expect(text).toContain(`${CWD}/reports/a: b,c.md`);
    expect(text).toContain('section-required');
    expect(text).toContain('Cannot read file: no such file or directory');
    expect(text).toContain('4 problems (2 errors, 2 warnings)');
    expect(text).toContain('0 errors and 1 warning potentially fixable');
    const errorsOnly = ESLint.getErrorResults(results);
    expect(errorsOnly.map((r) => r.messages.length)).toEqual([1, 1]);
    const eslintJson = await eslint.loadFormatter('json');
    expect(JSON.parse(await eslintJson.format(results, { color: false }))).toEqual(results);
  });

  it('the CLI output of a broken fixture reads back through ESLint with the same totals', async () => {
    const name = 'v3-full-structure-broken.md';
    const source = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'reports', name), 'utf8');
    const { out, code } = await runCli({ argv: ['-f', 'json', '--now', '2025-12-01', `reports/${name}`], files: { [`reports/${name}`]: source }, cwd: '/ca' });
    expect(code).toBe(1);
    const results = JSON.parse(out) as ESLint.LintResult[];
    expect(results[0]?.filePath).toBe(`/ca/reports/${name}`);
    expect(results[0]?.source).toBe(source);
    const errors = results[0]!.messages.filter((m) => m.severity === 2).length;
    const warnings = results[0]!.messages.filter((m) => m.severity === 1).length;
    expect([results[0]?.errorCount, results[0]?.warningCount]).toEqual([errors, warnings]);
    const stylish = await new ESLint({ cwd: '/ca', overrideConfigFile: true }).loadFormatter('stylish');
    const text = await stylish.format(results, { color: false });
    expect(text).toContain(`${errors + warnings} problem`);
    expect(text).toContain(`(${errors} error`);
  });
});
