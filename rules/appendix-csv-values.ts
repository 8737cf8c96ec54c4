import { cellLoc, columnIndex, valueStart, type CsvAttachment, type CsvCell, type CsvRecord } from '../src/parse/attachment.js';
import { IRG_CSV_COLUMNS } from '../src/parse/appendix.js';
import { commonName, hexDigits, isDnsNameShape, isIpAddress, isSerial, isSha256Token, parseCertDate, splitList } from '../src/parse/certs.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { flag, ruleOptions, stringList } from '../src/options.js';
import { defineRule } from '../src/types.js';

const HEADER = IRG_CSV_COLUMNS.join(',');
const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const H3 = 'c'.repeat(64);
const row = (o: { pre?: string; cert?: string; subject?: string; issuer?: string; dns?: string; revoked?: string; date?: string; reason?: string } = {}): string =>
  [o.pre ?? H1, o.cert ?? H2, o.subject ?? 'CN=www.example.com', o.issuer ?? '"CN=Example TLS CA,O=Example CA Inc.,C=US"', '2025-08-04T00:00:00+00:00', '2025-11-02T23:59:59+00:00', '5d1e0c', o.dns ?? 'www.example.com', o.revoked ?? 'Yes', o.date ?? '2025-08-16T10:00:00+00:00', o.reason ?? 'superseded'].join(',');

/** RFC 5280 CRLReason names (section 5.3.1). */
const REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise'];
const REVOKED = ['Yes', 'Planned', 'Delayed', 'N/A'];
/** Words in a CA's name. */
const CA_WORDS = ['CA', 'Certification Authority', 'Certificate Authority', 'Root', 'Issuing', 'Intermediate', 'ICA', 'SubCA'];

const HASH_COLUMNS = ['Precertificate SHA-256 hash', 'Certificate SHA-256 hash'] as const;

/** "N/A" and its spellings; long values (hashes, names) never are. */
function na(v: string): boolean {
  return v.length <= 20 && isNotApplicable(v);
}

/** Lower case without spaces, underscores or hyphens: "Key Compromise", "key_compromise" and "keyCompromise" read alike. */
function reasonKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, '');
}

const prepared = perOptions((o: { reasons: string[]; revokedValues: string[]; caWords: string[] }) => ({
  reasons: new Set(o.reasons.map(reasonKey)),
  revoked: new Set(o.revokedValues.map((v) => v.toLowerCase())),
  caWords: o.caWords.map((w) => w.toLowerCase()),
}));

/** True when a name holds one of the words as a whole word (case-insensitive). */
function hasWord(name: string, words: string[]): boolean {
  const lower = name.toLowerCase();
  return words.some((w) => {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
      const before = lower.charCodeAt(i - 1);
      const after = lower.charCodeAt(i + w.length);
      const letter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (!letter(before) && !letter(after)) return true;
    }
    return false;
  });
}

