/**
 * Property-based fuzzing, bounded for `npm test` (`npm run fuzz` is the long
 * run, scripts/fuzz.ts): report-shaped Markdown from a grammar, real reports
 * with lines deleted, swapped, duplicated or spliced, every prefix of a
 * report. Each must lint without a rule failing, with every position inside
 * the file, the same output twice, and --fix idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFiles, HAS_CORPUS } from './helpers/corpus.js';
import { checkInvariants, checkPositions, fixtureReports, grammarReport, lint, mutatedReport, truncations } from './helpers/fuzz.js';

const fixtures = fixtureReports();
const bases = fixtures.map((f) => f.text);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20251201);

describe('fuzz', () => {
  // Bounded for `npm test` (about 15 s alone; the timeouts allow for a busy machine).
  it('report-shaped Markdown from the grammar keeps every invariant', { timeout: 90_000 }, () => {
    fc.assert(fc.property(grammarReport, (text) => checkInvariants(text)), { numRuns: 100, seed: SEED });
  });

  it('mutated reports (lines deleted, swapped, duplicated, spliced; LF, CRLF, CR and mixed endings) keep every invariant', { timeout: 90_000 }, () => {
    fc.assert(fc.property(mutatedReport(bases), (text) => checkInvariants(text)), { numRuns: 100, seed: SEED + 1 });
  });

  it('every prefix of a fixture report lints with positions inside the prefix', { timeout: 90_000 }, () => {
    const text = fixtures.find((f) => f.name === 'v3-full-clean.md')?.text ?? '';
    expect(text.length).toBeGreaterThan(1000);
    let n = 0;
    // Every 41st offset here (every offset in `npm run fuzz`): cuts land mid-word, mid-table, mid-front-matter.
    for (const prefix of truncations(text, 41)) {
      checkPositions(prefix, lint(prefix));
      n++;
    }
    expect(n).toBeGreaterThan(200);
  });

  it.skipIf(!HAS_CORPUS)('every 997th prefix of a real corpus report lints with positions inside the prefix', () => {
    const file = corpusFiles().find((f) => f.name.startsWith('real/'));
    expect(file).toBeDefined();
    for (const prefix of truncations(file!.text, 997)) {
      const messages = lint(prefix);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      checkPositions(prefix, messages);
    }
  });

  describe('cases the fuzzer found', () => {
    it('front matter with an alias that contains itself (`a: &a [*a]`): a front-matter error, no rule fails', () => {
      const text = '---\na: &a [*a]\n---\n\n# Full Incident Report\n';
      checkInvariants(text);
      expect(lint(text).map((m) => m.ruleId)).toContain('front-matter');
    });

    it('front matter with an alias to an anchor that does not exist (`****`): a front-matter error, not a crash', () => {
      const text = '---\n****************************************\n## Preliminary Incident Report\n\n---\n\n### Summary\n';
      checkInvariants(text);
      expect(lint(text).find((m) => m.ruleId === 'front-matter')?.message).toMatch(/Unresolved alias/);
    });

    it('a report ending inside an unclosed code fence: the missing sections are reported, not inserted into the code block over and over', () => {
      const text = `${fixtures.find((f) => f.name === 'v3-full-clean.md')!.text.replace(/### Appendix[\s\S]*$/, '')}### Notes\n\n\`\`\`csv\na,b\n`;
      checkInvariants(text);
      const messages = lint(text).filter((m) => m.ruleId === 'section-required');
      expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/Missing section "Appendix"/)]);
      expect(messages[0]?.fix).toBeUndefined();
    });
  });

  it('the invariant checks catch what they claim to catch', () => {
    const bad = { ruleId: 'x', messageId: 'm', severity: 2 as const, message: 'm', line: 2, column: 5, endLine: 2, endColumn: 5 };
    expect(() => checkPositions('one\ntwo', [bad])).toThrow(/outside the file/);
    expect(() => checkPositions('one\ntwo', [{ ...bad, column: 4, endColumn: 4 }])).not.toThrow();
    expect(() => checkPositions('one', [{ ...bad, line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range: [0, 9], text: '' } }])).toThrow(/fix range/);
  });
});
