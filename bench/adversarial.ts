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
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { defaultConfig, resolveRules } from '../src/config/index.js';
import { lintText, parseNow } from '../src/engine/index.js';
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const { worst, failures } = runBench(SIZE, (l) => console.log(l));
  console.log(`${Object.keys(PLACES).length * Object.keys(RUNS).length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest (model and rules) ${worst.toFixed(2)} s; ${failures.length === 0 ? 'all linear' : `${failures.length} out of bounds:\n  ${failures.join('\n  ')}`}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}
