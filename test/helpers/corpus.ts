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

/** Seeds carry no date header: the day each was posted, near its last comment. */
const SEED_NOW: Record<string, string> = { '000_': '2022-06-03', '001_': '2024-12-15', '002_': '2024-04-30', '003_': '2024-03-21', '004_': '2020-03-31' };

/**
 * The day a corpus file is judged as of: for a seed, when it was posted; for
 * a real report, three days after the latest date on its `date:` header line
 * (a month alone counts as its 28th).
 */
export function corpusNow(f: CorpusFile): string {
  for (const [prefix, day] of Object.entries(SEED_NOW)) if (f.name.startsWith(`seeds/${prefix}`)) return day;
  const line = /^date:(.*)$/m.exec(f.text.slice(0, 2000))?.[1] ?? '';
  const days = [...line.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]).sort();
  let d = days[days.length - 1];
  if (!d) {
    const m = /\d{4}-\d{2}/.exec(line);
    d = m ? `${m[0]}-28` : '2024-03-25';
  }
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 3);
  return t.toISOString().slice(0, 10);
}
