import { describe, it } from 'vitest';
import rule from '../../rules/rca-contributing-factors.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const rca = (...body: string[]): string => ['## Full Incident Report', '', '### Root Cause Analysis', '', ...body, ''].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'two numbered factors', code: rca('**Contributing Factor #1: Cache reuse**', '', '- **Description:** x', '', '**Contributing Factor #2: No test**', '', '- **Description:** y') },
    { name: 'heading style and no "#"', code: rca('#### Contributing Factor 1 - Cache reuse', '', 'Text.', '', '#### Contributing Factor 2 - No test', '', 'Text.') },
    { name: 'v2 reports have no factor blocks', code: '## Incident Report\n\n### Root Cause Analysis\n\nOne paragraph.\n' },
    { name: 'no Root Cause Analysis section: section-required reports it', code: '## Full Incident Report\n\n### Summary\n\nText.\n' },
  ],
  invalid: [
    { name: 'a paragraph instead of factor blocks', code: rca('The retry path reused a cached CAA result.'), errors: [{ messageId: 'none', line: 3 }] },
    { name: 'prose mentioning a contributing factor is not a block', code: rca('Contributing factors were several, as described below.'), errors: [{ messageId: 'none', line: 3 }] },
    { name: 'numbered 1 then 3', code: rca('**Contributing Factor #1: a**', '', '**Contributing Factor #3: b**'), errors: [{ messageId: 'numbering', line: 7 }] },
    { name: 'number used twice', code: rca('**Contributing Factor #1: a**', '', '**Contributing Factor #1: b**'), errors: [{ messageId: 'duplicate', line: 7 }] },
    { name: 'template heading without a number', code: rca('**Contributing Factor #: Cache reuse**'), errors: [{ messageId: 'unnumbered', line: 5 }] },
  ],
});
