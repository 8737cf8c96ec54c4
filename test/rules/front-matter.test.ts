import { describe, it } from 'vitest';
import rule from '../../rules/front-matter.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const doc = (fm: string): string => `---\n${fm}\n---\n\n## Preliminary Incident Report\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'all known keys', code: doc('title: "Example CA: Delayed revocation"\nbug: 1910805\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\nposted: 2025-09-10\nca-owner: Example CA') },
    { name: 'bug as a URL, whiteboard as a list', code: doc('bug: https://bugzilla.mozilla.org/show_bug.cgi?id=1910805\nwhiteboard: [ca-compliance, leaf-revocation-delay]') },
    { name: 'no front matter', code: '## Preliminary Incident Report\n' },
    { name: 'unknown keys are left to front-matter-keys', code: doc('reviewer: J. Doe') },
  ],
  invalid: [
    { name: 'unclosed quote', code: doc('title: "Example CA: Delayed revocation\nposted: 2025-09-10'), errors: [{ messageId: 'invalidYaml', line: 2 }] },
    { name: 'duplicate key', code: doc('posted: 2025-09-10\nposted: 2025-09-11'), errors: [{ messageId: 'invalidYaml', line: 2 }] },
    { name: 'not a mapping', code: doc('- just\n- a list'), errors: [{ messageId: 'invalidYaml', line: 2 }] },
    { name: 'posted is not a date', code: doc('posted: last Tuesday'), errors: [{ messageId: 'badValue', line: 2 }] },
    { name: 'bug is not a number', code: doc('title: "Example CA: x"\nbug: the OCSP one'), errors: [{ messageId: 'badValue', line: 3 }] },
    { name: 'whiteboard is a number', code: doc('whiteboard: 12'), errors: [{ messageId: 'badValue', line: 2 }] },
  ],
});
