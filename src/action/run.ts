/**
 * The GitHub Action (action.yml): inputs from the environment the runner
 * sets (INPUT_<NAME>), one run of the CLI's main() on them, and from its
 * results: annotations as workflow commands on stdout, the full report in a
 * collapsed group of the log, a Markdown table of every finding appended to
 * $GITHUB_STEP_SUMMARY, and with `sarif-file` the SARIF log for code
 * scanning (written atomically). The exit code is the CLI's: 0 clean, 1 lint
 * errors, 2 usage, config or I/O failure.
 *
 * Reads and writes only through the Io it is given.
 */
import path from 'node:path';
import { main } from '../cli/main.js';
import { EXIT_FAILURE } from '../cli/exit-codes.js';
import { escapeData, escapeProperty } from '../format/github.js';
import { hash64 } from '../format/code-scanning.js';
import { stepSummary, cell } from '../format/github-summary.js';
import { FORMATS, type FormatContext } from '../format/index.js';
import { IoError } from '../errors.js';
import type { Io } from '../io.js';
import { TOOL_NAME } from '../meta.js';
import type { LintResult } from '../types.js';

/** The Action's inputs, as action.yml declares them. */
export const INPUTS = ['globs', 'config', 'fix', 'now', 'sarif-file'] as const;
export type InputName = (typeof INPUTS)[number];

export interface ActionIo extends Io {
  /** Append to a file, creating it (the step summary). */
  appendFile(path: string, text: string): Promise<void>;
  /** Create a directory and its parents (where the SARIF file goes). */
  ensureDir(path: string): Promise<void>;
}

/** Thrown for an input the Action cannot use: one line, exit 2. */
export class InputError extends Error {}

/** An input as the runner passes it: INPUT_ + the name upper-cased, spaces as underscores (hyphens stay). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function getInput(env: Io['env'], name: InputName): string {
  return (env[inputVariable(name)] ?? '').trim();
}

/** A boolean input, as actions/toolkit's getBooleanInput reads it (YAML 1.2 core schema). */
export function getBooleanInput(env: Io['env'], name: InputName): boolean {
  const v = getInput(env, name);
  if (v === '' || v === 'false' || v === 'False' || v === 'FALSE') return false;
  if (v === 'true' || v === 'True' || v === 'TRUE') return true;
  throw new InputError(`input "${name}" must be true or false, got "${v}"`);
}

/**
 * The `globs` input: one pattern, file or directory per line; several on one
 * line are separated by spaces; a pattern with spaces is quoted ("my report.md"
 * or 'my report.md'). Empty lines and lines starting with # are skipped.
 */
export function splitGlobs(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let token = '';
    let quote = '';
    let has = false;
    for (const c of line) {
      if (quote) {
        if (c === quote) quote = '';
        else token += c;
      } else if (c === '"' || c === "'") {
        quote = c;
        has = true;
      } else if (c === ' ' || c === '\t') {
        if (has) out.push(token);
        token = '';
        has = false;
      } else {
        token += c;
        has = true;
      }
    }
    if (quote) throw new InputError(`input "globs": unmatched ${quote} in "${line}"`);
    if (has) out.push(token);
  }
  return out;
}

/** The CLI arguments for the inputs. The run's own format is SARIF: it keeps each file's text, which the fingerprints need. */
export function actionArgs(env: Io['env']): string[] {
  const globs = splitGlobs(getInput(env, 'globs'));
  if (globs.length === 0) throw new InputError('input "globs" is required: name the report files, directories or globs to lint (one a line)');
  const args = ['--format', 'sarif'];
  const config = getInput(env, 'config');
  if (config !== '') args.push('--config', config);
  const now = getInput(env, 'now');
  if (now !== '') args.push('--now', now);
  if (getBooleanInput(env, 'fix')) args.push('--fix');
  return [...args, '--', ...globs];
}

/** `::error title=ir-lint::message` for a failure of the run itself. */
function runError(text: string): string {
  return `::error title=${escapeProperty(TOOL_NAME)}::${escapeData(text)}\n`;
}

