/**
 * `lint()`: the engine as every host calls it (a script, the language
 * server, the browser page, the Bugzilla thread linter). It takes text and
 * a config object, not resolved rules, and returns the result the CLI
 * prints for that text.
 *
 * Pure apart from what its host hands it: with no `io`, nothing is read
 * (the config is the one given, or the defaults; no Appendix file is
 * paired); with an `io` (a file-system host), `config: 'file'` finds the
 * nearest config file for `filePath` as the CLI does, plugins load, and
 * the Appendix files a report names are read beside it.
 */
import path from 'node:path';
import { rules as builtinRules } from '../rules/index.js';
import { parseTemplate } from './config/index.js';
import { createConfigResolver, type ConfigResolverOptions, type FileConfig } from './config/load.js';
import { pairedAttachments } from './attachments.js';
import { lintToResult, type LintOptions } from './engine/index.js';
import { ConfigError, UsageError } from './errors.js';
import type { DirEntry, FileStat, Io } from './io.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE } from './limits.js';
import { kindOf, type DocumentKind } from './kinds.js';
import { resolveNow, type RunNow } from './now.js';
import type { PairedAttachment } from './parse/attachment.js';
import type { TemplateId } from './templates.js';
import type { LintResult } from './types.js';

/** A config as written in `.irlintrc.json`. */
export interface ConfigObject {
  template?: string;
  rules?: Record<string, unknown>;
  plugins?: string[];
  ignores?: string[];
  /** Bug threads: Bugzilla logins on the CA's side besides the assignee. */
  caAccounts?: string[];
  [key: string]: unknown;
}

export interface LintInput {
  /** The text to lint: a report, an Appendix CSV or crt.sh list, a bug thread export (`.bug.json`). */
  text: string;
  /** Where the text is (or would be): names it in the result, decides its kind by its extension, and with `config: 'file'` where its config is found. Default `<input>`. */
  filePath?: string;
  /** `YYYY-MM-DD` (that whole UTC day), an ISO time, or a Date; default: now. */
  now?: string | Date;
  /**
   * A config object as in `.irlintrc.json` (validated the same way; a bad
   * one throws a ConfigError); omitted for the defaults; `'file'` for the
   * nearest config file to `filePath` (needs a file-system host: `io`).
   */
  config?: ConfigObject | 'file';
  /** Force a template (`--template`), or `auto`; default: the config's, else detected. */
  template?: 'auto' | TemplateId;
  /** What the text is; default: from `filePath` and the text, as the CLI decides. */
  kind?: DocumentKind;
  /** Report disable comments that suppress nothing (`--report-unused-disable-directives`). */
  reportUnusedDisables?: boolean;
  /** The Appendix files beside a report, already parsed; default: read beside `filePath` when there is an `io`. */
  attachments?: PairedAttachment[];
}

export interface LintHost {
  /** File access for `config: 'file'`, plugins and Appendix files (the CLI's Io). */
  io?: Io;
  /** The clock when `now` is not given. */
  clock?: () => Date;
}

/** An Io that has no files: a config object with plugins needs a real one. */
function noFiles(cwd: string): Io {
  const missing = (p: string): never => {
    throw Object.assign(new Error(`no file system here (${p})`), { code: 'ENOENT' });
  };
  return {
    argv: [],
    cwd,
    env: {},
    isTTY: false,
    stdout: () => undefined,
    stderr: () => undefined,
    now: () => new Date(),
    readFile: async (p) => missing(p),
    stat: async (p): Promise<FileStat> => missing(p),
    readDir: async (p): Promise<DirEntry[]> => missing(p),
    realpath: async (p) => p,
    glob: async () => [],
    readStdin: async () => new Uint8Array(),
    writeFileAtomic: async (p) => missing(p),
    writeFile: async (p) => missing(p),
    importModule: async (p) => missing(p),
  };
}

function configResolverOptions(input: LintInput, hasIo: boolean): ConfigResolverOptions {
  const o: ConfigResolverOptions = { builtins: builtinRules };
  if (input.config === undefined) {
    o.config = false;
  } else if (input.config === 'file') {
    if (!hasIo) throw new UsageError('lint(): config "file" needs a file-system host (pass { io })');
  } else if (input.config !== null && typeof input.config === 'object' && !Array.isArray(input.config)) {
    o.inline = { data: input.config, name: '<config>' };
  } else {
    throw new ConfigError('expected a config object (as in .irlintrc.json), "file", or nothing for the defaults', '<config>');
  }
  return o;
}

/** The lint options for one text under its file's config: what the CLI's `reportLintOptions` gives. */
export function lintOptionsFor(fileConfig: FileConfig, now: RunNow, filePath: string, forced: TemplateId | undefined): LintOptions {
  const { rules, known, config } = fileConfig;
  const o: LintOptions = { rules, now: now.at, nowIsDay: now.isDay, filePath, knownRules: [...known.keys()] };
  const template = forced ?? (config.template !== 'auto' ? config.template : undefined);
  if (template) o.template = template;
  if (config.caAccounts && config.caAccounts.length > 0) o.caAccounts = config.caAccounts;
  return o;
}

/**
 * Lint one text with the built-in rules and a config: the result the CLI
 * prints for it (`ir-lint --now <now> -f json`), with its source kept when
 * there are messages.
 */
export async function lint(input: LintInput, host: LintHost = {}): Promise<LintResult> {
  if (input === null || typeof input !== 'object' || typeof input.text !== 'string') throw new TypeError('lint({ text }) needs the text to lint as a string');
  const now = resolveNow(input.now, host.clock ?? (() => new Date()));
  if (!now) throw new UsageError(`lint(): now expects a date (YYYY-MM-DD), an ISO time or a Date, got ${JSON.stringify(String(input.now))}`);
  const forced = input.template !== undefined ? parseTemplate(input.template) : 'auto';
  const io = host.io ?? noFiles('/');
  const filePath = input.filePath ?? '<input>';
  const resolver = createConfigResolver(io, configResolverOptions(input, host.io !== undefined));
  const fileConfig = await resolver.forFile(input.filePath ?? path.join(io.cwd, 'input.md'));
  const kind = input.kind ?? kindOf(filePath, input.text);
  const options = lintOptionsFor(fileConfig, now, filePath, forced === 'auto' ? undefined : forced);
  if (input.reportUnusedDisables) options.reportUnusedDisables = true;
  if (input.attachments) options.attachments = input.attachments;
  else if (kind === 'report' && host.io && input.filePath !== undefined) {
    options.attachments = await pairedAttachments(host.io, input.filePath, input.text, DEFAULT_MAX_ATTACHMENT_SIZE);
  }
  return lintToResult(filePath, input.text, kind, options, true);
}
