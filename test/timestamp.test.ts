/** The timestamp parser on strings taken from real reports (corpus seeds and Bugzilla copies). */
import { describe, expect, it } from 'vitest';
import { canonicalForm, compareTimestamps, localDate, luxonZone, parseTimestamp, type ParsedTimestamp, type Precision, type ZoneSource } from '../src/parse/timestamp.js';

interface Row {
  text: string;
  /** Expected instant in UTC (ISO, minutes or seconds), or null when there is none. */
  instant: string | null;
  precision: Precision;
  zone: ZoneSource;
  /** The matched span as text. */
  span?: string;
  flags?: Partial<{ ambiguousDate: boolean; ambiguousZone: boolean; seasonMismatch: boolean; missingYear: boolean; invalidDate: boolean }>;
  context?: Parameters<typeof parseTimestamp>[1];
}

const UTC8 = { text: 'UTC+8', kind: 'offset' as const, offset: 480 };
const UTC = { text: 'UTC', kind: 'utc' as const, offset: 0 };

const rows: Row[] = [
  // ISO forms
  { text: '2024-03-05 10:18 UTC', instant: '2024-03-05T10:18:00Z', precision: 'minute', zone: 'entry' },
  { text: '2021-06-03T00:00+00:00 Ballot SC-45 passes', instant: '2021-06-03T00:00:00Z', precision: 'minute', zone: 'entry', span: '2021-06-03T00:00+00:00' },
  { text: '2021-06-04T07:56+00:00 Ballot is analyzed internally', instant: '2021-06-04T07:56:00Z', precision: 'minute', zone: 'entry' },
  { text: '2025-09-19 – 09:51 UTC', instant: '2025-09-19T09:51:00Z', precision: 'minute', zone: 'entry' },
  { text: '2025-06-11 - 14:22 UTC', instant: '2025-06-11T14:22:00Z', precision: 'minute', zone: 'entry' },
  { text: '2024-11-28 01:09: DigiCert created case 00002121', instant: '2024-11-28T01:09:00Z', precision: 'minute', zone: 'none', span: '2024-11-28 01:09' },
  { text: '2024-11-19: DigiCert released Public Trust CP/CPS v7.04', instant: '2024-11-19T00:00:00Z', precision: 'date', zone: 'none', span: '2024-11-19' },
  { text: '2024-03-04 08:00 Ryan sent an email to CFCA', instant: '2024-03-04T00:00:00Z', precision: 'minute', zone: 'section', context: { zone: UTC8, zoneSource: 'section' } },
  { text: '2024-10-26 3:14 AM: The Google team sent the first email', instant: '2024-10-25T19:14:00Z', precision: 'minute', zone: 'section', span: '2024-10-26 3:14 AM', context: { zone: UTC8, zoneSource: 'section' } },
  { text: '2024-10-29 11:10 AM: iTrusChina confirmed the delayed response', instant: '2024-10-29T03:10:00Z', precision: 'minute', zone: 'section', context: { zone: UTC8, zoneSource: 'section' } },
  { text: '2020-04-21, 16:54 (CEST): The PSD2 QWAC was issued.', instant: '2020-04-21T14:54:00Z', precision: 'minute', zone: 'entry', span: '2020-04-21, 16:54 (CEST)' },
  { text: '2020-04-21, 17:34: The certificate was revoked', instant: '2020-04-21T17:34:00Z', precision: 'minute', zone: 'none' },
  { text: '2019-10-02  2 precertificates were issued for internal testing purposes', instant: '2019-10-02T00:00:00Z', precision: 'date', zone: 'none', span: '2019-10-02' },
  { text: 'From 2020-09-07 at 05:44:35 UTC to 2020-09-08 at 17:48:28 UTC', instant: '2020-09-07T05:44:35Z', precision: 'second', zone: 'entry' },
  { text: 'On 2020-09-13 at 17:22 UTC, the final manual remediation query was executed', instant: '2020-09-13T17:22:00Z', precision: 'minute', zone: 'entry' },
  { text: '2025-09-24 12:00', instant: '2025-09-24T12:00:00Z', precision: 'minute', zone: 'section', context: { zone: UTC, zoneSource: 'section' } },
  { text: '2026-03-20 6 Cross-Certified Root CAs are not in line', instant: '2026-03-20T00:00:00Z', precision: 'date', zone: 'none' },
  { text: '2025-06-05 ~4 PM PDT', instant: '2025-06-05T23:00:00Z', precision: 'hour', zone: 'entry' },
  { text: '2025-01-10 16:06 Europe/Berlin', instant: '2025-01-10T15:06:00Z', precision: 'minute', zone: 'entry' },
  { text: '2024-03-05 10:18 UTC+8', instant: '2024-03-05T02:18:00Z', precision: 'minute', zone: 'entry' },
  { text: '2024-03-05 10:18 GMT+2', instant: '2024-03-05T08:18:00Z', precision: 'minute', zone: 'entry' },
  { text: '2024-03-05T10:18:30Z', instant: '2024-03-05T10:18:30Z', precision: 'second', zone: 'entry' },
  { text: '2024-03-05 10:18 +08:00', instant: '2024-03-05T02:18:00Z', precision: 'minute', zone: 'entry' },
  // Day-first dotted, numeric, year-first
  { text: '08.10.2019 20:50 UTC – Mozilla informed on m.d.s.p.', instant: '2019-10-08T20:50:00Z', precision: 'minute', zone: 'entry' },
  { text: '21.11.2019 15:51 UTC – As the discussion on m.d.s.p. was continuing', instant: '2019-11-21T15:51:00Z', precision: 'minute', zone: 'entry' },
  { text: '12.09.2025 Audit report containing the recommendation', instant: '2025-09-12T00:00:00Z', precision: 'date', zone: 'none' },
  { text: '1/29/2019 11:18:42 AM AZ time Problem Report received by GoDaddy', instant: '2019-01-29T18:18:42Z', precision: 'second', zone: 'entry', span: '1/29/2019 11:18:42 AM AZ time' },
  { text: '1/29/2019 3:55 PM AZ time Problem report was viewed by an agent', instant: '2019-01-29T22:55:00Z', precision: 'minute', zone: 'entry' },
  { text: '1/30/2019 23:36:32 UTC and 1/30/2019 23:35:55 UTC Certificates', instant: '2019-01-30T23:36:32Z', precision: 'second', zone: 'entry' },
  { text: '03/04/2024 10:00 UTC', instant: '2024-03-04T10:00:00Z', precision: 'minute', zone: 'entry', flags: { ambiguousDate: true } },
  { text: '2024-4-20', instant: '2024-04-20T00:00:00Z', precision: 'date', zone: 'none' },
  { text: '2023.06.15 Certificate Policies Extension Mismatch', instant: '2023-06-15T00:00:00Z', precision: 'date', zone: 'none' },
  // Month names and prose
  { text: 'July 29. 2024 02:17– DigiCert files the preliminary incident report.', instant: '2024-07-29T02:17:00Z', precision: 'minute', zone: 'none' },
  { text: 'July 29, 2024 22:36 – DigiCert identifies impacted certificates', instant: '2024-07-29T22:36:00Z', precision: 'minute', zone: 'none' },
  { text: 'July 30 2024 2:10 – 12:56 UTC DC talked to multiple root programs', instant: '2024-07-30T02:10:00Z', precision: 'minute', zone: 'entry', span: 'July 30 2024 2:10 – 12:56 UTC' },
  { text: 'revoked no later than Saturday, August 3rd 2024, 19:30 UTC.', instant: '2024-08-03T19:30:00Z', precision: 'minute', zone: 'entry' },
  { text: 'At 9:30 on June 3, 2022, we received an email from bugzilla', instant: '2022-06-03T09:30:00Z', precision: 'minute', zone: 'none', span: '9:30 on June 3, 2022' },
  { text: 'We resubmitted at 10:00 on June 3, 2022, and visited', instant: '2022-06-03T10:00:00Z', precision: 'minute', zone: 'none' },
  { text: 'We completed and submit it on may20,2022, visited', instant: '2022-05-20T00:00:00Z', precision: 'date', zone: 'none', span: 'may20,2022' },
  { text: 'When we received reminder email on June 1, 2022, we thought', instant: '2022-06-01T00:00:00Z', precision: 'date', zone: 'none' },
  { text: 'Telia got report about invalid ST value on Saturday, May 11, 2019 7:36:23 PM (UTC+01:00) from Alex Cohn', instant: '2019-05-11T18:36:23Z', precision: 'second', zone: 'entry' },
  { text: 'Monday, May 13, 2019: Analysis of the issue by Telia Security Board.', instant: '2019-05-13T00:00:00Z', precision: 'date', zone: 'none' },
  { text: 'As of 22:43 UTC on 15 June 2023, our ARI endpoint identified affected certificates', instant: '2023-06-15T22:43:00Z', precision: 'minute', zone: 'entry' },
  { text: 'We will revoke the affected certificates on Monday 19 June 2023 at 18:00 UTC.', instant: '2023-06-19T18:00:00Z', precision: 'minute', zone: 'entry' },
  { text: 'on March 6, 2019, at 7.30 AM (CET) we implemented a fix', instant: '2019-03-06T06:30:00Z', precision: 'minute', zone: 'entry' },
  { text: 'I will close this on or about Friday, 10-June-2022.', instant: '2022-06-10T00:00:00Z', precision: 'date', zone: 'none' },
  { text: "I'll close this on or about Wed. 2-Apr-2025", instant: '2025-04-02T00:00:00Z', precision: 'date', zone: 'none' },
  { text: 'We became fully aware of this problem on November 21th, 2019.', instant: '2019-11-21T00:00:00Z', precision: 'date', zone: 'none' },
  { text: 'On Aug 19th, we were sent a batch of certificates', instant: null, precision: 'date', zone: 'none', flags: { missingYear: true } },
  { text: 'On Aug 19th, we were sent a batch of certificates', instant: '2019-08-19T00:00:00Z', precision: 'date', zone: 'none', context: { year: 2019 } },
  // Bare times under a day header, zones from context
  { text: '15:19 an email was received on the address revokecsgn@certsign.ro', instant: '2024-03-05T15:19:00Z', precision: 'minute', zone: 'section', context: { date: { year: 2024, month: 3, day: 5 }, zone: UTC, zoneSource: 'section' } },
  { text: '10:18 the email was marked as Junk', instant: null, precision: 'minute', zone: 'none' },
  // Zone problems
  { text: '2024-03-05 10:18 CST', instant: '2024-03-05T16:18:00Z', precision: 'minute', zone: 'entry', flags: { ambiguousZone: true } },
  { text: '2024-03-05 10:18 IST', instant: '2024-03-05T04:48:00Z', precision: 'minute', zone: 'entry', flags: { ambiguousZone: true } },
  { text: 'approx. 4:00PM PST on 2025-06-05', instant: '2025-06-06T00:00:00Z', precision: 'minute', zone: 'entry', flags: { seasonMismatch: true } },
  { text: '2025-01-05 09:00 EST', instant: '2025-01-05T14:00:00Z', precision: 'minute', zone: 'entry', flags: { seasonMismatch: false } },
  { text: '2024-02-30 10:00 UTC', instant: null, precision: 'minute', zone: 'entry', flags: { invalidDate: true } },
];

