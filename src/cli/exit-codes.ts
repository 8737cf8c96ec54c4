/**
 * Exit codes, stated once:
 * 0 no errors (warnings allowed), 1 at least one error or more warnings than
 * --max-warnings, 2 usage, config, I/O or internal failure.
 */
export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FAILURE = 2;

export const EXIT_CODE_TABLE: ReadonlyArray<readonly [number, string]> = [
  [EXIT_OK, 'No errors (warnings allowed, up to --max-warnings).'],
  [EXIT_LINT_ERRORS, 'At least one error, or more warnings than --max-warnings.'],
  [EXIT_FAILURE, 'Usage, configuration, I/O or internal failure (a file could not be read, a bad config, an unknown rule or format, a bug --fetch could not fetch).'],
];
