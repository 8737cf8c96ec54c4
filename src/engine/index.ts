/**
 * The engine: parse once, run every enabled rule on the report, validate what
 * the rules report, apply inline directives, sort. Pure: no file system, no
 * process, no clock (the caller passes `now`).
 */
import { DateTime } from 'luxon';
import type { IncidentReport } from '../model.js';
import { parseAttachment, type Attachment, type DocumentKind, type PairedAttachment } from '../parse/attachment.js';
import { parseReport } from '../parse/index.js';
import { InputLimitError } from '../parse/limits.js';
import { positionAt } from '../parse/positions.js';
import type { TemplateId } from '../templates.js';
import type { Deadline, DeadlineDescriptor, LintMessage, LintResult, QuestionDescriptor, ReportDescriptor, ResolvedRule, ThreadRuleContext, ThreadSummary } from '../types.js';
import { ruleDocsUrl } from '../meta.js';
import { clause } from '../errors.js';
import { applyDirectives } from './directives.js';
import { makeResult } from '../result.js';

export interface LintOptions {
  rules: ResolvedRule[];
  /** Date-based rules compare against this. */
  now: DateTime;
  /**
   * `now` stands for its whole UTC day (`--now 2025-10-21`), not an instant.
   * Default: true when `now` is exactly midnight UTC, which is what
   * `parseNow` gives for a date alone.
   */
  nowIsDay?: boolean;
  filePath?: string;
  template?: TemplateId;
  /** Report disable comments that suppress nothing. */
  reportUnusedDisables?: boolean;
  /** Every rule id an inline directive may name (registered rules, enabled or not); default: the rules that run. */
  knownRules?: Iterable<string>;
  /** Called before each rule runs (a worker's watchdog uses it); `index` is the rule's place in `rules`. */
  onRuleStart?: (index: number, ruleId: string) => void;
  /** Rules not to run (a rule stopped by the watchdog earlier in the run). */
  skipRules?: ReadonlySet<string>;
  /** Attachments found beside a report (`ctx.attachments`); undefined when the host did not look. */
  attachments?: PairedAttachment[];
  /**
   * Runs one rule's `check` (the CLI runs plugin rules under a time budget
   * this way); it throws a RuleStoppedError when it stopped the rule.
   */
  runRule?: (ruleId: string, check: () => unknown) => unknown;
  /** Logins on the CA's side in a bug thread besides the assignee (config `caAccounts`). */
  caAccounts?: readonly string[];
  /** Keep a bug thread's time line on its result (reports and questions by comment), for `-f html`; off, results stay small. */
  threadDetail?: boolean;
}

/**
 * What thread rules report to besides findings: comment texts to locate a
 * finding in (`ctx.report({ comment })`) and the deadline sink.
 */
export interface ThreadSinks {
  /** The visible comment with this count, as a document to locate findings in; undefined when there is none. */
  comment(count: number): LintedDocument | undefined;
  deadline(ruleId: string, d: DeadlineDescriptor): void;
  /** The questions thread rules name (`ctx.question()`); absent when the host did not ask for them. */
  question?(ruleId: string, q: QuestionDescriptor): void;
}

/** Thrown by a `runRule` that stopped a rule running past its time budget. */
export class RuleStoppedError extends Error {
  constructor(readonly budgetMs: number) {
    super(`stopped after ${budgetMs} ms`);
    this.name = 'RuleStoppedError';
  }
}

