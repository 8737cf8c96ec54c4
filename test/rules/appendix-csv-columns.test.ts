import { describe, it } from 'vitest';
import rule from '../../rules/appendix-csv-columns.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { csv, csvRow, DOSSIER_HEADER, IRG_HEADER } from '../helpers/csv.js';

const kind = 'csv' as const;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the IRG header', kind, code: csv([csvRow()]) },
    { name: 'the header as dossier writes it', kind, code: csv([csvRow()], DOSSIER_HEADER) },
    { name: 'without "#" and "?", in upper case', kind, code: csv([csvRow()], IRG_HEADER.replace('Serial #', 'SERIAL').replace('Is revoked?', 'IS REVOKED')) },
    { name: 'custom columns after Revocation reason', kind, code: csv([`${csvRow()},T-1,renewed`], `${IRG_HEADER},Ticket,Notes`) },
    { name: 'a quoted field holding a line break, CRLF line ends', kind, code: `${IRG_HEADER}\r\n${csvRow({ subject: '"CN=a.example.com,\r\nO=Two Lines Ltd"' })}\r\n` },
    { name: 'a BOM before the header', kind, code: `\uFEFF${csv([csvRow()])}` },
    { name: 'semicolons as the delimiter (a spreadsheet export)', kind, code: `${IRG_HEADER.replace(/,/g, ';')}\n${csvRow({ issuer: 'CN=Example TLS RSA CA 2024' }).replace(/,/g, ';')}\n` },
    { name: 'tabs as the delimiter', kind, code: `${IRG_HEADER.replace(/,/g, '\t')}\n${csvRow({ issuer: 'CN=Example TLS RSA CA 2024' }).replace(/,/g, '\t')}\n` },
    { name: 'empty rows below the data (",,,,")', kind, code: `${csv([csvRow()])},,,,,,,,,,\n,,,,,,,,,,\n` },
  ],
  invalid: [
    { name: 'an empty file', kind, code: '', errors: [{ messageId: 'empty', line: 1 }] },
    { name: 'a custom column before Revocation reason', kind, code: csv([csvRow().replace(',superseded', ',T-1,superseded')], IRG_HEADER.replace(',Revocation reason', ',Ticket,Revocation reason')), errors: [{ messageId: 'customBefore', line: 1, column: 136 }] },
    { name: 'a custom column first', kind, code: csv([`x,${csvRow()}`], `Row,${IRG_HEADER}`), errors: [{ messageId: 'customBefore', line: 1, column: 1 }] },
    {
      name: 'Subject and Issuer swapped',
      kind,
      code: csv([csvRow()], IRG_HEADER.replace('Subject,Issuer', 'Issuer,Subject')),
      errors: [{ messageId: 'order', line: 1, column: 54, message: 'Column 3 is "Issuer"; put "Subject" there, as the IRG does (the first eleven columns, in order: Precertificate SHA-256 hash, Certificate SHA-256 hash, Subject, Issuer, Not before, Not after, Serial #, dNSNames, Is revoked?, Revocation date, Revocation reason).' }],
    },
    { name: 'a column missing', kind, code: csv([csvRow().replace(/,[^,]*$/, '')], IRG_HEADER.replace(',Revocation reason', '')), errors: [{ messageId: 'missing', line: 1 }] },
    { name: 'another name for a column (a warning)', kind, code: csv([csvRow()], IRG_HEADER.replace('Serial #', 'Serial Number')), errors: [{ messageId: 'alias', line: 1 }] },
    { name: 'a column twice', kind, code: csv([`${csvRow()},x`], `${IRG_HEADER},Subject`), errors: [{ messageId: 'duplicate', line: 1 }] },
    { name: 'a short row', kind, code: csv([csvRow(), 'a,b,c']), errors: [{ messageId: 'rowWidth', line: 3 }] },
    { name: 'a quote never closed', kind, code: csv([csvRow({ reason: '"superseded' })]), errors: [{ messageId: 'unclosedQuote', line: 2 }] },
  ],
});
