/**
 * What every formatter is: a pure function of the results and the run's context.
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
