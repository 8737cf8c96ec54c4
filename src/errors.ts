/** Typed failures that print as one clear line and exit 2. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly file?: string,
    readonly keyPath?: string,
  ) {
    super(message);
  }
}

export class IoError extends Error {
  override name = 'IoError';
  constructor(
    message: string,
    readonly path: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
