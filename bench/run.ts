/**
 * npm run bench: ir-lint against `node -e 0`, the parse-only floor and
 * markdownlint-cli2 on a deterministic corpus, side by side; prints medians
 * and the target ratios.
 *
 *   npm run bench                 all sizes (the 10,000-report runs take minutes)
 *   npm run bench -- --quick      skip 10,000 reports
 *   npx tsx bench/lsp.ts          the language server case alone
 *   BENCH_RUNS=5 npm run bench    runs per measurement (default 3; at least 15 for one
 *                                 report; 1 for 10,000)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './generate.js';
import { benchLsp } from './lsp.js';

const root = path.join(import.meta.dirname, '..');
const corpus = path.join(import.meta.dirname, '.corpus');
const quick = process.argv.includes('--quick');
const runsDefault = Number(process.env['BENCH_RUNS'] ?? 3);

interface Sample {
  wall: number;
  cpu: number;
  maxrss_kb: number;
  exit: number;
}

interface Row {
  case: string;
  tool: string;
  wall: number;
  cpu: number;
  rssMiB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function measure(cmd: string[], runs: number): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const json = execFileSync('python3', [path.join(import.meta.dirname, 'measure.py'), ...cmd], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
    out.push(JSON.parse(json) as Sample);
  }
  return out;
}

const node = process.execPath;
const cores = Math.max(1, os.cpus().length);
const mdlBin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const tools: Record<string, (target: string) => string[]> = {
  'node -e 0': () => [node, '-e', '0'],
  'parse floor': (t) => [node, path.join(import.meta.dirname, 'parse-floor.mjs'), t],
  // The same parse on as many worker threads as ir-lint uses on many files (one per core).
  'parse floor, threads': (t) => [node, path.join(import.meta.dirname, 'parse-floor.mjs'), '--threads', String(cores), t],
  'ir-lint': (t) => [node, path.join(root, 'bin', 'ir-lint.js'), '--now', '2025-12-01', '--max-file-size', '0', '-f', 'compact', t],
  // Default limits: an Appendix CSV or a bug thread export.
  'ir-lint csv': (t) => [node, path.join(root, 'bin', 'ir-lint.js'), '--now', '2025-12-01', '-f', 'compact', t],
  // The same command; named for what it lints, so the table says what ran.
  'ir-lint thread': (t) => [node, path.join(root, 'bin', 'ir-lint.js'), '--now', '2025-12-01', '-f', 'compact', t],
  'markdownlint-cli2': (t) => [node, mdlBin, `${t.endsWith('.md') ? t : `${t}/**/*.md`}`],
};

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'bin.js'))) throw new Error('run "npm run build" first');
  if (!existsSync(mdlBin)) throw new Error('markdownlint-cli2 is not installed (npm ci installs it as a dev dependency)');
  generate(corpus);
  const cases: Array<{ name: string; target: string; runs: number; tools: string[] }> = [
    { name: '1 report', target: path.join(corpus, 'n1'), runs: Math.max(runsDefault, 15), tools: ['node -e 0', 'parse floor', 'ir-lint', 'markdownlint-cli2'] },
    { name: '100 reports', target: path.join(corpus, 'n100'), runs: runsDefault, tools: ['parse floor', 'ir-lint', 'markdownlint-cli2'] },
    { name: '1,000 reports', target: path.join(corpus, 'n1000'), runs: runsDefault, tools: ['parse floor', 'parse floor, threads', 'ir-lint', 'markdownlint-cli2'] },
    { name: '5 MB report', target: path.join(corpus, 'big', 'report-5mb.md'), runs: runsDefault, tools: ['parse floor', 'ir-lint', 'markdownlint-cli2'] },
    // An Appendix CSV of 10,000 certificates, linted with its default limit (no --max-file-size needed).
    { name: '10,000-row CSV', target: path.join(corpus, 'csv', 'certs-10000.csv'), runs: Math.max(runsDefault, 5), tools: ['node -e 0', 'ir-lint csv'] },
    // A bug thread of 300 comments (a Full report every 30), whole process; and 1,000 exports of 12 comments on the worker pool.
    { name: '300-comment thread', target: path.join(corpus, 'threads', '1900000.bug.json'), runs: Math.max(runsDefault, 5), tools: ['node -e 0', 'ir-lint thread'] },
    { name: '1,000 bug exports', target: path.join(corpus, 'threads-1000'), runs: runsDefault, tools: ['ir-lint thread'] },
  ];
  if (!quick) cases.push({ name: '10,000 reports', target: path.join(corpus, 'n10000'), runs: Number(process.env['BENCH_RUNS'] ?? 1), tools: ['parse floor', 'parse floor, threads', 'ir-lint', 'markdownlint-cli2'] });

  console.log(`ir-lint benchmark: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians`);
  const rows: Row[] = [];
  for (const c of cases) {
    // One warm-up run of each tool (not for the long single-run case), then the tools take
    // turns run by run, so that a machine whose speed drifts affects every tool alike.
    if (c.runs > 1) for (const t of c.tools) measure((tools[t] as (x: string) => string[])(c.target), 1);
    const byTool = new Map<string, Sample[]>(c.tools.map((t) => [t, []]));
    for (let i = 0; i < c.runs; i++) {
      for (const t of c.tools) byTool.get(t)?.push(...measure((tools[t] as (x: string) => string[])(c.target), 1));
    }
    for (const t of c.tools) {
      const samples = byTool.get(t) ?? [];
      const row = { case: c.name, tool: t, wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rssMiB: median(samples.map((s) => s.maxrss_kb)) / 1024 };
      rows.push(row);
      console.log(`${c.name.padEnd(18)} ${t.padEnd(21)} wall ${row.wall.toFixed(2).padStart(7)} s   cpu ${row.cpu.toFixed(2).padStart(7)} s   peak ${row.rssMiB.toFixed(0).padStart(5)} MiB   (${c.runs} runs)`);
    }
  }
  const get = (c: string, t: string): Row | undefined => rows.find((r) => r.case === c && r.tool === t);
  const ratio = (label: string, a: number | undefined, b: number | undefined, target: number): void => {
    if (a === undefined || b === undefined) return;
    const r = a / b;
    console.log(`${label.padEnd(62)} ${r.toFixed(2).padStart(6)}  (target <= ${target})  ${r <= target ? 'ok' : 'MISSED'}`);
  };
  console.log('\nratios');
  ratio('1 report: ir-lint wall / node -e 0 wall', get('1 report', 'ir-lint')?.wall, get('1 report', 'node -e 0')?.wall, 2);
  for (const c of ['1,000 reports', '10,000 reports']) {
    ratio(`${c}: ir-lint wall / markdownlint-cli2 wall`, get(c, 'ir-lint')?.wall, get(c, 'markdownlint-cli2')?.wall, 0.5);
    ratio(`${c}: ir-lint cpu / parse floor cpu`, get(c, 'ir-lint')?.cpu, get(c, 'parse floor')?.cpu, 1.15);
    // Parsing on every core costs more CPU than on one (caches and memory are shared, each
    // thread has its own JIT and heap); this ratio compares like with like.
    ratio(`${c}: ir-lint cpu / parse floor (${cores} threads) cpu`, get(c, 'ir-lint')?.cpu, get(c, 'parse floor, threads')?.cpu, 1.15);
  }
  ratio('5 MB report: ir-lint wall / parse floor wall', get('5 MB report', 'ir-lint')?.wall, get('5 MB report', 'parse floor')?.wall, 1.2);
  const big = get('5 MB report', 'ir-lint');
  if (big) console.log(`${'5 MB report: ir-lint peak memory (MiB)'.padEnd(62)} ${big.rssMiB.toFixed(0).padStart(6)}  (target < 1024)  ${big.rssMiB < 1024 ? 'ok' : 'MISSED'}`);
  const csv = get('10,000-row CSV', 'ir-lint csv');
  if (csv) {
    console.log(`${'10,000-row CSV: ir-lint wall (s)'.padEnd(62)} ${csv.wall.toFixed(2).padStart(6)}  (target < 0.5)  ${csv.wall < 0.5 ? 'ok' : 'MISSED'}`);
    console.log(`${'10,000-row CSV: ir-lint peak memory (MiB)'.padEnd(62)} ${csv.rssMiB.toFixed(0).padStart(6)}  (target < 200)  ${csv.rssMiB < 200 ? 'ok' : 'MISSED'}`);
  }
  const thread = get('300-comment thread', 'ir-lint thread');
  if (thread) console.log(`${'300-comment thread: ir-lint wall (s)'.padEnd(62)} ${thread.wall.toFixed(2).padStart(6)}  (target < 1)  ${thread.wall < 1 ? 'ok' : 'MISSED'}`);
  const exportsRow = get('1,000 bug exports', 'ir-lint thread');
  // On the worker pool the CPU time is spread over the cores: cpu / wall near the core count.
  if (exportsRow) console.log(`${`1,000 bug exports: ir-lint cpu / wall (cores used; ${cores} here)`.padEnd(62)} ${(exportsRow.cpu / exportsRow.wall).toFixed(2).padStart(6)}  (target > ${Math.min(cores, 2) * 0.75})  ${exportsRow.cpu / exportsRow.wall > Math.min(cores, 2) * 0.75 ? 'ok' : 'MISSED'}`);
  const m1 = get('1,000 reports', 'ir-lint');
  const m2 = get(quick ? '100 reports' : '10,000 reports', 'ir-lint');
  if (m1 && m2) console.log(`${'peak memory, ir-lint, 10,000 vs 1,000 reports (flat = 1)'.padEnd(62)} ${(quick ? m1.rssMiB / m2.rssMiB : m2.rssMiB / m1.rssMiB).toFixed(2).padStart(6)}`);
  // The language server (bench/lsp.ts): warm lints over stdio and memory over 1,000 edits.
  console.log('\nlanguage server');
  await benchLsp();
}

await main();
