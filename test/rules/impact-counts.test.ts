import { describe, it } from 'vitest';
import rule from '../../rules/impact-counts.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const impact = (total: string, remaining: string): string =>
  `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n- **Total number of "remaining valid" certificates:** ${remaining}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'plain numbers', code: impact('14', '0') },
    { name: 'with a unit', code: impact('2 certificates', '1 certificate') },
    { name: 'thousands separators', code: impact('1,234', '1 000') },
    { name: 'a number then an explanation', code: impact('150 Certificates were referenced by a total of 68 Certificate Problem Reports', '0. All Certificate Problem reports have been triaged.') },
    { name: 'N/A', code: impact('N/A', 'N/A') },
    { name: 'zero in words', code: impact('none', 'zero') },
    { name: 'equal counts', code: impact('12', '12') },
  ],
  invalid: [
    { name: 'about 230,000', code: impact('about 230,000', '0'), errors: [{ messageId: 'approximate', line: 5 }] },
    { name: 'a plus sign and a tilde', code: impact('230,000+', '~100'), errors: [{ messageId: 'approximate', line: 5 }, { messageId: 'approximate', line: 6 }] },
    { name: 'millions', code: impact('1.2 million', '0'), errors: [{ messageId: 'approximate', line: 5 }] },
    { name: 'words', code: impact('Unknown, still under investigation', '0'), errors: [{ messageId: 'notANumber', line: 5 }] },
    { name: 'a decimal', code: impact('2.5', '0'), errors: [{ messageId: 'notANumber', line: 5 }] },
    { name: 'a date is not a count', code: impact('2025-08-04', '0'), errors: [{ messageId: 'notANumber', line: 5 }] },
    { name: 'remaining larger than the total', code: impact('12', '14'), errors: [{ messageId: 'remainingExceedsTotal', line: 6 }] },
    { name: 'remaining with an N/A total', code: impact('N/A', '3'), errors: [{ messageId: 'remainingWithoutTotal', line: 6 }] },
  ],
});
