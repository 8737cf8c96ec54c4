/**
 * Build `.bug.json` exports (SPEC §7, Bugzilla's REST field names) for
 * tests: a bug, its comments and its history, written as the export file.
 */
export interface ExportComment {
  count?: number;
  text: string;
  creator: string;
  creation_time: string;
  is_private?: boolean;
  tags?: string[];
}

export interface ExportHistory {
  when: string;
  who: string;
  changes: Array<{ field_name: string; removed: string; added: string }>;
}

export interface ExportBug {
  id?: number;
  summary?: string;
  whiteboard?: string;
  status?: string;
  resolution?: string;
  creation_time?: string;
  creator?: string;
  assigned_to?: string;
  flags?: Array<{ name: string; status: string; requestee?: string; setter?: string; creation_date?: string; modification_date?: string }>;
}

export const CA = 'incidents@ca.example';
export const REVIEWER = 'reviewer@browser.example';

/** The export as an object; comment counts default to their index. */
export function bugExport(bug: ExportBug, comments: ExportComment[], history: ExportHistory[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bug: {
      id: 1900001,
      summary: 'Example CA: certificates issued with a wrong extension',
      whiteboard: '[ca-compliance] [ov-misissuance]',
      status: 'ASSIGNED',
      resolution: '',
      creation_time: comments[0]?.creation_time ?? '2025-03-03T10:00:00Z',
      creator: CA,
      assigned_to: CA,
      flags: [],
      ...bug,
    },
    comments: comments.map((c, i) => ({ id: 9000 + i, bug_id: bug.id ?? 1900001, count: c.count ?? i, is_private: false, tags: [], attachment_id: null, time: c.creation_time, ...c })),
    history,
    source: 'https://bugzilla.mozilla.org',
    fetched: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

/** The export file's text, pretty-printed as a fetch writes it. */
export function bugExportText(...args: Parameters<typeof bugExport>): string {
  return `${JSON.stringify(bugExport(...args), null, 2)}\n`;
}
