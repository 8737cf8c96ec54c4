import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // What a house rule imports from the package, served from the sources (no build needed).
  resolve: {
    alias: [
      { find: /^ir-lint\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^ir-lint$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    // docs/examples: the README's house rule and its test, run so they cannot rot.
    include: ['test/**/*.test.ts', 'docs/examples/**/*.test.mjs'],
    testTimeout: 20000,
  },
});
