/**
 * Wording that users see: where a missing section belongs and in which
 * order missing sections are listed, no ".;" or ".." where a reason is
 * spliced into a sentence, and the CLI's own one-line answers (-o at a
 * directory, --max-warnings with --quiet, --init with two paths, --help).
 * Through the built binary where it is a CLI matter.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clause } from '../src/errors.js';
import { corpusFiles } from './helpers/corpus.js';
import { ROOT, runBin, tempDir } from './helpers/bin.js';
import { lintAll } from './helpers/lint.js';

const SPLICE = /\.[;.,:](?!\d)|;\./;

describe('missing sections', () => {
  it('are listed in template order, each placed after the last present section (not "at the end")', () => {
    const dir = tempDir('ir-lint-msg-');
    writeFileSync(path.join(dir, 'r.md'), '## Full Incident Report\n\n### Summary\n\nText.\n');
    const r = runBin(['-f', 'compact', '--now', '2025-12-01', '--rule', 'field-required:off', '--rule', 'field-empty:off', 'r.md'], { cwd: dir });
    const sections = [...r.out.matchAll(/section-required Missing section "([^"]+)" .*puts it after "Summary"/g)].map((m) => m[1]);
    expect(sections).toEqual(['Impact', 'Timeline', 'Related Incidents', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix']);
    expect(r.out).not.toMatch(/at the end/);
  });
});

describe('no ".;" or ".." where a reason is spliced into a sentence', () => {
  it('clause() drops the closing punctuation of a thrown message', () => {
    expect(clause(new Error('A dynamic import callback was not specified.'))).toBe('A dynamic import callback was not specified');
    expect(clause('two lines.\nsecond')).toBe('two lines');
    expect(clause(new Error('v1.2 ok'))).toBe('v1.2 ok');
  });

  it('in every finding on every fixture and corpus report', () => {
    const texts = [
      ...['fixtures/reports', 'fixtures/fix'].flatMap((d) => readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(ROOT, d, f), 'utf8'))),
      ...corpusFiles().map((f) => f.text),
    ];
    const bad: string[] = [];
    for (const t of texts) for (const m of lintAll(t, '2025-12-01')) if (SPLICE.test(m.message.replace(/"[^"]*"|'[^']*'/g, '""'))) bad.push(`${m.ruleId}: ${m.message}`);
    expect(bad).toEqual([]);
  });

  it('a plugin that throws "bad thing.", and one that throws "broken." while loading (built binary)', () => {
    const dir = tempDir('ir-lint-splice-');
    writeFileSync(path.join(dir, 'r.md'), '# x\n');
    writeFileSync(path.join(dir, 'p.mjs'), "export default { meta: { id: 'acme-throws', description: 'x.', severity: 'warn', messages: { m: 'x' } }, check() { throw new Error('bad thing.'); } };\n");
    writeFileSync(path.join(dir, 'q.mjs'), "throw new Error('broken.');\n");
    writeFileSync(path.join(dir, '.irlintrc.json'), '{ "plugins": ["./p.mjs"] }');
    const r = runBin(['-f', 'compact', 'r.md'], { cwd: dir });
    expect(r.out).toMatch(/Rule "acme-throws" failed: bad thing\. This is a bug/);
    expect(r.out).not.toMatch(SPLICE);
    writeFileSync(path.join(dir, '.irlintrc.json'), '{ "plugins": ["./q.mjs"] }');
    const load = runBin(['-f', 'compact', 'r.md'], { cwd: dir });
    expect(load.code).toBe(2);
    expect(load.err).toMatch(/cannot load plugin "\.\/q\.mjs": broken\n/);
  });
});

describe('the CLI says it in one line', () => {
  it('-o pointing at a directory: exit 2, one line', () => {
    const dir = tempDir('ir-lint-o-');
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'r.md'), '# x\n');
    const r = runBin(['-o', 'out', 'r.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err.endsWith('ir-lint: out: is a directory; --output-file needs a file name (e.g. --output-file reports/ir-lint.json)\n')).toBe(true);
    expect(r.err).not.toMatch(/\n\s+at |EISDIR/);
  });

  it('--help shows no "-1" default for --max-warnings', () => {
    const r = runBin(['--help']);
    expect(r.out.replace(/\s+/g, ' ')).toMatch(/--max-warnings <n> exit 1 when there are more warnings than this \(default: no limit\)/);
    expect(r.out).not.toMatch(/default: -1/);
  });

  it('--quiet --max-warnings 0: the report itself says why the run fails', () => {
    const dir = tempDir('ir-lint-quiet-');
    writeFileSync(path.join(dir, 'r.md'), readFileSync(path.join(ROOT, 'fixtures', 'reports', 'v3-full-clean.md'), 'utf8').replace(/^title: .*$/m, 'title: "A title without the CA Owner"'));
    const plain = runBin(['--now', '2025-12-01', '-f', 'compact', 'r.md'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/warning/);
    for (const format of ['stylish', 'compact']) {
      const r = runBin(['--now', '2025-12-01', '--quiet', '--max-warnings', '0', '-f', format, 'r.md'], { cwd: dir });
      expect(r.code, format).toBe(1);
      expect(r.out, format).toMatch(/^ir-lint: \d+ warnings?, more than --max-warnings 0 \(not shown: --quiet reports errors only\); the run fails\.$/m);
      expect(r.err, format).toBe('');
    }
    // A machine format keeps its shape; stderr says it.
    const json = runBin(['--now', '2025-12-01', '--quiet', '--max-warnings', '0', '-f', 'json', 'r.md'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(() => JSON.parse(json.out) as unknown).not.toThrow();
    expect(json.err).toMatch(/more than --max-warnings 0/);
  });

  it('--init with two paths is a usage error, and writes nothing', () => {
    const dir = tempDir('ir-lint-init-');
    const r = runBin(['--init', 'a.md', 'b.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ir-lint: --init writes one skeleton and takes one path; found more: "a\.md", "b\.md"\n/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
