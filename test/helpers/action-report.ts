/** Small report builders for the root-cause, action-item and closure rule tests. */

export const V3_HEADER = '| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |';

/** A v3 row from its six cells. */
export function v3Row(action: string, kind = 'Prevent', rc = 'Root Cause #1', criteria = 'Integration test with a stale CAA result fails issuance', due = '2025-08-20', status = 'Complete'): string {
  return `| ${action} | ${kind} | ${rc} | ${criteria} | ${due} | ${status} |`;
}

/** A v3 Full report with the given factor headings and action rows; the table header is on line 5 + 2 per factor. */
export function v3Actions(rows: string[], factors: string[] = []): string {
  const rca = factors.length > 0 ? ['### Root Cause Analysis', '', ...factors.flatMap((f) => [f, ''])] : [];
  return ['## Full Incident Report', '', ...rca, '### Action Items', '', V3_HEADER, ...rows, ''].join('\n');
}

/** A v2 report's Action Items table (header on line 5, first row on line 7). */
export function v2Actions(rows: string[], header = '| Action Item | Kind | Due Date |\n| --- | --- | --- |'): string {
  return ['## Incident Report', '', '### Action Items', '', header, ...rows, ''].join('\n');
}
