/**
 * File paths as the formats need them: absolute (ESLint JSON), relative to the
 * working directory with forward slashes (GitHub, JUnit), or as a URI (SARIF).
 * Pure string work on POSIX and Windows paths; no file system.
 */
import path from 'node:path';

/** Names that stand for stdin or other non-files: kept as they are. */
function isPseudo(filePath: string): boolean {
  return /^<[^>]*>$/.test(filePath);
}

function pathApi(cwd: string): typeof path.posix {
  return /^[A-Za-z]:[\\/]/.test(cwd) || cwd.startsWith('\\\\') ? path.win32 : path.posix;
}

export function absolutePath(filePath: string, cwd: string): string {
  if (isPseudo(filePath)) return filePath;
  return pathApi(cwd).resolve(cwd, filePath);
}

/** Relative to cwd with `/` separators; an absolute path when the file lies outside cwd. */
export function relativePath(filePath: string, cwd: string): string {
  if (isPseudo(filePath)) return filePath;
  const p = pathApi(cwd);
  const abs = p.resolve(cwd, filePath);
  const rel = p.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || p.isAbsolute(rel)) return abs.split(p.sep).join('/');
  return rel.split(p.sep).join('/');
}

/** Percent-encode a path for a URI, keeping `/` (RFC 3986 path characters stay as they are). */
function encodePath(p: string, absolute = false): string {
  const encoded = p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  // A colon may stand in an absolute path (`/C:/x`); in a relative one it would read as a scheme.
  return absolute ? encoded.replace(/%3A/g, ':') : encoded;
}

/** `file:` URI of a directory, with a trailing slash (SARIF's originalUriBaseIds). */
export function directoryUri(dir: string): string {
  const p = pathApi(dir);
  let abs = p.resolve(dir).split(p.sep).join('/');
  if (!abs.endsWith('/')) abs += '/';
  return `file://${abs.startsWith('/') ? '' : '/'}${encodePath(abs, true)}`;
}

/**
 * SARIF artifact location: a relative URI against %SRCROOT% (the working
 * directory) for files inside it, an absolute `file:` URI otherwise.
 */
export function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (isPseudo(filePath)) return { uri: encodePath(filePath) };
  const p = pathApi(cwd);
  const abs = p.resolve(cwd, filePath);
  const rel = p.relative(cwd, abs);
  if (rel !== '' && !rel.startsWith('..') && !p.isAbsolute(rel)) {
    return { uri: encodePath(rel.split(p.sep).join('/')), uriBaseId: '%SRCROOT%' };
  }
  const posix = abs.split(p.sep).join('/');
  return { uri: `file://${posix.startsWith('/') ? '' : '/'}${encodePath(posix, true)}` };
}
