/**
 * The build refuses a bundle that bin/ir-lint.js cannot run: a non-ASCII
 * byte, or an import() other than the plugin loader (the vm.Script the bin
 * runs it in has no dynamic-import callback).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleProblems } from '../scripts/bundle-check.mjs';

const root = path.join(import.meta.dirname, '..');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const LOADER = 'var io={importModule:e=>import((0,X.pathToFileURL)(Y.default.resolve(e)).href),cpus:1};';

describe('bundle check', () => {
  it('accepts the plugin loader and bundled lazy imports', () => {
    expect(bundleProblems('b.cjs', bytes(`${LOADER}var f=async()=>(await Promise.resolve().then(()=>(init_pool(),pool_exports))).lintInWorkers;`))).toEqual([]);
    expect(bundleProblems('b.cjs', bytes('var io={importModule:(e)=>import(e)};'))).toEqual([]);
  });

  it.each([
    ['a built-in', 'var c=async()=>(await import("node:crypto")).randomBytes;'],
    ['a package left external', 'var g=async()=>{const{glob:e}=await import("tinyglobby");return e}'],
    ['a computed specifier', 'var m=e=>import(e);'],
    ['a space before the parenthesis', 'var m=e=>import ("x");'],
  ])('refuses an import() of %s', (_, code) => {
    const problems = bundleProblems('dist/ir-lint.cjs', bytes(LOADER + code));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^dist\/ir-lint\.cjs has an import\(\) at offset \d+: .*import ?\(.*load it through src\/lazy\.ts\)$/s);
  });

  it('does not take a method call or a longer name for import()', () => {
    expect(bundleProblems('b.cjs', bytes('x.import("y");a$import(1);var reimport=1;'))).toEqual([]);
  });

  it('refuses a non-ASCII byte and says where', () => {
    const problems = bundleProblems('dist/ir-lint-worker.cjs', bytes(`${LOADER}var s="caf\u00e9";`));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^dist/ir-lint-worker\\.cjs has a non-ASCII byte at offset ${LOADER.length + 10}: .*caf`))]);
  });

  it.each(['ir-lint.cjs', 'ir-lint-worker.cjs'])('passes on the built %s', (name) => {
    const file = path.join(root, 'dist', name);
    if (!existsSync(file)) return void console.log(`dist/${name} not built; run npm run build`);
    expect(bundleProblems(`dist/${name}`, readFileSync(file))).toEqual([]);
  });
});
