// Preloaded into the language server by bench/lsp.ts (node --expose-gc -r ...):
// on SIGUSR2, collect garbage and print the heap on stderr, one JSON line.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const m = process.memoryUsage();
  process.stderr.write(`heap ${JSON.stringify({ heapUsed: m.heapUsed, rss: m.rss })}\n`);
});
