/** Timeline extraction: shapes real reports use, and the seeds. */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/parse/index.js';
import { timelines } from '../src/parse/timeline.js';
import { HAS_CORPUS, seed } from './helpers/corpus.js';
import { lintAll } from './helpers/lint.js';

const v2 = (timeline: string): string => `## Incident Report\n\n### Summary\n\nText.\n\n### Timeline\n\n${timeline}\n\n### Root Cause Analysis\n\nText.\n`;
const first = (text: string) => {
  const t = timelines(parseReport(text))[0];
  if (!t) throw new Error('no timeline');
  return t;
};
const iso = (text: string) => first(text).entries.map((e) => `${e.line} ${e.instant?.toUTC().toFormat("yyyy-LL-dd'T'HH:mm") ?? '-'} ${e.precision} ${e.zoneSource} ${e.dateSource} ${e.shape}`);

describe('timeline extraction', () => {
  it('reads day headers with HH:MM items and a section statement', () => {
    const t = first(v2('All times are UTC.\n\n2024-03-05:\n\n- 15:19 received\n- 10:18 junk\n\n2024-03-18:\n\n- 13:07 again'));
    expect(t.declarations.map((d) => [d.from, d.zone.text, d.line])).toEqual([['line', 'UTC', 9]]);
    expect(iso(v2('All times are UTC.\n\n2024-03-05:\n\n- 15:19 received\n- 10:18 junk\n\n2024-03-18:\n\n- 13:07 again'))).toEqual([
      '13 2024-03-05T15:19 minute section day-header day-item',
      '14 2024-03-05T10:18 minute section day-header day-item',
      '18 2024-03-18T13:07 minute section day-header day-item',
    ]);
  });

  it('takes the zone from the heading: "Timeline (All times are UTC+8)"', () => {
    const text = '## Incident Report\n\n### Summary\n\nText.\n\n### Timeline (All times are UTC+8)\n\nTime Event\n2024-10-26 3:14 AM: email sent.\n\n### Root Cause Analysis\n\nText.\n';
    const t = first(text);
    expect(t.declarations[0]?.from).toBe('heading');
    expect(iso(text)).toEqual(['10 2024-10-25T19:14 minute section entry line']);
  });

  it('reads a Markdown table with separate Date and Time (UTC) columns', () => {
    const text = v2('| Date | Time (UTC) | Event |\n| --- | --- | --- |\n| 2024-03-05 | 10:18 | received |\n| 2024-03-06 | 09:00 | revoked |');
    expect(first(text).declarations.map((d) => d.from)).toEqual(['table-header']);
    expect(iso(text)).toEqual(['11 2024-03-05T10:18 minute section entry table', '12 2024-03-06T09:00 minute section entry table']);
  });

  it('reads a day header whose bullets have no time as one date-only entry', () => {
    expect(iso(v2('All times are UTC.\n\n2021-03-03:\n\n- Bug 1696227 (Mar 2021): Incorrect value\n  - details'))).toEqual(['11 2021-03-03T00:00 date section entry day-header']);
  });

  it('reads prose when few lines start with a timestamp', () => {
    const text = v2('When we received the email on June 1, 2022, we replied.\nAt 9:30 on June 3, 2022, we received a report.\nWe resubmitted at 10:00 on June 3, 2022.');
    expect(iso(text).map((s) => s.split(' ').slice(-1)[0])).toEqual(['prose', 'line', 'prose']);
  });

  it('keeps continuation lines with their entry', () => {
    const t = first(v2('All times are UTC.\n\n2020-03-10 09:00 Microsec checked the faulty\nprecertificates, already expired.'));
    expect(t.entries).toHaveLength(1);
    expect(t.entries[0]?.text).toContain('already expired');
  });

  it('uses the day header zone', () => {
    expect(iso(v2('2024-03-05 (UTC+2):\n\n- 10:18 received'))).toEqual(['11 2024-03-05T08:18 minute day-header day-header day-item']);
  });

  it('is memoised per report', () => {
    const r = parseReport(v2('All times are UTC.\n\n- 2024-03-05 10:18 x'));
    expect(timelines(r)).toBe(timelines(r));
  });
});

describe.skipIf(!HAS_CORPUS)('timeline on the seeds', () => {
  const count = (p: string) => timelines(parseReport(seed(p))).reduce((n, t) => n + t.entries.length, 0);
  it('finds the entries a person sees', () => {
    expect(count('000_')).toBe(4);
    expect(count('001_')).toBe(5);
    expect(count('002_')).toBe(4);
    expect(count('003_')).toBe(7);
    expect(count('004_')).toBe(7);
  });

  it('seed 003 reports timeline-order at the 10:18 entry and names 15:19', () => {
    const m = lintAll(seed('003_'), '2026-11-22').filter((x) => x.ruleId === 'timeline-order');
    expect(m.map((x) => x.line)).toEqual([42]);
    expect(m[0]?.message).toContain('10:18');
    expect(m[0]?.message).toContain('15:19');
    expect(m[0]?.related?.[0]?.line).toBe(41);
  });

  it('seed 001 declares UTC+8 in the heading: no timeline-timezone', () => {
    expect(lintAll(seed('001_'), '2026-11-22').filter((x) => x.ruleId === 'timeline-timezone')).toEqual([]);
  });

  it('seed 000 has times without a zone: timeline-timezone', () => {
    const m = lintAll(seed('000_'), '2026-11-22').filter((x) => x.ruleId === 'timeline-timezone');
    expect(m.map((x) => x.line)).toEqual([32]);
    expect(m[0]?.message).toContain('9:30 on June 3, 2022');
  });
});
