import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/shim.js', "export const import_meta_url = require('node:url').pathToFileURL(__filename).href;\n");
const ext = (process.env.EXT || '').split(',').filter(Boolean);
await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, inject: ['/tmp/shim.js'], define: { 'import.meta.url': 'import_meta_url' }, entryPoints: ['dist/src/cli/bin.js'], outfile: 'dist/ir-lint.cjs', logLevel: 'error', legalComments: 'none',
  plugins: [{ name: 'stub', setup(b) { b.onResolve({ filter: new RegExp(`^(${ext.join('|') || 'NONE'})($|/)`) }, (a) => ({ path: a.path, namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = new Proxy({}, { get: () => function(){ return {}; } });', loader: 'js' })); } }] });
