/**
 * The fix machinery: one pass of non-overlapping edits (applyFixes) and the
 * lint → fix → re-lint loop (fixLoop), with property tests over generated
 * reports: fixing is idempotent, leaves no fixable finding, keeps line endings
 * and the final-newline state, and leaves a file with nothing to fix as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixLoop, lineEndingOf, MAX_FIX_PASSES } from '../src/engine/fix.js';
import type { LintMessage } from '../src/types.js';
import { lintAll } from './helpers/lint.js';

function msg(range: [number, number], text: string, line = 1): LintMessage {
  return { ruleId: 'r', messageId: 'm', severity: 2, message: 'x', line, column: 1, endLine: line, endColumn: 1, fix: { range, text } };
}

describe('applyFixes', () => {
  it('applies non-overlapping edits and keeps every other character', () => {
    const r = applyFixes('abcdefgh', [msg([6, 8], 'GH'), msg([0, 1], 'A'), msg([3, 3], '+')]);
    expect(r.output).toBe('Abc+defGH');
    expect(r.applied).toHaveLength(3);
    expect(r.skipped).toHaveLength(0);
  });

  it('leaves an overlapping edit for the next pass', () => {
    const r = applyFixes('abcdef', [msg([1, 4], 'X'), msg([2, 5], 'Y')]);
    expect(r.output).toBe('aXef');
    expect(r.skipped.map((m) => m.fix?.text)).toEqual(['Y']);
  });

  it('applies only one of two insertions at the same point', () => {
    const r = applyFixes('ab', [msg([1, 1], 'X'), msg([1, 1], 'Y')]);
    expect(r.output).toBe('aXb');
    expect(r.skipped).toHaveLength(1);
  });

  it('does not insert right after a replacement (the order would be undefined)', () => {
    const r = applyFixes('abcd', [msg([1, 2], 'B'), msg([2, 2], '+')]);
    expect(r.output).toBe('aBcd');
    expect(r.skipped).toHaveLength(1);
  });

  it('applies adjacent replacements', () => {
    expect(applyFixes('abcd', [msg([0, 2], 'AB'), msg([2, 4], 'CD')]).output).toBe('ABCD');
  });

  it('writes inserted line breaks with the file’s line ending', () => {
    expect(applyFixes('a\r\nb\r\n', [msg([3, 3], 'x\ny\n')]).output).toBe('a\r\nx\r\ny\r\nb\r\n');
    expect(applyFixes('a\nb\n', [msg([2, 2], 'x\ny\n')]).output).toBe('a\nx\ny\nb\n');
    // Already CRLF text is not doubled.
    expect(applyFixes('a\r\nb\r\n', [msg([3, 3], 'x\r\n')]).output).toBe('a\r\nx\r\nb\r\n');
  });

  it('ignores messages without a fix', () => {
    const plain: LintMessage = { ...msg([0, 0], ''), fix: undefined } as LintMessage;
    delete plain.fix;
    expect(applyFixes('abc', [plain]).output).toBe('abc');
  });
});

describe('lineEndingOf', () => {
  it('finds the dominant line ending', () => {
    expect(lineEndingOf('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(lineEndingOf('a\nb\nc\r\n')).toBe('\n');
    expect(lineEndingOf('no break')).toBe('\n');
  });
});

describe('fixLoop', () => {
  // A toy linter: every lower-case "x" is fixable to "y"; one fix per pass (they overlap).
  const oneAtATime = (text: string): LintMessage[] => {
    const i = text.indexOf('x');
    return i < 0 ? [] : [msg([0, text.length], text.slice(0, i) + 'y' + text.slice(i + 1))];
  };

  it('repeats until nothing is fixable', () => {
    const r = fixLoop('xxx', oneAtATime);
    expect(r.output).toBe('yyy');
    expect(r.passes).toBe(3);
    expect(r.changed).toBe(true);
    expect(r.messages).toEqual([]);
  });

  it('stops after the pass bound', () => {
    const r = fixLoop('x'.repeat(MAX_FIX_PASSES + 5), oneAtATime);
    expect(r.passes).toBe(MAX_FIX_PASSES);
    expect(r.output).toBe('y'.repeat(MAX_FIX_PASSES) + 'x'.repeat(5));
    expect(r.messages).toHaveLength(1);
  });

  it('stops when two fixes undo each other', () => {
    const flip = (text: string): LintMessage[] => [msg([0, 1], text.startsWith('a') ? 'b' : 'a')];
    const r = fixLoop('a', flip);
    expect(r.output).toBe('b');
    expect(r.passes).toBe(1);
  });

  it('fixes nothing when a rule failed', () => {
    const crashed = (): LintMessage[] => [{ ...msg([0, 1], 'z'), fatal: true }];
    expect(fixLoop('abc', crashed)).toMatchObject({ output: 'abc', changed: false, passes: 0 });
  });

  it('returns the source itself when there is nothing to fix', () => {
    const r = fixLoop('plain', () => []);
    expect(r).toMatchObject({ output: 'plain', changed: false, passes: 0, appliedCount: 0 });
  });
});

// ---------------------------------------------------------------- properties over real rules

const NA_SPELLINGS = ['N/A', 'None', 'none', '-', 'n.a.', 'Not applicable', 'Nothing'];
const V2_SECTIONS = ['Summary', 'Impact', 'Timeline', 'Root Cause Analysis', 'Lessons Learned', 'Action Items', 'Appendix'];

/** A v2 report with some sections dropped, N/A written in many ways, some line ending, maybe no final newline. */
const reportArb = (spellings: string[], keep: fc.Arbitrary<boolean>) => fc
  .record({
    keep: fc.array(keep, { minLength: V2_SECTIONS.length, maxLength: V2_SECTIONS.length }),
    na: fc.array(fc.constantFrom(...spellings), { minLength: 4, maxLength: 4 }),
    body: fc.array(fc.constantFrom('Text.', 'We found the problem on 2024-05-01.', 'n/a', 'TBD', ''), { minLength: V2_SECTIONS.length, maxLength: V2_SECTIONS.length }),
    heading: fc.constantFrom('###', '####'),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ keep, na, body, heading, crlf, finalNewline }) => {
    const lines = ['## Incident Report'];
    V2_SECTIONS.forEach((title, i) => {
      if (!keep[i]) return;
      lines.push('', `${heading} ${title}`, '');
      if (title === 'Lessons Learned') {
        lines.push(`- **What went well:** ${na[0]}`, `- **What didn't go well:** ${na[1]}`, `- **Where we got lucky:** ${na[2]}`);
      } else if (title === 'Appendix') {
        lines.push(na[3] as string);
      } else if (body[i]) {
        lines.push(body[i] as string);
      }
    });
    let text = lines.join('\n');
    if (finalNewline) text += '\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
const report = reportArb(NA_SPELLINGS, fc.boolean());
/** Reports with every section and N/A written as N/A: nothing for the structure fixes to do. */
const tidyReport = reportArb(['N/A'], fc.constant(true));

const lint = (text: string): LintMessage[] => lintAll(text, '2025-12-01');

describe('fix properties (all built-in rules)', { timeout: 60_000 }, () => {
  it('fixing twice equals fixing once', () => {
    fc.assert(
      fc.property(report, (text) => {
        const once = fixLoop(text, lint).output;
        expect(fixLoop(once, lint).output).toBe(once);
      }),
      { numRuns: 40 },
    );
  });

  it('a fixed report has no fixable finding left', () => {
    fc.assert(
      fc.property(report, (text) => {
        const r = fixLoop(text, lint);
        expect(r.passes).toBeLessThan(MAX_FIX_PASSES);
        expect(r.messages.filter((m) => m.fix)).toEqual([]);
        expect(lint(r.output).filter((m) => m.fix)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the line endings and the final-newline state', () => {
    fc.assert(
      fc.property(report, (text) => {
        const out = fixLoop(text, lint).output;
        const crlf = text.includes('\r\n');
        if (crlf) expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        else expect(out).not.toContain('\r');
        expect(/\n$/.test(out)).toBe(/\n$/.test(text));
      }),
      { numRuns: 40 },
    );
  });

  it('changes nothing in a report with no fixable finding', () => {
    fc.assert(
      fc.property(tidyReport, (text) => {
        fc.pre(!lint(text).some((m) => m.fix));
        const r = fixLoop(text, lint);
        expect(r.changed).toBe(false);
        expect(r.output).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('only inserts or replaces: every line of the original is still there, in order, unless a fix replaced text in it', () => {
    fc.assert(
      fc.property(report, (text) => {
        const messages = lint(text);
        const out = applyFixes(text, messages).output;
        const touched = new Set<number>();
        for (const m of messages) if (m.fix && m.fix.range[0] !== m.fix.range[1]) for (let l = m.line; l <= m.endLine; l++) touched.add(l);
        const kept = text.split(/\r?\n/).filter((_, i) => !touched.has(i + 1));
        const outLines = out.split(/\r?\n/);
        let j = 0;
        for (const line of kept) {
          while (j < outLines.length && outLines[j] !== line) j++;
          expect(j, `line "${line}" lost`).toBeLessThan(outLines.length);
          j++;
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the engine and meta.fixable', () => {
  it('turns a fix from a rule without meta.fixable into an internal error', async () => {
    const { runRules } = await import('../src/engine/index.js');
    const { parseNow } = await import('../src/now.js');
    const { parseReport } = await import('../src/parse/index.js');
    const { defineRule } = await import('../src/types.js');
    const sneaky = defineRule({
      meta: { id: 'sneaky', description: 'Fix without saying so.', tags: [], severity: 'warn', messages: { m: 'x' }, rationale: 'r', source: 's', examples: [] },
      check(_report, ctx) {
        ctx.report({ messageId: 'm', loc: { start: 0, end: 1 }, fix: { range: [0, 1], text: 'y' } });
      },
    });
    const messages = runRules(parseReport('x\n'), { rules: [{ rule: sneaky, severity: 1, options: undefined }], now: parseNow('2025-01-01')! });
    expect(messages.map((m) => [m.messageId, m.fatal])).toEqual([['internalError', true]]);
    expect(messages[0]?.message).toMatch(/meta\.fixable/);
  });

  it('rejects a fix range that splits a CRLF', async () => {
    const { runRules } = await import('../src/engine/index.js');
    const { parseNow } = await import('../src/now.js');
    const { parseReport } = await import('../src/parse/index.js');
    const { defineRule } = await import('../src/types.js');
    const splitter = defineRule({
      meta: { id: 'splitter', description: 'Split a line ending.', tags: [], severity: 'warn', fixable: true, messages: { m: 'x' }, rationale: 'r', source: 's', examples: [] },
      check(_report, ctx) {
        ctx.report({ messageId: 'm', loc: { start: 0, end: 1 }, fix: { range: [2, 2], text: 'y' } });
      },
    });
    const messages = runRules(parseReport('a\r\nb\r\n'), { rules: [{ rule: splitter, severity: 1, options: undefined }], now: parseNow('2025-01-01')! });
    expect(messages[0]?.message).toMatch(/splits a line ending/);
  });
});
