import { build } from 'esbuild';
const r = await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, write: false, metafile: true, entryPoints: [process.argv[2] ?? 'dist/src/cli/bin.js'], outfile: '/tmp/x.cjs', define: { 'import.meta.url': '"file:///x"' }, logLevel: 'error' });
const inputs = Object.values(r.metafile.outputs)[0].inputs;
const by = {};
for (const [k, v] of Object.entries(inputs)) { const key = k.includes('node_modules/zod/') ? k.replace(/.*node_modules\//, '').split('/').slice(0, 4).join('/') : (k.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? k.split('/').slice(0, 3).join('/')); by[key] = (by[key] || 0) + v.bytesInOutput; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1024).toFixed(0).padStart(5)} KB ${k}`).join('\n'));
