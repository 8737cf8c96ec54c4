/**
 * The one notion of "now" a run has: an instant, and whether it stands for
 * a whole UTC day (`--now 2025-10-21`, `now: '2025-10-21'`). Hosts build it
 * once, from their option or their clock, and everything downstream reads
 * this value.
 */
import { DateTime } from 'luxon';

export interface RunNow {
  /** The instant date-based rules compare against (UTC unless the value gave an offset). */
  at: DateTime;
  /** A date alone was given: it means that whole day, not its midnight. */
  isDay: boolean;
}

/** A date alone ("2025-10-21"): it means that whole day. */
export function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
}

/** Parse a date or an ISO time; a date is the start of that day in UTC (and means the whole day, see `RunNow.isDay`). */
export function parseNow(value: string): DateTime | undefined {
  const dt = DateTime.fromISO(value.trim(), { zone: 'utc', setZone: true });
  return dt.isValid ? dt : undefined;
}

/**
 * `now` from what a host was given: a `YYYY-MM-DD` date, an ISO time, a
 * Date, or nothing (the host's clock). Undefined when the value is not a
 * date or time.
 */
export function resolveNow(value: string | Date | undefined, clock: () => Date): RunNow | undefined {
  if (value === undefined) return { at: DateTime.fromJSDate(clock(), { zone: 'utc' }), isDay: false };
  if (value instanceof Date) {
    const at = DateTime.fromJSDate(value, { zone: 'utc' });
    return at.isValid ? { at, isDay: false } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const at = parseNow(value);
  return at ? { at, isDay: isDateOnly(value) } : undefined;
}
