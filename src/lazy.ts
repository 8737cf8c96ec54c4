/**
 * Dependencies most runs do not need, loaded on first use: the YAML parser
 * (front matter and YAML config files), glob matching (ignores) and the diff
 * printer (--fix-dry-run), node:crypto (temp file names for --fix), node:vm (plugin rules' time budget), jsonc-parser (.irlintrc.json). Loading them up front would cost every run on a
 * plain report a few milliseconds of start-up.
 *
 * In the bundled CLI `require` is the bundler's own and the module is already
 * in the bundle (initialised on first call); in the compiled ES modules it is
 * Node's require, made for this file.
 */
import { createRequire } from 'node:module';
import { once } from './memo.js';

type Yaml = typeof import('yaml');
type Picomatch = typeof import('picomatch');
type Diff = typeof import('diff');
type Crypto = typeof import('node:crypto');
type Vm = typeof import('node:vm');
type Jsonc = typeof import('jsonc-parser');

const nodeRequire = typeof require === 'function' ? undefined : createRequire(import.meta.url);

// Each names its module in a literal require(), which the bundler needs to see.
export const yaml = once((): Yaml => (nodeRequire ? nodeRequire('yaml') : require('yaml')) as Yaml);
export const picomatch = once((): Picomatch => (nodeRequire ? nodeRequire('picomatch') : require('picomatch')) as Picomatch);
export const diff = once((): Diff => (nodeRequire ? nodeRequire('diff') : require('diff')) as Diff);
// A built-in: the bundle keeps this require() as Node's own. (A dynamic import()
// would not work there: bin/ir-lint.js runs the bundle in a vm.Script, which has
// no dynamic-import callback.)
export const crypto = once((): Crypto => (nodeRequire ? nodeRequire('node:crypto') : require('node:crypto')) as Crypto);
// node:vm runs plugin rules under the --rule-timeout budget on the main thread (src/cli/budget.ts).
export const vm = once((): Vm => (nodeRequire ? nodeRequire('node:vm') : require('node:vm')) as Vm);
// JSON with comments (.irlintrc.json). Its main entry is a UMD wrapper whose inner require() a bundler cannot
// follow, so the bundle takes the package's ES module build; Node loads the UMD one.
// (The bundle's import.meta.url is its own file, dist/ir-lint.cjs or dist/ir-lint-worker.cjs.)
const bundled = import.meta.url.endsWith('.cjs');
export const jsonc = once((): Jsonc => (bundled ? require('jsonc-parser/lib/esm/main.js') : createRequire(import.meta.url)('jsonc-parser')) as Jsonc);
