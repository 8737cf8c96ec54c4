import { describe, it } from 'vitest';
import rule from '../../rules/revocation-delay-analysis.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const report = (head: string, analysis: string): string => `${head}## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** 12\n- **Analysis:** ${analysis}\n`;
const WB = '---\nwhiteboard: "[ca-compliance] [leaf-revocation-delay]"\n---\n\n';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a delay with an analysis', code: report(WB, 'We delayed revocation because the subscriber runs emergency services.') },
    { name: 'not a delay', code: report('', 'N/A') },
    { name: 'a front-matter whiteboard without the tag decides, whatever the title says', code: report('---\ntitle: "Example CA: Delayed revocation of 12 certificates"\nwhiteboard: "[ca-compliance] [dv-misissuance]"\n---\n\n', 'N/A') },
    { name: 'delay words in Related Incidents do not count', code: '## Full Incident Report\n\n### Impact\n\n- Analysis: N/A\n\n### Related Incidents\n\nBug 1910322: another CA\'s delayed revocation.\n' },
  ],
  invalid: [
    { name: 'whiteboard tag in front matter, N/A', code: report(WB, 'N/A'), errors: [{ messageId: 'notApplicable', line: 10 }] },
    { name: 'whiteboard as a YAML list', code: report('---\nwhiteboard: [ca-compliance, ca-revocation-delay]\n---\n\n', 'N/A'), errors: [{ messageId: 'notApplicable', line: 10 }] },
    { name: 'Bugzilla whiteboard line', code: report('Example CA: Certificates with a bad OU\n(Whiteboard: [ca-compliance] [leaf-revocation-delay])\n\n', 'N/A'), errors: [{ messageId: 'notApplicable', line: 9 }] },
    { name: 'title says delayed revocation', code: report('# Example CA: Delayed revocation of 12 certificates\n\n', 'N/A'), errors: [{ messageId: 'notApplicable', line: 8 }] },
    { name: 'summary says revocation delay', code: '## Full Incident Report\n\n### Summary\n\n- Incident description: A revocation delay of 12 certificates.\n\n### Impact\n\n- Analysis:\n', errors: [{ messageId: 'empty', line: 9 }] },
  ],
});
