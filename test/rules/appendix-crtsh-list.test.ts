import { describe, it } from 'vitest';
import rule from '../../rules/appendix-crtsh-list.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { hash } from '../helpers/csv.js';

const kind = 'crtsh' as const;
const link = (n: number): string => `https://crt.sh/?sha256=${hash(n)}`;
const list = (n: number): string => `${Array.from({ length: n }, (_, i) => link(i + 1)).join('\n')}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: '10,000 links', kind, code: list(10000) },
    { name: 'upper-case hashes, CRLF, a BOM', kind, options: { minEntries: 2 }, code: `\uFEFF${link(1).toUpperCase().replace('HTTPS://CRT.SH/?SHA256=', 'https://crt.sh/?sha256=')}\r\n${link(2)}\r\n` },
    { name: 'a CSV of one column with a header', kind, options: { minEntries: 2 }, code: `crt.sh link\n${link(1)}\n${link(2)}\n` },
  ],
  invalid: [
    { name: 'fewer than 10,000 links', kind, code: list(3), errors: [{ messageId: 'tooFew', line: 1 }] },
    { name: 'a short hash', kind, options: { minEntries: 1 }, code: `${link(1)}\nhttps://crt.sh/?sha256=${'c'.repeat(63)}\n`, errors: [{ messageId: 'badLink', line: 2 }] },
    { name: 'a line that is not a link', kind, options: { minEntries: 1 }, code: `${link(1)}\nsee the spreadsheet\n`, errors: [{ messageId: 'badLink', line: 2 }] },
    { name: 'a link by ID', kind, options: { minEntries: 1 }, code: `${link(1)}\nhttps://crt.sh/?id=1947655126\n`, errors: [{ messageId: 'byId', line: 2 }] },
    { name: 'the same link twice', kind, options: { minEntries: 1 }, code: `${link(1)}\n${link(2)}\n${link(1)}\n`, errors: [{ messageId: 'duplicate', line: 3 }] },
    { name: 'an empty file', kind, code: '\n\n', errors: [{ messageId: 'empty', line: 1 }] },
  ],
});
