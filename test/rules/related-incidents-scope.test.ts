import { describe, it } from 'vitest';
import rule from '../../rules/related-incidents-scope.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const FRONT = '---\nca-owner: Example Trust\nposted: 2025-09-10\n---\n\n';
/** Front matter (4 lines), then the Related Incidents table: header on line 10, rows from line 12. */
const report = (rows: string[], after = '', front = FRONT): string => `${front}## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n${rows.join('\n')}\n${after}`;
const link = (id: number): string => `https://bugzilla.mozilla.org/show_bug.cgi?id=${id}`;
const ownRow = `| ${link(1921254)} | 2024-10-14 | Example Trust: domain validation reuse periods |`;
const ourRow = `| ${link(1887007)} | 2024-03-27 | Our earlier CAA incident |`;
const otherRow = `| ${link(1887008)} | 2024-03-27 | Other CA: CAA check reused a stale DNS answer |`;
const anotherRow = `| ${link(1887009)} | 2024-05-01 | Another CA's CAA incident with the same cause |`;

/** Copied from Bugzilla: the title line gives the CA Owner; the table is flattened into lines. */
const bugzilla = (rows: string[]): string =>
  ['Example Trust: Certificates with a stale CAA check', 'Categories', '', 'Full Incident Report', '', 'Related Incidents', '', 'Bug Date Description', ...rows, ''].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: "own and another CA's incident", code: report([ownRow, otherRow]) },
    { name: "another CA's incident without a prefix", code: report([ourRow, anotherRow]) },
    { name: 'only own rows, but the section says how other CAs were searched', code: report([ownRow, ourRow], '\nWe searched Bugzilla for incidents of other CAs with this cause and found none.\n') },
    { name: 'a row that names nobody cannot be judged', code: report([`| ${link(1887010)} | 2024-03-27 | CAA check reused a stale DNS answer |`]) },
    { name: 'a recent row', code: report([otherRow]) },
    { name: 'old rows, and a word on the last two years', code: report([`| ${link(1551372)} | 2019-05-14 | Other CA: CAA check |`], '\nWe found no similar incidents in the last two years.\n') },
    { name: 'an undated row is not judged for age', code: report([`| ${link(1551372)} | 2019-05-14 | Other CA: CAA check |`, `| ${link(1551373)} | | Other CA: CRL issue |`]) },
    { name: 'copied from Bugzilla, with another CA', code: bugzilla([`${link(1921254)} 2024-10-14 Our earlier domain validation incident`, `${link(1887008)} 2024-03-27 Another CA's CAA check reused a stale answer`]), now: '2025-09-10' },
    { name: 'N/A', code: report(['| N/A | | |']) },
  ],
  invalid: [
    { name: "only the CA's own bugs", code: report([ownRow, ourRow]), errors: [{ messageId: 'ownOnly', line: 12 }] },
    { name: 'the CA Owner from the title', code: report([`| ${link(1921254)} | 2024-10-14 | Example Trust: validation reuse |`], '', '# Example Trust: stale CAA checks\n\n\n\n\n'), now: '2025-09-10', errors: [{ messageId: 'ownOnly', line: 12 }] },
    { name: 'nothing from the two years before posting', code: report([`| ${link(1551372)} | 2019-05-14 | Other CA: CAA check |`, `| ${link(1651372)} | 2023-05-14 | Other CA: CRL issue |`]), errors: [{ messageId: 'noneRecent', line: 13 }] },
    { name: 'posting from --now without front matter', code: report([otherRow], '', '# Title\n\n\n\n\n'), now: '2027-01-01', errors: [{ messageId: 'noneRecent', line: 12 }] },
    { name: 'copied from Bugzilla, own bugs only', code: bugzilla([`${link(1921254)} 2024-10-14 Our earlier domain validation incident`, `${link(1887007)} 2024-03-27 Example Trust: CAA incident`]), now: '2025-09-10', errors: [{ messageId: 'ownOnly', line: 9 }] },
  ],
});
