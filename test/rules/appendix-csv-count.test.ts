import { describe, it } from 'vitest';
import rule from '../../rules/appendix-csv-count.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { csv, csvRow } from '../helpers/csv.js';

const rows = (n: number): string => csv(Array.from({ length: n }, (_, i) => csvRow({}, i + 1)));
const report = (total: string, remaining: string, appendix = 'The affected certificates are in the attached certs.csv.', frontMatter = ''): string =>
  `${frontMatter}## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n- **Total number of "remaining valid" certificates:** ${remaining}\n\n### Appendix\n\n${appendix}\n`;
const fm = '---\nappendix: certs.csv\n---\n';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'rows between remaining valid and the total', code: report('5', '2'), attachments: { 'certs.csv': rows(3) } },
    { name: 'named in front matter only', code: report('2', '2', 'See the attachment.', fm), attachments: { 'certs.csv': rows(2) } },
    { name: 'a file beside the report that it does not name', code: report('9', '9', 'N/A'), attachments: { 'other.csv': rows(1) } },
    { name: 'the host did not look (stdin)', code: report('9', '9', 'N/A', fm) },
    { name: 'N/A remaining valid', code: report('2', 'N/A'), attachments: { 'certs.csv': rows(2) } },
  ],
  invalid: [
    { name: '4 remaining valid, 2 rows', code: report('4', '4'), attachments: { 'certs.csv': rows(2) }, errors: [{ messageId: 'fewerThanRemaining', line: 6, column: 55 }] },
    { name: 'more rows than the total', code: report('2', '0'), attachments: { 'certs.csv': rows(3) }, errors: [{ messageId: 'moreThanTotal', line: 5, column: 37 }] },
    { name: 'approximate counts get a message, not a guess', code: report('~500', 'about 1,200'), attachments: { 'certs.csv': rows(2) }, errors: [{ messageId: 'approximate', line: 5 }, { messageId: 'approximate', line: 6 }] },
    { name: 'front matter names a file that is not there', code: report('2', '2', 'See the attachment.', fm), attachments: {}, errors: [{ messageId: 'notFound', line: 2 }] },
    { name: 'the Appendix names the file in a path', code: report('4', '4', 'Attached: appendix/certs.csv'), attachments: { 'appendix/certs.csv': rows(1) }, errors: [{ messageId: 'fewerThanRemaining', line: 6 }] },
  ],
});
