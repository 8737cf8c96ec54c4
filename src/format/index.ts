/**
 * Output formats. Each formatter is a pure function of the results; none
 * decides the exit code. Formatters load lazily: a run pays only for its own.
 */
import type { LintResult, RuleMeta } from '../types.js';

export interface FormatContext {
  cwd: string;
  /** Colour the output (stylish only). */
  color: boolean;
  /** Metadata of every rule that ran, for formats that describe rules (SARIF). */
  rules: ReadonlyArray<RuleMeta<unknown>>;
  version: string;
  /** The paths, directories and globs the run was given (SARIF names its analysis after them). */
  targets?: ReadonlyArray<string>;
  /** The time the run judges at (`--now`, epoch ms): bug threads' deadlines say how long is left. */
  now?: number;
}

export type Formatter = (results: LintResult[], ctx: FormatContext) => string;

export const FORMATS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).default,
  compact: async () => (await import('./compact.js')).default,
  json: async () => (await import('./json.js')).default,
  sarif: async () => (await import('./sarif.js')).default,
  github: async () => (await import('./github.js')).default,
  junit: async () => (await import('./junit.js')).default,
  due: async () => (await import('./due.js')).default,
  html: async () => (await import('./html.js')).default,
};

export const FORMAT_NAMES = Object.keys(FORMATS);
