/**
 * The same findings everywhere: every fixture linted by the built binary
 * (`ir-lint --no-config --now <date> -f json`) and by the browser build's
 * engine (the Web Worker code of dist/web/index.html) give the same
 * messages. The worker runs in a bare V8 context (node:vm) with only what a
 * browser worker has (no require, process or Buffer); test/web-page.test.ts
 * runs the same comparison through the page in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from './helpers/bin.js';
import { webBuild, type WebBuild } from './helpers/web-build.js';

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

interface Message { ruleId: string | null; messageId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: unknown; related?: unknown }

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

interface Answer { seq: number; result?: { messages: Message[] }; error?: string; configError?: string; posting?: string }

/** The worker bundle in a context with the globals a browser worker has and nothing of Node's. */
function workerInVm(code: string): (request: Record<string, unknown>) => Promise<Answer> {
  const waiting = new Map<number, (a: Answer) => void>();
  const sandbox: Record<string, unknown> = {
    setTimeout,
    clearTimeout,
    TextEncoder,
    TextDecoder,
    URL,
    postMessage: (a: Answer) => {
      waiting.get(a.seq)?.(a);
      waiting.delete(a.seq);
    },
  };
  sandbox['self'] = sandbox;
  const context = vm.createContext(sandbox);
  new vm.Script(code, { filename: 'ir-lint-worker.js' }).runInContext(context);
  expect(vm.runInContext('typeof require + typeof process + typeof Buffer', context)).toBe('undefinedundefinedundefined');
  let seq = 0;
  return (request) =>
    new Promise((resolve) => {
      const s = ++seq;
      waiting.set(s, resolve);
      (sandbox['onmessage'] as (e: { data: unknown }) => void)({ data: { type: 'lint', filePath: 'report.md', now: PARITY_NOW, template: 'auto', config: '', ...request, seq: s } });
    });
}

describe('the browser engine gives the CLI findings', () => {
  let build: WebBuild;
  beforeAll(async () => {
    build = await webBuild();
  }, 60_000);

  it('on every fixture, in a bare V8 context', async () => {
    const files = parityFixtures();
    expect(files.length).toBeGreaterThan(40);
    // A report whose Appendix CSV sits beside it: the CLI reads that file, a page has only the text; from stdin neither does.
    const paired = 'fixtures/csv/paired-report.md';
    const expected = cliMessages(files.filter((f) => f !== paired));
    const fromStdin = runBin(['--no-config', '--now', PARITY_NOW, '-f', 'json', '--stdin-filename', paired, '-'], { input: readFileSync(path.join(ROOT, paired), 'utf8') });
    expected.set(paired, (JSON.parse(fromStdin.out) as Array<{ messages: Message[] }>)[0]!.messages.map(shape));
    const lint = workerInVm(build.workerCode);
    let withFindings = 0;
    for (const file of files) {
      const answer = await lint({ text: readFileSync(path.join(ROOT, file), 'utf8'), filePath: file });
      expect(answer.error, file).toBeUndefined();
      expect(answer.result!.messages.map(shape), file).toEqual(expected.get(file));
      if (expected.get(file)!.length > 0) withFindings++;
    }
    // The comparison means something only if most fixtures have findings.
    expect(withFindings).toBeGreaterThan(20);
  }, 120_000);

  it('with a config object, as the CLI with that config file', async () => {
    const file = 'fixtures/fix/timeline-date-format.md';
    const config = readFileSync(path.join(ROOT, 'fixtures/fix/.irlintrc.json'), 'utf8');
    const expected = cliMessages([file], PARITY_NOW, []).get(file)!;
    const withDefaults = cliMessages([file]).get(file)!;
    expect(expected).not.toEqual(withDefaults);
    const answer = await workerInVm(build.workerCode)({ text: readFileSync(path.join(ROOT, file), 'utf8'), filePath: file, config });
    expect(answer.result!.messages.map(shape)).toEqual(expected);
  });

  it('says what is wrong with a config, as one line', async () => {
    const lint = workerInVm(build.workerCode);
    expect((await lint({ text: '# x\n', config: '{ "rules": { "timeline-order": "loud" } ' })).configError).toMatch(/^line 1, column \d+: invalid JSON/);
    expect((await lint({ text: '# x\n', config: '{ "rules": { "timeline-ordr": "warn" } }' })).configError).toMatch(/timeline-ordr.*timeline-order/);
    expect((await lint({ text: '# x\n', config: '[]' })).configError).toMatch(/expected an object/);
  });
});
