/**
 * --explain renders a rule's examples with what the rule reports on them,
 * without loading the test harness (src/testing): the examples run through
 * src/examples.ts, which the RuleTester uses too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleById } from '../rules/index.js';
import { renderExplain } from '../src/docs.js';

const ROOT = path.join(import.meta.dirname, '..');

/** Every module of src/ and rules/ a module reaches through its imports (type imports included). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [path.join(ROOT, entry)];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), (m[1] as string).replace(/\.js$/, '.ts'));
      if (existsSync(target)) stack.push(target);
    }
  }
  return new Set([...seen].map((f) => path.relative(ROOT, f).split(path.sep).join('/')));
}

describe('--explain', () => {
  it('does not reach the test harness from the CLI or the docs renderer', () => {
    for (const entry of ['src/cli/bin.ts', 'src/docs.ts', 'src/cli/info.ts']) {
      const modules = reachable(entry);
      expect(modules.has('src/docs.ts')).toBe(true); // the walk does reach --explain's renderer
      expect([...modules].filter((m) => m.startsWith('src/testing/'))).toEqual([]);
    }
    // The harness itself runs its cases through the same snippet runner.
    expect(reachable('src/testing/rule-tester.ts').has('src/examples.ts')).toBe(true);
  });

  it('shows each example with what the rule reports on it', () => {
    const text = renderExplain(ruleById.get('na-format') ?? (undefined as never));
    expect(text).toMatch(/^Examples:\n {2}None instead of N\/A\n/m);
    expect(text).toContain('    \u2192 line 7: Write "N/A" for a field that does not apply; found "None".');
  });

  it('prints the same through the built binary, exit 0', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ir-lint.js'), '--explain', 'na-format'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(renderExplain(ruleById.get('na-format') ?? (undefined as never)));
  });
});
