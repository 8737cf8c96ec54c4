/**
 * Everything ir-lint needs from the outside world, in one object. The CLI
 * builds the real one (src/cli/node-io.ts); tests pass an in-memory one.
 */


export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirEntry {
  name: string;
  kind: EntryKind;
}

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  mode?: number;
  mtimeMs?: number;
}

export interface Io {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal. */
  isTTY: boolean;
  /** True when stderr is a terminal (--fetch shows a progress line per bug there); absent means no. */
  stderrIsTTY?: boolean;
  /** The current time (the default for --now). */
  now(): Date;
  /** Throws an Error with a Node-style `code` (ENOENT, EACCES, EISDIR, ...). */
  readFile(path: string): Promise<Uint8Array>;
  /** Follows symlinks. Throws with `code` like readFile. */
  stat(path: string): Promise<FileStat>;
  readDir(path: string): Promise<DirEntry[]>;
  realpath(path: string): Promise<string>;
  /** Expand glob patterns relative to `cwd`; returns paths relative to `cwd`. */
  glob(patterns: string[], options: { cwd: string; ignore: string[] }): Promise<string[]>;
  /** Read stdin; with `maxBytes`, stop once more than that has arrived (the result is then longer than `maxBytes`). */
  readStdin(maxBytes?: number): Promise<Uint8Array>;
  /**
   * Replace a whole file atomically: temp file in the same directory, fsync,
   * rename over the target (symlinks are followed; mode kept). A failure at
   * any step leaves the original intact and removes the temp file. Strings
   * are written as UTF-8.
   */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** Write a file, creating its folder: a new one when `exclusive` (fails if it exists), else replaced atomically as `writeFileAtomic` does. */
  writeFile(path: string, data: string, options?: { exclusive?: boolean }): Promise<void>;
  /**
   * The process's own stdin and stdout as streams, for a long-running host
   * (the language server); absent in tests' in-memory Io, where the server
   * reads `readStdin()` and writes through `stdout`.
   */
  stdio?(): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Import a local module (plugins). */
  importModule(path: string): Promise<unknown>;
}
