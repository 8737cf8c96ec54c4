/**
 * Calendar days as whole numbers (days since 1970-01-01 in UTC), for rules
 * that compare dates per report: cheaper than date objects, and a day is a
 * day whatever the time of day `now` carries.
 */
const MS_PER_DAY = 86_400_000;

/** The UTC day an instant (ms since the epoch) falls on. */
export function dayOfInstant(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** The day of an ISO date "YYYY-MM-DD"; undefined when it is not a real date. */
export function dayOfIso(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / MS_PER_DAY;
}

/** The ISO date "YYYY-MM-DD" of a day. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
