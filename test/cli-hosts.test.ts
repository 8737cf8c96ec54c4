/**
 * What ships is what is tested: every case of the CLI table
 * (test/helpers/cli-cases.ts) runs through main(memoryIo), through
 * main(nodeIo) on real files in a temporary directory, and through the built
 * bin/ir-lint.js as a child process; each host must give the expected exit
 * code, output and files, and all three the same. The binary cases marked
 * `nodes` also run on every Node named in IR_LINT_TEST_NODES
 * (colon-separated paths to node binaries; .ci/run sets it to Node 22 and 24).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/args.js';
import { CASES } from './helpers/cli-cases.js';
import { otherNodes, runBinary, runMemory, runNodeIo, show, type CliCase, type HostName, type HostResult } from './helpers/cli-hosts.js';

function expectText(what: string, actual: string, expected: CliCase['stdout']): void {
  if (expected === undefined) expect(actual, what).toBe('');
  else if (typeof expected === 'string') expect(actual, what).toBe(expected);
  else if (expected instanceof RegExp) expect(actual, what).toMatch(expected);
  else expected(actual);
}

/** The case's expectations, on one host's result. */
function check(c: CliCase, host: string, r: HostResult): void {
  expect(r.code, `${host}: exit code (stderr: ${r.stderr})`).toBe(c.code);
  expectText(`${host}: stdout`, r.stdout, c.stdout);
  expectText(`${host}: stderr`, r.stderr, c.stderr);
  expect(r.stderr, `${host}: a stack trace`).not.toMatch(/\n\s+at /);
  const before: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.files ?? {})) before[k] = show(v);
  const want: Record<string, unknown> = { ...before };
  for (const [k, v] of Object.entries(c.after ?? {})) {
    if (v === null) delete want[k];
    else want[k] = v instanceof RegExp ? expect.stringMatching(v) : v;
  }
  expect(r.files, `${host}: files after the run`).toEqual(want);
}

const memoryRuns = new Map<CliCase, Promise<HostResult>>();
const onMemory = (c: CliCase): Promise<HostResult> => {
  let p = memoryRuns.get(c);
  if (!p) memoryRuns.set(c, (p = runMemory(c)));
  return p;
};

describe('the case table', () => {
  it('names every option of the command line', () => {
    const used = new Set(CASES.flatMap((c) => c.args));
    const missing = buildProgram()
      .options.filter((o) => !(o.long && used.has(o.long)) && !(o.short && used.has(o.short)))
      .map((o) => o.flags);
    expect(missing).toEqual([]);
  });

  it('uses every format, stdin, a directory, a glob, each config file kind and a plugin', () => {
    const formats = new Set(CASES.flatMap((c) => c.args.flatMap((a, i) => (a === '-f' || a === '--format' ? [c.args[i + 1]] : []))));
    expect([...formats].sort()).toEqual(['compact', 'due', 'github', 'html', 'json', 'junit', 'sarif', 'xml']);
    const files = CASES.flatMap((c) => Object.keys(c.files ?? {}));
    for (const f of ['.irlintrc.json', '.irlintrc.yaml', '.irlintrc.yml', 'package.json']) expect(files).toContain(f);
    expect(files.some((f) => f.endsWith('.mjs'))).toBe(true);
    expect(CASES.some((c) => c.args.includes('-') && c.stdin !== undefined)).toBe(true);
    expect(CASES.some((c) => c.args.some((a) => a.includes('*')))).toBe(true);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });
});

describe.concurrent('CLI cases on three hosts', { timeout: 60_000 }, () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const results: Record<HostName, HostResult> = { memory: await onMemory(c), node: await runNodeIo(c), binary: await runBinary(c) };
      for (const [host, r] of Object.entries(results)) check(c, host, r);
      expect(results.node, 'main(nodeIo) differs from main(memoryIo)').toEqual(results.memory);
      expect(results.binary, 'bin/ir-lint.js differs from main(memoryIo)').toEqual(results.memory);
    });
  }
});

const nodes = otherNodes();
if (nodes.length === 0) console.log(`CLI binary cases: on this Node (${process.version}) only; set IR_LINT_TEST_NODES to run them on other Nodes too`);
for (const node of nodes) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim() || `(${node} does not run)`;
  describe.concurrent(`CLI cases through the binary on Node ${version}`, { timeout: 60_000 }, () => {
    it('runs', () => expect(version).toMatch(/^v\d+\.\d+\.\d+$/));
    for (const c of CASES.filter((x) => x.nodes)) {
      it(c.name, async () => {
        const r = await runBinary(c, node);
        check(c, `bin/ir-lint.js on Node ${version}`, r);
        expect(r, `bin/ir-lint.js on Node ${version} differs from main(memoryIo)`).toEqual(await onMemory(c));
      });
    }
  });
}
