/** The shared corpus of real reports, when it sits beside the project (CI has it; a user's clone does not). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = process.env['IR_LINT_CORPUS'] ?? path.join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
export const HAS_CORPUS = existsSync(path.join(CORPUS_DIR, 'seeds'));

if (!HAS_CORPUS && !(globalThis as { __irLintCorpusWarned?: boolean }).__irLintCorpusWarned) {
  (globalThis as { __irLintCorpusWarned?: boolean }).__irLintCorpusWarned = true;
  console.warn(`corpus tests skipped: no corpus at ${CORPUS_DIR} (set IR_LINT_CORPUS to run them)`);
}

export interface CorpusFile {
  name: string;
  path: string;
  text: string;
  /** The `format:` line of a real report's header comment. */
  format?: string;
}

export function corpusFiles(): CorpusFile[] {
  if (!HAS_CORPUS) return [];
  const out: CorpusFile[] = [];
  for (const sub of ['seeds', 'real']) {
    const dir = path.join(CORPUS_DIR, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const text = readFileSync(p, 'utf8');
      const format = /^format:\s*(.+)$/m.exec(text.slice(0, 2000))?.[1]?.trim();
      const f: CorpusFile = { name: `${sub}/${name}`, path: p, text };
      if (format) f.format = format;
      out.push(f);
    }
  }
  return out;
}

export function seed(prefix: string): string {
  const dir = path.join(CORPUS_DIR, 'seeds');
  const name = readdirSync(dir).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(dir, name), 'utf8');
}
