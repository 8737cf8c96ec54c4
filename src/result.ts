/**
 * A file's result as ESLint shapes it: its messages and their counts. Every
 * host builds results this way (the engine, the CLI for files it cannot
 * read, the worker pool for files a worker could not finish).
 */
import type { LintMessage, LintResult } from './types.js';

/** Count a file's messages into an ESLint-shaped result. */
export function makeResult(filePath: string, messages: LintMessage[], extra: Partial<LintResult> = {}): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, ...extra };
}
