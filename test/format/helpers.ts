/** Shared inputs for the format tests: hand-made results with awkward text, and results linted from files. */
import { rules } from '../../rules/index.js';
import { makeResult } from '../../src/result.js';
import type { FormatContext, Formatter } from '../../src/format/index.js';
import { FORMATS } from '../../src/format/index.js';
import { VERSION } from '../../src/meta.js';
import type { LintMessage, LintResult } from '../../src/types.js';

export const CWD = '/repo';

export function ctx(over: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, color: false, rules: rules.map((r) => r.meta), version: VERSION, ...over };
}

export async function formatter(name: string): Promise<Formatter> {
  const load = FORMATS[name];
  if (!load) throw new Error(`no format ${name}`);
  return load();
}

/** Text that tries everything: terminal escapes, workflow-command syntax, XML specials, a lone surrogate. */
export const NASTY = 'Bad \u001b[31mred\u001b[0m 100% done: a,b\r\nnext ::error::x <tag attr="1"> & \'q\' \u0007 \uD800 \u0085 end';

function msg(over: Partial<LintMessage>): LintMessage {
  return { ruleId: 'section-required', messageId: 'missing', severity: 2, message: 'Missing section "Timeline".', line: 3, column: 1, endLine: 3, endColumn: 12, ...over };
}

export const SOURCE = '# Title\n\n## Full Incident Report\n\nStatus: Done\n';

/** Three files: one with an error, a fixable warning and a related location; one clean; one unreadable. */
export function sampleResults(): LintResult[] {
  return [
    makeResult(
      'reports/a: b,c.md',
      [
        msg({ related: [{ message: 'The previous entry is here.', line: 1, column: 1 }] }),
        msg({ ruleId: 'action-item-status', messageId: 'alias', severity: 1, message: NASTY, line: 5, column: 9, endLine: 5, endColumn: 13, fix: { range: [42, 46], text: 'Complete' } }),
        msg({ ruleId: null, messageId: 'unusedDisable', severity: 1, message: 'Unused ir-lint-disable directive (no problems were reported for all rules).', line: 1, column: 1, endLine: 1, endColumn: 1 }),
      ],
      { source: SOURCE },
    ),
    makeResult('reports/clean.md', [], { source: SOURCE }),
    makeResult('reports/missing.md', [msg({ ruleId: null, messageId: 'fileError', fatal: true, message: 'Cannot read file: no such file or directory.', line: 1, column: 1, endLine: 1, endColumn: 1 })], { fatalError: true }),
  ];
}
