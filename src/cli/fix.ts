/**
 * --fix and --fix-dry-run for one file: run the fix loop, then write the file
 * atomically (--fix) or print a unified diff (--fix-dry-run).
 *
 * - A file is written only when its text changed, only when nothing failed
 *   while linting it, only when it still holds the bytes that were read, and
 *   in the encoding it was read in (UTF-8 with or without BOM, UTF-16 with
 *   BOM). Line endings are the file's own: fixes only touch their spans, and
 *   inserted line breaks take the file's line ending (src/engine/fix.ts).
 * - Stdin with --fix: the fixed text (or the unchanged text) goes to stdout, so
 *   `ir-lint --fix - < in.md > out.md` works as a filter; the report goes to
 *   stderr (or to --output-file).
 * - --fix-dry-run prints a unified diff per changed file (a/ and b/ prefixes,
 *   `git apply` / `patch -p1` can apply it), to stdout; when stdout carries a
 *   machine-readable report (json, sarif, junit without --output-file) the
 *   diff goes to stderr instead. Results carry `output` like ESLint's.
 */
import path from 'node:path';
import { encodeText, sameBytes, type TextEncoding } from '../decode.js';
import { errnoText } from '../errors.js';
import { fixLoop } from '../engine/fix.js';
import { sortMessages } from '../engine/index.js';
import type { Io } from '../io.js';
import type { LintMessage } from '../types.js';
import { diff } from '../lazy.js';
import type { CliOptions } from './args.js';
import type { FileTarget } from './files.js';

/** Formats whose stdout must stay parseable. */
const MACHINE_FORMATS = new Set(['json', 'sarif', 'junit']);

export interface ReadText {
  text: string;
  encoding: TextEncoding;
  bytes: Uint8Array;
}

export interface FixedFile {
  /** Diagnostics of the fixed text (or of the original when nothing was fixed). */
  messages: LintMessage[];
  /** The fixed text when fixes changed it (ESLint's `output`). */
  output?: string;
  /** The text the messages refer to. */
  source: string;
  /** A file-level failure while writing (the file was left as it was). */
  failure?: string;
}

/** A unified diff of one file, `git diff` style; empty when nothing changed. */
export function unifiedDiff(filePath: string, before: string, after: string): string {
  if (before === after) return '';
  const name = filePath.split(path.sep).join('/');
  const rel = !path.isAbsolute(filePath);
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = diff();
  return createTwoFilesPatch(rel ? `a/${name}` : name, rel ? `b/${name}` : name, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

/** Where the lint report goes: stderr when stdout carries fixed stdin text. */
export function reportGoesToStderr(opts: CliOptions, targets: FileTarget[]): boolean {
  return opts.fix && !opts.fixDryRun && opts.outputFile === undefined && targets.some((t) => t.stdin === true);
}

function diffWriter(io: Io, opts: CliOptions): (text: string) => void {
  return opts.outputFile === undefined && MACHINE_FORMATS.has(opts.format) ? io.stderr : io.stdout;
}

/**
 * Fix one file in the mode the options ask for. `lint` lints a text with the
 * file's rules; the caller turns the return value into the file's result.
 */
export async function fixFile(io: Io, target: FileTarget, read: ReadText, lint: (text: string) => LintMessage[], opts: CliOptions): Promise<FixedFile> {
  const loop = fixLoop(read.text, lint);
  const result: FixedFile = { messages: loop.messages, source: loop.output };
  if (loop.changed) result.output = loop.output;
  const fatal = loop.messages.some((m) => m.fatal);

  if (opts.fixDryRun) {
    if (!loop.changed) return result;
    diffWriter(io, opts)(unifiedDiff(target.path, read.text, loop.output));
    // Nothing was written: the findings that remain point at the file on disk.
    return { ...result, messages: onDisk(loop.messages, read.text, loop.output), source: read.text };
  }
  if (target.stdin) {
    const text = fatal ? read.text : loop.output;
    io.stdout(read.encoding === 'utf-8-bom' ? `\ufeff${text}` : text);
    return result;
  }
  if (!loop.changed || fatal) return result;
  const failure = await writeFixed(io, path.resolve(io.cwd, target.path), read, loop.output);
  if (failure !== undefined) {
    // Nothing was written: report the original text's diagnostics and why.
    return { messages: lint(read.text), source: read.text, failure };
  }
  return result;
}

/** Line lengths (without line endings) of a text. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/**
 * For each line of `after` (1-based), the line of `before` it came from: an
 * unchanged line is itself, a changed line the line it replaced, an inserted
 * line the line it was inserted before (or the last line). `exact` says the
 * line's text is unchanged, so its columns hold too.
 */
export function lineMapping(before: string, after: string): Array<{ line: number; exact: boolean }> {
  const { diffLines } = diff();
  const lastBefore = lineLengths(before).length;
  const map: Array<{ line: number; exact: boolean }> = [{ line: 1, exact: false }];
  let b = 1;
  let removed: number[] = [];
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.removed) {
      removed = Array.from({ length: count }, (_, i) => b + i);
      b += count;
      continue;
    }
    if (part.added) {
      for (let i = 0; i < count; i++) map.push({ line: Math.min(removed[Math.min(i, removed.length - 1)] ?? b, lastBefore), exact: false });
    } else {
      for (let i = 0; i < count; i++) map.push({ line: b + i, exact: true });
      b += count;
    }
    removed = [];
  }
  return map;
}

