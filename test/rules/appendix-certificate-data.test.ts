import { describe, it } from 'vitest';
import rule from '../../rules/appendix-certificate-data.js';
import { IRG_CSV_COLUMNS } from '../../src/parse/appendix.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const HEADER = IRG_CSV_COLUMNS.join(',');
const ROW = `${A},${B},CN=www.example.com,CN=Example CA,2025-08-04,2025-11-02,0x5d1e,www.example.com,Yes,2025-08-16,superseded`;
const full = (total: string, appendix: string): string => `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n\n### Appendix\n\n${appendix}\n`;
const fenced = (...lines: string[]): string => ['```csv', ...lines, '```'].join('\n');

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'CSV in a code block', code: full('1', fenced(HEADER, ROW)) },
    // dossier's documented convention: "A space is used to delimit SHA-256 hashes and DNS names"; its CSV writer has also joined them with commas in a quoted cell.
    { name: 'two space-separated hashes in one cell (dossier)', code: full('1', fenced(HEADER, ROW.replace(`,${B},`, `,${B} ${A},`))) },
    { name: 'two comma-separated hashes in a quoted cell', code: full('1', fenced(HEADER, ROW.replace(`,${B},`, `,"${B},${A}",`))) },
    { name: 'N/A for a missing precertificate', code: full('1', fenced(HEADER, ROW.replace(`${A},`, 'N/A,'))) },
    { name: 'a paired attachment named in front matter', code: `---\nappendix: certs.csv\n---\n${full('2', 'See below.')}`, attachments: { 'certs.csv': `${HEADER}\n${ROW}\n` } },
    { name: 'CSV with extra columns after the IRG ones', code: full('1', fenced(`${HEADER},Notes`, `${ROW},renewed`)) },
    { name: 'CSV as plain lines (rendered copy)', code: full('1', `${HEADER}\n${ROW}`) },
    {
      name: 'a sentence that lists the columns of an attached CSV is not a CSV header',
      code: full('1', `Details of the affected certificate are in the attached CSV, with the IRG columns in the IRG order: ${IRG_CSV_COLUMNS.join(', ')}.`),
    },
    { name: 'a sentence listing the columns without a colon', code: full('1', `The attached file has the columns ${IRG_CSV_COLUMNS.join(', ')} as the IRG asks.`) },
    { name: 'colon-separated fingerprints and an empty precertificate hash', code: full('1', fenced(HEADER, ROW.replace(A, '').replace(B, Array.from({ length: 32 }, () => 'AB').join(':')))) },
    { name: 'crt.sh sha256 links', code: full('2', `https://crt.sh/?sha256=${A}\nhttps://crt.sh/?sha256=${B.toUpperCase()}`) },
    { name: 'crt.sh id links are accepted by default', code: full('2', 'https://crt.sh/?id=1947655126\nhttps://crt.sh/?id=1947655112') },
    { name: 'N/A with no affected certificates', code: full('0', 'N/A') },
    { name: 'N/A with an N/A total', code: full('N/A', 'N/A') },
    { name: 'a list in an attachment', code: full('3000', 'The affected certificates are in the attached spreadsheet (affected.csv).') },
    { name: 'a table with the IRG columns', code: full('1', `| ${IRG_CSV_COLUMNS.join(' | ')} |\n| ${IRG_CSV_COLUMNS.map(() => '---').join(' | ')} |\n| ${ROW.split(',').join(' | ')} |`) },
    { name: 'legacy question 5 with crt.sh id links', code: '1. How your CA first became aware of the problem\n\nEmail.\n\n5. The complete certificate data for the problematic certificates.\n\nhttps://crt.sh/?id=1947655126\n' },
    { name: 'a 40-hex serial number is not a hash', code: full('1', `Serial: ${'c'.repeat(40)}\nhttps://crt.sh/?sha256=${A}`) },
  ],
  invalid: [
    { name: 'one short hash among two in a cell', code: full('1', fenced(HEADER, ROW.replace(`,${B},`, `,${B} ${'c'.repeat(63)},`))), errors: [{ messageId: 'badHash', line: 11, column: 131 }] },
    { name: 'a CSV header line in text with a column missing is still read as a header', code: full('1', `${IRG_CSV_COLUMNS.slice(1).join(',')}\n${ROW.slice(65)}`), errors: [{ messageId: 'csvMissingColumns', line: 9 }] },
    { name: 'columns out of order', code: full('1', fenced(HEADER.replace('Subject,Issuer', 'Issuer,Subject'), ROW)), errors: [{ messageId: 'csvOrder', line: 10 }] },
    { name: 'columns missing', code: full('1', fenced('Certificate SHA-256 hash,Subject,Issuer,Serial #', `${B},CN=x,CN=y,01`)), errors: [{ messageId: 'csvMissingColumns', line: 10 }] },
    { name: 'a short hash in the CSV', code: full('1', fenced(HEADER, ROW.replace(B, B.slice(1)))), errors: [{ messageId: 'badHash', line: 11 }] },
    { name: 'a short hash in a crt.sh link', code: full('1', `https://crt.sh/?sha256=${A.slice(2)}`), errors: [{ messageId: 'badCrtshHash', line: 9 }] },
    { name: 'a malformed fingerprint in the text', code: full('1', `SHA-256: ${A}0`), errors: [{ messageId: 'badHash', line: 9 }] },
    { name: 'crt.sh id links when the options ask for sha256', code: full('1', 'https://crt.sh/?id=1947655126'), options: { allowCrtshId: false }, errors: [{ messageId: 'crtshId', line: 9 }] },
    { name: 'N/A with affected certificates', code: full('14', 'N/A'), errors: [{ messageId: 'missing', line: 7 }] },
    { name: 'a CSV header without rows', code: full('14', fenced(HEADER)), errors: [{ messageId: 'missing', line: 7 }] },
    { name: 'legacy question 5 with a short hash', code: '1. How your CA first became aware of the problem\n\nEmail.\n\n5. The complete certificate data for the problematic certificates.\n\nhttps://crt.sh/?sha256=abc\n', errors: [{ messageId: 'badCrtshHash', line: 7 }] },
  ],
});
