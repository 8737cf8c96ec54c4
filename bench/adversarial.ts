/**
 * npm run bench:adversarial: lint reports whose fields hold long runs of the
 * characters that make regexes and parsers backtrack (spaces, tabs, digits,
 * colons, pipes, stars, brackets, hashes, dashes, dots, commas, quotes), at
 * two sizes, and check that ir-lint's own time (the report model and the
 * rules, i.e. everything but the Markdown parser) grows linearly: doubling the
 * run may at most about double the time (ratio ≤ MAX_RATIO), and no case may
 * take more than MAX_SECONDS at the larger size. Exit 1 when a case is out of
 * bounds. The Markdown parser's (micromark's) own time is shown beside it:
 * some inline constructs (`<!--` without a closing `-->`, long runs of `!`)
 * cost it more than linear time; the file-size limit bounds those.
 *
 *   npm run bench:adversarial              runs of 25,000 and 50,000 characters
 *   ADV_SIZE=100000 npm run bench:adversarial
 *   ADV_BIG_ONLY=1 npm run bench:adversarial   only the big reports below
 *
 * Then the big reports: a report just under the 2 MB default limit made of
 * many timeline rows, many action items or many contributing factors. Each
 * rule's own time is measured on the parsed report (derived models already
 * built), and must leave the run within 1.5x the time of the same run with
 * that rule off (the rule's time at most a third of the whole lint); the
 * slowest rule is also turned off for a real second run. When dist/ is built,
 * the binary lints each report in a child process whose peak memory must stay
 * under 1 GiB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { defaultConfig, resolveRules } from '../src/config/index.js';
import { lintText, runRules } from '../src/engine/index.js';
import { parseNow } from '../src/now.js';
import { parseReport } from '../src/parse/index.js';
import { outline } from '../src/parse/outline.js';

const root = path.join(import.meta.dirname, '..');
const base = readFileSync(path.join(root, 'fixtures', 'reports', 'v3-full-clean.md'), 'utf8');
const resolved = resolveRules(defaultConfig(), rules);
const NOW = parseNow('2025-12-01')!;
const SIZE = Number(process.env['ADV_SIZE'] ?? 25_000);
const MAX_RATIO = 3.2;
const MAX_SECONDS = 5;

export const RUNS: Record<string, string> = {
  spaces: ' ',
  tabs: '\t',
  digits: '9',
  colons: ':',
  pipes: '|',
  stars: '*',
  underscores: '_',
  brackets: '[',
  hashes: '#',
  dashes: '-',
  dots: '.',
  commas: ',',
  bangs: '!',
  quotes: '"',
  backticks: '`',
  hex: 'a',
  'hex pairs': 'ab:',
  'digit-dash': '1-',
  'bug words': 'bug ',
  'comment markers': '<!--ir-lint-enable ',
};

/** Where the run goes: realistic report fields; `X` is replaced by the run followed by a character that ends no pattern. */
export const PLACES: Record<string, (run: string) => string> = {
  'field value': (r) => base.replace('- **CA Owner CCADB unique ID:** A000999', `- **CA Owner CCADB unique ID:** A${r}\u0001`),
  'field label': (r) => base.replace('- **Incident description:**', `- **Incident${r}\u0001description:**`),
  'timeline cell': (r) => base.replace('| 2025-07-28 10:05 |', `| 2025-07-28 ${r}\u0001 |`),
  'action item cell': (r) => base.replace('| 2025-08-20 | Complete |', `| 2025-08-20 ${r}x | Complete ${r}\u0001|`),
  'factor heading': (r) => base.replace('**Contributing Factor #1:', `**Contributing Factor ${r}#1:`),
  'heading': (r) => `${base}\n## ${r}\u0001\n`,
  'plain line': (r) => `${base}\n${r}\u0001\n`,
  'front matter': (r) => base.replace('posted: 2025-09-10', `posted: 2025-09-10${r}\u0001`),
};

/** Seconds for the whole lint, and for the Markdown parser alone. */
function time(text: string): { total: number; parser: number } {
  let t = performance.now();
  lintText(text, { rules: resolved, now: NOW });
  const total = (performance.now() - t) / 1000;
  t = performance.now();
  outline(text);
  return { total, parser: (performance.now() - t) / 1000 };
}

