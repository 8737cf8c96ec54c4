/**
 * The run as a value. `main` reads the arguments once and decides
 * everything a lint run needs before any file is read: the options, one
 * `now`, the output format, the files, how configs resolve and the size
 * limits. The main thread and every worker thread lint from this value;
 * a worker receives it (as `PlanData`, which survives structured cloning)
 * and neither reads the arguments nor the clock again.
 */
import { DateTime } from 'luxon';
import { parseTemplate } from '../config/index.js';
import { UsageError } from '../errors.js';
import { FORMATS, FORMAT_NAMES } from '../format/index.js';
import type { Io } from '../io.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_THREAD_SIZE } from '../limits.js';
import { resolveNow, type RunNow } from '../now.js';
import type { TemplateId } from '../templates.js';
import type { CliOptions } from './args.js';
import { expandPaths, type FileTarget } from './files.js';

/** How config files are found for a run: `--config <path>`, `--no-config` (false) or the nearest one (undefined), plus `--rule` flags. */
export interface ConfigSource {
  config?: string | false;
  ruleFlags: string[];
}

export interface RunPlan {
  options: CliOptions;
  /** The directory paths are relative to (the Io's cwd, which need not be the process's). */
  cwd: string;
  /** The one `now` of the run: `--now`, else the clock read once. */
  now: RunNow;
  /** `--template`, when it forces one. */
  template?: TemplateId;
  configs: ConfigSource;
  maxFileSize: number;
  /** The limit for Appendix attachments (*.csv, *.txt), linted or read beside a report. */
  maxAttachmentSize: number;
  /** The limit for bug thread exports (*.bug.json): --max-file-size when given, else DEFAULT_MAX_THREAD_SIZE. */
  maxThreadSize: number;
  /** The files to lint, in input order. */
  targets: FileTarget[];
}

/** A plan as it crosses to a worker thread: `now` as an ISO time (its offset kept), no targets (a worker is sent them one at a time). */
export interface PlanData extends Omit<RunPlan, 'now' | 'targets'> {
  now: { iso: string; isDay: boolean };
}

export function parseSize(value: string | undefined, fallback = DEFAULT_MAX_FILE_SIZE, flagName = '--max-file-size'): number {
  if (value === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`${flagName} expects a size such as 500KB, 10MB or 0 (no limit), got "${value}"`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.floor(n * mult);
}

/** How configs resolve under these options (--config, --no-config, --rule). */
export function configSource(opts: CliOptions): ConfigSource {
  const source: ConfigSource = { ruleFlags: opts.rule };
  if (opts.config !== undefined) source.config = opts.config;
  return source;
}

/**
 * The plan for a lint run. Checks the options a run needs (format, --now,
 * --template, the size limits: a UsageError before anything is read), then
 * finds the files.
 */
export async function planRun(io: Io, opts: CliOptions): Promise<RunPlan> {
  if (!FORMATS[opts.format]) {
    throw new UsageError(`unknown format "${opts.format}" (one of: ${FORMAT_NAMES.join(', ')})`);
  }
  const now = resolveNow(opts.now, () => io.now());
  if (!now) throw new UsageError(`--now expects a date (YYYY-MM-DD) or an ISO time, got "${opts.now}"`);
  const forced = opts.template !== undefined ? parseTemplate(opts.template) : 'auto';
  const plan: RunPlan = {
    options: opts,
    cwd: io.cwd,
    now,
    configs: configSource(opts),
    maxFileSize: parseSize(opts.maxFileSize),
    maxAttachmentSize: parseSize(opts.maxAttachmentSize, DEFAULT_MAX_ATTACHMENT_SIZE, '--max-attachment-size'),
    maxThreadSize: parseSize(opts.maxFileSize, DEFAULT_MAX_THREAD_SIZE),
    targets: [],
  };
  if (forced !== 'auto') plan.template = forced;
  plan.targets = await expandPaths(io, opts.paths, opts.stdinFilename);
  return plan;
}

/** The plan as a worker receives it; each field named, so that nothing else (a resolver, a function) rides along. */
export function planData(plan: RunPlan): PlanData {
  const data: PlanData = {
    options: plan.options,
    cwd: plan.cwd,
    now: { iso: plan.now.at.toISO() ?? '', isDay: plan.now.isDay },
    configs: plan.configs,
    maxFileSize: plan.maxFileSize,
    maxAttachmentSize: plan.maxAttachmentSize,
    maxThreadSize: plan.maxThreadSize,
  };
  if (plan.template !== undefined) data.template = plan.template;
  return data;
}

export function planFromData(data: PlanData): RunPlan {
  const plan: RunPlan = {
    options: data.options,
    cwd: data.cwd,
    now: { at: DateTime.fromISO(data.now.iso, { setZone: true }), isDay: data.now.isDay },
    configs: data.configs,
    maxFileSize: data.maxFileSize,
    maxAttachmentSize: data.maxAttachmentSize,
    maxThreadSize: data.maxThreadSize,
    targets: [],
  };
  if (data.template !== undefined) plan.template = data.template;
  return plan;
}
