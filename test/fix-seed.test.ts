/**
 * The acceptance check on a real report: --fix on a copy of seed 002
 * (a rendered Bugzilla page) changes only the due date `2024-4-20` to
 * `2024-04-20`; --fix-dry-run shows exactly that diff and leaves the file as
 * it was. Skipped without the corpus.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { nodeIo } from '../src/cli/node-io.js';
import type { Io } from '../src/io.js';
import { CORPUS_DIR, HAS_CORPUS } from './helpers/corpus.js';

const seedName = HAS_CORPUS ? readdirSync(path.join(CORPUS_DIR, 'seeds')).find((n) => n.startsWith('002_')) : undefined;

describe.skipIf(seedName === undefined)('--fix on seed 002', { timeout: 30_000 }, () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-seed-'));
    file = path.join(dir, 'report.txt');
    copyFileSync(path.join(CORPUS_DIR, 'seeds', seedName as string), file);
    // The corpus is read-only (0444) and a copy keeps that mode; --fix refuses read-only files, so make the copy a user's draft.
    chmodSync(file, 0o644);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(argv: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const io: Io = { ...nodeIo(), argv, cwd: dir, env: {}, isTTY: false, stdout: (t) => (out += t), stderr: (t) => (out += t) };
    return main(io).then((code) => ({ code, out }));
  }

  const DATE_LINE = /^(Update the contact email .* Prevent )2024-4-20$/m;

  it('changes only the due date', async () => {
    const before = readFileSync(file, 'utf8');
    expect(before).toMatch(DATE_LINE);
    await run(['--now', '2025-12-01', '-f', 'compact', '--fix', 'report.txt']);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace(DATE_LINE, '$12024-04-20'));
  });

  it('--fix-dry-run shows that diff and leaves the file unchanged', async () => {
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const { out } = await run(['--now', '2025-12-01', '-f', 'compact', '--fix-dry-run', 'report.txt']);
    expect(readFileSync(file)).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
    const diff = out.slice(0, out.indexOf('\nreport.txt:') + 1);
    expect(diff).toMatch(/^--- a\/report\.txt\n\+\+\+ b\/report\.txt\n@@ -\d+,7 \+\d+,7 @@\n/);
    expect(diff.split('\n').filter((l) => /^[-+](?![-+]{2} [ab]\/)/.test(l))).toEqual([
      '-Update the contact email registered in the Problem Reporting Mechanism item in CCADB. And arrange for a dedicated person to check the reply regularly Prevent 2024-4-20',
      '+Update the contact email registered in the Problem Reporting Mechanism item in CCADB. And arrange for a dedicated person to check the reply regularly Prevent 2024-04-20',
    ]);
  });
});
