/** parse, engine, rules and format never touch the file system or the process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../scripts/regex-audit.js';

const root = path.join(import.meta.dirname, '..');

// src/config reads config files and plugins only through the Io it is given.
const pure = ['src/parse', 'src/engine', 'src/format', 'src/config', 'src/lsp', 'rules'].flatMap((d) => tsFiles(path.join(root, d)));
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
