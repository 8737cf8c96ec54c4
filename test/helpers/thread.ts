/**
 * Small bug-thread exports for the lifecycle rules' tests: a compact
 * description in, the `<id>.bug.json` text (Bugzilla's REST field names,
 * SPEC §7) out.
 *
 *   bugJson({ created: '2025-08-01T10:00Z', comments: [ca('2025-08-01T10:00Z', preliminary())] })
 *
 * Times are ISO; `plus('2025-08-01T10:00Z', 3)` is three days later
 * (fractions allowed: `plus(t, 0, 72)` is 72 hours later).
 */

export const CA = 'incidents@example-ca.com';
export const REVIEWER = 'reviewer@mozilla.example';
export const MODERATOR = 'moderator@mozilla.example';
export const CCADB = 'incident-reporting@ccadb.org';

export interface CommentSpec {
  by: string;
  at: string;
  text: string;
  private?: boolean;
  tags?: string[];
}

export interface HistorySpec {
  at: string;
  by?: string;
  changes: Array<{ field: string; removed?: string; added?: string }>;
}

export interface ThreadSpec {
  id?: number;
  summary?: string;
  created: string;
  /** Who filed the bug (default: the CA). */
  creator?: string;
  assignee?: string;
  /** The whiteboard now; earlier texts come from `history`. */
  whiteboard?: string;
  /** Default NEW; RESOLVED with `resolved`. */
  status?: string;
  resolution?: string;
  /** Adds the status change to RESOLVED FIXED at this time. */
  resolved?: string;
  comments: CommentSpec[];
  history?: HistorySpec[];
  /** Current flags on the bug (needinfo requests still open). */
  flags?: Array<{ requestee: string; setter: string; at: string }>;
  fetched?: string;
}

