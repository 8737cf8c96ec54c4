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

/** What errno codes of failed file operations mean, in the words every message uses. */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOTREG: 'not a regular file (a FIFO, socket or device)',
  ELOOP: 'too many levels of symbolic links (a symlink loop)',
  ENAMETOOLONG: 'file name too long',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/**
 * Why a file operation failed, as a clause to go inside a sentence ("Cannot
 * read file: <clause>."): the words for its errno code, else the first line
 * of its message (see `clause`). The one errno-to-text function.
 */
export function errnoText(error: unknown): string {
  const code = errnoCode(error);
  return (code !== undefined && Object.hasOwn(ERRNO_TEXT, code) ? ERRNO_TEXT[code] : undefined) ?? clause(error);
}

/** A byte count for messages: "512 bytes", "1.5 KB", "2.0 MB". */
export function formatSize(n: number): string {
  return n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

/**
 * A thrown value's message as a clause to go inside a sentence: its first
 * line, without the full stop (or other closing punctuation) it may end with,
 * so that "...: <clause>; the file was left unchanged." never reads ".;" or "..".
 */
export function clause(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'it threw a value that cannot be printed';
  }
  const first = (text.split('\n')[0] ?? '').trim();
  let end = first.length;
  while (end > 0 && '.;:,'.includes(first[end - 1] as string)) end--;
  return first.slice(0, end);
}
