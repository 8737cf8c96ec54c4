import { describe, it } from 'vitest';
import rule from '../../rules/appendix-csv-values.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { csv, csvRow, DOSSIER_HEADER, hash } from '../helpers/csv.js';

const kind = 'csv' as const;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    // dossier: "A space is used to delimit SHA-256 hashes and DNS names"; N/A for a missing precertificate; reason names from Python's cryptography.
    { name: 'a dossier-style file', kind, code: csv([csvRow({ pre: 'N/A', cert: `${hash(1)} ${hash(2)}`, dns: 'a.example.com *.a.example.com', reason: 'key_compromise' }), csvRow({ cert: 'N/A' }, 2), csvRow({ reason: 'superseded' }, 3)], DOSSIER_HEADER) },
    { name: 'comma-separated hashes and names in a quoted cell', kind, code: csv([csvRow({ cert: `"${hash(1)},${hash(2)}"`, dns: '"a.example.com,b.example.com"' })]) },
    { name: 'reason names as written by CRL tools', kind, code: csv(['keyCompromise', 'Key Compromise', 'CESSATION_OF_OPERATION', 'affiliationChanged', 'privilegeWithdrawn', 'unspecified', 'N/A'].map((reason, i) => csvRow({ reason }, i + 1))) },
    { name: 'dates in ISO 8601, basic and OpenSSL forms', kind, code: csv([csvRow({ notBefore: '2025-07-17', notAfter: '2026-04-14 23:59:59 UTC', date: '20250718T172331Z' }), csvRow({ notBefore: 'Jul 17 00:00:00 2025 GMT', notAfter: '2026-04-14T23:59:59.123Z', date: '2025-07-18T19:23:31+02:00' }, 2)]) },
    { name: 'serials with 0x, colons, upper case', kind, code: csv([csvRow({ serial: '0x5D1E' }), csvRow({ serial: '5d:1e:2f' }, 2)]) },
    { name: 'an S/MIME row: REDACTED subject, no dNSNames', kind, code: csv([csvRow({ subject: 'REDACTED', dns: '' }), csvRow({ subject: 'REDACTED', dns: 'N/A' }, 2)]) },
    { name: 'a CA certificate row: CA subject and CA issuer', kind, code: csv([csvRow({ subject: '"CN=Example Issuing CA 1,O=Example"', issuer: '"CN=Example Root R1,O=Example"', dns: '' })]) },
    { name: 'empty rows below the data are not rows', kind, code: `${csv([csvRow()])},,,,,,,,,,\n` },
    { name: 'an IP address when allowed', kind, options: { allowIpAddresses: true }, code: csv([csvRow({ dns: 'www1.example.com 192.0.2.1 2001:db8::1' })]) },
  ],
  invalid: [
    { name: 'a 63-digit hash', kind, code: csv([csvRow({ cert: 'b'.repeat(63) })]), errors: [{ messageId: 'badHash', line: 2, column: 66 }] },
    { name: 'the second hash of a cell short', kind, code: csv([csvRow({ cert: `${hash(1)} ${'c'.repeat(65)}` })]), errors: [{ messageId: 'badHash', line: 2, column: 131 }] },
    { name: 'both hashes N/A', kind, code: csv([csvRow({ pre: 'N/A', cert: 'N/A' })]), errors: [{ messageId: 'noHash', line: 2 }] },
    { name: 'an empty hash cell', kind, code: csv([csvRow({ pre: '' })]), errors: [{ messageId: 'emptyHash', line: 2, column: 1 }] },
    {
      name: 'Subject and Issuer swapped',
      kind,
      code: csv([csvRow({ subject: '"CN=Example TLS RSA CA 2024,O=Example CA\\, Inc.,C=US"', issuer: 'CN=www1.example.com' })]),
      errors: [{ messageId: 'swapped', line: 2 }],
    },
    {
      name: 'the same Subject in every row while the Issuer varies (a warning)',
      kind,
      code: csv([1, 2, 3].map((n) => csvRow({ subject: '"CN=Example TLS RSA CA 2024,O=Example CA"', issuer: `CN=Customer ${n}` }, n))),
      errors: [{ messageId: 'sameSubject', line: 1 }],
    },
    { name: 'REDACTED issuer', kind, code: csv([csvRow({ issuer: 'REDACTED' })]), errors: [{ messageId: 'issuerRedacted', line: 2 }] },
    { name: 'empty subject', kind, code: csv([csvRow({ subject: '' })]), errors: [{ messageId: 'missingName', line: 2 }] },
    { name: 'an ambiguous date and an impossible one', kind, code: csv([csvRow({ notBefore: '03/04/2025', notAfter: '2026-02-30' })]), errors: [{ messageId: 'badDate', line: 2 }, { messageId: 'badDate', line: 2 }] },
    { name: 'an empty Not after', kind, code: csv([csvRow({ notAfter: '' })]), errors: [{ messageId: 'missingDate', line: 2 }] },
    { name: 'a serial that is not hex', kind, code: csv([csvRow({ serial: '0xZZ12' })]), errors: [{ messageId: 'badSerial', line: 2 }] },
    { name: 'a status that is not one of the four', kind, code: csv([csvRow({ revoked: 'Revoked' })]), errors: [{ messageId: 'badRevoked', line: 2 }] },
    { name: 'a reason that is not a reasonCode', kind, code: csv([csvRow({ reason: 'customer request' })]), errors: [{ messageId: 'badReason', line: 2 }] },
    { name: 'DNS: prefixes and an e-mail address in dNSNames', kind, code: csv([csvRow({ dns: '"DNS:a.example.com, user@example.com"' })]), errors: [{ messageId: 'badDnsName', line: 2 }, { messageId: 'badDnsName', line: 2 }] },
    { name: 'an IP address (a warning)', kind, code: csv([csvRow({ dns: 'www1.example.com 192.0.2.1' })]), errors: [{ messageId: 'ipAddress', line: 2 }] },
    { name: 'a value in a row that spans lines is found on its line', kind, code: csv([csvRow({ subject: '"CN=two.example.com,\nO=Two Lines"', reason: 'oops' })]), errors: [{ messageId: 'badReason', line: 3 }] },
  ],
});
