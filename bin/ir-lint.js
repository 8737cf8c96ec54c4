#!/usr/bin/env node
// ir-lint command-line entry. The TypeScript build lives in dist/ (npm run build, run by npm ci).
import('../dist/src/cli/bin.js').then(
  (m) => m.run(),
  (error) => {
    process.stderr.write(`ir-lint: cannot start (${error && error.message}); run "npm run build" first\n`);
    process.exitCode = 2;
  },
);