export function plus(iso: string, days: number, hours = 0): string {
  return new Date(Date.parse(iso) + days * 86_400_000 + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

export const ca = (at: string, text: string, extra: Partial<CommentSpec> = {}): CommentSpec => ({ by: CA, at, text, ...extra });
export const reviewer = (at: string, text: string, extra: Partial<CommentSpec> = {}): CommentSpec => ({ by: REVIEWER, at, text, ...extra });
export const moderator = (at: string, text: string, extra: Partial<CommentSpec> = {}): CommentSpec => ({ by: MODERATOR, at, text, ...extra });

/** A history entry that sets a needinfo on `target`. */
export function needinfo(at: string, by: string, target: string): HistorySpec {
  return { at, by, changes: [{ field: 'flagtypes.name', removed: '', added: `needinfo?(${target})` }] };
}

/** A history entry that clears a needinfo on `target` (made by `by`). */
export function needinfoCleared(at: string, by: string, target: string): HistorySpec {
  return { at, by, changes: [{ field: 'flagtypes.name', removed: `needinfo?(${target})`, added: '' }] };
}

/** A history entry that changes the whiteboard. */
export function whiteboardChange(at: string, by: string, removed: string, added: string): HistorySpec {
  return { at, by, changes: [{ field: 'whiteboard', removed, added }] };
}

const iso = (t: string): string => new Date(Date.parse(t)).toISOString().replace('.000Z', 'Z');

export function bugJson(spec: ThreadSpec): string {
  const id = spec.id ?? 1999001;
  const creator = spec.creator ?? CA;
  const history: Array<{ when: string; who: string; changes: Array<{ field_name: string; removed: string; added: string }> }> = (spec.history ?? []).map((h) => ({
    when: iso(h.at),
    who: h.by ?? MODERATOR,
    changes: h.changes.map((c) => ({ field_name: c.field, removed: c.removed ?? '', added: c.added ?? '' })),
  }));
  let status = spec.status ?? 'NEW';
  let resolution = spec.resolution ?? '';
  if (spec.resolved) {
    history.push({ when: iso(spec.resolved), who: MODERATOR, changes: [{ field_name: 'status', removed: 'NEW', added: 'RESOLVED' }, { field_name: 'resolution', removed: '', added: 'FIXED' }] });
    status = spec.status ?? 'RESOLVED';
    resolution = spec.resolution ?? 'FIXED';
  }
  history.sort((a, b) => Date.parse(a.when) - Date.parse(b.when));
  const times = [spec.created, ...spec.comments.map((c) => c.at), ...history.map((h) => h.when)].map((t) => Date.parse(t));
  const bug = {
    id,
    summary: spec.summary ?? 'Example CA: test incident',
    whiteboard: spec.whiteboard ?? '',
    status,
    resolution,
    creation_time: iso(spec.created),
    creator,
    assigned_to: spec.assignee ?? CA,
    flags: (spec.flags ?? []).map((f, i) => ({ id: 100 + i, name: 'needinfo', type_id: 800, status: '?', requestee: f.requestee, setter: f.setter, creation_date: iso(f.at), modification_date: iso(f.at) })),
  };
  const comments = spec.comments.map((c, count) => ({
    id: 5000 + count,
    bug_id: id,
    count,
    text: c.text,
    creator: c.by,
    creation_time: iso(c.at),
    time: iso(c.at),
    is_private: c.private ?? false,
    tags: c.tags ?? [],
    attachment_id: null,
  }));
  return `${JSON.stringify(
    {
      source: 'https://bugzilla.mozilla.org',
      fetched: iso(spec.fetched ?? new Date(Math.max(...times)).toISOString()),
      bug,
      comments,
      history,
    },
    null,
    1,
  )}\n`;
}

// ---------------------------------------------------------------- report texts

/** An IRG 3.x Preliminary Incident Report. */
export function preliminary(identified = '2025-08-01 08:00 UTC'): string {
  return [
    '## Preliminary Incident Report',
    '',
    '### Summary',
    '',
    '- **Incident description:** Some certificates were issued with a wrong extension.',
    `- **Relevant policies:** TLS BR v2.1.2 section 7.1.2.7.`,
    '- **Source of incident disclosure:** Self Reported',
    '',
    '### Timeline summary',
    '',
    `- **Non-compliance identified date:** ${identified}`,
    '',
    'The incident is contained: issuance was stopped.',
    '',
  ].join('\n');
}

/** An Action Items table (v3 columns). */
export function actionTable(rows: Array<{ action: string; due: string; status: string }>): string {
  return [
    '| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.action} | Prevent | Root Cause #1 | Zero findings in the weekly scan | ${r.due} | ${r.status} |`),
  ].join('\n');
}

/** An IRG 3.x Full Incident Report (the parts the lifecycle rules read). */
export function fullReport(options: { identified?: string; timeline?: string[]; actions?: Array<{ action: string; due: string; status: string }> } = {}): string {
  const actions = options.actions ?? [{ action: 'Add a lint for the extension', due: '2025-09-01', status: 'Ongoing' }];
  return [
    '## Full Incident Report',
    '',
    '### Summary',
    '',
    '- **CA Owner CCADB unique ID:** A000123',
    '- **Incident description:** Some certificates were issued with a wrong extension.',
    '- **Timeline summary:**',
    '  - **Non-compliance start date:** 2025-07-20',
    `  - **Non-compliance identified date:** ${options.identified ?? '2025-08-01 08:00 UTC'}`,
    '  - **Non-compliance end date:** 2025-08-01',
    '',
    '### Timeline',
    '',
    'All times are UTC.',
    '',
    ...(options.timeline ?? ['- 2025-07-20 10:00 A profile change was deployed.', '- 2025-08-01 08:00 We became aware of the problem from a scan.', '- 2025-08-01 09:00 Issuance was stopped.']),
    '',
    '### Action Items',
    '',
    actionTable(actions),
    '',
  ].join('\n');
}

/** An IRG 3.x Report Closure Summary. */
export function closureSummary(): string {
  return [
    '## Report Closure Summary',
    '',
    '- **Incident description:** Some certificates were issued with a wrong extension.',
    '- **Incident Root Cause(s):** A profile change was not checked by the linter.',
    '- **Remediation description:** The linter now checks every profile.',
    '- **Commitment summary:** We lint every profile before deployment.',
    '',
    'All Action Items disclosed in this Incident Report have been completed as described, and we request its closure.',
    '',
  ].join('\n');
}
