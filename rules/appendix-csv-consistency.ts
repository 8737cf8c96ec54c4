import { cellLoc, columnIndex, valueStart, type CsvAttachment, type CsvCell, type CsvRecord } from '../src/parse/attachment.js';
import { IRG_CSV_COLUMNS } from '../src/parse/appendix.js';
import { isSha256Token, parseCertDate, splitList, type CertDate } from '../src/parse/certs.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { flag, ruleOptions } from '../src/options.js';
import { positionAt } from '../src/parse/positions.js';
import { dayOfInstant } from '../src/days.js';
import { defineRule } from '../src/types.js';

const HEADER = IRG_CSV_COLUMNS.join(',');
const row = (o: { cert?: string; before?: string; after?: string; revoked?: string; date?: string; reason?: string } = {}): string =>
  ['N/A', o.cert ?? 'b'.repeat(64), 'CN=www.example.com', '"CN=Example TLS CA,O=Example CA Inc.,C=US"', o.before ?? '2025-08-04T00:00:00+00:00', o.after ?? '2026-08-03T23:59:59+00:00', '5d1e0c', 'www.example.com', o.revoked ?? 'Yes', o.date ?? '2025-08-16T10:00:00+00:00', o.reason ?? 'superseded'].join(',');

/** "N/A" and its spellings; long values (hashes, names) never are. */
function na(v: string): boolean {
  return v.length <= 20 && isNotApplicable(v);
}