export function runBench(size: number, log: (line: string) => void): { worst: number; failures: string[] } {
  const failures: string[] = [];
  let worst = 0;
  time(base); // warm up
  const floor = time(base);
  const own = (x: { total: number; parser: number }): number => Math.max(x.total - x.parser - (floor.total - floor.parser), 0.001);
  log(`adversarial runs of ${size.toLocaleString('en-US')} and ${(2 * size).toLocaleString('en-US')} characters; base report ${(floor.total * 1000).toFixed(0)} ms`);
  log('case: ir-lint (model and rules) at both sizes (ratio) | Markdown parser at both sizes (ratio)');
  for (const [place, make] of Object.entries(PLACES)) {
    for (const [name, unit] of Object.entries(RUNS)) {
      const run = (n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      const small = time(make(run(size)));
      const large = time(make(run(2 * size)));
      const [a, b] = [own(small), own(large)];
      const ratio = b / a;
      const parserRatio = Math.max(large.parser, 0.001) / Math.max(small.parser, 0.001);
      worst = Math.max(worst, b);
      const bad = b > MAX_SECONDS || (b > 0.25 && ratio > MAX_RATIO);
      if (bad) failures.push(`${place} / ${name}: ${a.toFixed(2)} s → ${b.toFixed(2)} s (×${ratio.toFixed(1)})`);
      if (bad || b > 0.25 || large.parser > 0.5) {
        log(`${bad ? 'SLOW' : 'ok  '} ${place} / ${name}: ${a.toFixed(3)} s → ${b.toFixed(3)} s (×${ratio.toFixed(1)}) | parser ${small.parser.toFixed(3)} s → ${large.parser.toFixed(3)} s (×${parserRatio.toFixed(1)})`);
      }
    }
  }
  return { worst, failures };
}

/** Just under the default --max-file-size (2 MB), so the CLI lints it without a flag. */
const BIG_BYTES = 2 * 1024 * 1024 - 4096;
/** A rule may cost at most this share of the whole lint: the run takes at most 1.5x the run without it. */
const MAX_RULE_SHARE = 1 / 3;
const MAX_RSS_BYTES = 1024 ** 3;

/** Deterministic pseudo-random numbers (a run is the same every time). */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Repeat `row(i)` in place of the text between `from` and `to` of the base report until the report is just under BIG_BYTES. */
function fill(from: string, to: string, row: (i: number) => string): string {
  const a = base.indexOf(from);
  const b = base.indexOf(to, a);
  const head = base.slice(0, a);
  const tail = base.slice(b);
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; ; i++) {
    const r = `${row(i)}\n`;
    if (size + r.length > BIG_BYTES) break;
    parts.push(r);
    size += r.length;
  }
  return head + parts.join('') + tail;
}

