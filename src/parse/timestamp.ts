/**
 * One timestamp in one string, the way incident reports write them:
 * `2024-03-05 10:18 UTC`, `2021-06-03T00:00+00:00`, `2025-09-19 – 09:51 UTC`,
 * `08.10.2019 20:50 UTC`, `1/29/2019 3:55 PM`, `July 29, 2024 22:36`,
 * `At 9:30 on June 3, 2022`, `2020-04-21, 16:54 (CEST)`, `2:10 – 12:56 UTC`,
 * a bare `15:19` under a day header.
 *
 * The parser finds the first date and/or time of day in the string, the zone
 * written right after the time, and says how certain each part is: numeric
 * dates that read both ways (03/04/2024), zone abbreviations with several
 * meanings (CST, IST, BST), and EST/PST written for a summer date are flagged.
 * Every regex is linear (no nested quantifiers).
 */
import { dayOfInstant, isoOfDay } from '../days.js';
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

export type Precision = 'date' | 'hour' | 'minute' | 'second';
/** Where a timestamp's zone came from. */
export type ZoneSource = 'entry' | 'section' | 'day-header' | 'none';
/** How the date part is written. */
export type DateStyle =
  | 'iso' // 2024-03-05
  | 'year-first' // 2024/03/05, 2024-3-5, 2023.06.15
  | 'day-first-dotted' // 08.10.2019
  | 'numeric' // 1/29/2019, 03/04/2024, 03-04-2024
  | 'month-name'; // June 3, 2022; 15 June 2023; 10-June-2022

export interface ZoneInfo {
  /** The zone as written: "UTC", "UTC+8", "+08:00", "Z", "CEST", "Europe/Berlin". */
  text: string;
  kind: 'utc' | 'offset' | 'abbreviation' | 'iana' | 'local';
  /** Fixed offset in minutes east of UTC, when the zone is one offset. */
  offset?: number;
  /** IANA name, for `iana` zones. */
  iana?: string;
  /** For ambiguous abbreviations: what it can mean, e.g. ["UTC-6 (US Central)", "UTC+8 (China)"]. */
  meanings?: string[];
  /** For seasonal abbreviations (EST/EDT, CET/CEST...): the region and whether this one is the summer name. */
  season?: { iana: string; daylight: boolean; other: string };
}

export interface DateParts {
  year?: number;
  month: number;
  day: number;
}

export interface TimeParts {
  hour: number;
  minute?: number;
  second?: number;
}

export interface ParsedTimestamp {
  /** The whole timestamp [start, end) in the string (date, time, zone). */
  span: [number, number];
  /** The date as written, when there is one. */
  date?: DateParts & { span: [number, number]; text: string; style: DateStyle };
  /** The time of day as written, when there is one. */
  time?: TimeParts & { span: [number, number]; text: string; twelveHour: boolean };
  /** End of a range ("2:10 – 12:56 UTC"). */
  rangeEnd?: TimeParts;
  /** Zone written with this timestamp. */
  zone?: ZoneInfo & { span: [number, number] };
  /** Date-only, or the finest part written. */
  precision: Precision;
  /** Parsed instant (UTC), when a full date is known; the wall time is read as UTC when no zone is known. */
  instant?: DateTime;
  /** Where the zone used for `instant` came from. */
  zoneSource: ZoneSource;
  /** The zone used for `instant` (written, or from context). */
  zoneUsed?: ZoneInfo;
  /** A numeric date that reads both ways (03/04/2024): `instant` reads it month-first. */
  ambiguousDate: boolean;
  /** The date has no year and none came from context. */
  missingYear: boolean;
  /** The written date does not exist (2024-02-30). */
  invalidDate: boolean;
  /** ISO form of the date (YYYY-MM-DD) when it is certain. */
  isoDate?: string;
  /** A zone abbreviation with several meanings (CST, IST, BST...). */
  ambiguousZone: boolean;
  /** A standard-time abbreviation for a summer date (PST in June) or the reverse. */
  seasonMismatch: boolean;
}

export interface TimestampContext {
  /** Date to use when the string has only a time (day header, previous entry). */
  date?: { year: number; month: number; day: number };
  /** Year to use when the date has none. */
  year?: number;
  /** Zone to use when none is written, and where it came from. */
  zone?: ZoneInfo;
  zoneSource?: Exclude<ZoneSource, 'entry' | 'none'>;
}

