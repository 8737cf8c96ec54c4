import { describe, it } from 'vitest';
import rule from '../../rules/appendix-csv-consistency.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { csv, csvRow, hash } from '../helpers/csv.js';

const kind = 'csv' as const;
const now = '2025-12-01';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'revoked with a date and a reason', kind, now, code: csv([csvRow()]) },
    { name: 'revoked today', kind, now, code: csv([csvRow({ date: '2025-12-01T23:00:00+00:00' })]) },
    { name: 'revoked without a reasonCode in the CRL (N/A)', kind, now, code: csv([csvRow({ reason: 'N/A' })]) },
    { name: 'planned with a date, delayed with a date', kind, now, code: csv([csvRow({ revoked: 'Planned', date: '2025-12-20', reason: 'N/A' }), csvRow({ revoked: 'Delayed', date: '2025-11-20', reason: 'superseded' }, 2)]) },
    { name: 'planned without a date when the option allows it (dossier)', kind, now, options: { requirePlannedDate: false }, code: csv([csvRow({ revoked: 'Planned', date: 'N/A', reason: 'N/A' })]) },
    { name: 'expired (N/A) before today', kind, now, code: csv([csvRow({ revoked: 'N/A', date: 'N/A', reason: 'N/A', notAfter: '2025-11-30T23:59:59Z' })]) },
    { name: 'a precertificate and its certificate in one row', kind, now, code: csv([csvRow({ pre: hash(1), cert: hash(2) }), csvRow({ pre: hash(3), cert: hash(4) }, 2)]) },
  ],
  invalid: [
    { name: 'Yes without a date', kind, now, code: csv([csvRow({ date: 'N/A' })]), errors: [{ messageId: 'revokedWithoutDate', line: 2 }] },
    { name: 'Yes with an empty date and reason', kind, now, code: csv([csvRow({ date: '', reason: '' })]), errors: [{ messageId: 'revokedWithoutDate', line: 2 }, { messageId: 'revokedWithoutReason', line: 2 }] },
    { name: 'Yes on a day after --now', kind, now, code: csv([csvRow({ date: '2025-12-02T00:00:00Z' })]), errors: [{ messageId: 'revokedInFuture', line: 2 }] },
    { name: 'Planned without a date', kind, now, code: csv([csvRow({ revoked: 'Planned', date: 'N/A', reason: 'N/A' })]), errors: [{ messageId: 'pendingWithoutDate', line: 2 }] },
    { name: 'Delayed without a date, even with the option', kind, now, options: { requirePlannedDate: false }, code: csv([csvRow({ revoked: 'Delayed', date: '' })]), errors: [{ messageId: 'pendingWithoutDate', line: 2 }] },
    { name: 'N/A for a certificate still valid', kind, now, code: csv([csvRow({ revoked: 'N/A', date: 'N/A', reason: 'N/A' })]), errors: [{ messageId: 'notExpired', line: 2 }] },
    { name: 'Not before after Not after', kind, now, code: csv([csvRow({ notBefore: '2026-05-01', notAfter: '2025-05-01', date: '2026-05-02' })]), errors: [{ messageId: 'validityOrder', line: 2, column: 205 }, { messageId: 'revokedInFuture', line: 2, column: 280 }] },
    { name: 'revoked before it was issued', kind, now, code: csv([csvRow({ date: '2025-07-01' })]), errors: [{ messageId: 'revokedBeforeIssued', line: 2 }] },
    { name: 'the same certificate hash twice', kind, now, code: csv([csvRow({ cert: hash(9) }), csvRow({ pre: 'N/A', cert: hash(9) }, 2)]), errors: [{ messageId: 'duplicate', line: 3, column: 5 }] },
    { name: 'a hash repeated inside one multi-hash cell of another row', kind, now, code: csv([csvRow({ cert: hash(9) }), csvRow({ cert: `${hash(8)} ${hash(9)}` }, 2)]), errors: [{ messageId: 'duplicate', line: 3, column: 131 }] },
  ],
});
