// Bundle the CLI into one file (dist/ir-lint.cjs) so that start-up does not
// resolve and compile a few hundred modules, then record V8's code cache for
// it by linting a sample report once (dist/ir-lint.cjs.cache). Both are
// written at build time only; at run time bin/ir-lint.js only reads them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'ir-lint.cjs');
const shim = path.join(root, 'dist', 'import-meta-shim.js');
writeFileSync(shim, "export const import_meta_url = require('node:url').pathToFileURL(__filename).href;\n");
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  inject: [shim],
  define: { 'import.meta.url': 'import_meta_url' },
  logLevel: 'warning',
  legalComments: 'none',
};
await build({ ...common, entryPoints: [path.join(root, 'dist', 'src', 'cli', 'bin.js')], outfile: out });
// The lint worker (src/cli/worker.ts) as one file too: each worker thread starts from it.
await build({ ...common, entryPoints: [path.join(root, 'dist', 'src', 'cli', 'worker.js')], outfile: path.join(root, 'dist', 'ir-lint-worker.cjs') });
rmSync(shim);
rmSync(`${out}.cache`, { force: true });
// One real run produces the code cache (the loader writes it when asked to).
const sample = path.join(root, 'fixtures', 'reports', 'v3-full-clean.md');
if (existsSync(sample)) {
  spawnSync(process.execPath, [path.join(root, 'bin', 'ir-lint.js'), '--now', '2025-12-01', sample], {
    env: { ...process.env, IR_LINT_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
}
