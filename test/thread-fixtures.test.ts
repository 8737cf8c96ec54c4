/**
 * Whole bug threads in fixtures/threads/ against their expected output
 * (`<name>.expected.txt`: one compact line per finding, `path#cN:line:col`
 * for a finding in comment N, then one `deadline:` line per open
 * obligation), each judged at its export's `fetched` time through `lint()`
 * with the folder's config file (its caAccounts). Regenerate with
 * UPDATE_FIXTURES=1 npm test, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { lint } from '../src/api.js';
import { nodeIo } from '../src/cli/node-io.js';
import type { LintResult } from '../src/types.js';

const root = path.join(import.meta.dirname, '..');
const dir = path.join(root, 'fixtures', 'threads');
const update = process.env['UPDATE_FIXTURES'] === '1';
const names = readdirSync(dir).filter((f) => f.endsWith('.bug.json')).sort();

/** The time each fixture is judged at: when it was fetched. */
export function fixtureNow(text: string): string {
  return (JSON.parse(text) as { fetched: string }).fetched;
}

/** The expected-output lines of a thread's result. */
export function threadLines(file: string, r: LintResult): string[] {
  const lines = r.messages.map((m) => `${file}${m.comment !== undefined ? `#c${m.comment}` : ''}:${m.line}:${m.column}: ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId ?? 'ir-lint'} ${m.message}`);
  for (const d of r.deadlines ?? []) lines.push(`deadline: ${d.obligation} due ${d.due} (${d.basis})`);
  return lines;
}

async function lintFixture(name: string): Promise<LintResult> {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const io = { ...nodeIo(), cwd: root };
  return lint({ text, filePath: path.join(dir, name), now: fixtureNow(text), config: 'file' }, { io });
}

describe('fixture threads', () => {
  it('has the threads the lifecycle needs: real ones, a clean one, a late one, an open one, private and spam comments, a malformed export', () => {
    for (const n of ['1927675.bug.json', '1888881.bug.json', '1955799.bug.json', '1999001-clean.bug.json', '1999002-late.bug.json', '1999003-next-update.bug.json', '1999004-private-spam.bug.json', '1999005-malformed.bug.json']) {
      expect(names).toContain(n);
    }
  });

  it('says in each file what is real and what was written', () => {
    for (const n of names) expect((JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as { note?: string }).note ?? '', n).toMatch(/real|Written/);
  });

  for (const name of names) {
    it(name, async () => {
      const file = `fixtures/threads/${name}`;
      const actual = threadLines(file, await lintFixture(name)).join('\n');
      const expectedPath = path.join(dir, name.replace(/\.bug\.json$/, '.expected.txt'));
      if (update) writeFileSync(expectedPath, actual ? `${actual}\n` : '');
      expect(existsSync(expectedPath), `${expectedPath} is missing; run UPDATE_FIXTURES=1 npm test`).toBe(true);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8').trimEnd());
    });
  }

  it('the clean thread has no finding at all, and being closed, no deadline', async () => {
    const r = await lintFixture('1999001-clean.bug.json');
    expect(r.messages).toEqual([]);
    expect(r.deadlines).toEqual([]);
  });

  it('the malformed export is one fatal message naming the field', async () => {
    const r = await lintFixture('1999005-malformed.bug.json');
    expect(r.fatalError).toBe(true);
    expect(r.messages.map((m) => [m.line, m.message])).toEqual([[49, 'Cannot read the bug export: comments[2].creation_time: expected an ISO time, got "3 months ago".']]);
  });

  it('lints the CA\'s reports only: not the reviewer\'s closure template (1888881 comment 8), not private or spam comments', async () => {
    const cfca = await lintFixture('1888881.bug.json');
    // No report rule there (a lifecycle rule may point at it: it asked the CA for something).
    expect(cfca.messages.some((m) => m.comment === 8 && !m.ruleId?.startsWith('bug-'))).toBe(false);
    expect(cfca.messages.some((m) => m.comment === 1)).toBe(true);
    const quiet = await lintFixture('1999004-private-spam.bug.json');
    expect(quiet.messages.filter((m) => m.comment === 1 || m.comment === 2)).toEqual([]);
    expect(quiet.thread?.comments[1]).toBeUndefined();
    expect(quiet.thread?.comments[2]).toBeUndefined();
  });

  it('the open thread with Next update 2025-12-05 shows that deadline (with the lifecycle rules registered)', async () => {
    const r = await lintFixture('1999003-next-update.bug.json');
    expect(r.thread?.open).toBe(true);
    if (!rules.some((x) => x.meta.id === 'bug-update-cadence')) return;
    expect(r.deadlines?.[0]).toMatchObject({ obligation: expect.stringMatching(/update/), due: expect.stringMatching(/^2025-12-0[56]/) });
  });
});
