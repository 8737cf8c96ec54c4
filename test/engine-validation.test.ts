/**
 * What the engine does with a rule (a plugin, usually) that throws or reports
 * garbage: never a crash; one internal error naming the rule, at exit 2,
 * while the other rules still run. Also: parser limits and the linear
 * EditMap that keeps micromark linear on reports with many lists.
 */
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { rules as builtins } from '../rules/index.js';
import { defaultConfig, resolveRules } from '../src/config/index.js';
import { lintText } from '../src/engine/index.js';
import { parseNow } from '../src/now.js';
import { fixLoop } from '../src/engine/fix.js';
import { checkNesting, InputLimitError, lineNesting, MAX_NESTING } from '../src/parse/limits.js';
import { linearConsume, stockConsume } from '../src/parse/micromark-linear.js';
import type { LintMessage, ResolvedRule, Rule } from '../src/types.js';

const NOW = parseNow('2025-12-01')!;
const TEXT = '# Example: title\n\n## Full Incident Report\n\nline four\n';

function plugin(check: (report: unknown, ctx: { report(d: unknown): void }) => unknown, fixable = false): Rule {
  return {
    meta: { id: 'acme-bad', description: 'Misbehave.', tags: [], severity: 'warn', fixable, messages: { m: 'Message {{x}}.' }, options: undefined, rationale: '', source: '', examples: [] },
    check: check as Rule['check'],
  } as unknown as Rule;
}

function lintWith(rule: Rule): LintMessage[] {
  const resolved: ResolvedRule[] = [...resolveRules(defaultConfig(), builtins), { rule, severity: 1, options: {} } as ResolvedRule];
  return lintText(TEXT, { rules: resolved, now: NOW }).messages;
}

/** The one internal error of the bad rule, and proof that the built-in rules still ran. */
function expectInternal(messages: LintMessage[], pattern: RegExp): void {
  const internal = messages.filter((m) => m.ruleId === 'acme-bad');
  expect(internal).toHaveLength(1);
  expect(internal[0]).toMatchObject({ messageId: 'internalError', severity: 2, fatal: true, line: 1, column: 1 });
  expect(internal[0]?.message).toMatch(/^Rule "acme-bad" failed: /);
  expect(internal[0]?.message).toMatch(pattern);
  expect(internal[0]?.message).toMatch(/This is a bug in the rule, not in the report; the other rules still ran\.$/);
  expect(messages.some((m) => m.ruleId === 'section-required')).toBe(true);
}

describe('a rule that throws or reports garbage', () => {
  const cases: Array<[string, Rule, RegExp]> = [
    ['throws an Error', plugin(() => { throw new Error('boom\nsecond line'); }), /failed: boom\. This/],
    ['throws a string', plugin(() => { throw 'just a string'; }), /failed: just a string\./],
    ['throws undefined', plugin(() => { throw undefined; }), /failed: undefined\./],
    ['throws an object whose toString throws', plugin(() => { throw { toString() { throw new Error('no'); } }; }), /cannot be printed/],
    ['throws a null-prototype object', plugin(() => { throw Object.create(null); }), /cannot be printed/],
    ['returns a rejected Promise (async check)', plugin(async () => { throw new Error('async boom'); }), /check\(\) returned a Promise; rules must be synchronous/],
    ['reports null', plugin((_, ctx) => ctx.report(null)), /reported null instead of a diagnostic object/],
    ['reports a string', plugin((_, ctx) => ctx.report('oops')), /reported a string instead of a diagnostic object/],
    ['reports an unknown message id', plugin((_, ctx) => ctx.report({ messageId: 'nope', loc: { line: 1 } })), /unknown message id "nope"/],
    ['reports an inherited message id (toString)', plugin((_, ctx) => ctx.report({ messageId: 'toString', loc: { line: 1 } })), /unknown message id "toString"/],
    ['reports a message id that is not a string', plugin((_, ctx) => ctx.report({ messageId: 42, loc: { line: 1 } })), /unknown message id "number"/],
    ['reports no loc', plugin((_, ctx) => ctx.report({ messageId: 'm' })), /reported no location/],
    ['reports line 0', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 0 } })), /position 0:1 outside the file/],
    ['reports a line past the end', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 99 } })), /position 99:1 outside the file/],
    ['reports a column past the end of the line', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 5, column: 50 } })), /position 5:50 outside the file/],
    ['reports a fractional line', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 1.5 } })), /position 1\.5:1 outside the file/],
    ['reports NaN offsets', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { start: NaN, end: 3 } })), /offsets NaN\.\.3 outside the file/],
    ['reports offsets past the end', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { start: 0, end: 10_000 } })), /offsets 0\.\.10000 outside the file/],
    ['reports reversed offsets', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { start: 5, end: 2 } })), /offsets 5\.\.2 outside the file/],
    ['reports data that is an object', plugin((_, ctx) => ctx.report({ messageId: 'm', data: { x: { a: 1 } }, loc: { line: 1 } })), /data\.x is a object, not a string or number/],
    ['reports a fix without meta.fixable', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 1 }, fix: { range: [0, 1], text: 'x' } })), /meta\.fixable is not true/],
    ['reports a fix outside the file', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 1 }, fix: { range: [0, 9999], text: 'x' } }), true), /fix range 0\.\.9999 outside the file/],
    ['reports a fix whose text is not a string', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 1 }, fix: { range: [0, 1], text: 7 } }), true), /fix that is not \{ range: \[start, end\], text \}/],
    ['reports related locations outside the file', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 1 }, related: [{ message: 'x', line: 400 }] })), /related location outside the file/],
    ['reports related that is not an array', plugin((_, ctx) => ctx.report({ messageId: 'm', loc: { line: 1 }, related: 'line 2' })), /related locations that are not an array/],
  ];
  for (const [name, rule, pattern] of cases) {
    it(`${name}: one internal error naming the rule; the other rules still run`, () => {
      expectInternal(lintWith(rule), pattern);
    });
  }

  it('an end position past the line is clamped, not reported as an error (the start is right)', () => {
    const ms = lintWith(plugin((_, ctx) => ctx.report({ messageId: 'm', data: { x: 1 }, loc: { line: 5, column: 2, endLine: 99, endColumn: 999 } })));
    expect(ms.find((m) => m.ruleId === 'acme-bad')).toMatchObject({ line: 5, column: 2, endLine: 5, endColumn: 10, message: 'Message 1.', severity: 1 });
  });

  it('findings reported before the rule threw are dropped with it (the rule is known to be broken)', () => {
    const ms = lintWith(plugin((_, ctx) => { ctx.report({ messageId: 'm', loc: { line: 1 } }); throw new Error('late'); }));
    expect(ms.filter((m) => m.ruleId === 'acme-bad').map((m) => m.messageId)).toEqual(['internalError']);
  });

  it('--fix leaves a file alone when a rule failed', () => {
    const rule = plugin((_, ctx) => { ctx.report({ messageId: 'm', loc: { line: 1 }, fix: { range: [0, 1], text: 'X' } }); ctx.report(null); }, true);
    const resolved: ResolvedRule[] = [{ rule, severity: 1, options: {} } as ResolvedRule];
    const out = fixLoop(TEXT, (t) => lintText(t, { rules: resolved, now: NOW }).messages);
    expect(out.output).toBe(TEXT);
  });

  it('through the CLI: a plugin rule that throws is exit 2 with a one-line internal error; the report is still linted', async () => {
    const files = {
      'r.md': TEXT,
      '.irlintrc.json': '{ "plugins": ["./bad.js"] }',
      'bad.js': '',
    };
    const { memoryIo } = await import('./helpers/memory-io.js');
    const { main } = await import('../src/cli/main.js');
    const io = memoryIo({ argv: ['-f', 'compact', '--now', '2025-12-01', 'r.md'], files });
    io.importModule = async () => ({ default: plugin(() => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); }) });
    expect(await main(io)).toBe(2);
    expect(io.out).toMatch(/^r\.md:1:1: error acme-bad Rule "acme-bad" failed: Cannot read properties of undefined \(reading 'x'\)\. This is a bug in the rule/m);
    expect(io.out).toMatch(/section-required/);
    expect(io.err).toBe('');
  });
});

