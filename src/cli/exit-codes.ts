/**
 * Exit codes, stated once: this table is what `--help` says and what the
 * README's "Exit codes" table is generated from (`npm run docs`; a test
 * checks the README is current).
 */
export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FAILURE = 2;

export interface ExitCode {
  code: number;
  /** A few words, for `--help`. */
  summary: string;
  /** The README's sentence (Markdown). */
  meaning: string;
}

export const EXIT_CODES: readonly ExitCode[] = [
  { code: EXIT_OK, summary: 'no errors', meaning: 'No errors (warnings allowed, up to `--max-warnings`).' },
  { code: EXIT_LINT_ERRORS, summary: 'errors (or too many warnings)', meaning: 'At least one error, or more warnings than `--max-warnings`.' },
  {
    code: EXIT_FAILURE,
    summary: 'usage, config, I/O or internal failure',
    meaning: 'Usage, configuration, I/O or internal failure: a file that cannot be read (missing, binary, not UTF-8, too large) is reported for that file and the other files are still linted. With `--fetch`: a bug that could not be fetched (each is named on stderr; the others are still written).',
  },
];

/** The line `--help` ends with. */
export function exitCodesHelp(): string {
  return `Exit codes: ${EXIT_CODES.map((e) => `${e.code} ${e.summary}`).join(', ')}.`;
}

/** The README's table. */
export function exitCodesMarkdown(): string {
  return ['| code | meaning |', '| --- | --- |', ...EXIT_CODES.map((e) => `| ${e.code} | ${e.meaning} |`)].join('\n');
}
