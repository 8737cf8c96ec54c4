/** What `import ... from 'ir-lint'` and 'ir-lint/testing' give a house rule author. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as testing from '../src/testing/index.js';

describe('public API', () => {
  it('exports the functions a house rule needs', () => {
    for (const name of ['lintText', 'parseReport', 'defineRule', 'RuleTester', 'parseNow', 'z', 'derived', 'section', 'field', 'TEMPLATES']) {
      expect(api, name).toHaveProperty(name);
    }
    expect(testing.RuleTester).toBe(api.RuleTester);
  });

  it('lints a text with a house rule', () => {
    const rule = api.defineRule({
      meta: { id: 'house-x', description: 'Flag X.', tags: [], severity: 'warn', messages: { x: 'X found' }, options: api.z.object({}).strict().default({}), rationale: '', source: '', examples: [] },
      check(report, ctx) {
        if (report.source.includes('X')) ctx.report({ messageId: 'x', loc: { line: 1 } });
      },
    });
    const { messages } = api.lintText('X\n', { rules: [{ rule, severity: 1, options: {} }], now: api.parseNow('2025-01-01')! });
    expect(messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([['house-x', 1, 'X found']]);
  });

  it('package.json exports point at the built entry points', () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { exports: Record<string, { types: string; import: string }> };
    expect(pkg.exports['.']).toEqual({ types: './dist/src/index.d.ts', import: './dist/src/index.js' });
    expect(pkg.exports['./testing']).toEqual({ types: './dist/src/testing/index.d.ts', import: './dist/src/testing/index.js' });
  });
});
