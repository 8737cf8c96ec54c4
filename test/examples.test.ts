/** Every example in rule metadata is linted and must produce exactly what it claims. */
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { runRule } from '../src/testing/rule-tester.js';

describe('rule metadata examples', () => {
  for (const rule of rules) {
    describe(rule.meta.id, () => {
      it('has at least one example', () => {
        expect(rule.meta.examples.length).toBeGreaterThan(0);
      });
      rule.meta.examples.forEach((ex) => {
        it(ex.title, () => {
          const c: Parameters<typeof runRule>[1] = { code: ex.code };
          if (ex.now) c.now = ex.now;
          if (ex.options !== undefined) c.options = ex.options;
          if (ex.kind) c.kind = ex.kind;
          if (ex.attachments) c.attachments = ex.attachments;
          const { messages } = runRule(rule, c);
          expect(messages.map((m) => (m.comment !== undefined ? { messageId: m.messageId, line: m.line, comment: m.comment } : { messageId: m.messageId, line: m.line }))).toEqual(ex.expect);
        });
      });
    });
  }
});
