/** Inline directives: ranges, next line, same line, whole file, rule lists, unused and unknown names. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/index.js';
import { parseNow } from '../src/now.js';
import { defineRule, type LintMessage, type ResolvedRule } from '../src/types.js';

/** Reports every line that contains its word. */
function wordRule(id: string, word: string) {
  return defineRule({
    meta: { id, description: `Flag ${word}.`, tags: [], severity: 'error', messages: { found: `found ${word}` }, rationale: '', source: '', examples: [] },
    check(report, ctx) {
      for (const l of report.lines) {
        const i = l.raw.indexOf(word);
        if (i >= 0 && l.kind !== 'html') ctx.report({ messageId: 'found', loc: { start: l.start + i, end: l.start + i + word.length } });
      }
    },
  });
}

const ruleA = wordRule('rule-a', 'AAA');
const ruleB = wordRule('rule-b', 'BBB');
const ruleOff = wordRule('rule-off', 'OFF');
const crashing = defineRule({
  meta: { id: 'rule-crash', description: 'Crash.', tags: [], severity: 'error', messages: { m: 'm' }, rationale: '', source: '', examples: [] },
  check() {
    throw new Error('boom');
  },
});

function run(source: string, opts: { unused?: boolean; rules?: ResolvedRule[]; known?: string[] } = {}): string[] {
  const rules = opts.rules ?? [ruleA, ruleB].map((rule) => ({ rule, severity: 2 as const, options: undefined }));
  const lintOpts: Parameters<typeof lintText>[1] = { rules, now: parseNow('2025-06-01')!, reportUnusedDisables: opts.unused === true };
  if (opts.known) lintOpts.knownRules = opts.known;
  return lintText(source, lintOpts).messages.map((m: LintMessage) => `${m.line}:${m.ruleId ?? m.messageId}${m.ruleId === null ? ` ${m.message}` : ''}`);
}