/** The finding for a rule stopped by the per-rule time budget (--rule-timeout), on the main thread or in a worker. */
export function ruleStoppedMessage(ruleId: string, ms: number): LintMessage {
  return {
    ruleId,
    messageId: 'ruleTimeout',
    severity: 2,
    fatal: true,
    message: `Rule "${ruleId}" did not finish within ${ms} ms on this file and was stopped; it is off for the rest of this run (raise the budget with --rule-timeout).`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}

/** What the engine needs of any parsed file: its text and where its lines start. */
export interface LintedDocument {
  source: string;
  lineStarts: number[];
}


/** Replace `{{name}}` in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => {
    const v = data?.[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * The first line of what was thrown. A rule (or plugin) may throw anything,
 * even an object whose toString throws; this never throws.
 */
function thrownText(error: unknown): string {
  return clause(error).slice(0, 500);
}

function internalMessage(ruleId: string, error: unknown, line = 1): LintMessage {
  const text = thrownText(error);
  return {
    ruleId,
    messageId: 'internalError',
    severity: 2,
    fatal: true,
    message: `Rule "${ruleId}" failed: ${text}. This is a bug in the rule, not in the report; the other rules still ran.`,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
  };
}

/**
 * Run the rules for this kind of file on a parsed file. Rules for other
 * kinds are skipped in place, so that `onRuleStart` indexes stay those of
 * `options.rules` (the worker watchdog names a stopped rule by its index).
 */
export function runRules(report: LintedDocument, options: LintOptions, kind: DocumentKind = 'report', thread?: ThreadSinks): LintMessage[] {
  const messages: LintMessage[] = [];
  const lastLine = report.lineStarts.length;
  const sourceLength = report.source.length;
  const now = options.now;
  const nowIsDay = options.nowIsDay ?? isUtcMidnight(now);

  for (let index = 0; index < options.rules.length; index++) {
    const { rule, severity, options: ruleOptions } = options.rules[index] as ResolvedRule;
    const id = rule.meta.id;
    if (options.skipRules?.has(id) || (rule.meta.appliesTo ?? 'report') !== kind) continue;
    options.onRuleStart?.(index, id);
    let url: string | undefined; // built when the rule reports, as most rules report nothing on most files
    const found: LintMessage[] = [];
    const dues: DeadlineDescriptor[] = [];
    const asks: QuestionDescriptor[] = [];
    const ctx: ThreadRuleContext = {
      options: ruleOptions,
      now: () => now,
      nowIsDay: () => nowIsDay,
      filePath: options.filePath ?? '<input>',
      ...(options.attachments ? { attachments: options.attachments } : {}),
      report(d: ReportDescriptor) {
        url ??= rule.meta.url ?? ruleDocsUrl(id);
        let m: LintMessage;
        if (d !== null && typeof d === 'object' && d.comment !== undefined) {
          // A finding in a comment of a bug thread: located within that comment's text.
          const at = isInt(d.comment) ? thread?.comment(d.comment) : undefined;
          if (!thread) throw new Error('reported a comment location, which only thread rules have');
          if (!at) throw new Error(`reported comment ${String(d.comment).slice(0, 20)}, which the thread does not show`);
          if (d.fix) throw new Error('reported a fix in a bug comment; comments cannot be fixed');
          m = toMessage(at, id, severity, url, rule.meta.messages, d, at.lineStarts.length, at.source.length);
          m.comment = d.comment;
        } else {
          m = toMessage(report, id, severity, url, rule.meta.messages, d, lastLine, sourceLength);
        }
        if (m.fix && rule.meta.fixable !== true) throw new Error('reported a fix but meta.fixable is not true');
        found.push(m);
      },
      deadline(d: DeadlineDescriptor) {
        if (!thread) throw new Error('called deadline(), which only thread rules have');
        if (d === null || typeof d !== 'object' || typeof d.obligation !== 'string' || typeof d.basis !== 'string' || typeof d.due !== 'number' || !Number.isFinite(d.due)) {
          throw new Error('reported a deadline that is not { obligation, due (epoch ms), basis }');
        }
        if (d.comment !== undefined && !isInt(d.comment)) throw new Error('reported a deadline whose comment is not a comment number');
        dues.push(d.comment === undefined ? { obligation: d.obligation, due: d.due, basis: d.basis } : { obligation: d.obligation, due: d.due, basis: d.basis, comment: d.comment });
      },
      question(q: QuestionDescriptor) {
        if (!thread) throw new Error('called question(), which only thread rules have');
        if (q === null || typeof q !== 'object' || !isInt(q.comment) || typeof q.due !== 'number' || !Number.isFinite(q.due) || (q.answeredBy !== undefined && !isInt(q.answeredBy))) {
          throw new Error('reported a question that is not { comment, due (epoch ms), answeredBy? }');
        }
        if (thread.question) asks.push(q.answeredBy === undefined ? { comment: q.comment, due: q.due } : { comment: q.comment, due: q.due, answeredBy: q.answeredBy });
      },
    };
    try {
      const returned: unknown = options.runRule ? options.runRule(id, () => rule.check(report, ctx)) : rule.check(report, ctx);
      if (isThenable(returned)) {
        // Rules are synchronous; a rejected promise must not become an unhandled rejection.
        Promise.resolve(returned).catch(() => undefined);
        throw new Error('check() returned a Promise; rules must be synchronous');
      }
      messages.push(...found);
      for (const d of dues) thread?.deadline(id, d);
      for (const q of asks) thread?.question?.(id, q);
    } catch (error) {
      messages.push(error instanceof RuleStoppedError ? ruleStoppedMessage(id, error.budgetMs) : internalMessage(id, error));
    }
  }
  return messages;
}

function isThenable(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Length of a line without its line ending. */
function lineLength(report: LintedDocument, line: number): number {
  const start = report.lineStarts[line - 1] as number;
  let end = line < report.lineStarts.length ? (report.lineStarts[line] as number) : report.source.length;
  while (end > start && (report.source.charCodeAt(end - 1) === 10 || report.source.charCodeAt(end - 1) === 13)) end--;
  return end - start;
}

/** Longest text a message quotes from a data value; longer values are cut with an ellipsis. */
export const MAX_QUOTED_LENGTH = 200;

/**
 * `data` values a message may show: strings and numbers (and booleans);
 * anything else is a bug. Long strings are cut, so that a 1 MB line cannot
 * become a 1 MB message.
 */
function checkData(data: unknown, what: string): Record<string, string | number> | undefined {
  if (data === undefined) return undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${what} is not an object`);
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new Error(`${what}.${k} is a ${v === null ? 'null' : typeof v}, not a string or number`);
    if (typeof v === 'string' && v.length > MAX_QUOTED_LENGTH) {
      // Cut at a code point boundary.
      const cut = v.codePointAt(MAX_QUOTED_LENGTH - 2)! > 0xffff ? MAX_QUOTED_LENGTH - 2 : MAX_QUOTED_LENGTH - 1;
      out[k] = `${v.slice(0, cut)}…`;
    } else if (v !== undefined) {
      out[k] = typeof v === 'boolean' ? String(v) : v;
    }
  }
  return out;
}

/** Turn what a rule reported into a message, checking that it makes sense. */
function toMessage(
  report: LintedDocument,
  ruleId: string,
  severity: 1 | 2,
  url: string,
  templates: Record<string, string>,
  d: ReportDescriptor,
  lastLine: number,
  sourceLength: number,
): LintMessage {
  if (d === null || typeof d !== 'object') throw new Error(`reported ${d === null ? 'null' : `a ${typeof d}`} instead of a diagnostic object`);
  const template = typeof d.messageId === 'string' && Object.hasOwn(templates, d.messageId) ? templates[d.messageId] : undefined;
  if (typeof template !== 'string') {
    throw new Error(`reported unknown message id "${String(typeof d.messageId === 'string' ? d.messageId : typeof d.messageId).slice(0, 100)}"`);
  }
  const data = checkData(d.data, 'data');
  if (d.loc === null || typeof d.loc !== 'object') throw new Error('reported no location (loc)');
  let line: number;
  let column: number;
  let endLine: number;
  let endColumn: number;
  if ('start' in d.loc) {
    const { start, end } = d.loc;
    if (!(isInt(start) && isInt(end) && start >= 0 && end >= start && end <= sourceLength)) throw new Error(`reported offsets ${String(start)}..${String(end)} outside the file`);
    const a = positionAt(report.lineStarts, start);
    const b = positionAt(report.lineStarts, end);
    line = a.line;
    column = a.column;
    endLine = b.line;
    endColumn = b.column;
  } else {
    line = d.loc.line;
    column = d.loc.column ?? 1;
    endLine = d.loc.endLine ?? line;
    endColumn = d.loc.endColumn ?? column;
  }
  if (!(isInt(line) && line >= 1 && line <= lastLine && isInt(column) && column >= 1 && column <= lineLength(report, line) + 1)) {
    throw new Error(`reported position ${String(line)}:${String(column)} outside the file`);
  }
  if (!isInt(endLine) || endLine < line || endLine > lastLine) endLine = line;
  const endMax = lineLength(report, endLine) + 1;
  if (!isInt(endColumn) || endColumn < 1 || (endLine === line && endColumn < column)) endColumn = endLine === line ? column : 1;
  if (endColumn > endMax) endColumn = endMax;
  const msg: LintMessage = {
    ruleId,
    messageId: d.messageId,
    severity: d.severity === 'warn' ? 1 : severity,
    message: formatMessage(template, data),
    line,
    column,
    endLine,
    endColumn,
  };
  if (url) msg.url = url;
  if (d.fix) {
    if (typeof d.fix !== 'object' || !Array.isArray(d.fix.range) || d.fix.range.length !== 2 || typeof d.fix.text !== 'string') throw new Error('reported a fix that is not { range: [start, end], text }');
    const [s, e] = d.fix.range;
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e <= sourceLength)) throw new Error(`fix range ${String(s)}..${String(e)} outside the file`);
    if (splitsCharacter(report.source, s) || splitsCharacter(report.source, e)) throw new Error(`fix range ${s}..${e} splits a line ending or a character`);
    msg.fix = { range: [s, e], text: d.fix.text };
  }
  if (d.related !== undefined && !Array.isArray(d.related)) throw new Error('reported related locations that are not an array');
  if (d.related && d.related.length > 0) {
    for (const r of d.related) {
      if (r === null || typeof r !== 'object' || !isInt(r.line) || r.line < 1 || r.line > lastLine) throw new Error('reported a related location outside the file');
      if (r.column !== undefined && !(isInt(r.column) && r.column >= 1 && r.column <= lineLength(report, r.line) + 1)) throw new Error('reported a related location outside the file');
      checkData(r.data, 'related data');
      if (r.message !== undefined && typeof r.message !== 'string') throw new Error('reported a related message that is not a string');
    }
    msg.related = d.related.map((r) => ({
      message: r.message ?? (typeof r.messageId === 'string' && Object.hasOwn(templates, r.messageId) && typeof templates[r.messageId] === 'string' ? formatMessage(templates[r.messageId] as string, checkData(r.data, 'related data')) : ''),
      line: r.line,
      column: r.column ?? 1,
    }));
  }
  return msg;
}

/** True when an offset falls between the halves of a CRLF or of a surrogate pair. */
function splitsCharacter(source: string, offset: number): boolean {
  if (offset <= 0 || offset >= source.length) return false;
  const before = source.charCodeAt(offset - 1);
  const after = source.charCodeAt(offset);
  if (before === 13 && after === 10) return true;
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Deterministic order: line, column, rule id, then the order the rule
 * reported them in (the sort is stable), so that findings at one place keep
 * the rule's order: missing sections in template order, not alphabetical.
 */
export function sortMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
}

/** The one message for a file that could not be parsed. */
function parseFailure(report: IncidentReport, error: unknown): LintMessage {
  const limit = error instanceof InputLimitError;
  const line = limit && error.line >= 1 && error.line <= report.lineStarts.length ? error.line : 1;
  return {
    ruleId: null,
    messageId: limit ? 'inputLimit' : 'parseError',
    severity: 2,
    fatal: true,
    message: limit ? error.message : `Cannot parse file: ${thrownText(error)}.`,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
  };
}

/** `lintText` is the low-level call: it takes resolved rules and a luxon `now`; `lint()` takes a config. */
export function checkLowLevelOptions(options: LintOptions): void {
  if (options === null || typeof options !== 'object' || !Array.isArray(options.rules)) {
    throw new TypeError('lintText(source, options) needs options.rules, the resolved rules; call lint({ text }) for the built-in rules and a config');
  }
  if (!DateTime.isDateTime(options.now)) throw new TypeError('lintText(source, options) needs options.now as a luxon DateTime; lint({ text, now }) takes a date string or a Date');
}

/** Parse and lint one source text. */
export function lintText(source: string, options: LintOptions): { messages: LintMessage[]; report: IncidentReport } {
  checkLowLevelOptions(options);
  const opts: { template?: TemplateId } = {};
  if (options.template) opts.template = options.template;
  let report: IncidentReport;
  try {
    report = parseReport(source, opts);
  } catch (error) {
    // A file the parser refuses (or fails on) gets one fatal message; nothing else is known about it.
    report = parseReport(source, { ...opts, plainText: true });
    return { messages: [parseFailure(report, error)], report };
  }
  return { messages: lintParsedReport(report, options), report };
}

/** Run the report rules on a parsed report and apply its inline directives. */
export function lintParsedReport(report: IncidentReport, options: LintOptions): LintMessage[] {
  const raw = runRules(report, options);
  const kept = applyDirectives(report, raw, { reportUnused: options.reportUnusedDisables === true, knownRules: new Set(options.knownRules ?? options.rules.map((r) => r.rule.meta.id)) });
  return sortMessages(kept);
}

/**
 * Parse and lint an Appendix attachment (a CSV or a crt.sh list) with the
 * rules for its kind. Inline directives are a Markdown matter: none here.
 */
export function lintAttachment(source: string, kind: Attachment['kind'], options: LintOptions): { messages: LintMessage[]; attachment: Attachment } {
  checkLowLevelOptions(options);
  const attachment = parseAttachment(kind, source);
  const { attachments: _none, ...rest } = options;
  const messages = runRules(attachment, rest, kind);
  return { messages: sortMessages(messages), attachment };
}

function isUtcMidnight(dt: DateTime): boolean {
  return dt.toMillis() % 86_400_000 === 0;
}
