import { describe, it } from 'vitest';
import rule from '../../rules/title-format.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'H1 in the convention', code: '# Example CA: Delayed revocation of 12 certificates\n\n## Incident Report\n' },
    { name: 'a report heading shifted up a level is not the title', code: '# Full Incident Report\n\n#### Summary\n\nText.\n' },
    { name: 'a Preliminary report heading as H1', code: '# Preliminary Incident Report\n\n## Summary\n\n- **Incident description:** Text.\n' },
    { name: 'a section heading as H1', code: '## Incident Report\n\n# Summary\n\nText.\n' },
    { name: 'a file without a report is not checked', code: '# Meeting notes\n\nText.\n' },
    { name: 'front matter title', code: '---\ntitle: "Example CA: CPS typo"\n---\n\n## Incident Report\n' },
    { name: 'no title at all', code: '## Incident Report\n\n### Summary\n\nx\n' },
    { name: 'setext level-1 headings are not titles here', code: 'Incident Report\n===============\n' },
  ],
  invalid: [
    { name: 'no CA Owner', code: '# Delayed revocation\n\n## Incident Report\n', errors: [{ messageId: 'format', line: 1 }] },
    { name: 'front matter title without a colon', code: '---\ntitle: CPS typo\n---\n\n## Incident Report\n', errors: [{ messageId: 'format', line: 1 }] },
    { name: 'a title above a shifted report heading is still checked', code: '# Delayed revocation\n\n# Full Incident Report\n\n#### Summary\n\nText.\n', errors: [{ messageId: 'format', line: 1 }] },
    { name: 'empty description', code: '# Example CA:\n\n## Incident Report\n', errors: [{ messageId: 'format', line: 1 }] },
    { name: 'too long', code: `# Example CA: ${'very '.repeat(30)}long\n\n## Incident Report\n`, errors: [{ messageId: 'tooLong', line: 1 }] },
  ],
});
