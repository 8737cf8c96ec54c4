import { describe, it } from 'vitest';
import rule from '../../rules/action-item-overdue.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v3Actions, v3Row } from '../helpers/action-report.js';

const row = (due: string, status: string): string => v3Row('Add per-path CAA tests', 'Prevent', 'Root Cause #1', 'One test per issuance path', due, status);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'Ongoing and due later', code: v3Actions([row('2025-12-31', 'Ongoing')]), now: '2025-12-01' },
    { name: 'due today is not overdue', code: v3Actions([row('2025-12-01', 'Ongoing')]), now: '2025-12-01' },
    { name: 'due today is not overdue late in the day either', code: v3Actions([row('2025-12-01', 'Ongoing')]), now: '2025-12-01T23:30:00Z' },
    { name: 'Complete and Delayed past the date are fine', code: v3Actions([row('2025-09-30', 'Complete'), row('2025-09-30', 'Delayed')]), now: '2025-12-01' },
    { name: 'an unreadable date is action-item-due-date\'s to report', code: v3Actions([row('TBD', 'Ongoing')]), now: '2025-12-01' },
    { name: 'judged as of the front matter posting date', code: `---\nposted: 2025-09-10\n---\n\n${v3Actions([row('2025-09-30', 'Ongoing')])}`, now: '2025-12-01' },
    { name: 'grace days from options', code: v3Actions([row('2025-11-25', 'Ongoing')]), now: '2025-12-01', options: { graceDays: 7 } },
  ],
  invalid: [
    { name: 'Ongoing after its due date', code: v3Actions([row('2025-09-30', 'Ongoing')]), now: '2025-12-01', errors: [{ messageId: 'overdue', line: 7 }] },
    { name: '"In progress" counts as Ongoing', code: v3Actions([row('2024-03-29', 'In progress')]), now: '2024-04-15', errors: [{ messageId: 'overdue', line: 7 }] },
    { name: 'one day late', code: v3Actions([row('2025-11-30', 'Ongoing')]), now: '2025-12-01T00:01:00Z', errors: [{ messageId: 'overdue', line: 7, message: 'This action item is still "Ongoing" but was due 2025-11-30, 1 day(s) before 2025-12-01; mark it Complete, or Delayed with a new date and the reason.' }] },
    { name: 'a clear non-ISO date is still compared', code: v3Actions([row('2025-9-30', 'Ongoing')]), now: '2025-12-01', errors: [{ messageId: 'overdue', line: 7 }] },
  ],
});