/** Messages of the fixed text, moved to where they are in the text on disk. */
function onDisk(messages: LintMessage[], before: string, after: string): LintMessage[] {
  const map = lineMapping(before, after);
  const lengths = lineLengths(before);
  const place = (line: number, column: number): { line: number; column: number } => {
    const m = map[line] ?? { line: lengths.length, exact: false };
    const max = (lengths[m.line - 1] ?? 0) + 1;
    return { line: m.line, column: m.exact ? column : Math.min(column, max) };
  };
  return sortMessages(messages.map((msg) => {
    const start = place(msg.line, msg.column);
    let end = place(msg.endLine, msg.endColumn);
    if (end.line < start.line || (end.line === start.line && end.column < start.column)) end = start;
    const moved: LintMessage = { ...msg, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    // A fix's offsets are into the fixed text; on disk there is nothing left to apply.
    delete moved.fix;
    if (msg.related) moved.related = msg.related.map((r) => ({ ...r, ...place(r.line, r.column) }));
    return moved;
  }));
}

/** Write the fixed text over the file; returns why not when it refuses or fails. */
async function writeFixed(io: Io, absPath: string, read: ReadText, output: string): Promise<string | undefined> {
  // Never lose a byte: the text must re-encode to exactly the bytes that were read.
  if (!sameBytes(encodeText(read.text, read.encoding), read.bytes)) {
    return `Cannot fix file: its ${read.encoding.toUpperCase()} bytes would not be written back exactly; the file was left unchanged.`;
  }
  let current: Uint8Array;
  try {
    current = await io.readFile(absPath);
  } catch (error) {
    return `Cannot fix file: it could not be read again before writing (${errnoText(error)}); the file was left unchanged.`;
  }
  if (!sameBytes(current, read.bytes)) {
    return 'Cannot fix file: it changed on disk while it was being linted; the file was left unchanged. Run again.';
  }
  try {
    await io.writeFileAtomic(absPath, read.encoding === 'utf-8' ? output : encodeText(output, read.encoding));
  } catch (error) {
    if ((error as { code?: string }).code === 'EREADONLY') return 'Cannot fix file: read-only, not changed (make it writable to apply the fixes).';
    return `Cannot write fixed file: ${errnoText(error)}; the file was left unchanged.`;
  }
  return undefined;
}
