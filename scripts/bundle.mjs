// Bundle the CLI into one file (dist/ir-lint.cjs) so that start-up does not
// resolve and compile a few hundred modules, then record V8's code cache for
// it by linting a sample report once (dist/ir-lint.cjs.cache). Both are
// written at build time only; at run time bin/ir-lint.js only reads them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleProblems } from './bundle-check.mjs';

const root = path.join(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'ir-lint.cjs');
const shim = path.join(root, 'dist', 'import-meta-shim.js');
writeFileSync(shim, "export const import_meta_url = require('node:url').pathToFileURL(__filename).href;\n");
// commander requires node:child_process at load time, for executable
// subcommands ir-lint does not have; loading that built-in costs several
// milliseconds of every start. Its uses go through a proxy that loads it on
// first access.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; const get = () => (m ??= require('node:child_process'));\nmodule.exports = new Proxy({}, { get: (_, k) => get()[k], has: (_, k) => k in get() });\n",
      loader: 'js',
    }));
  },
};
// The language server is a bundle of its own (below), which src/cli/lsp.ts requires
// from beside this one on --lsp; its compiled-module branch (an import() of
// src/lsp) is dead code here, where IR_LINT_BUNDLE is true, and is dropped.
const lspExternal = {
  name: 'lsp-external',
  setup(b) {
    b.onResolve({ filter: /^(?:\.\/ir-lint-lsp\.cjs|\.\.\/lsp\/index\.js)$/ }, (args) => (/[\\/]cli[\\/]lsp\.[jt]s$/.test(args.importer) ? { path: args.path, external: true } : undefined));
  },
};
const common = {
  plugins: [lazyChildProcess, lspExternal],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  inject: [shim],
  define: { 'import.meta.url': 'import_meta_url', IR_LINT_BUNDLE: 'true' },
  logLevel: 'warning',
  legalComments: 'none',
};
await build({ ...common, entryPoints: [path.join(root, 'dist', 'src', 'cli', 'bin.js')], outfile: out });
// The lint worker (src/cli/worker.ts) as one file too: each worker thread starts from it.
await build({ ...common, entryPoints: [path.join(root, 'dist', 'src', 'cli', 'worker.js')], outfile: path.join(root, 'dist', 'ir-lint-worker.cjs') });
// The language server (--lsp), loaded by the CLI bundle only when asked for.
const lspOut = path.join(root, 'dist', 'ir-lint-lsp.cjs');
// It talks over stdin and stdout only: the socket and named-pipe transports of
// vscode-jsonrpc, never started, get a node:net that refuses, so that the bundle
// holds no network module (test/security.test.ts).
const stdioOnly = {
  name: 'stdio-only',
  setup(b) {
    b.onResolve({ filter: /^(node:)?net$/ }, (args) => (/[\\/]vscode-jsonrpc[\\/]/.test(args.importer) ? { path: 'net', namespace: 'stdio-only' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'stdio-only' }, () => ({
      contents: "const refuse = () => { throw new Error('ir-lint --lsp talks over stdin and stdout only'); };\nmodule.exports = { createConnection: refuse, createServer: refuse, connect: refuse };\n",
      loader: 'js',
    }));
  },
};
await build({ ...common, plugins: [...common.plugins, stdioOnly], entryPoints: [path.join(root, 'dist', 'src', 'lsp', 'index.js')], outfile: lspOut });
rmSync(shim);
// bin/ir-lint.js reads the bundle as latin1 and runs it without a dynamic-import
// callback: refuse a bundle it could not run (scripts/bundle-check.mjs).
const problems = [out, path.join(root, 'dist', 'ir-lint-worker.cjs'), lspOut].flatMap((file) => bundleProblems(path.relative(root, file), readFileSync(file)));
if (problems.length > 0) {
  for (const p of problems) console.error(`bundle: ${p}`);
  // bin/ir-lint.js then runs the compiled modules in dist/src, which have no such limits.
  for (const file of [out, `${out}.cache`, path.join(root, 'dist', 'ir-lint-worker.cjs'), lspOut]) rmSync(file, { force: true });
  process.exit(1);
}
rmSync(`${out}.cache`, { force: true });
// One real run produces the code cache (the loader writes it when asked to).
// The sample is the clean v3 fixture without its front matter: the cache then
// holds what a run on a plain report compiles, and code that only some runs
// need (the YAML parser, other formats) is compiled when it is first used
// instead of being deserialized by every run.
const sample = path.join(root, 'fixtures', 'reports', 'v3-full-clean.md');
if (existsSync(sample)) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ir-lint-cache-'));
  try {
    const plain = path.join(dir, 'report.md');
    writeFileSync(plain, readFileSync(sample, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    spawnSync(process.execPath, [path.join(root, 'bin', 'ir-lint.js'), '--now', '2025-12-01', plain], {
      cwd: dir,
      env: { ...process.env, IR_LINT_WRITE_CODE_CACHE: '1' },
      stdio: 'ignore',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