describe('parseTimestamp on real-world strings', () => {
  it('has at least 40 cases', () => expect(rows.length).toBeGreaterThanOrEqual(40));
  for (const r of rows) {
    it(`${r.text}${r.context ? ' (with context)' : ''}`, () => {
      const ts = parseTimestamp(r.text, r.context);
      expect(ts).toBeDefined();
      if (!ts) return;
      expect(ts.instant ? ts.instant.toUTC().toISO({ suppressMilliseconds: true }) : null).toBe(r.instant ? r.instant.replace('Z', '') + (r.instant.endsWith('Z') ? 'Z' : '') : null);
      expect(ts.precision).toBe(r.precision);
      expect(ts.zoneSource).toBe(r.zone);
      if (r.span) expect(r.text.slice(ts.span[0], ts.span[1])).toBe(r.span);
      for (const [k, v] of Object.entries(r.flags ?? {})) expect(ts[k as keyof typeof ts], k).toBe(v);
    });
  }
});

describe('parseTimestamp edges', () => {
  it('finds nothing in version numbers, section numbers and durations', () => {
    for (const s of ['Baseline Requirements Version 2.1.7, Section 4.9.5', 'within 24 hours', 'RFC 5280 4.2.2.1', 'check the email box 7*24 hours', 'CP/CPS v6.04', 'Mar 2021']) {
      expect(parseTimestamp(s), s).toBeUndefined();
    }
  });
  it('reads a lower-case month word only with a year', () => {
    expect(parseTimestamp('we may 2 times')).toBeUndefined();
  });
  it('writes the canonical form in UTC', () => {
    expect(canonicalForm(parseTimestamp('2024-10-26 3:14 AM', { zone: UTC8, zoneSource: 'section' })!)).toBe('2024-10-25 19:14 UTC');
    expect(canonicalForm(parseTimestamp('June 3, 2022')!)).toBe('2022-06-03');
  });
  it('compares a date-only timestamp as equal to any time that day', () => {
    const day = parseTimestamp('2024-03-05')!;
    expect(compareTimestamps(day, parseTimestamp('2024-03-05 23:59 UTC')!)).toBe(0);
    expect(compareTimestamps(day, parseTimestamp('2024-03-06 00:01 UTC')!)).toBe(-1);
    expect(compareTimestamps(parseTimestamp('2024-03-05 15:19 UTC')!, parseTimestamp('2024-03-05 10:18 UTC')!)).toBe(1);
  });
  it('is linear on long junk', () => {
    const junk = '1'.repeat(20000) + ':' + '2'.repeat(20000) + ' 2024-'.repeat(2000);
    const t0 = Date.now();
    parseTimestamp(junk);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('localDate', () => {
  // The date in the timestamp's own zone, computed from the zone offset; it must agree with luxon's zoned formatting.
  const cases = [
    '2024-03-05 23:30 UTC+8',
    '2024-03-05 00:30 UTC-5',
    '2024-03-05 23:59 UTC',
    '2024-03-31 01:30 Europe/Berlin',
    '2024-03-31 03:30 Europe/Berlin',
    '2024-11-03 01:30 America/New_York',
    '2024-12-31 23:00 Pacific/Kiritimati',
    '2024-01-01 00:15 UTC+14',
    '2024-07-04',
    'March 5, 2024 at 9:30 PM PST',
  ];
  for (const text of cases) {
    it(text, () => {
      const ts = parseTimestamp(text);
      expect(ts?.instant).toBeDefined();
      if (!ts?.instant) return;
      const zone = luxonZoneOf(ts);
      const expected = (zone ? ts.instant.setZone(zone) : ts.instant).toFormat('yyyy-LL-dd');
      expect(localDate(ts)).toBe(expected);
    });
  }
});

function luxonZoneOf(ts: ParsedTimestamp) {
  return luxonZone(ts.zoneUsed);
}
