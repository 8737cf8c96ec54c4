/**
 * The same findings everywhere: every fixture linted by the built binary
 * (`ir-lint --no-config --now <date> -f json`) and by the browser build's
 * engine (the Web Worker code of dist/web/index.html) give the same
 * messages. The worker runs in a bare V8 context (node:vm) with only what a
 * browser worker has (no require, process or Buffer); test/web-page.test.ts
 * runs the same comparison through the page in Chromium.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from './helpers/bin.js';
import { cliFixtureMessages, cliMessages, parityFixtures, PARITY_NOW, shape, type Message } from './helpers/parity.js';
import { corpusFiles, HAS_CORPUS } from './helpers/corpus.js';
import { webBuild, type WebBuild } from './helpers/web-build.js';

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
    const expected = cliFixtureMessages(files);
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

  it.skipIf(!HAS_CORPUS)('on every report of the corpus, in a bare V8 context', async () => {
    const files = corpusFiles();
    const r = runBin(['--no-config', '--now', PARITY_NOW, '-f', 'json', ...files.map((f) => f.path)]);
    expect(r.err).toBe('');
    const expected = JSON.parse(r.out) as Array<{ filePath: string; messages: Message[] }>;
    expect(expected.map((x) => x.filePath)).toEqual(files.map((f) => f.path));
    const lint = workerInVm(build.workerCode);
    let findings = 0;
    for (const [i, f] of files.entries()) {
      const answer = await lint({ text: f.text, filePath: path.basename(f.path) });
      expect(answer.result!.messages.map(shape), f.name).toEqual(expected[i]!.messages.map(shape));
      findings += answer.result!.messages.length;
    }
    console.log(`corpus: ${files.length} reports, ${findings} findings, the same in the browser engine as in the CLI`);
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
