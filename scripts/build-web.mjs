// `npm run build:web`: the browser builds of ir-lint, from the TypeScript
// sources (src/web/), with esbuild.
//
//   dist/web/index.html       one self-contained page (styles, the page
//                             script and the Web Worker's code inline; the
//                             worker starts from a blob: URL, so the page
//                             works from file:// with no server)
//   dist/web/extension/       an unpacked Manifest V3 extension (Chromium and
//                             Firefox) whose content script checks the comment
//                             box of bugzilla.mozilla.org bug pages
//
// The engine is the CLI's (src/api.ts `lint()` and the rules) with three
// swaps for the browser: node:path is path-browserify (Node's own POSIX path
// code), node:url a two-function shim, and src/lazy.ts the bundled
// src/web/shims/lazy.ts. Any other node: import fails the build. The bundles
// are resolved with the `worker` condition: decode-named-character-reference's
// `browser` build uses `document`, which a Web Worker does not have.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const web = path.join(root, 'src', 'web');
export const WEB_DIR = path.join(root, 'dist', 'web');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The browser's stand-ins for what the engine imports from Node. */
const browserShims = {
  name: 'ir-lint-browser-shims',
  setup(b) {
    b.onResolve({ filter: /^node:path$|^path$/ }, () => ({ path: require.resolve('path-browserify') }));
    b.onResolve({ filter: /^node:url$/ }, () => ({ path: path.join(web, 'shims', 'url.ts') }));
    b.onResolve({ filter: /(^|\/)lazy\.js$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return target === path.join(root, 'src', 'lazy.ts') ? { path: path.join(web, 'shims', 'lazy.ts') } : undefined;
    });
    b.onResolve({ filter: /^node:/ }, (args) => ({ errors: [{ text: `${args.path} (imported by ${path.relative(root, args.importer)}) has no browser stand-in` }] }));
  },
};

/** One IIFE bundle's text, ASCII only (esbuild escapes code; comments are dropped by minify). */
async function bundle(entry, define = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(web, entry)],
    bundle: true,
    platform: 'browser',
    conditions: ['worker', 'browser'],
    format: 'iife',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    minify: true,
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    define: { 'import.meta.url': '"about:blank"', ...define },
    plugins: [browserShims],
    logLevel: 'warning',
  });
  const text = result.outputFiles[0].text;
  const bad = /[^\x00-\x7f]/.exec(text);
  if (bad) throw new Error(`${entry}: the bundle holds a non-ASCII character at ${bad.index}`);
  return text;
}

/** Script text safe inside an inline <script>: no `</script` or `<!--` can end or confuse it. */
function inlineScript(code) {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function writeAtomic(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export function manifest() {
  return {
    manifest_version: 3,
    name: 'ir-lint for Bugzilla',
    version: pkg.version,
    description: 'Checks the comment box of bugzilla.mozilla.org bug pages against the CCADB Incident Reporting Guidelines before you post. The text never leaves the page.',
    content_scripts: [{ matches: ['https://bugzilla.mozilla.org/*'], js: ['content.js'], css: ['content.css'], run_at: 'document_idle' }],
    browser_specific_settings: { gecko: { id: 'ir-lint@ir-lint.invalid', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } },
  };
}

export async function buildWeb(out = WEB_DIR) {
  const workerCode = await bundle('worker.ts');
  const pageCode = await bundle('page.ts', { __IR_LINT_WORKER__: JSON.stringify(workerCode) });
  const css = readFileSync(path.join(web, 'page.css'), 'utf8');
  const template = readFileSync(path.join(web, 'index.html'), 'utf8');
  const html = template
    .replace('{{VERSION}}', pkg.version)
    .replace('/*STYLE*/', () => css)
    .replace('/*SCRIPT*/', () => inlineScript(pageCode));
  if (/[^\x00-\x7f]/.test(html)) throw new Error('index.html: non-ASCII text in the page');
  const contentCode = await bundle('content.ts');
  rmSync(out, { recursive: true, force: true });
  writeAtomic(path.join(out, 'index.html'), html);
  const ext = path.join(out, 'extension');
  writeAtomic(path.join(ext, 'manifest.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
  writeAtomic(path.join(ext, 'content.js'), contentCode);
  writeAtomic(path.join(ext, 'content.css'), readFileSync(path.join(web, 'content.css'), 'utf8'));
  return { html, contentCode, workerCode };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { html, contentCode } = await buildWeb();
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const size = (text) => `${kib(Buffer.byteLength(text))} minified, ${kib(gzipSync(text, { level: 9 }).length)} gzipped`;
  console.log(`dist/web/index.html: ${size(html)}`);
  console.log(`dist/web/extension/content.js: ${size(contentCode)}`);
}
