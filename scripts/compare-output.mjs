#!/usr/bin/env node
/**
 * Records the built binary's JSON output over a set of targets, and compares
 * two recordings, so that a change meant to keep the output byte-identical can
 * be checked before and after.
 *
 *   node scripts/compare-output.mjs record <outDir> [--bench <dir>] [--corpus <dir>]
 *   node scripts/compare-output.mjs compare <beforeDir> <afterDir> [--mask-messages]
 *
 * Targets: every folder under fixtures/, <corpus>/seeds and <corpus>/real
 * (default ../shared/corpus) and the first 1,000 reports of <bench> (the
 * `n1000` folder of a corpus made by `npx tsx bench/generate.ts <dir>`).
 * Every file of a target is passed by name (so .txt reports are linted too),
 * and each target is run once with `--now 2026-11-22 -f json`. A recording
 * holds stdout, stderr and the exit code of each run, one <target>.json each.
 * `--mask-messages` compares with every `message` replaced, for a change that
 * rewords messages on purpose.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'ir-lint.js');

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

function filesOf(dir, limit = Infinity) {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(path.join(dir, name)).isFile())
    .sort()
    .slice(0, limit)
    .map((name) => path.join(dir, name));
}

function targets(args) {
  const out = [];
  const fixtures = path.join(root, 'fixtures');
  for (const name of readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, name);
    if (statSync(dir).isDirectory()) out.push({ name: `fixtures-${name}`, files: filesOf(dir).map((f) => path.relative(root, f)) });
  }
  const corpus = path.resolve(option(args, '--corpus', path.join(root, '..', '..', 'shared', 'corpus')));
  for (const name of ['seeds', 'real']) {
    const dir = path.join(corpus, name);
    if (existsSync(dir)) out.push({ name: `corpus-${name}`, files: filesOf(dir) });
    else console.error(`compare-output: ${dir} is absent; skipped`);
  }
  const bench = option(args, '--bench', undefined);
  if (bench) {
    const dir = path.join(path.resolve(bench), 'n1000');
    if (!existsSync(dir)) throw new Error(`${dir} is absent: run "npx tsx bench/generate.ts ${bench}" first`);
    out.push({ name: 'bench-1000', files: filesOf(dir, 1000) });
  }
  return out;
}

function run(files) {
  try {
    const stdout = execFileSync(process.execPath, [bin, '--now', '2026-11-22', '-f', 'json', ...files], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { exit: 0, stdout, stderr: '' };
  } catch (error) {
    if (typeof error.status !== 'number') throw error;
    return { exit: error.status, stdout: String(error.stdout), stderr: String(error.stderr) };
  }
}

function record(outDir, args) {
  mkdirSync(outDir, { recursive: true });
  for (const target of targets(args)) {
    const result = run(target.files);
    writeFileSync(path.join(outDir, `${target.name}.json`), `${JSON.stringify({ files: target.files.length, ...result }, null, 1)}\n`);
    console.log(`${target.name}: ${target.files.length} files, exit ${result.exit}, ${result.stdout.length} bytes`);
  }
}

function masked(stdout) {
  let data;
  try {
    data = JSON.parse(stdout);
  } catch {
    return stdout;
  }
  for (const file of data) for (const m of [...(file.messages ?? []), ...(file.suppressedMessages ?? [])]) m.message = '<masked>';
  return JSON.stringify(data);
}

function compare(before, after, mask) {
  let differ = 0;
  for (const name of readdirSync(before).filter((n) => n.endsWith('.json')).sort()) {
    const b = JSON.parse(readFileSync(path.join(before, name), 'utf8'));
    const afterFile = path.join(after, name);
    if (!existsSync(afterFile)) {
      console.log(`${name}: missing after`);
      differ++;
      continue;
    }
    const a = JSON.parse(readFileSync(afterFile, 'utf8'));
    const same = b.exit === a.exit && b.stderr === a.stderr && (mask ? masked(b.stdout) === masked(a.stdout) : b.stdout === a.stdout);
    if (!same) differ++;
    console.log(`${name}: ${same ? 'identical' : 'DIFFERENT'} (${b.files} files, exit ${b.exit} -> ${a.exit}, ${b.stdout.length} -> ${a.stdout.length} bytes)`);
  }
  console.log(differ === 0 ? 'all identical' : `${differ} target(s) differ`);
  return differ === 0 ? 0 : 1;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'record' && rest[0]) record(path.resolve(rest[0]), rest.slice(1));
else if (mode === 'compare' && rest[0] && rest[1]) process.exitCode = compare(path.resolve(rest[0]), path.resolve(rest[1]), rest.includes('--mask-messages'));
else {
  console.error('usage: compare-output.mjs record <outDir> [--bench <dir>] [--corpus <dir>] | compare <before> <after> [--mask-messages]');
  process.exitCode = 2;
}
