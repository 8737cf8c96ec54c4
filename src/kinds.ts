/**
 * The kinds of file ir-lint lints, and how a file's kind is told: from its
 * name, and for names that more than one kind uses, from its first bytes.
 * Each kind has a parser and its own rules (`meta.appliesTo`); the engine's
 * `lintDocument` dispatches on the kind. Adding a kind is one entry here,
 * a parser and a branch in `lintDocument`.
 *
 * Pure: string work only, no file system.
 */
import { looksLikeCrtshList, looksLikeIrgCsv, sniffCsvKind, type DocumentKind } from './parse/attachment.js';

export type { DocumentKind } from './parse/attachment.js';

export interface FileKind {
  id: DocumentKind;
  /** Lower-case name endings that may hold this kind. */
  extensions: string[];
  /** Whether a directory walk includes a file with one of those names, from its first 4 KB; left out, every such file is included (unread until it is linted). */
  inDirectory?(head: string): boolean;
}

/** Kinds other than Markdown reports that a directory walk picks up. */
export const DIRECTORY_KINDS: FileKind[] = [
  // Only CSVs whose first row names the IRG columns: a compliance repository holds other CSVs too.
  { id: 'csv', extensions: ['.csv'], inDirectory: looksLikeIrgCsv },
  // A Bugzilla bug export (SPEC §7): the name says it all.
  { id: 'thread', extensions: ['.bug.json'] },
];

/** A Bugzilla bug thread export: any path ending `.bug.json`. */
export function isThreadName(name: string): boolean {
  return name.toLowerCase().endsWith('.bug.json');
}

/** Kinds that are Appendix attachments (their own size limit, `--max-attachment-size`). */
export function isAttachmentName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.csv') || lower.endsWith('.txt');
}

/**
 * The kind of a file named on the command line (or found beside a report),
 * from its name and text: `.csv` is an Appendix CSV, or a crt.sh list when
 * its one column holds crt.sh links; `.txt` is a crt.sh list when its lines
 * are crt.sh links and a report otherwise (text copied from Bugzilla);
 * `.bug.json` is a bug thread export; anything else is a report.
 */
export function kindOf(name: string, text: string): DocumentKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bug.json')) return 'thread';
  if (lower.endsWith('.csv')) return sniffCsvKind(text);
  if (lower.endsWith('.txt')) return looksLikeCrtshList(text) ? 'crtsh' : 'report';
  return 'report';
}
