/**
 * The browser build (`npm run build:web`, scripts/build-web.mjs), made once
 * per test file into its own temporary folder so that test files running at
 * the same time do not rebuild each other's output.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './bin.js';

export interface WebBuild {
  dir: string;
  page: string;
  extension: string;
  workerCode: string;
}

interface BuildWeb {
  buildWeb(out: string): Promise<{ html: string; contentCode: string; workerCode: string }>;
}

let built: Promise<WebBuild> | undefined;

export function webBuild(): Promise<WebBuild> {
  built ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-web-'));
    const mod = (await import(path.join(ROOT, 'scripts', 'build-web.mjs'))) as BuildWeb;
    const { workerCode } = await mod.buildWeb(dir);
    return { dir, page: path.join(dir, 'index.html'), extension: path.join(dir, 'extension'), workerCode };
  })();
  return built;
}
