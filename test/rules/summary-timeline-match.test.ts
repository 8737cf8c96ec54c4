import { describe, it } from 'vitest';
import rule from '../../rules/summary-timeline-match.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

/** Summary dates on lines 6-8, then a Timeline whose entries start on line 14, then an Impact heuristic. */
function report(dates: [string, string, string], entries: string[], zone = 'All times are UTC.', heuristic = 'Certificates of Example CA R3 with a stale CAA check.'): string {
  return [
    '## Full Incident Report',
    '',
    '### Summary',
    '',
    '- **Timeline summary:**',
    `  - **Non-compliance start date:** ${dates[0]}`,
    `  - **Non-compliance identified date:** ${dates[1]}`,
    `  - **Non-compliance end date:** ${dates[2]}`,
    '',
    '### Timeline',
    '',
    zone,
    '',
    ...entries,
    '',
    '### Impact',
    '',
    `- **Incident heuristic:** ${heuristic}`,
    '',
  ].join('\n');
}

const ENTRIES = ['- 2025-08-04 09:12 First affected certificate issued (non-compliance starts).', '- 2025-08-12 14:30 Scanner alert; we become aware.', '- 2025-08-12 16:40 Retry path disabled (non-compliance ends).'];
const RIGHT: [string, string, string] = ['2025-08-04', '2025-08-12', '2025-08-12'];

/** Copied from Bugzilla: bare headings, "•" bullets, the timeline table flattened into lines. */
const bugzilla = (dates: [string, string, string]): string =>
  [
    'Full Incident Report',
    '',
    'Summary',
    '',
    '  • Timeline summary:',
    `    • Non-compliance start date: ${dates[0]}`,
    `    • Non-compliance identified date: ${dates[1]}`,
    `    • Non-compliance end date: ${dates[2]}`,
    '',
    'Timeline',
    '',
    'All times are UTC+8.',
    '',
    'Time Event',
    '2025-03-04 00:20 The CRL signing job fails (non-compliance starts).',
    '2025-03-04 02:55 A monitoring alert reaches our NOC; we become aware.',
    '2025-03-04 03:30 New CRL published (non-compliance ends).',
    '',
  ].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the same days', code: report(RIGHT, ENTRIES) },
    { name: 'dates with times in the Summary', code: report(['2025-08-04 09:12 UTC', '2025-08-12 14:30 UTC', '2025-08-12 16:40 UTC'], ENTRIES) },
    { name: 'a UTC+8 timeline: the local day matches although the UTC day is the day before', code: bugzilla(['2025-03-04', '2025-03-04', '2025-03-04']) },
    { name: 'a UTC+8 timeline: the UTC day matches too', code: bugzilla(['2025-03-03', '2025-03-03', '2025-03-03']) },
    { name: 'entries that do not name the events are not judged', code: report(['2025-07-01', '2025-07-02', '2025-07-03'], ['- 2025-08-04 09:12 Certificate issued.', '- 2025-08-12 14:30 Alert received.', '- 2025-08-12 16:40 Retry path disabled.']) },
    { name: 'one of several awareness entries matches', code: report(RIGHT, [...ENTRIES, '- 2025-08-20 10:00 The auditor became aware of the report.']) },
    { name: 'N/A and ongoing dates are not compared', code: report(['2025-08-04', 'N/A (audit finding)', 'Ongoing'], ENTRIES) },
    { name: 'an ambiguous Summary date is left to timeline-summary-dates', code: report(['08/04/2025', '2025-08-12', '2025-08-12'], ENTRIES) },
    { name: 'a heuristic window from the start date', code: report(RIGHT, ENTRIES, 'All times are UTC.', 'Certificates issued between 2025-08-04 09:12 UTC and 2025-08-12 16:40 UTC.') },
    { name: 'a heuristic window that opens before the start (a deadline incident)', code: report(RIGHT, ENTRIES, 'All times are UTC.', 'Problem reports filed between 2025-08-03 09:12 UTC and 2025-08-11 16:40 UTC.') },
  ],
  invalid: [
    { name: 'a start date the Timeline contradicts', code: report(['2025-08-03', '2025-08-12', '2025-08-12'], ENTRIES), errors: [{ messageId: 'mismatch', line: 6 }] },
    { name: 'an identified date the Timeline contradicts', code: report(['2025-08-04', '2025-08-11', '2025-08-12'], ENTRIES), errors: [{ messageId: 'mismatch', line: 7 }] },
    { name: 'an end date the Timeline contradicts', code: report(['2025-08-04', '2025-08-12', '2025-08-21'], ENTRIES), errors: [{ messageId: 'mismatch', line: 8 }] },
    { name: 'copied from Bugzilla, a UTC+8 day two days off', code: bugzilla(['2025-03-02', '2025-03-04', '2025-03-04']), errors: [{ messageId: 'mismatch', line: 6 }] },
    { name: 'a heuristic window that opens after the start', code: report(RIGHT, ENTRIES, 'All times are UTC.', 'Certificates issued between 2025-08-06 and 2025-08-12.'), errors: [{ messageId: 'heuristicStart', line: 20 }] },
    { name: 'words for the start given by option', code: report(['2025-08-03', '2025-08-12', '2025-08-12'], ['- 2025-08-04 09:12 Go-live of release 7.3.', ...ENTRIES.slice(1)]), options: { start: ['go-live'] }, errors: [{ messageId: 'mismatch', line: 6 }] },
  ],
});