export const BIG: Record<string, () => string> = {
  'many timeline rows': () => {
    const rnd = random(1);
    // Mostly in order, with one row in twenty misplaced: timeline-order has work to do.
    return fill('| 2025-07-28 10:05 |', '\n### Related Incidents', (i) => {
      const m = rnd() < 0.05 ? Math.floor(rnd() * 500_000) : i * 7;
      const t = new Date(Date.UTC(2025, 0, 1) + m * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      return `| ${t} | Event ${i}: the validation service logged a retry for order ${100000 + i}. |`;
    });
  },
  'many action items': () =>
    fill('| Remove the CAA cache read', '\n### Appendix', (i) => `| Review issuance path ${i} for the CAA age check | ${['Prevent', 'Detect', 'Mitigate'][i % 3]} | Root Cause #${1 + (i % 2)} | Path ${i} has a test with a 9-hour-old CAA result | 2025-${String(1 + (i % 12)).padStart(2, '0')}-15 | ${i % 4 === 0 ? 'Ongoing' : 'Complete'} |`),
  'many factors': () =>
    fill('**Contributing Factor #1:', '\n### Lessons Learned', (i) =>
      [
        `**Contributing Factor #${i + 1}: Issuance path ${i} skipped the CAA age check**`,
        '',
        `- **Description:** Path ${i} reused a cached CAA result without checking its age; human error in review let it through.`,
        `- **Timeline:** Introduced 2025-07-28; found 2025-08-12.`,
        `- **Detection:** The nightly scanner.`,
        `- **Interaction with other factors:** Factor #${i + 2} hid it.`,
        '',
      ].join('\n'),
    ),
};

export interface BigResult {
  name: string;
  bytes: number;
  lintSeconds: number;
  slowestRule: string;
  slowestSeconds: number;
  withoutSlowestSeconds: number;
  maxRssBytes?: number;
  failures: string[];
}

/** Peak memory of the built binary linting `text` (undefined when dist/ is not built). */
function binaryPeakRss(text: string): number | undefined {
  const bin = path.join(root, 'bin', 'ir-lint.js');
  if (!existsSync(path.join(root, 'dist', 'ir-lint.cjs'))) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-big-'));
  try {
    const file = path.join(dir, 'big.md');
    writeFileSync(file, text);
    const probe = path.join(dir, 'rss.cjs');
    writeFileSync(probe, "process.on('exit', () => { require('node:fs').writeSync(2, `\\nmaxrss ${process.resourceUsage().maxRSS}\\n`); });\n");
    const r = spawnSync(process.execPath, ['-r', probe, bin, '--no-config', '--now', '2025-12-01', '-f', 'compact', file], { encoding: 'utf8', maxBuffer: 1024 ** 3 });
    const kb = /maxrss (\d+)/.exec(r.stderr)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runBig(log: (line: string) => void, names = Object.keys(BIG)): BigResult[] {
  const out: BigResult[] = [];
  for (const name of names) {
    const text = (BIG[name] as () => string)();
    const failures: string[] = [];
    // Half the report first: the whole must take at most about twice as long (a derived model that is quadratic shows here).
    const half = text.slice(0, text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1);
    let t = performance.now();
    lintText(half, { rules: resolved, now: NOW });
    const halfSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    lintText(text, { rules: resolved, now: NOW });
    const lintSeconds = (performance.now() - t) / 1000;
    if (lintSeconds > 0.5 && lintSeconds / halfSeconds > MAX_RATIO) failures.push(`${name}: half the report ${halfSeconds.toFixed(2)} s, the whole ${lintSeconds.toFixed(2)} s (×${(lintSeconds / halfSeconds).toFixed(1)}; not linear)`);
    // Each rule's own time, on a report whose derived models are built (as they are for every rule after the first that reads them).
    const report = parseReport(text);
    runRules(report, { rules: resolved, now: NOW });
    const spent = new Map<string, number>();
    let current: string | undefined;
    let since = 0;
    const stop = (): void => {
      if (current !== undefined) spent.set(current, (spent.get(current) ?? 0) + (performance.now() - since) / 1000);
    };
    runRules(report, {
      rules: resolved,
      now: NOW,
      onRuleStart: (_i, id) => {
        stop();
        current = id;
        since = performance.now();
      },
    });
    stop();
    const ranked = [...spent].sort((a, b) => b[1] - a[1]);
    const [slowestRule, slowestSeconds] = ranked[0] ?? ['none', 0];
    for (const [id, s] of ranked) if (s > lintSeconds * MAX_RULE_SHARE) failures.push(`${name}: ${id} takes ${s.toFixed(2)} s of a ${lintSeconds.toFixed(2)} s lint (over a third: the run is more than 1.5x the run without it)`);
    t = performance.now();
    lintText(text, { rules: resolved.filter((r) => r.rule.meta.id !== slowestRule), now: NOW });
    const withoutSlowestSeconds = (performance.now() - t) / 1000;
    const maxRssBytes = binaryPeakRss(text);
    if (maxRssBytes !== undefined && maxRssBytes > MAX_RSS_BYTES) failures.push(`${name}: ${(maxRssBytes / 1024 ** 2).toFixed(0)} MiB at peak (over 1 GiB)`);
    const top = ranked.slice(0, 3).map(([id, s]) => `${id} ${(s * 1000).toFixed(0)} ms`).join(', ');
    log(
      `${failures.length > 0 ? 'SLOW' : 'ok  '} ${name}: ${(text.length / 1024 ** 2).toFixed(2)} MB, lint ${lintSeconds.toFixed(2)} s (half the report ${halfSeconds.toFixed(2)} s; without ${slowestRule}: ${withoutSlowestSeconds.toFixed(2)} s, ×${(lintSeconds / withoutSlowestSeconds).toFixed(2)}); slowest rules ${top}${maxRssBytes !== undefined ? `; binary peak ${(maxRssBytes / 1024 ** 2).toFixed(0)} MiB` : ''}`,
    );
    const r: BigResult = { name, bytes: text.length, lintSeconds, slowestRule, slowestSeconds, withoutSlowestSeconds, failures };
    if (maxRssBytes !== undefined) r.maxRssBytes = maxRssBytes;
    out.push(r);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[1]?.endsWith("adversarial.ts")) {
  const started = performance.now();
  let failures: string[] = [];
  if (process.env['ADV_BIG_ONLY'] !== '1') {
    const run = runBench(SIZE, (l) => console.log(l));
    failures = run.failures;
    console.log(`${Object.keys(PLACES).length * Object.keys(RUNS).length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest (model and rules) ${run.worst.toFixed(2)} s; ${failures.length === 0 ? 'all linear' : `${failures.length} out of bounds:\n  ${failures.join('\n  ')}`}`);
  }
  const big = runBig((l) => console.log(l)).flatMap((r) => r.failures);
  console.log(big.length === 0 ? 'big reports: every rule within 1.5x, under 1 GiB' : `big reports: ${big.length} out of bounds:\n  ${big.join('\n  ')}`);
  process.exitCode = failures.length === 0 && big.length === 0 ? 0 : 1;
}
