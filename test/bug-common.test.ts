import { describe, expect, it } from 'vitest';
import { DAY, formatDays, formatHours, HOUR, irgAt, withinDays } from '../rules/bug-common.js';

describe('bug-common', () => {
  it('picks the IRG version in force on a day', () => {
    expect(irgAt(Date.parse('2023-10-16T23:59:59Z')).id).toBe('wiki');
    expect(irgAt(Date.parse('2023-10-17T00:00:00Z')).id).toBe('irg-2.0');
    expect(irgAt(Date.parse('2025-02-28T23:59:59Z')).id).toBe('irg-2.0');
    expect(irgAt(Date.parse('2025-03-01T00:00:00Z')).id).toBe('irg-3.0');
    expect(irgAt(Date.parse('2025-07-15T00:00:00Z')).id).toBe('irg-3.1');
    expect(irgAt(Date.parse('2026-03-19T23:59:59Z')).id).toBe('irg-3.1');
    expect(irgAt(Date.parse('2026-03-20T00:00:00Z')).id).toBe('irg-3.2');
  });
  it('reads "within N days" as at most N x 24 hours', () => {
    const t = Date.parse('2025-08-01T10:00:00Z');
    expect(withinDays(t, t + 7 * DAY, 7)).toBe(true);
    expect(withinDays(t, t + 7 * DAY + 1, 7)).toBe(false);
  });
  it('writes durations without hiding that a limit was passed', () => {
    expect(formatDays(12.5 * DAY)).toBe('12.5 days');
    expect(formatDays(DAY)).toBe('1 day');
    expect(formatDays(7 * DAY + HOUR)).toBe('7 days 1 hour');
    expect(formatDays(7 * DAY + 40 * 60_000)).toBe('7 days 40 minutes');
    expect(formatHours(80.5 * HOUR)).toBe('80.5 hours');
    expect(formatHours(72 * HOUR + 60_000)).toBe('72 hours 1 minute');
  });
});