// ---------------------------------------------------------------- zones

/** Month names and abbreviations, lower-case: the one table every date reader here and in certs.ts uses. */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** The month a name or abbreviation means ("Jan", "january", "Sept"), any case. */
export function monthNumber(word: string): number | undefined {
  return Object.hasOwn(MONTHS, word.toLowerCase()) ? MONTHS[word.toLowerCase()] : undefined;
}

interface AbbrevSpec {
  offset: number;
  meanings?: string[];
  season?: { iana: string; daylight: boolean; other: string };
}

const H = 60;
/** Zone abbreviations seen in incident reports. The first meaning of an ambiguous one is used to order entries. */
export const ZONE_ABBREVIATIONS: Record<string, AbbrevSpec> = {
  CET: { offset: 1 * H, season: { iana: 'Europe/Berlin', daylight: false, other: 'CEST' } },
  CEST: { offset: 2 * H, season: { iana: 'Europe/Berlin', daylight: true, other: 'CET' } },
  MEZ: { offset: 1 * H, season: { iana: 'Europe/Berlin', daylight: false, other: 'MESZ' } },
  MESZ: { offset: 2 * H, season: { iana: 'Europe/Berlin', daylight: true, other: 'MEZ' } },
  EET: { offset: 2 * H, season: { iana: 'Europe/Athens', daylight: false, other: 'EEST' } },
  EEST: { offset: 3 * H, season: { iana: 'Europe/Athens', daylight: true, other: 'EET' } },
  WET: { offset: 0, season: { iana: 'Europe/Lisbon', daylight: false, other: 'WEST' } },
  WEST: { offset: 1 * H, season: { iana: 'Europe/Lisbon', daylight: true, other: 'WET' } },
  MSK: { offset: 3 * H },
  JST: { offset: 9 * H },
  KST: { offset: 9 * H },
  HKT: { offset: 8 * H },
  SGT: { offset: 8 * H },
  AWST: { offset: 8 * H },
  AEST: { offset: 10 * H, season: { iana: 'Australia/Sydney', daylight: false, other: 'AEDT' } },
  AEDT: { offset: 11 * H, season: { iana: 'Australia/Sydney', daylight: true, other: 'AEST' } },
  NZST: { offset: 12 * H, season: { iana: 'Pacific/Auckland', daylight: false, other: 'NZDT' } },
  NZDT: { offset: 13 * H, season: { iana: 'Pacific/Auckland', daylight: true, other: 'NZST' } },
  EST: { offset: -5 * H, season: { iana: 'America/New_York', daylight: false, other: 'EDT' } },
  EDT: { offset: -4 * H, season: { iana: 'America/New_York', daylight: true, other: 'EST' } },
  CDT: { offset: -5 * H, season: { iana: 'America/Chicago', daylight: true, other: 'CST' } },
  MST: { offset: -7 * H },
  MDT: { offset: -6 * H, season: { iana: 'America/Denver', daylight: true, other: 'MST' } },
  PST: { offset: -8 * H, season: { iana: 'America/Los_Angeles', daylight: false, other: 'PDT' } },
  PDT: { offset: -7 * H, season: { iana: 'America/Los_Angeles', daylight: true, other: 'PST' } },
  AKST: { offset: -9 * H, season: { iana: 'America/Anchorage', daylight: false, other: 'AKDT' } },
  AKDT: { offset: -8 * H, season: { iana: 'America/Anchorage', daylight: true, other: 'AKST' } },
  HST: { offset: -10 * H },
  CST: { offset: -6 * H, meanings: ['UTC-6 (US Central Standard Time)', 'UTC+8 (China Standard Time)', 'UTC-5 (Cuba Standard Time)'] },
  IST: { offset: 5 * H + 30, meanings: ['UTC+5:30 (India)', 'UTC+1 (Irish Standard Time)', 'UTC+2 (Israel)'] },
  BST: { offset: 1 * H, meanings: ['UTC+1 (British Summer Time)', 'UTC+6 (Bangladesh)'] },
  AST: { offset: -4 * H, meanings: ['UTC-4 (Atlantic)', 'UTC+3 (Arabia)'] },
  ADT: { offset: -3 * H, meanings: ['UTC-3 (Atlantic Daylight Time)', 'UTC+4 (Arabia Daylight Time)'] },
  GST: { offset: 4 * H, meanings: ['UTC+4 (Gulf)', 'UTC-2 (South Georgia)'] },
  ECT: { offset: -5 * H, meanings: ['UTC-5 (Ecuador)', 'UTC+1 (European Central, old usage)'] },
  SST: { offset: 8 * H, meanings: ['UTC+8 (Singapore)', 'UTC-11 (Samoa)'] },
};