/**
 * Text printed into the log with workflow commands switched off, so that no
 * line of a report can be taken for a command. The token is derived from the
 * text itself, which therefore cannot contain it.
 */
function verbatim(title: string, text: string): string {
  const token = `${TOOL_NAME}-${hash64(text)}`;
  return `::group::${escapeData(title)}\n::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n::endgroup::\n`;
}

function fileLink(env: Io['env']): ((file: string, line: number) => string) | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repo = env['GITHUB_REPOSITORY'];
  const sha = env['GITHUB_SHA'];
  if (!server || !repo || !sha) return undefined;
  return (file, line) => (file.startsWith('/') || file.startsWith('<') ? '' : `${server}/${repo}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`);
}

export async function runAction(io: ActionIo): Promise<number> {
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  const appendSummary = async (text: string): Promise<void> => {
    if (!summaryFile) return;
    try {
      await io.appendFile(summaryFile, text);
    } catch (error) {
      throw new IoError(`cannot write the step summary: ${error instanceof Error ? error.message : String(error)}`, summaryFile);
    }
  };
  let argv: string[];
  try {
    argv = actionArgs(io.env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${TOOL_NAME}: ${error.message}\n`);
    io.stdout(runError(error.message));
    await appendSummary(`## ${TOOL_NAME}\n\n${TOOL_NAME} stopped: ${cell(error.message)}.\n\n`).catch(() => undefined);
    return EXIT_FAILURE;
  }
  const sarifFile = getInput(io.env, 'sarif-file');
  let sarif = '';
  let stderr = '';
  let reported = false;
  const inner: Io = {
    ...io,
    argv,
    // The SARIF report comes back here; the annotations are what the log gets.
    stdout: (text) => void (sarif += text),
    stderr: (text) => {
      stderr += text;
      io.stderr(text);
    },
  };
  const afterReport = async (results: LintResult[], ctx: FormatContext): Promise<void> => {
    const github = await (FORMATS['github'] as (typeof FORMATS)[string])();
    const annotations = github(results, ctx);
    io.stdout(annotations);
    const errors = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 2).length, 0);
    const warnings = results.reduce((n, r) => n + r.messages.length, 0) - errors;
    const stylish = await (FORMATS['stylish'] as (typeof FORMATS)[string])();
    const report = stylish(results, { ...ctx, color: false });
    const files = results.length;
    const title = errors + warnings === 0 ? `${TOOL_NAME}: no problems in ${files} file${files === 1 ? '' : 's'}` : `${TOOL_NAME}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
    io.stdout(verbatim(title, report || `${title}\n`));
    if (errors > 10 || warnings > 10) {
      io.stdout(`::notice title=${escapeProperty(TOOL_NAME)}::${escapeData(`${title}. GitHub shows 10 annotations of each kind per step; the step summary lists them all.`)}\n`);
    }
    const link = fileLink(io.env);
    const opts = link ? { fileUrl: link } : {};
    await appendSummary(stepSummary(results, ctx, opts));
    if (sarifFile !== '') {
      const target = path.resolve(io.cwd, sarifFile);
      try {
        await io.ensureDir(path.dirname(target));
        await io.writeFileAtomic(target, sarif);
      } catch (error) {
        throw new IoError(`cannot write the SARIF file: ${error instanceof Error ? error.message : String(error)}`, sarifFile);
      }
    }
    reported = true;
  };
  // No `parallel`: the Action runs the bundle alone, without the CLI's worker file beside it, so every file is linted in this thread.
  const code = await main(inner, { afterReport });
  if (!reported) {
    // The run stopped before linting (a bad config, a bad --now): say why where people look.
    const line = stderr.split('\n').find((l) => l.trim() !== '') ?? 'failed';
    const why = line.startsWith(`${TOOL_NAME}: `) ? line.slice(TOOL_NAME.length + 2) : line;
    io.stdout(runError(why));
    await appendSummary(`## ${TOOL_NAME}\n\n${TOOL_NAME} stopped: ${cell(why)}\n\n`).catch(() => undefined);
  }
  return code;
}
