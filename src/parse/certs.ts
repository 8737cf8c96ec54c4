/**
 * Certificate values as Appendix CSVs write them: lists of hashes or DNS
 * names in one cell, dates, serial numbers, distinguished names. Reading
 * only; which values are acceptable is the rules' policy.
 *
 * No regular expressions over cell text: a 10,000-row CSV has 110,000
 * cells, and character loops are both linear and fast.
 */
import { dayOfInstant } from '../days.js';
import { monthNumber } from './timestamp.js';

export interface Token {
  text: string;
  /** Offsets in the file. */
  start: number;
  end: number;
}

function isSeparator(c: number, commas: boolean): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || (commas && (c === 44 || c === 59));
}

/**
 * The values of a list cell: separated by spaces (dossier's documented
 * convention), and also by commas or semicolons (dossier's CSV writer has
 * joined with commas inside a quoted cell). `base` is the offset of the
 * cell's value in the file (after an opening quote).
 */
export function splitList(text: string, base: number, commas = true): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSeparator(text.charCodeAt(i), commas)) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && !isSeparator(text.charCodeAt(i), commas)) i++;
    out.push({ text: text.slice(s, i), start: base + s, end: base + i });
  }
  return out;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Hex digits only (no separators). */
export function isHexString(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isHex(text.charCodeAt(i))) return false;
  return true;
}

/** 64 hex digits, or 32 colon-separated bytes. */
export function isSha256Token(text: string): boolean {
  if (text.length === 64) return isHexString(text);
  if (text.length !== 95) return false;
  for (let i = 0; i < 95; i++) {
    const c = text.charCodeAt(i);
    if (i % 3 === 2 ? c !== 58 : !isHex(c)) return false;
  }
  return true;
}

/** Hex digits in a fingerprint as written (colons removed). */
export function hexDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 58) n++;
  return n;
}

/** A serial number in hex: optional 0x, bytes optionally separated by colons or spaces (as openssl prints them). */
export function isSerial(text: string): boolean {
  let t = text.trim();
  if (t.startsWith('0x') || t.startsWith('0X')) t = t.slice(2);
  if (t.length === 0 || t.length > 128) return false;
  let digits = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isHex(c)) digits++;
    else if (!(c === 58 || c === 32) || i === 0 || i === t.length - 1) return false;
  }
  return digits > 0;
}

export interface CertDate {
  /** Milliseconds since the epoch (UTC; a date alone is its 00:00 UTC). */
  ms: number;
  /** The UTC calendar day, as days since 1970-01-01. */
  day: number;
  /** True when only a date was written. */
  dateOnly: boolean;
}

function digitsAt(t: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(i + k);
    if (!(c >= 48 && c <= 57)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function make(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number, dateOnly: boolean): CertDate | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return undefined;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (MONTH_DAYS[mo - 1] as number) + (leap ? 1 : 0)) return undefined; // 2025-02-30
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMin * 60000;
  return { ms: t, day: dayOfInstant(t), dateOnly };
}

/** A zone after a time: Z, UTC, GMT, +HH:MM, +HHMM, +HH; returns minutes east or undefined when not a zone. */
function zoneOf(z: string): number | undefined {
  const t = z.trim();
  if (t === '' || t === 'Z' || t === 'z' || t.toUpperCase() === 'UTC' || t.toUpperCase() === 'GMT') return 0;
  const sign = t[0] === '+' ? 1 : t[0] === '-' ? -1 : 0;
  if (sign === 0) return undefined;
  const r = t.slice(1).replace(':', '');
  if (r.length !== 2 && r.length !== 4) return undefined;
  const hh = digitsAt(r, 0, 2);
  const mm = r.length === 4 ? digitsAt(r, 2, 2) : 0;
  if (hh < 0 || mm < 0 || hh > 14 || mm > 59) return undefined;
  return sign * (hh * 60 + mm);
}

/** HH:MM[:SS[.fff]] then a zone (none = UTC). */
function timeAndZone(y: number, mo: number, d: number, rest: string, basic: boolean): CertDate | undefined {
  const h = digitsAt(rest, 0, 2);
  let i = 2;
  if (!basic && rest[i] !== ':') return undefined;
  if (!basic) i++;
  const mi = digitsAt(rest, i, 2);
  i += 2;
  let s = 0;
  let ms = 0;
  if (h < 0 || mi < 0) return undefined;
  if ((basic && /^\d/.test(rest.slice(i, i + 1))) || (!basic && rest[i] === ':')) {
    if (!basic) i++;
    s = digitsAt(rest, i, 2);
    if (s < 0) return undefined;
    i += 2;
    if (rest[i] === '.' || rest[i] === ',') {
      i++;
      const f = i;
      while (i < rest.length && rest.charCodeAt(i) >= 48 && rest.charCodeAt(i) <= 57) i++;
      if (i === f) return undefined;
      ms = Math.floor(Number(`0.${rest.slice(f, i)}`) * 1000);
    }
  }
  const zone = zoneOf(rest.slice(i));
  if (zone === undefined) return undefined;
  return make(y, mo, d, h, mi, s, ms, zone, false);
}

