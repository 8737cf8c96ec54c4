/**
 * npm run fuzz: the long fuzz run. Runs the invariants of test/fuzz.test.ts
 * on many more cases: grammar reports and mutated reports (FUZZ_RUNS in all,
 * default 100,000, split between the two), and every prefix of a fixture
 * report (and of the largest real corpus report, when the corpus is there).
 *
 *   npm run fuzz                       100,000 cases
 *   FUZZ_RUNS=5000 npm run fuzz        fewer
 *   FUZZ_SEED=42 npm run fuzz          another seed (a failure prints its seed and path to replay)
 *   FUZZ_JOBS=1 npm run fuzz           one process (default: one per core, at most 4)
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import fc from 'fast-check';
import { corpusFiles } from '../test/helpers/corpus.js';
import { checkInvariants, checkPositions, fixtureReports, grammarReport, lint, mutatedReport, truncations } from '../test/helpers/fuzz.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const jobs = Number(process.env['FUZZ_JOBS'] ?? Math.min(4, os.availableParallelism()));
const shard = process.env['FUZZ_SHARD'];
const started = performance.now();

if (shard === undefined && jobs > 1) {
  // Split the cases over child processes (each its own seed); shard 0 also runs the prefixes.
  console.log(`fuzz: seed ${seed}, ${runs.toLocaleString('en-US')} generated cases in ${jobs} processes`);
  const codes = await Promise.all(
    Array.from({ length: jobs }, (_, i) => {
      const env = { ...process.env, FUZZ_SHARD: String(i), FUZZ_RUNS: String(Math.floor(runs / jobs) + (i < runs % jobs ? 1 : 0)), FUZZ_SEED: String(seed + 1000 * i) };
      const child = spawn(process.execPath, [...process.execArgv, import.meta.filename], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d: Buffer) => process.stdout.write(d.toString().replace(/^(?=.)/gm, `[${i}] `)));
      return new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    }),
  );
  const failed = codes.filter((c) => c !== 0).length;
  console.log(`fuzz: ${runs.toLocaleString('en-US')} generated cases, ${((performance.now() - started) / 1000).toFixed(1)} s, ${failed === 0 ? 'no failure' : `${failed} failing process(es)`}`);
  process.exit(failed === 0 ? 0 : 1);
}
const fixtures = fixtureReports();
let failures = 0;

function phase(name: string, fn: () => number): void {
  const t = performance.now();
  try {
    const n = fn();
    console.log(`${name}: ${n.toLocaleString('en-US')} cases, ${((performance.now() - t) / 1000).toFixed(1)} s, no failure`);
  } catch (error) {
    failures++;
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
    console.log(`${name}: FAILED\n${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}

console.log(`fuzz: seed ${seed}, ${runs.toLocaleString('en-US')} generated cases`);
const half = Math.ceil(runs / 2);
phase('grammar reports', () => {
  fc.assert(fc.property(grammarReport, (text) => checkInvariants(text)), { numRuns: half, seed, endOnFailure: true });
  return half;
});
phase('mutated reports', () => {
  fc.assert(fc.property(mutatedReport(fixtures.map((f) => f.text)), (text) => checkInvariants(text)), { numRuns: runs - half, seed: seed + 1, endOnFailure: true });
  return runs - half;
});
for (const base of shard !== undefined && shard !== '0' ? [] : [fixtures.find((f) => f.name === 'v3-full-clean.md'), corpusFiles().filter((f) => f.name.startsWith('real/')).sort((a, b) => b.text.length - a.text.length)[0]]) {
  if (!base) continue;
  phase(`every prefix of ${base.name} (${base.text.length.toLocaleString('en-US')} chars)`, () => {
    let n = 0;
    for (const prefix of truncations(base.text)) {
      const messages = lint(prefix);
      const failed = messages.filter((m) => m.fatal);
      if (failed.length > 0) throw new Error(`prefix of ${prefix.length} chars: ${failed[0]?.message}`);
      checkPositions(prefix, messages);
      n++;
    }
    return n;
  });
}
console.log(`fuzz: ${((performance.now() - started) / 1000).toFixed(1)} s, ${failures === 0 ? 'no failure' : `${failures} failing phase(s)`}`);
process.exitCode = failures === 0 ? 0 : 1;
