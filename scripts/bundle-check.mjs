// What bin/ir-lint.js can run: it reads the bundle as latin1 (right only for
// ASCII) and runs it in a vm.Script, which has no dynamic-import callback, so
// an import() left in the bundle throws "A dynamic import callback was not
// specified" at run time. The one import() allowed is the plugin loader, the
// node Io's `importModule` (src/cli/node-io.ts): bin/ir-lint.js replaces it
// with its own, and in a worker thread (a real CommonJS module) it works.
// Lazy loads go through src/lazy.ts (require) instead.

/** The plugin loader as esbuild writes it: `importModule:e=>import(`. */
const PLUGIN_LOADER = /importModule:\s*(?:[\w$]+|\([\w$]*\))\s*=>\s*$/;
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(/g;

/**
 * Problems that keep a bundle from running under bin/ir-lint.js, each a
 * sentence naming the file, the offset and the text around it; [] when none.
 * @param {string} name the file's name in messages
 * @param {Uint8Array} bytes the bundle's contents
 * @returns {string[]}
 */
export function bundleProblems(name, bytes) {
  const problems = [];
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at >= 0) {
    const around = Buffer.from(bytes.subarray(Math.max(0, at - 60), at + 10)).toString('utf8');
    problems.push(`${name} has a non-ASCII byte at offset ${at}: \u2026${around}\u2026 (write non-ASCII characters in source regexes and strings as \\u escapes)`);
  }
  const text = Buffer.from(bytes).toString('latin1');
  for (const m of text.matchAll(DYNAMIC_IMPORT)) {
    if (PLUGIN_LOADER.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const around = text.slice(Math.max(0, m.index - 60), m.index + 60);
    problems.push(`${name} has an import() at offset ${m.index}: \u2026${around}\u2026 (the bundle runs in a vm.Script without a dynamic-import callback: load it through src/lazy.ts)`);
  }
  return problems;
}