/**
 * A certificate date as CSVs write it: ISO 8601 (`2025-07-18`,
 * `2025-07-18T17:23:31+00:00` as dossier writes it, with a space for `T`,
 * `Z`, an offset, fractions, `UTC`), the basic form `20250718T172331Z`, and
 * OpenSSL's `Jul 18 17:23:31 2025 GMT`. Undefined for anything else
 * (including ambiguous numeric dates such as 03/04/2025).
 */
export function parseCertDate(text: string): CertDate | undefined {
  const t = text.trim();
  if (t.length < 8 || t.length > 40) return undefined;
  // Extended ISO: YYYY-MM-DD[(T| )time]
  if (t[4] === '-' && t[7] === '-') {
    const y = digitsAt(t, 0, 4);
    const mo = digitsAt(t, 5, 2);
    const d = digitsAt(t, 8, 2);
    if (y < 0 || mo < 0 || d < 0) return undefined;
    if (t.length === 10) return make(y, mo, d, 0, 0, 0, 0, 0, true);
    const sep = t[10];
    if (sep !== 'T' && sep !== 't' && sep !== ' ') return undefined;
    return timeAndZone(y, mo, d, t.slice(11).trimStart(), false);
  }
  // Basic ISO: YYYYMMDD[THHMMSS[Z]]
  if (digitsAt(t, 0, 8) >= 0) {
    const y = digitsAt(t, 0, 4);
    const mo = digitsAt(t, 4, 2);
    const d = digitsAt(t, 6, 2);
    if (t.length === 8) return make(y, mo, d, 0, 0, 0, 0, 0, true);
    if (t[8] !== 'T' && t[8] !== 't') return undefined;
    return timeAndZone(y, mo, d, t.slice(9), true);
  }
  // OpenSSL: "Jul 18 17:23:31 2025 GMT" (the day may be space-padded).
  const parts = t.split(/ +/);
  if (parts.length === 4 || parts.length === 5) {
    const mo = monthNumber(parts[0] ?? '');
    const d = Number(parts[1]);
    const time = parts[2] ?? '';
    const y = Number(parts[3]);
    if (mo === undefined || !Number.isInteger(d) || !Number.isInteger(y) || y < 1900 || time.length !== 8) return undefined;
    const zone = parts[4] ?? '';
    if (zoneOf(zone) !== 0) return undefined;
    return timeAndZone(y, mo, d, time, false);
  }
  return undefined;
}

function isLabelChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c > 127;
}

/**
 * A host name as it may appear in a certificate's dNSName: labels of
 * letters, digits, hyphens (and underscores and non-ASCII letters, which
 * some misissued certificates carry, and which the CSV must still list),
 * an optional leading `*.`, at most 253 characters.
 */
export function isDnsNameShape(text: string): boolean {
  let t = text;
  if (t.startsWith('*.')) t = t.slice(2);
  if (t.endsWith('.')) t = t.slice(0, -1);
  if (t.length === 0 || t.length > 253) return false;
  let label = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (label === 0) return false;
      label = 0;
    } else if (isLabelChar(c)) {
      label++;
      if (label > 63) return false;
    } else {
      return false;
    }
  }
  return label > 0;
}

/** An IPv4 or IPv6 address (some CSVs list IP address SANs with the DNS names). */
export function isIpAddress(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57) && !text.includes(':')) return false;
  const parts = text.split('.');
  if (parts.length === 4 && parts.every((p) => p.length >= 1 && p.length <= 3 && digitsAt(p, 0, p.length) >= 0 && Number(p) <= 255)) return true;
  if (!text.includes(':')) return false;
  const groups = text.split(':');
  if (groups.length < 3 || groups.length > 8) return false;
  return groups.every((g) => g.length <= 4 && (g === '' || isHexString(g)));
}

/** The value of the first CN= in a distinguished name (RFC 4514 `CN=x,O=y` or OpenSSL's `/CN=x/O=y`), or undefined. */
export function commonName(dn: string): string | undefined {
  const lower = dn.toLowerCase();
  let at = -1;
  for (let i = lower.indexOf('cn='); i >= 0; i = lower.indexOf('cn=', i + 1)) {
    const before = i === 0 ? '' : lower[i - 1];
    if (before === '' || before === ',' || before === '/' || before === ' ' || before === '+') {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  let out = '';
  for (let i = at + 3; i < dn.length; i++) {
    const ch = dn[i] as string;
    if (ch === '\\' && i + 1 < dn.length) {
      out += dn[i + 1];
      i++;
      continue;
    }
    if (ch === ',' || ch === '/' || ch === '+') break;
    out += ch;
  }
  return out.trim();
}
