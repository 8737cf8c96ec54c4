import { describe, it } from 'vitest';
import rule from '../../rules/action-item-evaluation-criteria.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { v2Actions, v3Actions, v3Row } from '../helpers/action-report.js';

const crit = (c: string): string => v3Actions([v3Row('Review the mailbox procedure', 'Prevent', 'Root Cause #1', c)]);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a measurable criterion', code: crit('Synthetic problem report is acknowledged within 4 hours, every week') },
    { name: 'monitoring with a measure', code: crit('Monitoring dashboard shows zero CAA checks older than 8 hours for 30 days') },
    { name: 'v2 tables have no criteria column', code: v2Actions(['| a | Prevent | 2024-01-01 |']) },
    { name: 'the template filler "Criteria" is left to no-placeholder', code: crit('Criteria') },
  ],
  invalid: [
    { name: 'empty', code: crit(''), errors: [{ messageId: 'missing', line: 7 }] },
    { name: 'N/A', code: crit('N/A'), errors: [{ messageId: 'notApplicable', line: 7 }] },
    { name: 'monitor', code: crit('Monitor'), errors: [{ messageId: 'vague', line: 7 }] },
    { name: 'process improved', code: crit('The process is improved'), errors: [{ messageId: 'vague', line: 7 }] },
    { name: 'a CA-specific vague word', code: crit('Verified by the team lead'), options: { vague: ['verified'] }, errors: [{ messageId: 'vague', line: 7 }] },
  ],
});
