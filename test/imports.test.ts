/** parse, engine, rules and format never touch the file system or the process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../scripts/regex-audit.js';

const root = path.join(import.meta.dirname, '..');

// src/config reads config files and plugins only through the Io it is given.
const pure = ['src/parse', 'src/engine', 'src/format', 'src/config', 'rules'].flatMap((d) => tsFiles(path.join(root, d)));
pure.push(...['src/model.ts', 'src/templates.ts', 'src/types.ts', 'src/query.ts', 'src/decode.ts', 'src/suggest.ts', 'src/docs.ts', 'src/index.ts', 'src/action/run.ts'].map((f) => path.join(root, f)));

describe('pure modules', () => {
  for (const file of pure) {
    it(path.relative(root, file), () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from ['"](?:node:)?(?:fs|fs\/promises|child_process|net|http|https)['"]/);
      expect(text).not.toMatch(/\bprocess\.(?:env|argv|exit|cwd|stdout|stderr)/);
      expect(text).not.toMatch(/\bDate\.now\(|new Date\(\)/);
    });
  }
});

// The browser build: src/web runs in a page, a Web Worker and a content script. It reaches the engine
// through src/api.ts; the Node modules the engine names (node:path, node:url, src/lazy.ts) are swapped
// for browser stand-ins by scripts/build-web.mjs, which refuses any other node: import.
describe('browser modules', () => {
  for (const file of tsFiles(path.join(root, 'src', 'web'))) {
    it(path.relative(root, file), () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from ['"]node:|from ['"](?:fs|path|url|module|crypto|vm)['"]|\brequire\(/);
      expect(text).not.toMatch(/\bprocess\.|\bBuffer\b/);
      // Nothing that sends the text anywhere.
      expect(text).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/);
    });
  }
});
