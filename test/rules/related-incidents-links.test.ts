import { describe, it } from 'vitest';
import rule from '../../rules/related-incidents-links.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const table = (...rows: string[]): string => `## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
const body = (text: string): string => `## Full Incident Report\n\n### Related Incidents\n\n${text}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'linked and dated', code: table('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-03-27 | Stale CAA. |') },
    { name: 'bug number and a written date', code: table('| Bug 1887007 | March 27, 2024 | Stale CAA. |') },
    { name: 'a bare bug number in the Bug column', code: table('| 1887007 | 2024-03-27 | Stale CAA. |') },
    { name: 'bullets', code: body('- https://bugzil.la/1887007 (opened 2024-03-27): stale CAA.') },
    { name: 'placeholder rows are left to no-placeholder', code: table('| Related Bug ID | Date Related Bug was opened | Description |') },
    { name: 'none, with how the search was done', code: body('N/A: we searched Bugzilla for CAA incidents since 2023 and found none.') },
  ],
  invalid: [
    { name: 'no date', code: table('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | | Stale CAA. |'), errors: [{ messageId: 'noDate', line: 7 }] },
    { name: 'no bug', code: table('| Our CAA incident | 2024-03-27 | Stale CAA. |'), errors: [{ messageId: 'noLink', line: 7 }] },
    {
      name: 'each row',
      code: table('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-03-27 | Ok. |', '| Bug 1921254 | recently | No date. |', '| CAA | 2024-10-14 | No bug. |'),
      errors: [{ messageId: 'noDate', line: 8 }, { messageId: 'noLink', line: 9 }],
    },
    { name: 'a bullet with a bug but no date', code: body('- https://bugzil.la/1887007: stale CAA.'), errors: [{ messageId: 'noDate', line: 5 }] },
    { name: 'bare N/A', code: body('N/A'), errors: [{ messageId: 'none', line: 5 }] },
  ],
});

// Bug links and dates that are there but wrong, judged against the posting date (front matter, else --now).
const posted = (...rows: string[]): string => `---\nposted: 2025-09-10\n---\n\n${table(...rows)}`;
const flattened = (...rows: string[]): string => ['Full Incident Report', '', 'Related Incidents', '', 'Bug Date Description', ...rows, ''].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'dated on the posting day', code: posted('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2025-09-10 | Same day. |') },
    { name: 'a date in the description is not the row date', code: posted('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-03-27 | Fixed on 2026-01-01 per their plan. |') },
    { name: 'without front matter, --now is the posting date', code: table('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2025-05-30 | Stale CAA. |'), now: '2025-06-01' },
    { name: 'copied from Bugzilla, a good row', code: flattened('https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 2024-03-27 Another CA: stale CAA.'), now: '2025-06-01' },
  ],
  invalid: [
    { name: 'a row dated after posting (a year typo)', code: posted('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2026-03-27 | Stale CAA. |'), errors: [{ messageId: 'futureDate', line: 11, column: 58 }] },
    { name: 'a date that does not exist', code: posted('| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-02-30 | Stale CAA. |'), errors: [{ messageId: 'invalidDate', line: 11 }] },
    { name: 'a link whose id is not a number', code: posted('| https://bugzilla.mozilla.org/show_bug.cgi?id=18870O7 | 2024-03-27 | Stale CAA. |'), errors: [{ messageId: 'badLink', line: 11 }] },
    { name: 'copied from Bugzilla, a row dated after --now', code: flattened('https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 2027-03-27 Another CA: stale CAA.'), now: '2025-06-01', errors: [{ messageId: 'futureDate', line: 6 }] },
    { name: 'a bullet dated after posting', code: `---\nposted: 2025-09-10\n---\n\n${body('- https://bugzil.la/1887007 (opened 2026-03-27): stale CAA.')}`, errors: [{ messageId: 'futureDate', line: 9 }] },
  ],
});
