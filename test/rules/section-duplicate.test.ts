import { describe, expect, it } from 'vitest';
import rule from '../../rules/section-duplicate.js';
import { RuleTester, runRule } from '../../src/testing/rule-tester.js';

const dup = '## Incident Report\n\n### Summary\n\nx\n\n### Timeline\n\nAll times are UTC.\n\n### Timeline\n\nmore\n';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'a bare line repeating a section title inside a copied page is text',
      code: 'Full Incident Report\n\nSummary\n\nText.\n\nImpact\n\nTotal number of certificates: 3\n\nTimeline\n\nAll times are UTC.\n\nImpact\n\nwas discussed with the auditors on 2025-05-02 10:00.\n',
    },
    { name: 'each section once', code: '## Incident Report\n\n### Summary\n\nx\n\n### Timeline\n\ny\n' },
    { name: 'a bare line repeating a title is text, not a heading', code: 'Incident Report\n\nSummary\n\nx\n\nTimeline\n\ny\n\nTimeline\n\nz\n' },
    { name: 'the same section in two reports', code: '## Preliminary Incident Report\n\n### Summary\n\nx\n\n## Full Incident Report\n\n### Summary\n\ny\n' },
  ],
  invalid: [
    {
      name: 'Impact pasted twice in a copy of the rendered page',
      code: 'Full Incident Report\n\nSummary\n\nText.\n\nImpact\n\nTotal number of certificates: 3\n\nImpact\n\nTotal number of certificates: 3\n\nTimeline\n\nAll times are UTC.\n',
      errors: [{ messageId: 'duplicate', line: 11 }],
    },
    { name: 'Timeline twice', code: dup, errors: [{ messageId: 'duplicate', line: 11 }] },
    { name: 'Root Causes alias duplicates Root Cause Analysis', code: '## Incident Report\n\n### Root Cause Analysis\n\nx\n\n### Root Causes\n\ny\n', errors: [{ messageId: 'duplicate', line: 7 }] },
  ],
});

describe('section-duplicate related location', () => {
  it('points at the first section', () => {
    const { messages } = runRule(rule, { code: dup });
    expect(messages[0]?.related).toEqual([{ message: 'First "Timeline" is here.', line: 7, column: 5 }]);
  });
});
