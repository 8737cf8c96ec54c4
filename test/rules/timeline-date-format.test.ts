import { describe, it } from 'vitest';
import rule from '../../rules/timeline-date-format.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const tl = (body: string): string => `## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'ISO dates, 24-hour clock', code: tl('- 2024-03-05 10:18 received\n- 2024-03-06T09:00Z revoked') },
    { name: 'bare times under an ISO day header', code: tl('2024-03-05:\n\n- 10:18 received') },
    { name: 'a numeric date whose parts are equal reads one way', code: tl('- 2024-03-03 10:18 received') },
    { name: 'a month name is clear: no finding by default', code: tl('- July 14, 2022 09:30 received') },
    { name: 'a 12-hour time is clear: no finding by default', code: tl('- 2022-07-14 6:27 AM received') },
    { name: 'a dotted day-first date is clear by default', code: tl('- 12.09.2025 10:00 received') },
    { name: 'M/D/YYYY with a day above 12 reads one way', code: tl('- 1/29/2019 11:18 received') },
  ],
  invalid: [
    { name: 'ambiguous slashed date', code: tl('- 03/04/2024 10:18 received'), errors: [{ messageId: 'ambiguous', line: 7 }] },
    { name: 'ambiguous slashed date with preferIso off or on', options: { preferIso: true }, code: tl('- 03/04/2024 10:18 received'), errors: [{ messageId: 'ambiguous', line: 7 }] },
    { name: 'an ambiguous day header whose items carry the times', code: tl('03/06/2025:\n\n- 10:00 received\n- 11:00 revoked'), errors: [{ messageId: 'ambiguous', line: 7 }] },
    { name: 'an ambiguous day header with no colon, bold', code: tl('**03/06/2025**\n\n- 10:00 received'), errors: [{ messageId: 'ambiguous', line: 7 }] },
    { name: 'ambiguous dashed date', code: tl('- 03-04-2024 10:18 received'), errors: [{ messageId: 'ambiguous', line: 7 }] },
    { name: 'a date that does not exist', code: tl('- 2024-02-30 10:18 received'), errors: [{ messageId: 'invalid', line: 7 }] },
    { name: 'no year', code: tl('- 2024-03-01 10:00 start\n- Aug 19th: received'), errors: [{ messageId: 'noYear', line: 8 }] },
    { name: 'no year and no context', code: tl('On Aug 19th, we were sent a batch of certificates.'), errors: [{ messageId: 'noYear', line: 7 }] },
    { name: 'month name, fixed to ISO (preferIso)', options: { preferIso: true }, code: tl('- June 3, 2022 09:30 received'), errors: [{ messageId: 'nonIso', line: 7 }], output: tl('- 2022-06-03 09:30 received') },
    { name: 'weekday kept, date fixed (preferIso)', options: { preferIso: true }, code: tl('- Saturday, May 11, 2019 10:00: reported'), errors: [{ messageId: 'nonIso', line: 7 }], output: tl('- Saturday, 2019-05-11 10:00: reported') },
    { name: 'unambiguous M/D/YYYY, fixed (preferIso)', options: { preferIso: true }, code: tl('- 1/29/2019 11:18 received'), errors: [{ messageId: 'nonIso', line: 7 }], output: tl('- 2019-01-29 11:18 received') },
    { name: 'dotted day-first with a day above 12, fixed (preferIso)', options: { preferIso: true }, code: tl('- 21.11.2019 15:51 inspection'), errors: [{ messageId: 'nonIso', line: 7 }], output: tl('- 2019-11-21 15:51 inspection') },
    { name: 'dotted that could read both ways: warned, not fixed (preferIso)', options: { preferIso: true }, code: tl('- 08.10.2019 20:50 informed'), errors: [{ messageId: 'dayFirst', line: 7 }] },
    { name: 'unpadded ISO (preferIso)', options: { preferIso: true }, code: tl('- 2024-4-20 10:00 done'), errors: [{ messageId: 'nonIso', line: 7 }], output: tl('- 2024-04-20 10:00 done') },
    { name: '12-hour clock, fixed (preferIso)', options: { preferIso: true }, code: tl('- 2024-10-26 3:14 PM: sent'), errors: [{ messageId: 'clock12', line: 7 }], output: tl('- 2024-10-26 15:14: sent') },
    { name: '12-hour clock to the hour: not fixed (preferIso)', options: { preferIso: true }, code: tl('- 2024-10-26 3 PM: sent'), errors: [{ messageId: 'clock12', line: 7 }] },
  ],
});