export default defineRule({
  meta: {
    id: 'appendix-csv-values',
    description: 'Require well-formed values in an Appendix CSV: SHA-256 hashes, serial numbers, dates, dNSNames, revocation status and reason, Subject and Issuer.',
    tags: ['appendix', 'attachment'],
    severity: 'error',
    appliesTo: 'csv',
    messages: {
      badHash: 'Row {{row}}, {{column}}: expected SHA-256 hashes (64 hex digits each, separated by spaces) or N/A; found "{{found}}" ({{length}} hex digits).',
      emptyHash: 'Row {{row}}, {{column}} is empty; give the SHA-256 hash, or N/A when there is no {{what}}.',
      noHash: 'Row {{row}} has neither a precertificate nor a certificate hash (both N/A); give at least one of them.',
      badSerial: 'Row {{row}}, Serial #: expected the serial number in hex; found "{{found}}".',
      badDate: 'Row {{row}}, {{column}}: expected a date such as 2025-07-18T17:23:31+00:00 (ISO 8601); found "{{found}}".',
      missingDate: 'Row {{row}}, {{column}} is empty; give the date: every certificate has one.',
      badRevoked: 'Row {{row}}, "Is revoked?": expected one of {{allowed}}; found "{{found}}".',
      badReason: 'Row {{row}}, Revocation reason: expected an RFC 5280 reasonCode ({{allowed}}) or N/A; found "{{found}}".',
      badDnsName: 'Row {{row}}, dNSNames: "{{found}}" is not a DNS name; list the names separated by spaces, without "DNS:" or other prefixes.',
      ipAddress: 'Row {{row}}, dNSNames: "{{found}}" is an IP address, not a dNSName; list only DNS names in this column.',
      missingName: 'Row {{row}}, {{column}} is empty; give the distinguished name{{redacted}}.',
      issuerRedacted: 'Row {{row}}, Issuer is REDACTED; give the issuing CA\'s name: it is public, and only an S/MIME certificate\'s Subject may be redacted.',
      swapped: 'Row {{row}}: the Issuer "{{issuer}}" looks like an end-entity subject{{subjectNote}}; check whether Subject and Issuer are swapped.',
      sameSubject: 'Every one of the {{rows}} rows has the same Subject ("{{subject}}") while the Issuer differs from row to row; check whether Subject and Issuer are swapped.',
    },
    options: ruleOptions({
      reasons: stringList(REASONS),
      revokedValues: stringList(REVOKED),
      allowIpAddresses: flag(false),
      caWords: stringList(CA_WORDS),
    }),
    rationale:
      'The IRG asks for the data a reviewer needs to find each certificate and check its status: "Precertificate SHA-256 hash", "Certificate SHA-256 hash", "Subject", "Issuer", "Not before", "Not after", "Serial #", "dNSNames", "Is revoked?" (Yes, Planned, Delayed, or N/A for an expired certificate), "Revocation date" and "Revocation reason" (the CRL reasonCode). Values are read as generators write them: DigiCert\'s dossier puts several hashes or DNS names in one cell separated by spaces (commas and semicolons are read as separators too), writes N/A for a missing precertificate or final certificate, ISO 8601 dates with an offset, serial numbers in hex without 0x, reason names as Python\'s cryptography library spells them (key_compromise), and REDACTED for the Subject of an S/MIME certificate. Reason names match ignoring case, spaces, underscores and hyphens. Dates may also be written as 20250718T172331Z or as OpenSSL prints them (Jul 18 17:23:31 2025 GMT); ambiguous dates such as 03/04/2025 are errors. A dNSName may be a wildcard; IP addresses are not dNSNames and are a warning (set "allowIpAddresses": true where a CSV lists IP address SANs in that column). Swapped Subject and Issuer columns are detected two ways: an Issuer whose CN is one of the row\'s dNSNames or a host name while the Subject\'s is not, and (as a warning) a file where every row has the same Subject but the Issuer varies.',
    source: 'CCADB IRG 3.2, Full Incident Report, "Appendix" (the CSV fields); RFC 5280 section 5.3.1 (reasonCode).',
    examples: [
      { title: 'A dossier-style row: two hashes in a cell, an N/A precertificate, superseded', kind: 'csv', code: `${HEADER}\nN/A,${H2} ${H3},CN=www.example.com,"CN=Example TLS CA,O=Example CA Inc.,C=US",2025-08-04T00:00:00+00:00,2025-11-02T23:59:59+00:00,5d1e0c,www.example.com example.com,Yes,2025-08-16T10:00:00+00:00,superseded\n`, expect: [] },
      { title: 'A 63-digit hash', kind: 'csv', code: `${HEADER}\n${row({ cert: 'b'.repeat(63) })}\n`, expect: [{ messageId: 'badHash', line: 2 }] },
      { title: 'Subject and Issuer swapped', kind: 'csv', code: `${HEADER}\n${row({ subject: '"CN=Example TLS CA,O=Example CA Inc.,C=US"', issuer: 'CN=www.example.com' })}\n`, expect: [{ messageId: 'swapped', line: 2 }] },
      { title: 'A reason that is not a reasonCode', kind: 'csv', code: `${HEADER}\n${row({ reason: 'customer request' })}\n`, expect: [{ messageId: 'badReason', line: 2 }] },
    ],
  },
  check(csv: CsvAttachment, ctx) {
    if (!csv.header) return;
    const p = prepared(ctx.options);
    const idx = (name: (typeof IRG_CSV_COLUMNS)[number]): number => columnIndex(csv, name);
    const cellAt = (r: CsvRecord, i: number): CsvCell | undefined => (i >= 0 ? r.cells[i] : undefined);
    const iPre = idx('Precertificate SHA-256 hash');
    const iCert = idx('Certificate SHA-256 hash');
    const iSubject = idx('Subject');
    const iIssuer = idx('Issuer');
    const iSerial = idx('Serial #');
    const iDns = idx('dNSNames');
    const iRevoked = idx('Is revoked?');
    const iReason = idx('Revocation reason');
    const dateColumns = (['Not before', 'Not after', 'Revocation date'] as const).map((c) => [c, idx(c)] as const);
    const subjects = new Set<string>();
    const issuers = new Set<string>();
    let named = 0;

    for (const r of csv.rows) {
      const row = r.index;
      // Hashes: one or more per cell, or N/A.
      let naCount = 0;
      for (const [k, i] of [iPre, iCert].entries()) {
        const cell = cellAt(r, i);
        const column = HASH_COLUMNS[k] as string;
        if (!cell) continue;
        const v = cell.text.trim();
        if (v === '') {
          ctx.report({ messageId: 'emptyHash', data: { row, column, what: k === 0 ? 'precertificate' : 'final certificate' }, loc: cellLoc(cell) });
          continue;
        }
        if (na(v)) {
          naCount++;
          continue;
        }
        for (const t of splitList(cell.text, valueStart(cell))) {
          if (!isSha256Token(t.text)) ctx.report({ messageId: 'badHash', data: { row, column, found: clip(t.text, 72), length: hexDigits(t.text) }, loc: { start: t.start, end: t.end } });
        }
      }
      if (naCount === 2) ctx.report({ messageId: 'noHash', data: { row }, loc: { start: r.start, end: r.end } });

      const serial = cellAt(r, iSerial);
      if (serial && !isSerial(serial.text)) ctx.report({ messageId: 'badSerial', data: { row, found: clip(serial.text, 72) }, loc: cellLoc(serial) });

      for (const [column, i] of dateColumns) {
        const cell = cellAt(r, i);
        if (!cell) continue;
        const v = cell.text.trim();
        if (v === '') {
          if (column !== 'Revocation date') ctx.report({ messageId: 'missingDate', data: { row, column }, loc: cellLoc(cell) });
          continue;
        }
        if (column === 'Revocation date' && na(v)) continue;
        if (!parseCertDate(v)) ctx.report({ messageId: 'badDate', data: { row, column, found: clip(v, 40) }, loc: cellLoc(cell) });
      }

      const revoked = cellAt(r, iRevoked);
      if (revoked && !p.revoked.has(revoked.text.trim().toLowerCase())) {
        ctx.report({ messageId: 'badRevoked', data: { row, allowed: ctx.options.revokedValues.join(', '), found: clip(revoked.text, 40) }, loc: cellLoc(revoked) });
      }
      const reason = cellAt(r, iReason);
      if (reason) {
        const v = reason.text.trim();
        if (v !== '' && !p.reasons.has(reasonKey(v)) && !na(v)) {
          ctx.report({ messageId: 'badReason', data: { row, allowed: ctx.options.reasons.join(', '), found: clip(v, 40) }, loc: cellLoc(reason) });
        }
      }

      const dnsCell = cellAt(r, iDns);
      const dns = new Set<string>();
      if (dnsCell && !na(dnsCell.text.trim())) {
        for (const t of splitList(dnsCell.text, valueStart(dnsCell))) {
          dns.add(t.text.toLowerCase());
          if (isIpAddress(t.text)) {
            if (!ctx.options.allowIpAddresses) ctx.report({ messageId: 'ipAddress', severity: 'warn', data: { row, found: clip(t.text, 60) }, loc: { start: t.start, end: t.end } });
          } else if (!isDnsNameShape(t.text)) {
            ctx.report({ messageId: 'badDnsName', data: { row, found: clip(t.text, 60) }, loc: { start: t.start, end: t.end } });
          }
        }
      }

      const subject = cellAt(r, iSubject);
      const issuer = cellAt(r, iIssuer);
      const s = subject?.text.trim() ?? '';
      const is = issuer?.text.trim() ?? '';
      if (subject && s === '') ctx.report({ messageId: 'missingName', data: { row, column: 'Subject', redacted: ' (REDACTED for an S/MIME certificate)' }, loc: cellLoc(subject) });
      if (issuer && is === '') ctx.report({ messageId: 'missingName', data: { row, column: 'Issuer', redacted: '' }, loc: cellLoc(issuer) });
      if (issuer && is.toUpperCase() === 'REDACTED') ctx.report({ messageId: 'issuerRedacted', data: { row }, loc: cellLoc(issuer) });
      if (subject && issuer && s !== '' && is !== '') {
        named++;
        subjects.add(s);
        issuers.add(is);
        const subjectCn = commonName(s);
        const issuerCn = commonName(is) ?? is;
        const leafLike = (cn: string | undefined): boolean => cn !== undefined && (dns.has(cn.toLowerCase()) || (cn.includes('.') && isDnsNameShape(cn) && !hasWord(cn, p.caWords)));
        if (leafLike(issuerCn) && !leafLike(subjectCn)) {
          const subjectNote = hasWord(s, p.caWords) ? ` and the Subject "${clip(s, 60)}" like a CA` : '';
          ctx.report({ messageId: 'swapped', data: { row, issuer: clip(is, 60), subjectNote }, loc: cellLoc(issuer) });
        }
      }
    }
    const headerSubject = csv.header.cells[iSubject];
    if (headerSubject && named >= 3 && named === csv.rows.length && subjects.size === 1 && issuers.size > 1) {
      const [only] = subjects;
      if ((only ?? '').toUpperCase() !== 'REDACTED') {
        ctx.report({ messageId: 'sameSubject', severity: 'warn', data: { rows: named, subject: clip(only ?? '', 60) }, loc: cellLoc(headerSubject) });
      }
    }
  },
});
