/** Appendix CSV builders for the attachment rule tests. */
import { IRG_CSV_COLUMNS } from '../../src/parse/appendix.js';

export const IRG_HEADER = IRG_CSV_COLUMNS.join(',');
/** The header as DigiCert's dossier writes it. */
export const DOSSIER_HEADER = 'Precertificate SHA-256 Hash,Certificate SHA-256 Hash,Subject,Issuer,Not before,Not after,Serial #,dNSNames,Is Revoked?,Revocation Date,Revocation Reason';

export const hash = (n: number): string => n.toString(16).padStart(64, '0');

export interface RowValues {
  pre: string;
  cert: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serial: string;
  dns: string;
  revoked: string;
  date: string;
  reason: string;
}

/** One row in IRG column order; every value can be replaced. */
export function csvRow(o: Partial<RowValues> = {}, n = 1): string {
  const v: RowValues = {
    pre: hash(n * 2),
    cert: hash(n * 2 + 1),
    subject: `CN=www${n}.example.com`,
    issuer: '"CN=Example TLS RSA CA 2024,O=Example CA\\, Inc.,C=US"',
    notBefore: '2025-07-17T00:00:00+00:00',
    notAfter: '2026-04-14T23:59:59+00:00',
    serial: '55f7edc6eda64d31f1eaed233883513',
    dns: `www${n}.example.com`,
    revoked: 'Yes',
    date: '2025-07-18T17:23:31+00:00',
    reason: 'superseded',
    ...o,
  };
  return [v.pre, v.cert, v.subject, v.issuer, v.notBefore, v.notAfter, v.serial, v.dns, v.revoked, v.date, v.reason].join(',');
}

/** A whole CSV: header and rows, LF line ends. */
export function csv(rows: string[], header = IRG_HEADER): string {
  return `${[header, ...rows].join('\n')}\n`;
}