/** Words that name a local zone without saying which ("local time", "AZ time", "Beijing time"). */
const NAMED_LOCAL: Record<string, { iana?: string }> = {
  'local time': {},
  'our time': {},
  'az time': { iana: 'America/Phoenix' },
  'arizona time': { iana: 'America/Phoenix' },
  'beijing time': { iana: 'Asia/Shanghai' },
  'china time': { iana: 'Asia/Shanghai' },
  'pacific time': { iana: 'America/Los_Angeles' },
  'eastern time': { iana: 'America/New_York' },
  'central time': { iana: 'America/Chicago' },
  'mountain time': { iana: 'America/Denver' },
};

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return m === 0 ? `UTC${sign}${h}` : `UTC${sign}${h}:${String(m).padStart(2, '0')}`;
}

/** "UTC+8", "UTC-5:30" or "UTC" for a fixed offset in minutes. */
export function formatOffset(minutes: number): string {
  return minutes === 0 ? 'UTC' : offsetText(minutes);
}

function parseSignedOffset(sign: string, hh: string, mm: string | undefined): number | undefined {
  const h = Number(hh);
  const m = mm ? Number(mm) : 0;
  if (h > 14 || m > 59) return undefined;
  const s = sign === '-' || sign === '\u2212' ? -1 : 1;
  return s * (h * 60 + m);
}

// UTC / GMT with an optional offset: "UTC", "UTC+8", "UTC +08:00", "GMT+2", "UTC-5:30".
const UTC_RE = /\b(?:UTC|GMT|UT)(?:[ \t]?([+\-\u2212])[ \t]?(\d{1,2})(?::?(\d{2}))?)?(?![\w+])/y;
// Numeric offset: "+08:00", "+0800", "-05:00". Not a bare "+8" (too easy to confuse with text).
const OFFSET_RE = /([+\-\u2212])(\d{2}):?(\d{2})(?![\d:])/y;
const ABBR_RE = /\b([A-Z]{2,5})\b/y;
const IANA_RE = /\b([A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_+-]+){1,2})\b/y;
const NAMED_RE = /\b(local|our|az|arizona|beijing|china|pacific|eastern|central|mountain)[ \t]+time\b/iy;

/** Read a zone at `pos` (exactly there). */
export function zoneAt(text: string, pos: number, allowBareOffset = true): (ZoneInfo & { span: [number, number] }) | undefined {
  UTC_RE.lastIndex = pos;
  let m = UTC_RE.exec(text);
  if (m) {
    const span: [number, number] = [pos, pos + m[0].length];
    if (m[1] && m[2]) {
      const off = parseSignedOffset(m[1], m[2], m[3]);
      if (off === undefined) return undefined;
      return { text: m[0], kind: off === 0 ? 'utc' : 'offset', offset: off, span };
    }
    return { text: m[0], kind: 'utc', offset: 0, span };
  }
  if (text[pos] === 'Z' && !/\w/.test(text[pos + 1] ?? '')) return { text: 'Z', kind: 'utc', offset: 0, span: [pos, pos + 1] };
  if (allowBareOffset) {
    OFFSET_RE.lastIndex = pos;
    m = OFFSET_RE.exec(text);
    if (m) {
      const off = parseSignedOffset(m[1] as string, m[2] as string, m[3]);
      if (off !== undefined) return { text: m[0], kind: off === 0 ? 'utc' : 'offset', offset: off, span: [pos, pos + m[0].length] };
    }
  }
  IANA_RE.lastIndex = pos;
  m = IANA_RE.exec(text);
  if (m && IANAZone.isValidZone(m[1] as string)) {
    return { text: m[1] as string, kind: 'iana', iana: m[1] as string, span: [pos, pos + (m[1] as string).length] };
  }
  ABBR_RE.lastIndex = pos;
  m = ABBR_RE.exec(text);
  if (m) {
    const spec = ZONE_ABBREVIATIONS[m[1] as string];
    if (spec) {
      const z: ZoneInfo & { span: [number, number] } = { text: m[1] as string, kind: 'abbreviation', offset: spec.offset, span: [pos, pos + (m[1] as string).length] };
      if (spec.meanings) z.meanings = spec.meanings;
      if (spec.season) z.season = spec.season;
      return z;
    }
  }
  NAMED_RE.lastIndex = pos;
  m = NAMED_RE.exec(text);
  if (m) {
    const named = NAMED_LOCAL[m[0].toLowerCase().replace(/\s+/g, ' ')];
    const z: ZoneInfo & { span: [number, number] } = { text: m[0], kind: 'local', span: [pos, pos + m[0].length] };
    if (named?.iana) z.iana = named.iana;
    return z;
  }
  return undefined;
}

