/** What the parity tests compare: the CLI's JSON messages for the fixtures (test/web-parity.test.ts, test/web-page.test.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, runBin } from './bin.js';

export const PARITY_NOW = '2026-11-22';

/** Every fixture a user might paste or drop: reports, clean reports, CSV and crt.sh attachments, fix inputs. */
export function parityFixtures(): string[] {
  const out: string[] = [];
  for (const dir of ['fixtures/reports', 'fixtures/clean', 'fixtures/clean-cross', 'fixtures/csv', 'fixtures/fix']) {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
      if (name.startsWith('.') || /\.(expected|fixed)\.|\.expected\.txt$/.test(name)) continue;
      if (!/\.(md|txt|csv)$/.test(name)) continue;
      out.push(`${dir}/${name}`);
    }
  }
  return out;
}

export interface Message { ruleId: string | null; messageId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: unknown; related?: unknown }

export function shape(m: Message): Message {
  const out: Message = { ruleId: m.ruleId, messageId: m.messageId, severity: m.severity, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn };
  if (m.fix !== undefined) out.fix = m.fix;
  if (m.related !== undefined) out.related = m.related;
  return out;
}

/** What the CLI prints for each file (one run, no config file; `args` replace `--no-config`). */
export function cliMessages(files: string[], now = PARITY_NOW, args = ['--no-config']): Map<string, Message[]> {
  const r = runBin([...args, '--now', now, '-f', 'json', ...files]);
  expect(r.err).toBe('');
  const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Message[] }>;
  const rel = (p: string): string => path.relative(ROOT, p).split(path.sep).join('/');
  expect(results.map((x) => rel(x.filePath))).toEqual(files);
  return new Map(results.map((x) => [rel(x.filePath), x.messages.map(shape)]));
}

/** A report whose Appendix CSV sits beside it: the CLI reads that file, a page has only the text; read from stdin, the CLI does not either. */
export const PAIRED_FIXTURE = 'fixtures/csv/paired-report.md';

/** The CLI's messages for each fixture as a page would see it (the paired report read from stdin). */
export function cliFixtureMessages(files: string[]): Map<string, Message[]> {
  const expected = cliMessages(files.filter((f) => f !== PAIRED_FIXTURE));
  if (files.includes(PAIRED_FIXTURE)) {
    const r = runBin(['--no-config', '--now', PARITY_NOW, '-f', 'json', '--stdin-filename', PAIRED_FIXTURE, '-'], { input: readFileSync(path.join(ROOT, PAIRED_FIXTURE), 'utf8') });
    expected.set(PAIRED_FIXTURE, (JSON.parse(r.out) as Array<{ messages: Message[] }>)[0]!.messages.map(shape));
  }
  return expected;
}
