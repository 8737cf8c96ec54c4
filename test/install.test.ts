/**
 * Installed as users install it: the project is packed (`npm pack`), the
 * tarball is installed into a scratch project without dev dependencies, and
 * the installed `node_modules/.bin/ir-lint` lints, fixes and loads a plugin
 * that imports `ir-lint`, on this Node and on every Node named in
 * IR_LINT_TEST_NODES (the binary's directory first on PATH, so its
 * `#!/usr/bin/env node` line picks that Node).
 *
 * The tarball is packed from the dist/ that `npm test` has just built
 * (`--ignore-scripts`: the `prepare` build would rewrite dist/ while other
 * test files run the binary).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, otherNodes, ROOT, spawnText } from './helpers/cli-hosts.js';
import { CORPUS_DIR, HAS_CORPUS } from './helpers/corpus.js';

let scratch = '';
let packed: string[] = [];

async function npm(args: string[], cwd: string): Promise<string> {
  // npm's own settings (cache, registry) come from the environment it is run with.
  const r = await spawnText('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' }, timeoutMs: 170_000 });
  if (r.code !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.code}): ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

beforeAll(async () => {
  const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'ir-lint-install-')));
  const out = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  const info = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = (info[0]?.files ?? []).map((f) => f.path).sort();
  scratch = path.join(work, 'project');
  mkdirSync(scratch);
  // What `npm init -y` writes, near enough.
  writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify({ name: 'compliance-reports', version: '1.0.0', private: true }, null, 2)}\n`);
  await npm(['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, info[0]?.filename as string)], scratch);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(path.dirname(scratch), { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds what runs and nothing of the development tree', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'bin/ir-lint.js', 'bin/package.json', 'dist/ir-lint.cjs', 'dist/ir-lint-worker.cjs', 'dist/ir-lint.cjs.cache', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/testing/index.js', 'dist/src/cli/bin.js', 'dist/src/cli/worker.js', 'docs/rules.md']) {
      expect(packed).toContain(f);
    }
    // Compiled JavaScript and type declarations only: no TypeScript sources, tests, fixtures, scripts or build leftovers.
    expect(packed.filter((f) => !/^(?:bin|dist|docs)\/|^(?:package\.json|README\.md|LICENSE)$/.test(f))).toEqual([]);
    expect(packed.filter((f) => (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.includes('import-meta-shim') || /\.test\.ts$/.test(f))).toEqual([]);
    expect(packed.filter((f) => /^(?:test|fixtures|bench|scripts|src|rules|node_modules)\//.test(f))).toEqual([]);
  });

  it('installs without dev dependencies', () => {
    const installed = readdirSync(path.join(scratch, 'node_modules'));
    expect(installed).toContain('ir-lint');
    for (const dev of ['vitest', 'typescript', 'esbuild', 'tsx', 'eslint']) expect(installed).not.toContain(dev);
  });
});

const seedName = HAS_CORPUS ? readdirSync(path.join(CORPUS_DIR, 'seeds')).find((n) => n.startsWith('002_')) : undefined;
if (seedName === undefined) console.log(`installed-package --fix on seed 002 skipped: no corpus at ${CORPUS_DIR}`);
const nodes = [process.execPath, ...otherNodes()];
if (nodes.length === 1) console.log(`installed package: run on this Node (${process.version}) only; set IR_LINT_TEST_NODES to run it on other Nodes too`);

const HOUSE_RULE = `import { defineRule } from 'ir-lint';

export default defineRule({
  meta: {
    id: 'acme-no-codename',
    description: 'Disallow the internal code name in a public report.',
    severity: 'error',
    messages: { codename: 'Internal code name "{{name}}" in a public report.' },
  },
  check(report, ctx) {
    for (const line of report.lines) {
      const i = line.raw.indexOf('BLUEFIN');
      if (i >= 0) ctx.report({ messageId: 'codename', data: { name: 'BLUEFIN' }, loc: { start: line.start + i, end: line.start + i + 7 } });
    }
  },
});
`;

for (const node of nodes) {
  describe(`the installed ir-lint on ${node === process.execPath ? `this Node (${process.version})` : node}`, { timeout: 60_000 }, () => {
    let dir = '';
    const run = async (args: string[]) => {
      const r = await spawnText(path.join(scratch, 'node_modules', '.bin', 'ir-lint'), args, { cwd: dir, env: childEnv({ PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}` }) });
      return { ...r, stdout: r.stdout.split(dir).join('<dir>') };
    };
    beforeAll(() => {
      // A folder of reports inside the scratch project, as a compliance repository has.
      dir = mkdtempSync(path.join(scratch, 'reports-'));
    });

    it('runs on that Node', async () => {
      const r = await spawnText(path.join(scratch, 'node_modules', '.bin', 'ir-lint'), ['--version'], { cwd: scratch, env: childEnv({ PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}` }) });
      expect(r).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string}\n`, stderr: '' });
      const v = await spawnText('node', ['--version'], { cwd: scratch, env: childEnv({ PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}` }) });
      const want = await spawnText(node, ['--version'], { cwd: scratch, env: childEnv() });
      expect(v.stdout).toBe(want.stdout);
    });

    it('lints a report: exit 1 and the findings by rule and line', async () => {
      copyFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-preliminary-broken.md'), path.join(dir, 'broken.md'));
      const r = await run(['--now', '2025-12-01', '-f', 'compact', 'broken.md']);
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
        'broken.md:1:3: warning title-format',
        'broken.md:3:4: warning contained-or-ongoing',
        'broken.md:5:5: error field-required',
        'broken.md:7:111: error no-placeholder',
        'broken.md:8:3: error field-empty',
      ]);
      expect(r.stderr).toBe('');
    });

    it('exits 0 with no output on a clean report', async () => {
      copyFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-full-clean.md'), path.join(dir, 'clean.md'));
      expect(await run(['--now', '2025-12-01', 'clean.md'])).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('--fix rewrites a due date in place; --fix-dry-run writes nothing', async () => {
      const before = readFileSync(path.join(ROOT, 'fixtures', 'fix', 'action-item-due-date.md'), 'utf8');
      writeFileSync(path.join(dir, 'due.md'), before);
      const dry = await run(['--now', '2025-12-01', '--fix-dry-run', 'due.md']);
      expect(dry.stdout).toMatch(/^-\| Update the problem reporting contact in CCADB \| Prevent \| 2024-4-20 \|\n(?:-.*\n)*\+\| Update the problem reporting contact in CCADB \| Prevent \| 2024-04-20 \|$/m);
      expect(readFileSync(path.join(dir, 'due.md'), 'utf8')).toBe(before);
      const r = await run(['--now', '2025-12-01', '-f', 'compact', '--fix', 'due.md']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1); // 03/04/2024 is ambiguous: no fix, still an error
      expect(r.stdout).toMatch(/^due\.md:\d+:\d+: error action-item-due-date .*03\/04\/2024/m);
      const after = readFileSync(path.join(dir, 'due.md'), 'utf8');
      expect(after).toContain('| Update the problem reporting contact in CCADB | Prevent | 2024-04-20 |');
      expect(after).not.toContain('2024-4-20');
      expect(readdirSync(dir).filter((f) => f.includes('.irlint.tmp'))).toEqual([]);
    });

    it.skipIf(seedName === undefined)('--fix on a copy of corpus seed 002 writes 2024-04-20', async () => {
      const before = readFileSync(path.join(CORPUS_DIR, 'seeds', seedName as string), 'utf8');
      writeFileSync(path.join(dir, 'seed-002.md'), before);
      const r = await run(['--now', '2025-12-01', '-f', 'compact', '--fix', 'seed-002.md']);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(/Cannot (?:write|fix)/);
      const line = /^(Update the contact email .* Prevent )2024-4-20$/m;
      expect(before).toMatch(line);
      expect(readFileSync(path.join(dir, 'seed-002.md'), 'utf8')).toBe(before.replace(line, '$12024-04-20'));
    });

    it('loads a plugin that imports ir-lint, named in a config', async () => {
      const sub = path.join(dir, 'house');
      mkdirSync(path.join(sub, 'rules'), { recursive: true });
      writeFileSync(path.join(sub, 'rules', 'house.mjs'), HOUSE_RULE);
      writeFileSync(path.join(sub, '.irlintrc.json'), '{ "plugins": ["./rules/house.mjs"] }\n');
      const report = readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-preliminary-clean.md'), 'utf8').replace('after a signing job', 'after the BLUEFIN signing job');
      writeFileSync(path.join(sub, 'r.md'), report);
      const line = report.split('\n').findIndex((l) => l.includes('BLUEFIN')) + 1;
      const col = (report.split('\n')[line - 1] as string).indexOf('BLUEFIN') + 1;
      const r = await run(['--now', '2025-12-01', '-f', 'compact', 'house/r.md']);
      expect(r).toEqual({ code: 1, stdout: `house/r.md:${line}:${col}: error acme-no-codename Internal code name "BLUEFIN" in a public report.\n`, stderr: '' });
      const list = await run(['--list-rules', '-c', 'house/.irlintrc.json']);
      expect(list.stdout).toMatch(/^acme-no-codename +error .*\(plugin\)$/m);
    });

    it('exposes the public API and ir-lint/testing with production dependencies only', async () => {
      const script = "import { lintText, defineRule, z } from 'ir-lint'; import { RuleTester } from 'ir-lint/testing'; console.log(typeof lintText, typeof defineRule, typeof z.object, typeof RuleTester);";
      const r = await spawnText(node, ['--input-type=module', '-e', script], { cwd: scratch, env: childEnv() });
      expect(r).toEqual({ code: 0, stdout: 'function function function function\n', stderr: '' });
    });
  });
}
