#!/usr/bin/env node
'use strict';
// ir-lint command-line entry. `npm run build` (run by npm ci) compiles the
// TypeScript to dist/ and bundles it into dist/ir-lint.cjs with a V8 code
// cache, so that a run on one report starts in about Node's own start-up
// time. Without the bundle, the compiled modules are loaded directly.
// This file is CommonJS (bin/package.json): Node starts a CommonJS entry a
// few milliseconds sooner than an ES module one.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'ir-lint.cjs');

function fail(error) {
  process.stderr.write(`ir-lint: cannot start (${error && error.message}); run "npm run build" first\n`);
  process.exitCode = 2;
}

function loadBundle() {
  const cacheFile = `${bundle}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The bundle is ASCII (scripts/bundle.mjs checks); latin1 decodes it faster than utf8.
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'latin1')), {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, dist);
  // The cache is written at build time only (scripts/bundle.mjs asks for it).
  const writeCache = process.env.IR_LINT_WRITE_CODE_CACHE === '1';
  return { run: module.exports.run, done: () => writeCache && writeFileSync(cacheFile, script.createCachedData()) };
}

if (existsSync(bundle)) {
  let entry;
  try {
    entry = loadBundle();
  } catch (error) {
    fail(error);
  }
  // Plugins are ES modules: the bundle imports them through this module.
  if (entry) {
    entry.run({ importModule: (url) => import(url) }).then((outcome) => {
      entry.done();
      // Everything is written: end now rather than tear down the heap first.
      if (outcome && outcome.exitNow) process.exit();
    }, fail);
  }
} else {
  import('../dist/src/cli/bin.js').then((m) => m.run(), fail).then((outcome) => {
    if (outcome && outcome.exitNow) process.exit();
  });
}
