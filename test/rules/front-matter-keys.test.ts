import { describe, it } from 'vitest';
import rule from '../../rules/front-matter-keys.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const doc = (fm: string): string => `---\n${fm}\n---\n\n## Preliminary Incident Report\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'known keys', code: doc('title: "Example CA: x"\nposted: 2025-09-10\nca-owner: Example CA') },
    { name: 'allowed by the options', code: doc('reviewer: J. Doe'), options: { allow: ['reviewer'] } },
    { name: 'invalid YAML is left to front-matter', code: doc('title: "unclosed') },
  ],
  invalid: [
    { name: 'a typo', code: doc('postd: 2025-09-10'), errors: [{ messageId: 'typo', line: 2 }] },
    { name: 'underscore spelling', code: doc('ca_owner: Example CA'), errors: [{ messageId: 'typo', line: 2 }] },
    { name: 'an unrelated key', code: doc('title: "Example CA: x"\nseverity: high'), errors: [{ messageId: 'unknown', line: 3 }] },
  ],
});