/** The zone written right after a time: "10:18 UTC", "16:54 (CEST)", "00:00+00:00", "3:55 PM AZ time". */
function zoneAfter(text: string, pos: number): (ZoneInfo & { span: [number, number] }) | undefined {
  // Attached: "00:00Z", "00:00+00:00"
  const attached = zoneAt(text, pos, true);
  if (attached) return attached;
  const gap = /[ \t]{0,3}(?:\(|\[)?[ \t]{0,2}(?:in[ \t]+)?/y;
  gap.lastIndex = pos;
  const g = gap.exec(text);
  if (!g || g[0].length === 0) return undefined;
  const z = zoneAt(text, pos + g[0].length, true);
  return z;
}

/** Find a zone anywhere in a short text (a declaration line or heading): the first one. */
export function findZone(text: string): (ZoneInfo & { span: [number, number] }) | undefined {
  const re = /\b(?:UTC|GMT)\b|[+\-\u2212]\d{2}:?\d{2}\b|\b[A-Z]{2,5}\b|\b[A-Z][a-z]+\/[A-Z]|\b(?:local|our|az|arizona|beijing|china|pacific|eastern|central|mountain)[ \t]+time\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const z = zoneAt(text, m.index, true);
    if (z && (z.kind !== 'abbreviation' || /^[A-Z]+$/.test(z.text))) return z;
  }
  return undefined;
}

/** The luxon zone for a ZoneInfo (first meaning for ambiguous abbreviations); undefined when unknown. */
export function luxonZone(z: ZoneInfo | undefined): Zone | undefined {
  if (!z) return undefined;
  if (z.offset !== undefined) return FixedOffsetZone.instance(z.offset);
  if (z.iana) return IANAZone.create(z.iana);
  return undefined;
}

/** True when the zone pins an instant: UTC, an offset, an IANA name, or an unambiguous abbreviation. */
export function zoneIsKnown(z: ZoneInfo | undefined): boolean {
  return z !== undefined && z.kind !== 'local' && (z.offset !== undefined || z.iana !== undefined);
}

// ---------------------------------------------------------------- dates

interface DateMatch extends DateParts {
  start: number;
  end: number;
  style: DateStyle;
  ambiguous: boolean;
  /** An ISO "T" time follows directly. */
  isoT?: boolean;
}

const MONTH_WORD = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORD = '(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?[ \\t]+)?';

const DATE_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Omit<DateMatch, 'start' | 'end'> | undefined }> = [
  {
    // 2024-03-05, 2024-3-5, 2024/03/05, 2023.06.15, with an optional ISO "T".
    re: /(?<![\d.\/-])(\d{4})([-\/.])(\d{1,2})\2(\d{1,2})(?![\d\/]|\.\d)(T(?=\d))?/g,
    read: (m) => {
      const iso = m[2] === '-' && (m[3] as string).length === 2 && (m[4] as string).length === 2;
      return { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), style: iso ? 'iso' : 'year-first', ambiguous: false, isoT: m[5] !== undefined };
    },
  },
  {
    // 08.10.2019: day first (the dotted form is not used month-first).
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d]|\.\d)/g,
    read: (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), style: 'day-first-dotted', ambiguous: false }),
  },
  {
    // 1/29/2019, 03/04/2024, 29/01/2019, 03-04-2024, 3/4/24
    re: /(?<![\d\/.-])(\d{1,2})([\/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d\/]|-\d)/g,
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      let year = Number(m[4]);
      if ((m[4] as string).length === 2) year += 2000;
      if (a > 12 && b <= 12) return { year, month: b, day: a, style: 'numeric', ambiguous: false };
      if (b > 12 && a <= 12) return { year, month: a, day: b, style: 'numeric', ambiguous: false };
      return { year, month: a, day: b, style: 'numeric', ambiguous: a !== b || (m[4] as string).length === 2 };
    },
  },
  {
    // June 3, 2022; July 29. 2024; Saturday, May 11, 2019; August 3rd 2024; may20,2022; Aug 19th
    re: new RegExp(`\\b${WEEKDAY}${MONTH_WORD}\\.?[ \\t]?(\\d{1,2})${ORD}(?![\\d:])(?:(?:[ \\t]*[.,][ \\t]*|[ \\t]+)(\\d{4})(?!\\d))?`, 'gi'),
    read: (m) => {
      const month = monthNumber(m[1] as string);
      if (!month) return undefined;
      const hasYear = m[3] !== undefined;
      // "may 2 precertificates": a lower-case month word needs a year.
      if (!hasYear && !/^[A-Z]/.test(m[1] as string)) return undefined;
      if (!hasYear && !/(?:st|nd|rd|th)$/i.test(m[0]) && /^(?:may|mar|march)$/i.test(m[1] as string) && m[0].length < 6) return undefined;
      const r: Omit<DateMatch, 'start' | 'end'> = { month, day: Number(m[2]), style: 'month-name', ambiguous: false };
      if (hasYear) r.year = Number(m[3]);
      return r;
    },
  },
  {
    // 15 June 2023; 3rd of March, 2019; 10-June-2022; 2-Apr-2025
    re: new RegExp(`(?<![\\d.:/-])${WEEKDAY}(\\d{1,2})${ORD}(?:[ \\t]+(?:of[ \\t]+)?|-)${MONTH_WORD}\\.?(?:(?:[ \\t]*,[ \\t]*|[ \\t]+|-)(\\d{4})(?!\\d))?`, 'gi'),
    read: (m) => {
      const month = monthNumber(m[2] as string);
      if (!month) return undefined;
      if (m[3] === undefined && !/^[A-Z]/.test(m[2] as string)) return undefined;
      const r: Omit<DateMatch, 'start' | 'end'> = { month, day: Number(m[1]), style: 'month-name', ambiguous: false };
      if (m[3] !== undefined) r.year = Number(m[3]);
      return r;
    },
  },
];