describe('parser limits', () => {
  it('lineNesting counts container markers and indentation, not thematic breaks or text', () => {
    const n = (s: string): number => lineNesting(s, 0, s.length);
    expect(n('plain text')).toBe(0);
    expect(n('- item')).toBe(1);
    expect(n('> > - 1. item')).toBe(4);
    expect(n('>>>> x')).toBe(4);
    expect(n('      - item')).toBe(4);
    expect(n('- - -')).toBe(0);
    expect(n('* * * *')).toBe(0);
    expect(n('-not a bullet')).toBe(0);
    expect(n('2025. was a year')).toBe(1);
    expect(n('1234567890. too many digits')).toBe(0);
    expect(n('                                        deeply indented text')).toBe(0);
  });

  it('checkNesting throws InputLimitError with the line, for LF, CRLF and CR files', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['a', 'b', `${'> '.repeat(MAX_NESTING + 1)}x`, 'c'].join(eol);
      expect(() => checkNesting(text)).toThrow(InputLimitError);
      try {
        checkNesting(text);
      } catch (e) {
        expect((e as InputLimitError).line).toBe(3);
      }
      expect(() => checkNesting(['a', `${'> '.repeat(MAX_NESTING)}x`].join(eol))).not.toThrow();
    }
  });

  it('a refused file still has a report (plain lines) and exactly one fatal message', () => {
    const text = `## Full Incident Report\n${'- '.repeat(500)}x\n`;
    const { messages, report } = lintText(text, { rules: resolveRules(defaultConfig(), builtins), now: NOW });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: null, messageId: 'inputLimit', fatal: true, line: 2 });
    expect(report.lines).toHaveLength(3);
  });
});

describe('linear EditMap.consume', () => {
  it('is installed on micromark’s EditMap', () => {
    expect(EditMap.prototype.consume).toBe(linearConsume);
  });

  it('gives the same events as micromark’s own on random edits', () => {
    const edit = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 3 }), fc.array(fc.integer({ min: 100, max: 999 }), { maxLength: 3 }), fc.boolean());
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.array(edit, { maxLength: 8 }), (length, edits) => {
        const run = (consume: typeof linearConsume): number[] => {
          const events = Array.from({ length }, (_, i) => i) as unknown as Event[];
          const map = new EditMap();
          for (const [at, remove, add, before] of edits) {
            const index = Math.min(at, length);
            const items = add as unknown as Event[];
            if (before) map.addBefore(index, Math.min(remove, length - index), [...items]);
            else map.add(index, Math.min(remove, length - index), [...items]);
          }
          consume.call(map, events);
          return events as unknown as number[];
        };
        expect(run(linearConsume)).toEqual(run(stockConsume as typeof linearConsume));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
