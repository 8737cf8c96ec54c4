/**
 * Derived models (timeline, action items, factors, context, appendix) are
 * computed on first use and kept on the report, so each is built once per
 * file. The parser and the rules' helpers (src/query.ts) share this memo.
 */
import type { IncidentReport } from '../model.js';

/** Memoise a derived model on the report (parsed once per file). */
export function derived<T>(report: IncidentReport, key: string, compute: () => T): T {
  if (report.cache.has(key)) return report.cache.get(key) as T;
  const value = compute();
  report.cache.set(key, value);
  return value;
}
