/**
 * src/lazy.ts for the browser build (scripts/build-web.mjs puts this file in
 * its place): the same names, with the dependencies bundled directly. A page
 * has no Node `require`, and what the CLI loads lazily to save start-up is
 * part of the one bundle here. node:crypto (temp file names for --fix) and
 * node:vm (plugin time budget) have no use in the browser: calling them says so.
 */
import * as yamlModule from 'yaml';
import picomatchModule from 'picomatch';
import * as diffModule from 'diff';
import * as jsoncModule from 'jsonc-parser';

type Yaml = typeof import('yaml');
type Picomatch = typeof import('picomatch');
type Diff = typeof import('diff');
type Crypto = typeof import('node:crypto');
type Vm = typeof import('node:vm');
type Jsonc = typeof import('jsonc-parser');

function unavailable(name: string): never {
  throw new Error(`${name} is not available in the browser build`);
}

export const yaml = (): Yaml => yamlModule;
export const picomatch = (): Picomatch => picomatchModule;
export const diff = (): Diff => diffModule;
export const jsonc = (): Jsonc => jsoncModule;
export const crypto = (): Crypto => unavailable('node:crypto');
export const vm = (): Vm => unavailable('node:vm');
