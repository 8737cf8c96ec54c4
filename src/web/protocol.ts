/**
 * What the page and its Web Worker say to each other (src/web/page.ts,
 * src/web/worker.ts). Every request carries a sequence number; the page
 * shows only the answer to its newest request.
 */
import type { LintResult } from '../types.js';

export interface CheckSettings {
  /** The text to lint. */
  text: string;
  /** The file's name (a dropped file's, else `report.md`): decides the kind, as on the command line. */
  filePath: string;
  /** `YYYY-MM-DD` (that whole day, as `--now`), or empty for the current time. */
  now: string;
  /** `auto` or a template id. */
  template: string;
  /** The JSON config box's text (JSON with comments, as `.irlintrc.json`); blank for the defaults. */
  config: string;
}

export interface LintRequest extends CheckSettings {
  type: 'lint' | 'fix-all' | 'posting';
  seq: number;
}

export interface LintAnswer {
  seq: number;
  type: LintRequest['type'];
  /** The lint result (for `fix-all`: of the fixed text, with `output` when a fix applied). */
  result?: LintResult;
  /** For `posting`: the text to paste into a Bugzilla comment (`--for-bugzilla`'s stdout). */
  posting?: string;
  /** The config box could not be used: one line, shown beside it. */
  configError?: string;
  /** Anything else that stopped the lint: one line. */
  error?: string;
}
