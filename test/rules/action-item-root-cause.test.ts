import { describe, it } from 'vitest';
import rule from '../../rules/action-item-root-cause.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v3Actions, v3Row } from '../helpers/action-report.js';

const F1 = '**Contributing Factor #1: Cache reuse**';
const F2 = '**Contributing Factor #2: No test**';
// Factors on lines 5 and 7; table header on line 11, rows from line 13.
const two = (...refs: string[]): string => v3Actions(refs.map((r, i) => v3Row(`Action ${i + 1}`, 'Prevent', r)), [F1, F2]);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'each factor mapped, "Root Cause #N" style', code: two('Root Cause #1', 'Root Cause #2') },
    { name: 'every accepted spelling', code: two('Root Cause # 1, Contributing Factor #2', 'CF1', '#2', '1, 2') },
    { name: '"All" covers every factor', code: two('All') },
    { name: 'no factors: rca-contributing-factors reports instead', code: v3Actions([v3Row('Action', 'Prevent', 'Root Cause #4')]) },
  ],
  invalid: [
    { name: 'factor #2 has no action', code: two('Root Cause #1'), errors: [{ messageId: 'unmappedFactor', line: 7 }] },
    { name: 'an action names a factor that does not exist', code: two('Root Cause #1, #2', 'Root Cause #3'), errors: [{ messageId: 'unknownFactor', line: 14 }] },
    { name: 'empty and N/A references', code: two('Root Cause #1, #2', '', 'N/A'), errors: [{ messageId: 'missing', line: 14 }, { messageId: 'missing', line: 15 }] },
    { name: 'a reference without a number', code: two('Root Cause #1, #2', 'the cache'), errors: [{ messageId: 'unrecognised', line: 14 }] },
  ],
});