function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const p of DATE_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const r = p.read(m);
      if (!r || r.month < 1 || r.month > 12 || r.day < 1 || r.day > 31) continue;
      let start = m.index;
      let end = m.index + m[0].length;
      if (r.isoT) end -= 1;
      // A leading weekday is part of the date text only for display; keep it (the fix replaces the date alone).
      out.push({ ...r, start, end });
      start = end;
    }
  }
  // Earliest first; at one position the longest.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMatch[] = [];
  for (const d of out) if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d);
  return kept;
}

// ---------------------------------------------------------------- times

interface TimeMatch extends TimeParts {
  start: number;
  end: number;
  twelveHour: boolean;
}

// 10:18, 9:30, 01:09:22, 3:14 AM, 4:00PM, 11:18:42 AM, 12:00:00.123
const CLOCK_RE = /(?<![\d.:\/])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?(?!\d|:\d)(?:[ \t]?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?/g;
// 4 PM, 7.30 AM, 11am
const HOUR_RE = /(?<![\d.:\/])(1[0-2]|0?[1-9])(?:\.([0-5]\d))?[ \t]?([AaPp])\.?[Mm]\.?(?![A-Za-z])/g;

function to24(hour: number, ampm: string | undefined): number {
  if (!ampm) return hour;
  const pm = ampm.toLowerCase() === 'p';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function findTimes(text: string): TimeMatch[] {
  const out: TimeMatch[] = [];
  CLOCK_RE.lastIndex = 0;
  for (let m = CLOCK_RE.exec(text); m; m = CLOCK_RE.exec(text)) {
    const h = Number(m[1]);
    if (m[4] && (h < 1 || h > 12)) continue;
    const t: TimeMatch = { hour: to24(h, m[4]), minute: Number(m[2]), start: m.index, end: m.index + m[0].length, twelveHour: m[4] !== undefined };
    if (m[3] !== undefined) t.second = Number(m[3]);
    out.push(t);
  }
  HOUR_RE.lastIndex = 0;
  for (let m = HOUR_RE.exec(text); m; m = HOUR_RE.exec(text)) {
    const s = m.index;
    if (out.some((o) => s >= o.start && s < o.end)) continue;
    const t: TimeMatch = { hour: to24(Number(m[1]), m[3]), start: s, end: s + m[0].length, twelveHour: true };
    if (m[2] !== undefined) t.minute = Number(m[2]);
    out.push(t);
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- assembly

/** Separators allowed between a date and the time that follows it. */
const DATE_TIME_GAP = /^(?:[ \t]*(?:T|,|\u2013|\u2014|-|@|:|\||at|\(|~|approx\.?|around|ca\.?)[ \t]*){0,3}[ \t]*$/i;
/** Between a time (and its zone) and the date that follows it: "9:30 on June 3", "22:43 UTC on 15 June". */
const TIME_DATE_GAP = /^[ \t]*(?:,[ \t]*)?(?:on[ \t]+(?:the[ \t]+)?)?$/i;

const DIGIT = /\d/;

function gapOk(text: string, from: number, to: number, re: RegExp): boolean {
  if (to < from || to - from > 24) return false;
  return re.test(text.slice(from, to));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Parse the first timestamp of `text`. Returns undefined when the text has no
 * date and no time of day. `context` supplies the date (for a bare time under a
 * day header), the year (for "Aug 19th") and the zone (section declaration).
 */
export function parseTimestamp(text: string, context: TimestampContext = {}): ParsedTimestamp | undefined {
  // Every date and time pattern needs a digit.
  if (!DIGIT.test(text)) return undefined;
  const dates = findDates(text);
  const times = findTimes(text);
  const d0 = dates[0];
  const t0 = times[0];
  if (!d0 && !t0) return undefined;

  let date: DateMatch | undefined;
  let time: TimeMatch | undefined;
  if (d0 && (!t0 || d0.start <= t0.start)) {
    date = d0;
    // A time right after the date: "2024-03-05 10:18", "June 3, 2022 at 9:30", "2025-09-19 – 09:51".
    time = times.find((t) => t.start >= d0.end && gapOk(text, d0.end + (d0.isoT ? 1 : 0), t.start, DATE_TIME_GAP));
  } else if (t0) {
    time = t0;
    // A date right after the time and its zone: "9:30 on June 3, 2022", "17:22 UTC, 2020-09-13".
    const z = zoneAfter(text, t0.end);
    const after = z ? z.span[1] : t0.end;
    const closeParen = /^[ \t]*\)/.exec(text.slice(after));
    const from = after + (closeParen ? closeParen[0].length : 0);
    date = dates.find((d) => d.start >= from && gapOk(text, from, d.start, TIME_DATE_GAP));
  }

  // Range end: "2:10 – 12:56 UTC", "10:00-11:30".
  let rangeEnd: TimeMatch | undefined;
  let zonePos = time ? time.end : undefined;
  if (time) {
    const next = times.find((t) => t.start > time!.end);
    if (next && /^[ \t]*(?:\u2013|\u2014|-|to|until)[ \t]*$/i.test(text.slice(time.end, next.start))) {
      rangeEnd = next;
      zonePos = next.end;
    }
  }
  let zone = zonePos !== undefined ? zoneAfter(text, zonePos) : undefined;
  // ISO-8601 zone right after the seconds or fraction: "2021-06-03T00:00+00:00".
  if (!zone && time && rangeEnd === undefined) {
    const z = zoneAt(text, time.end, true);
    if (z) zone = z;
  }
  // A zone written after the date of a "time on date" form: "9:30 on June 3, 2022 (UTC)".
  if (!zone && time && date && date.start > time.start) {
    const z = zoneAfter(text, date.end);
    if (z) zone = z;
  }

  const parts: Array<[number, number]> = [];
  if (date) parts.push([date.start, date.end]);
  if (time) parts.push([time.start, (rangeEnd ?? time).end]);
  if (zone) parts.push(zone.span);
  let spanEnd = Math.max(...parts.map((p) => p[1]));
  if (zone && text[zone.span[0] - 1] === '(' && text[spanEnd] === ')') spanEnd += 1;
  const span: [number, number] = [Math.min(...parts.map((p) => p[0])), spanEnd];

  const precision: Precision = !time ? 'date' : time.minute === undefined ? 'hour' : time.second === undefined ? 'minute' : 'second';

  let ymd: { year: number; month: number; day: number } | undefined;
  let missingYear = false;
  if (date) {
    const year = date.year ?? context.year;
    if (year === undefined) missingYear = true;
    else ymd = { year, month: date.month, day: date.day };
  } else if (context.date) {
    ymd = context.date;
  }

  const zoneUsed: ZoneInfo | undefined = zone ?? context.zone;
  const zoneSource: ZoneSource = zone ? 'entry' : context.zone ? (context.zoneSource ?? 'section') : 'none';

  const result: ParsedTimestamp = {
    span,
    precision,
    zoneSource,
    ambiguousDate: date?.ambiguous ?? false,
    missingYear,
    invalidDate: false,
    ambiguousZone: false,
    seasonMismatch: false,
  };
  if (date) {
    result.date = { month: date.month, day: date.day, span: [date.start, date.end], text: text.slice(date.start, date.end), style: date.style };
    if (date.year !== undefined) result.date.year = date.year;
  }
  if (time) {
    result.time = { hour: time.hour, span: [time.start, time.end], text: text.slice(time.start, time.end), twelveHour: time.twelveHour };
    if (time.minute !== undefined) result.time.minute = time.minute;
    if (time.second !== undefined) result.time.second = time.second;
  }
  if (rangeEnd) {
    result.rangeEnd = { hour: rangeEnd.hour };
    if (rangeEnd.minute !== undefined) result.rangeEnd.minute = rangeEnd.minute;
  }
  if (zone) result.zone = zone;
  if (zoneUsed) result.zoneUsed = zoneUsed;
  if (zoneUsed?.meanings) result.ambiguousZone = true;

  if (ymd) {
    const lz = luxonZone(zoneUsed) ?? FixedOffsetZone.utcInstance;
    const wall = { year: ymd.year, month: ymd.month, day: ymd.day, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0 };
    let instant: DateTime | undefined;
    if (lz.isUniversal) {
      // A fixed offset (UTC, +08:00): plain arithmetic, one DateTime instead of two.
      const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
      const check = new Date(local);
      const valid = wall.year >= 100 && check.getUTCDate() === wall.day && check.getUTCMonth() === wall.month - 1 && wall.hour < 24 && wall.minute < 60 && wall.second < 60;
      if (valid) instant = DateTime.fromMillis(local - lz.offset(local) * 60000, { zone: FixedOffsetZone.utcInstance });
    } else {
      const dt = DateTime.fromObject(wall, { zone: lz });
      if (dt.isValid && dt.day === ymd.day) instant = dt.toUTC();
    }
    if (!instant) {
      result.invalidDate = true;
    } else {
      result.instant = instant;
      if (date && !date.ambiguous && !missingYear) result.isoDate = `${ymd.year}-${pad2(ymd.month)}-${pad2(ymd.day)}`;
      if (zoneUsed?.season) {
        const local = DateTime.fromObject(wall, { zone: zoneUsed.season.iana });
        if (local.isValid && local.isInDST !== zoneUsed.season.daylight) result.seasonMismatch = true;
      }
    }
  }
  return result;
}

/** "2024-03-05 10:18 UTC": the timestamp in the form the IRG template uses, in UTC when the zone is known. */
export function canonicalForm(ts: ParsedTimestamp): string | undefined {
  if (!ts.instant) return undefined;
  const known = zoneIsKnown(ts.zoneUsed) && !ts.ambiguousZone && !ts.seasonMismatch;
  if (ts.precision === 'date') {
    const d = known ? ts.instant.setZone(luxonZone(ts.zoneUsed) as Zone) : ts.instant;
    return d.toFormat('yyyy-LL-dd');
  }
  const fmt = ts.precision === 'second' ? 'yyyy-LL-dd HH:mm:ss' : 'yyyy-LL-dd HH:mm';
  return `${ts.instant.toFormat(fmt)} UTC`;
}

/** The wall-clock reading as written, with a given zone label: "2024-03-05 10:18 UTC+8". */
export function wallForm(ts: ParsedTimestamp, zoneLabel: string): string | undefined {
  if (!ts.instant) return undefined;
  const z = luxonZone(ts.zoneUsed) ?? FixedOffsetZone.utcInstance;
  const local = ts.instant.setZone(z);
  if (ts.precision === 'date') return local.toFormat('yyyy-LL-dd');
  return `${local.toFormat(ts.precision === 'second' ? 'yyyy-LL-dd HH:mm:ss' : 'yyyy-LL-dd HH:mm')} ${zoneLabel}`.trim();
}

/** The calendar date of a timestamp in its own zone (YYYY-MM-DD). */
export function localDate(ts: ParsedTimestamp): string | undefined {
  if (!ts.instant) return undefined;
  // Arithmetic on the offset rather than a zoned DateTime: timeline rules ask this for many entries.
  const z = luxonZone(ts.zoneUsed);
  const ms = ts.instant.toMillis();
  const offsetMinutes = z ? z.offset(ms) : ts.instant.offset;
  return isoOfDay(dayOfInstant(ms + offsetMinutes * 60_000));
}

/**
 * Compare two timestamps at the precision both have: a date-only timestamp
 * equals any time on that date. Undefined when either has no instant.
 */
export function compareTimestamps(a: ParsedTimestamp, b: ParsedTimestamp): number | undefined {
  if (!a.instant || !b.instant) return undefined;
  if (a.precision === 'date' || b.precision === 'date') {
    const da = localDate(a) as string;
    const db = localDate(b) as string;
    return da < db ? -1 : da > db ? 1 : 0;
  }
  return Math.sign(a.instant.toMillis() - b.instant.toMillis());
}

/** The two readings of an ambiguous numeric date, as ISO dates. */
export function readings(ts: ParsedTimestamp): [string, string] | undefined {
  const d = ts.date;
  if (!d || d.year === undefined) return undefined;
  const y = String(d.year);
  return [`${y}-${pad2(d.month)}-${pad2(d.day)}`, `${y}-${pad2(d.day)}-${pad2(d.month)}`];
}

// ---------------------------------------------------------------- due dates

export type DueDate =
  | { kind: 'iso'; date: DateTime }
  | { kind: 'clear'; date: DateTime; iso: string; text: string; /** The date is the whole text (a fix may replace it). */ whole: boolean }
  | { kind: 'ambiguous'; text: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'not-a-date'; text: string };

function ymd(y: number, m: number, d: number): DateTime | undefined {
  const dt = DateTime.utc(y, m, d);
  return dt.isValid ? dt : undefined;
}

/**
 * Read a due date. ISO `YYYY-MM-DD` is what the template shows; other
 * spellings are `clear` when only one reading exists (2024-4-20, 20/04/2024,
 * April 20, 2024), `ambiguous` when day and month could swap (03/04/2024).
 * A date followed by a note ("2024-05-01 (done)") counts as that date.
 */
export function parseDueDate(raw: string): DueDate {
  const text = raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/.exec(text);
  if (m) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { kind: 'iso', date: d } : { kind: 'invalid', text };
  }
  const clear = (d: DateTime | undefined, matched: string): DueDate =>
    d ? { kind: 'clear', date: d, iso: d.toISODate() as string, text, whole: matched.length === text.length } : { kind: 'invalid', text };
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (m) return clear(ymd(Number(m[1]), Number(m[2]), Number(m[3])), m[0]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12 && b <= 12) return clear(ymd(y, b, a), m[0]);
    if (b > 12 && a <= 12) return clear(ymd(y, a, b), m[0]);
    if (a === b) return clear(ymd(y, a, b), m[0]);
    if (a <= 12 && b <= 12) return { kind: 'ambiguous', text };
    return { kind: 'invalid', text };
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(text);
  if (m && monthNumber(m[1] as string)) return clear(ymd(Number(m[3]), monthNumber(m[1] as string) as number, Number(m[2])), m[0]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?[- ]([A-Za-z]{3,9})\.?[-, ]{1,2}(\d{4})\b/.exec(text);
  if (m && monthNumber(m[2] as string)) return clear(ymd(Number(m[3]), monthNumber(m[2] as string) as number, Number(m[1])), m[0]);
  return { kind: 'not-a-date', text };
}
