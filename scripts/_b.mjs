import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/shim.js', "export const import_meta_url = require('node:url').pathToFileURL(__filename).href;\n");
const lazyChildProcess = { name: 'l', setup(b) { b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => /[\\/]commander[\\/]/.test(a.importer) ? { path: 'child_process', namespace: 'lb' } : undefined); b.onLoad({ filter: /.*/, namespace: 'lb' }, () => ({ contents: "let m; const get = () => (m ??= require('node:child_process'));\\nmodule.exports = new Proxy({}, { get: (_, k) => get()[k], has: (_, k) => k in get() });\\n", loader: 'js' })); } };
await build({ plugins: [lazyChildProcess], bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: false, inject: ['/tmp/shim.js'], define: { 'import.meta.url': 'import_meta_url' }, entryPoints: ['dist/src/cli/bin.js'], outfile: 'dist/ir-lint.cjs', logLevel: 'error' });
