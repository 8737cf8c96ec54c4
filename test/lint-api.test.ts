/**
 * The engine API as a script uses it: `import { lint } from 'ir-lint'`
 * (the built package entry, dist/src/index.js), compared with what the
 * built binary prints as JSON for the same text and `now`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDir } from './helpers/bin.js';
import { CORPUS_DIR, HAS_CORPUS } from './helpers/corpus.js';

type Api = typeof import('../src/index.js');
const api = (await import(path.join(ROOT, 'dist', 'src', 'index.js'))) as Api;

interface JsonMessage { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; messageId: string; fix?: unknown; related?: unknown }

function cliMessages(file: string, args: string[] = [], cwd = ROOT): JsonMessage[] {
  const r = runBin(['--now', '2026-11-22', '-f', 'json', ...args, file], { cwd });
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as Array<{ messages: JsonMessage[] }>)[0]!.messages;
}

function shape(m: JsonMessage): JsonMessage {
  const out: JsonMessage = { ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, messageId: m.messageId };
  if (m.fix) out.fix = m.fix;
  if (m.related) out.related = m.related;
  return out;
}

const SEED_003 = path.join(CORPUS_DIR, 'seeds', '003_8e8d1912c393636b.txt');

describe('lint() from the built package', () => {
  it.skipIf(!HAS_CORPUS)('gives seed 003 the messages ir-lint --now 2026-11-22 -f json gives', async () => {
    const text = readFileSync(SEED_003, 'utf8');
    const result = await api.lint({ text, filePath: 'seed-003.md', now: '2026-11-22' });
    const expected = cliMessages(SEED_003, ['--no-config']);
    expect(expected.map((m) => m.ruleId)).toContain('action-item-status');
    expect(result.messages.map(shape)).toEqual(expected);
    expect(result.errorCount).toBe(expected.filter((m) => m.severity === 2).length);
    expect(result.source).toBe(text);
  });

  it('gives a fixture the CLI messages, with a Date and with an ISO time for now', async () => {
    const file = path.join(ROOT, 'fixtures', 'reports', 'v3-full-structure-broken.md');
    const text = readFileSync(file, 'utf8');
    const expected = cliMessages(file, ['--no-config']);
    expect(expected.length).toBeGreaterThan(5);
    for (const now of ['2026-11-22', new Date('2026-11-22T00:00:00Z')] as const) {
      const r = await api.lint({ text, now });
      expect(r.messages.map(shape).map((m) => [m.ruleId, m.line])).toEqual(expected.map((m) => [m.ruleId, m.line]));
    }
    expect((await api.lint({ text, now: '2026-11-22T12:00:00Z' })).filePath).toBe('<input>');
  });

  it('applies a config object as .irlintrc.json would, and refuses a bad one with the key path', async () => {
    const text = readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-full-structure-broken.md'), 'utf8');
    const all = await api.lint({ text, now: '2026-11-22' });
    const first = all.messages.find((m) => m.ruleId !== null)!.ruleId!;
    const off = await api.lint({ text, now: '2026-11-22', config: { rules: { [first]: 'off' } } });
    expect(off.messages.some((m) => m.ruleId === first)).toBe(false);
    expect(off.messages.length).toBeLessThan(all.messages.length);
    await expect(api.lint({ text, config: { rules: { 'no-such-rule': 'error' } } })).rejects.toThrow(/rules\.no-such-rule: unknown rule "no-such-rule"/);
    await expect(api.lint({ text, config: { rules: { [first]: 'loud' } } })).rejects.toBeInstanceOf(api.ConfigError);
    await expect(api.lint({ text, now: 'yesterday' })).rejects.toThrow(/now expects a date/);
    await expect(api.lint({ text: 42 } as never)).rejects.toThrow(TypeError);
  });

  it('finds the nearest config file with config "file", as the CLI does', async () => {
    const dir = tempDir('ir-lint-api-');
    const text = readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-full-structure-broken.md'), 'utf8');
    const all = await api.lint({ text, now: '2026-11-22' });
    const first = all.messages.find((m) => m.ruleId !== null)!.ruleId!;
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, '.irlintrc.json'), JSON.stringify({ rules: { [first]: 'off' } }));
    writeFileSync(path.join(dir, 'drafts', 'r.md'), text);
    const viaFile = await api.lint({ text, filePath: path.join(dir, 'drafts', 'r.md'), now: '2026-11-22', config: 'file' });
    expect(viaFile.messages.some((m) => m.ruleId === first)).toBe(false);
    expect(viaFile.messages.map(shape)).toEqual(cliMessages(path.join(dir, 'drafts', 'r.md'), [], dir));
  });

  it('lints a CSV by its name', async () => {
    const csv = readFileSync(path.join(ROOT, 'fixtures', 'csv', readdirCsv()), 'utf8');
    const r = await api.lint({ text: csv, filePath: 'certs.csv', now: '2026-11-22' });
    expect(r.messages.every((m) => m.ruleId === null || m.ruleId.startsWith('appendix-'))).toBe(true);
  });

  it('lintText without rules says what it needs instead of a TypeError on undefined', () => {
    expect(() => api.lintText('# x\n', {} as never)).toThrow(/needs options\.rules/);
  });

  it('fix: true gives the text ir-lint --fix writes, and the messages left in it; nothing is written', async () => {
    const dir = tempDir('ir-lint-api-fix-');
    const file = path.join(dir, 'report.md');
    const text = readFileSync(path.join(ROOT, 'fixtures', 'fix', 'action-item-status.md'), 'utf8');
    writeFileSync(file, text);
    const result = await api.lint({ text, filePath: 'report.md', now: '2026-11-22', fix: true });
    expect(readFileSync(file, 'utf8')).toBe(text);
    runBin(['--no-config', '--now', '2026-11-22', '--fix', '-f', 'json', file]);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).not.toBe(text);
    expect(result.output).toBe(fixed);
    expect(result.source).toBe(fixed);
    expect(result.messages.map(shape)).toEqual(cliMessages(file, ['--no-config']));
    // Nothing to fix: no output, the messages of the text as it is.
    const clean = await api.lint({ text: fixed, now: '2026-11-22', fix: true });
    expect(clean.output).toBeUndefined();
    expect(clean.messages.map(shape)).toEqual(result.messages.map(shape));
  });

  it('the binary the test compares with is the built one', () => {
    expect(BIN.endsWith(path.join('bin', 'ir-lint.js'))).toBe(true);
  });
});

function readdirCsv(): string {
  return readdirSync(path.join(ROOT, 'fixtures', 'csv')).find((n) => n.endsWith('.csv'))!;
}
