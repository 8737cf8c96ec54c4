/**
 * Paths on the command line → the files to lint. Files are taken as given,
 * directories are searched for *.md and *.markdown, and for *.csv files whose
 * first row names the IRG Appendix columns (skipping node_modules and .git,
 * following no symlinked directory twice), anything else is a glob. What
 * kind a file is (src/kinds.ts) is decided here for directory entries and
 * when the file is read for files named on the command line.
 */
import path from 'node:path';
import type { Io } from '../io.js';
import { picomatch } from '../lazy.js';
import { DIRECTORY_KINDS, type DocumentKind } from '../kinds.js';

export interface FileTarget {
  /** Path as shown in output (relative to cwd when under it). */
  path: string;
  /** Set when the path could not be used; the file gets a failure result. */
  problem?: string;
  /** The whole failure message when the path is not a file (a directory, a pattern); otherwise "Cannot read file: <problem>." */
  message?: string;
  /** Named on the command line as a file (not found in a directory or by a pattern). */
  explicit?: boolean;
  /** Read from stdin. */
  stdin?: boolean;
  /** What the file is, when the directory walk decided it; otherwise decided from its name and text when read. */
  kind?: DocumentKind;
}

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const SKIP_DIRS = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}!]/;

function display(io: Io, p: string): string {
  const abs = path.resolve(io.cwd, p);
  const rel = path.relative(io.cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

function isMarkdown(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e));
}

function errorText(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

async function walk(io: Io, dir: string, out: FileTarget[], seen: Set<string>, ignore: (p: string) => boolean): Promise<void> {
  let real: string;
  try {
    real = await io.realpath(path.resolve(io.cwd, dir));
  } catch (error) {
    out.push({ path: display(io, dir), problem: errorText(error), message: `Cannot read directory: ${errorText(error)}.` });
    return;
  }
  if (seen.has(real)) return; // a symlink loop or a second route to the same directory
  seen.add(real);
  let entries;
  try {
    entries = await io.readDir(path.resolve(io.cwd, dir));
  } catch (error) {
    out.push({ path: display(io, dir), problem: `cannot read directory: ${errorText(error)}`, message: `Cannot read directory: ${errorText(error)}.` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const child = path.join(dir, e.name);
    if (ignore(display(io, child))) continue;
    let kind = e.kind;
    if (kind === 'symlink') {
      try {
        const st = await io.stat(path.resolve(io.cwd, child));
        kind = st.kind === 'directory' ? 'directory' : st.kind === 'file' ? 'file' : 'other';
      } catch (error) {
        if (isMarkdown(e.name)) out.push({ path: display(io, child), problem: errorText(error) });
        continue;
      }
    }
    if (kind === 'directory') {
      if (SKIP_DIRS.has(e.name)) continue;
      await walk(io, child, out, seen, ignore);
    } else if (isMarkdown(e.name)) {
      out.push({ path: display(io, child) });
    } else {
      // Other kinds a directory holds (an Appendix CSV); other files are left alone silently.
      for (const k of DIRECTORY_KINDS) {
        if (!k.extensions.some((x) => e.name.toLowerCase().endsWith(x))) continue;
        if (!k.inDirectory) {
          out.push({ path: display(io, child), kind: k.id });
          break;
        }
        let head: string;
        try {
          head = new TextDecoder().decode((await io.readFile(path.resolve(io.cwd, child))).subarray(0, 4096));
        } catch {
          break; // unreadable: not ours to report, as with any other file we skip
        }
        if (k.inDirectory(head)) out.push({ path: display(io, child), kind: k.id });
        break;
      }
    }
  }
}

/** Expand command-line paths. `ignores` are globs relative to cwd. */
export async function expandPaths(io: Io, args: string[], ignores: string[] = [], stdinName?: string): Promise<FileTarget[]> {
  const out: FileTarget[] = [];
  const ignoreMatch = ignores.length > 0 ? picomatch()(ignores, { dot: true }) : () => false;
  const ignore = (p: string): boolean => ignoreMatch(p) || ignoreMatch(`${p}/`);
  for (const arg of args) {
    if (arg === '-') {
      out.push({ path: stdinName ?? '<stdin>', stdin: true });
      continue;
    }
    let st;
    try {
      st = await io.stat(path.resolve(io.cwd, arg));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' && GLOB_CHARS.test(arg)) {
        const matches = await io.glob([arg.split(path.sep).join('/')], { cwd: io.cwd, ignore: ['**/node_modules/**', '**/.git/**'] });
        const files = matches.filter((m) => !ignore(m)).sort();
        if (files.length === 0) out.push({ path: arg, problem: 'no files match this pattern', message: 'No files match this pattern.' });
        for (const f of files) out.push({ path: display(io, f) });
        continue;
      }
      out.push({ path: display(io, arg), problem: errorText(error) });
      continue;
    }
    if (st.kind === 'directory') {
      const before = out.length;
      await walk(io, arg, out, new Set(), ignore);
      if (out.length === before) out.push({ path: display(io, arg), problem: 'no Markdown files (*.md, *.markdown) or Appendix CSVs in this directory', message: 'No Markdown files (*.md, *.markdown) or Appendix CSVs in this directory.' });
    } else if (st.kind === 'file') {
      // Ignores win, as in ESLint; a file named explicitly that a config ignores gets a warning (src/cli/main.ts).
      if (!ignore(display(io, arg))) out.push({ path: display(io, arg), explicit: true });
    } else {
      out.push({ path: display(io, arg), problem: 'not a regular file (a FIFO, socket or device); ir-lint reads files only' });
    }
  }
  // The same file named twice is linted once.
  const seen = new Set<string>();
  return out.filter((t) => {
    if (t.problem || t.stdin) return true;
    if (seen.has(t.path)) return false;
    seen.add(t.path);
    return true;
  });
}
