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

/** The errno code of a failed file operation ("ENOENT"), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** A byte count for messages: "512 bytes", "1.5 KB", "2.0 MB". */
export function formatSize(n: number): string {
  return n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}