describe('inline directives', () => {
  it('reports without directives', () => {
    expect(run('AAA\nBBB\n')).toEqual(['1:rule-a', '2:rule-b']);
  });

  it('disable … enable for all rules', () => {
    expect(run('AAA\n<!-- ir-lint-disable -->\nAAA BBB\n<!-- ir-lint-enable -->\nAAA\n')).toEqual(['1:rule-a', '5:rule-a']);
  });

  it('disable with a rule list leaves other rules on', () => {
    expect(run('<!-- ir-lint-disable rule-a -->\nAAA BBB\n')).toEqual(['2:rule-b']);
  });

  it('a list separated by commas and spaces, with a reason', () => {
    expect(run('<!-- ir-lint-disable rule-a, rule-b -- discussed with the reviewer -->\nAAA BBB\n')).toEqual([]);
    expect(run('<!-- ir-lint-disable -- everything, for now -->\nAAA BBB\n')).toEqual([]);
  });

  it('enable for one rule after disable for all keeps the others off', () => {
    expect(run('<!-- ir-lint-disable -->\nAAA BBB\n<!-- ir-lint-enable rule-a -->\nAAA BBB\n')).toEqual(['4:rule-a']);
  });

  it('disable for one rule, enable for all', () => {
    expect(run('<!-- ir-lint-disable rule-a -->\nAAA\n<!-- ir-lint-enable -->\nAAA\n')).toEqual(['4:rule-a']);
  });

  it('disable-next-line affects only the next line', () => {
    expect(run('<!-- ir-lint-disable-next-line rule-a -->\nAAA BBB\nAAA\n')).toEqual(['2:rule-b', '3:rule-a']);
    expect(run('<!-- ir-lint-disable-next-line -->\n\nAAA\n')).toEqual(['3:rule-a']);
  });

  it('disable-line on the same line, also inside a table row', () => {
    expect(run('AAA <!-- ir-lint-disable-line rule-a -->\nAAA\n')).toEqual(['2:rule-a']);
    expect(run('| a | b |\n| --- | --- |\n| AAA | x <!-- ir-lint-disable-line rule-a --> |\n')).toEqual([]);
  });

  it('disable-file anywhere in the file', () => {
    expect(run('AAA\nBBB\n<!-- ir-lint-disable-file rule-b -->\n')).toEqual(['1:rule-a']);
    expect(run('AAA\nBBB\n<!-- ir-lint-disable-file -->\n')).toEqual([]);
  });

  it('a directive inside a code block or inline in a paragraph', () => {
    expect(run('```\n<!-- ir-lint-disable -->\n```\nAAA\n')).toEqual(['4:rule-a']);
    expect(run('Text <!-- ir-lint-disable-next-line rule-a --> here.\nAAA\n')).toEqual([]);
  });

  it('needs a word boundary after the directive name', () => {
    expect(run('<!-- ir-lint-disabled -->\nAAA\n')).toEqual(['2:rule-a']);
    expect(run('<!--ir-lint-disable-->\nAAA\n')).toEqual([]);
  });

  it('does not suppress a crashed rule', () => {
    const rules = [ruleA, crashing].map((rule) => ({ rule, severity: 2 as const, options: undefined }));
    expect(run('<!-- ir-lint-disable-file -->\nAAA\n', { rules })).toEqual(['1:rule-crash']);
  });

  describe('--report-unused-disables', () => {
    it('reports a directive that suppressed nothing', () => {
      expect(run('<!-- ir-lint-disable-next-line rule-a -->\nBBB\n', { unused: true })).toEqual([
        '1:unusedDisable Unused ir-lint-disable-next-line directive (no problems were reported for rule-a); remove it.',
        '2:rule-b',
      ]);
    });

    it('does not report a directive that suppressed something', () => {
      expect(run('<!-- ir-lint-disable-next-line rule-a -->\nAAA\n', { unused: true })).toEqual([]);
      expect(run('<!-- ir-lint-disable -->\nAAA\n<!-- ir-lint-enable -->\n', { unused: true })).toEqual([]);
    });

    it('names the rules of a list that suppressed nothing', () => {
      expect(run('<!-- ir-lint-disable-next-line rule-a, rule-b -->\nAAA\n', { unused: true })).toEqual([
        '1:unusedDisable Unused ir-lint-disable-next-line directive (no problems were reported for rule-b); remove it or drop those rules from it.',
      ]);
    });

    it('reports an unused all-rules directive', () => {
      expect(run('<!-- ir-lint-disable-file -->\nclean\n', { unused: true })).toEqual([
        '1:unusedDisable Unused ir-lint-disable-file directive (no problems were reported for all rules); remove it.',
      ]);
    });

    it('is off by default', () => {
      expect(run('<!-- ir-lint-disable-next-line rule-a -->\nBBB\n')).toEqual(['2:rule-b']);
    });
  });

  describe('rule names', () => {
    it('reports an unknown rule with a suggestion, once', () => {
      expect(run('<!-- ir-lint-disable-next-line rule-aa -->\nAAA\n', { unused: true })).toEqual([
        '1:unknownRuleInDirective ir-lint-disable-next-line names unknown rule "rule-aa"; did you mean "rule-a"?',
        '2:rule-a',
      ]);
      expect(run('<!-- ir-lint-disable-next-line zzz -->\n')).toEqual(['1:unknownRuleInDirective ir-lint-disable-next-line names unknown rule "zzz".']);
    });

    it('accepts a registered rule that is turned off (knownRules)', () => {
      const known = ['rule-a', 'rule-b', 'rule-off'];
      expect(run('<!-- ir-lint-disable-next-line rule-off -->\nAAA\n', { known })).toEqual(['2:rule-a']);
      // Without knownRules only the running rules are known.
      expect(run('<!-- ir-lint-disable-next-line rule-off -->\nAAA\n')).toEqual([
        '1:unknownRuleInDirective ir-lint-disable-next-line names unknown rule "rule-off".',
        '2:rule-a',
      ]);
      expect(ruleOff.meta.id).toBe('rule-off');
    });
  });
});
