/**
 * The IRG's Appendix CSV columns and the other spellings real files use,
 * shared by the report's Appendix reader (appendix.ts) and the attachment
 * parser (attachment.ts).
 */

/** The IRG's CSV columns, first and in this order (IRG 3.x "Appendix"). */
export const IRG_CSV_COLUMNS = [
  'Precertificate SHA-256 hash',
  'Certificate SHA-256 hash',
  'Subject',
  'Issuer',
  'Not before',
  'Not after',
  'Serial #',
  'dNSNames',
  'Is revoked?',
  'Revocation date',
  'Revocation reason',
] as const;

/** Other spellings of the IRG columns (normalised: lower case, letters and digits only). */
const COLUMN_ALIASES: Record<string, string> = {
  precertificatesha256: 'Precertificate SHA-256 hash',
  precertsha256hash: 'Precertificate SHA-256 hash',
  precertsha256: 'Precertificate SHA-256 hash',
  precertificatesha256fingerprint: 'Precertificate SHA-256 hash',
  certificatesha256: 'Certificate SHA-256 hash',
  certsha256hash: 'Certificate SHA-256 hash',
  certsha256: 'Certificate SHA-256 hash',
  certificatesha256fingerprint: 'Certificate SHA-256 hash',
  sha256: 'Certificate SHA-256 hash',
  sha256hash: 'Certificate SHA-256 hash',
  subjectdn: 'Subject',
  issuerdn: 'Issuer',
  notbefore: 'Not before',
  notafter: 'Not after',
  validfrom: 'Not before',
  validto: 'Not after',
  serial: 'Serial #',
  serialnumber: 'Serial #',
  serialno: 'Serial #',
  dnsnames: 'dNSNames',
  dnsname: 'dNSNames',
  san: 'dNSNames',
  sans: 'dNSNames',
  isrevoked: 'Is revoked?',
  revoked: 'Is revoked?',
  revocationdate: 'Revocation date',
  revokedat: 'Revocation date',
  revocationreason: 'Revocation reason',
};

function columnKey(text: string): string {
  return text.toLowerCase().replace(/#/g, 'number').replace(/[^a-z0-9]/g, '');
}

const CANONICAL = new Map<string, string>();
for (const c of IRG_CSV_COLUMNS) CANONICAL.set(columnKey(c), c);
for (const [k, v] of Object.entries(COLUMN_ALIASES)) CANONICAL.set(k.replace(/#/g, 'number'), v);

/** The IRG column a header cell names, if any. */
export function irgColumn(text: string): string | undefined {
  return CANONICAL.get(columnKey(text.replace(/^["'`*_]+|(?<!["'`*_])["'`*_]+$/g, '')));
}