export default defineRule({
  meta: {
    id: 'appendix-csv-consistency',
    description: 'Require each Appendix CSV row to agree with itself: revocation status, date and reason, validity period, and no certificate listed twice.',
    tags: ['appendix', 'attachment'],
    severity: 'error',
    appliesTo: 'csv',
    messages: {
      revokedWithoutDate: 'Row {{row}} says the certificate is revoked (Yes) but gives no revocation date; give the date.',
      revokedWithoutReason: 'Row {{row}} says the certificate is revoked (Yes) but the Revocation reason is empty; give the CRL reasonCode (N/A when the CRL entry has none).',
      revokedInFuture: 'Row {{row}}: revoked (Yes) on {{date}}, after today ({{now}}); write Planned for a revocation still to come.',
      pendingWithoutDate: 'Row {{row}} is {{status}} but gives no revocation date; give the {{what}} revocation date.',
      notExpired: 'Row {{row}}: "Is revoked?" is N/A (expired), but Not after ({{notAfter}}) is not before {{now}}; write Yes, Planned or Delayed for an unexpired certificate.',
      validityOrder: 'Row {{row}}: Not before ({{notBefore}}) is not before Not after ({{notAfter}}); check both dates.',
      revokedBeforeIssued: 'Row {{row}}: the revocation date ({{date}}) is before Not before ({{notBefore}}); check both dates.',
      duplicate: 'Row {{row}} lists the certificate {{hash}} again (it is listed in row {{first}}); list each certificate once.',
    },
    options: ruleOptions({ requirePlannedDate: flag(true) }),
    rationale:
      'The IRG defines the revocation columns together: "Is revoked?" is Yes, Planned, Delayed, or N/A when the certificate has expired; the "Revocation date" is the actual or planned revocation date (N/A when not applicable); the "Revocation reason" is the CRL reasonCode. So a row that says Yes needs a date that has passed and a reason (N/A stands for a CRL entry without a reasonCode, as the TLS Baseline Requirements require for "unspecified"), a Planned or Delayed row needs the date it was or will be revoked, an N/A row must have expired before the report (as of --now), Not before comes before Not after, and each certificate is listed once. Dates are compared by UTC calendar day. DigiCert\'s dossier writes N/A as the date of a Planned row, since it cannot know the plan; set "requirePlannedDate": false to accept that.',
    source: 'CCADB IRG 3.2, Full Incident Report, "Appendix" ("Is revoked?", "Revocation date", "Revocation reason").',
    examples: [
      { title: 'Revoked, with a date and a reason', kind: 'csv', code: `${HEADER}\n${row()}\n`, now: '2025-12-01', expect: [] },
      { title: 'Yes without a revocation date', kind: 'csv', code: `${HEADER}\n${row({ date: 'N/A' })}\n`, now: '2025-12-01', expect: [{ messageId: 'revokedWithoutDate', line: 2 }] },
      { title: 'The same certificate twice', kind: 'csv', code: `${HEADER}\n${row()}\n${row()}\n`, now: '2025-12-01', expect: [{ messageId: 'duplicate', line: 3 }] },
    ],
  },
  check(csv: CsvAttachment, ctx) {
    if (!csv.header) return;
    const now = ctx.now().toUTC();
    const today = dayOfInstant(Date.UTC(now.year, now.month - 1, now.day));
    const nowText = now.toISODate() ?? '';
    const indexes = new Map(IRG_CSV_COLUMNS.map((c) => [c, columnIndex(csv, c)]));
    const cellAt = (r: CsvRecord, name: (typeof IRG_CSV_COLUMNS)[number]): CsvCell | undefined => {
      const i = indexes.get(name) ?? -1;
      return i >= 0 ? r.cells[i] : undefined;
    };
    const dateIn = (c: CsvCell | undefined): CertDate | undefined => (c ? parseCertDate(c.text) : undefined);
    const present = (c: CsvCell | undefined): boolean => c !== undefined && c.text.trim() !== '' && !na(c.text.trim());
    const seen = new Map<string, CsvRecord>();
    for (const r of csv.rows) {
      const row = r.index;
      const status = cellAt(r, 'Is revoked?');
      const dateCell = cellAt(r, 'Revocation date');
      const reasonCell = cellAt(r, 'Revocation reason');
      const notBeforeCell = cellAt(r, 'Not before');
      const notAfterCell = cellAt(r, 'Not after');
      const notBefore = dateIn(notBeforeCell);
      const notAfter = dateIn(notAfterCell);
      const revokedOn = dateIn(dateCell);
      const s = status?.text.trim().toLowerCase();
      const at = status ? cellLoc(status) : { start: r.start, end: r.end };
      if (s === 'yes') {
        if (!present(dateCell)) ctx.report({ messageId: 'revokedWithoutDate', data: { row }, loc: dateCell ? cellLoc(dateCell) : at });
        else if (revokedOn && revokedOn.day > today) ctx.report({ messageId: 'revokedInFuture', data: { row, date: clip(dateCell?.text ?? '', 40), now: nowText }, loc: cellLoc(dateCell as CsvCell) });
        if (reasonCell && reasonCell.text.trim() === '') ctx.report({ messageId: 'revokedWithoutReason', data: { row }, loc: cellLoc(reasonCell) });
      } else if (s === 'planned' || s === 'delayed') {
        if (!present(dateCell) && (s === 'delayed' || ctx.options.requirePlannedDate)) {
          ctx.report({ messageId: 'pendingWithoutDate', data: { row, status: status?.text.trim() ?? '', what: s === 'planned' ? 'planned' : 'actual or planned' }, loc: dateCell ? cellLoc(dateCell) : at });
        }
      } else if (s !== undefined && (s === 'n/a' || na(s)) && notAfter && notAfter.day >= today) {
        ctx.report({ messageId: 'notExpired', data: { row, notAfter: clip(notAfterCell?.text ?? '', 40), now: nowText }, loc: at });
      }
      if (notBefore && notAfter && notBefore.ms >= notAfter.ms) {
        ctx.report({ messageId: 'validityOrder', data: { row, notBefore: clip(notBeforeCell?.text ?? '', 40), notAfter: clip(notAfterCell?.text ?? '', 40) }, loc: cellLoc(notBeforeCell as CsvCell) });
      }
      if (notBefore && revokedOn && revokedOn.day < notBefore.day) {
        ctx.report({ messageId: 'revokedBeforeIssued', data: { row, date: clip(dateCell?.text ?? '', 40), notBefore: clip(notBeforeCell?.text ?? '', 40) }, loc: cellLoc(dateCell as CsvCell) });
      }
      // A certificate listed twice: the same final-certificate or precertificate hash in two rows.
      for (const name of ['Precertificate SHA-256 hash', 'Certificate SHA-256 hash'] as const) {
        const cell = cellAt(r, name);
        if (!cell) continue;
        for (const t of splitList(cell.text, valueStart(cell))) {
          if (!isSha256Token(t.text)) continue;
          const key = t.text.replace(/:/g, '').toLowerCase();
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, r);
          } else if (first !== r) {
            const related = [{ message: `First listed in row ${first.index}.`, line: positionAt(csv.lineStarts, first.start).line }];
            ctx.report({ messageId: 'duplicate', data: { row, hash: clip(t.text, 20), first: first.index }, loc: { start: t.start, end: t.end }, related });
          }
        }
      }
    }
  },
});
