/**
 * The engine: parse once, run every enabled rule on the report, validate what
 * the rules report, apply inline directives, sort. Pure: no file system, no
 * process, no clock (the caller passes `now`).
 */
import { DateTime } from 'luxon';
import type { IncidentReport } from '../model.js';
import { parseReport } from '../parse/index.js';
import { positionAt } from '../parse/lines.js';
import type { TemplateId } from '../templates.js';
import type { LintMessage, LintResult, ReportDescriptor, ResolvedRule, RuleContext } from '../types.js';
import { ruleDocsUrl } from '../meta.js';
import { applyDirectives } from './directives.js';

export interface LintOptions {
  rules: ResolvedRule[];
  /** Date-based rules compare against this. */
  now: DateTime;
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
}

/** Replace `{{name}}` in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => {
    const v = data?.[name];
    return v === undefined ? whole : String(v);
  });
}

export const INTERNAL_RULE_ID = 'internal-error';

function internalMessage(ruleId: string, error: unknown, line = 1): LintMessage {
  const text = error instanceof Error ? error.message : String(error);
  return {
    ruleId,
    messageId: 'internalError',
    severity: 2,
    fatal: true,
    message: `Rule "${ruleId}" failed: ${text.split('\n')[0]}. This is a bug in the rule, not in the report; the other rules still ran.`,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
  };
}

/** Run the rules on a parsed report. */
export function runRules(report: IncidentReport, options: LintOptions): LintMessage[] {
  const messages: LintMessage[] = [];
  const lastLine = report.lineStarts.length;
  const sourceLength = report.source.length;
  const now = options.now;

  for (let index = 0; index < options.rules.length; index++) {
    const { rule, severity, options: ruleOptions } = options.rules[index] as ResolvedRule;
    const id = rule.meta.id;
    if (options.skipRules?.has(id)) continue;
    options.onRuleStart?.(index, id);
    const url = rule.meta.url ?? ruleDocsUrl(id);
    const found: LintMessage[] = [];
    const ctx: RuleContext = {
      options: ruleOptions,
      now: () => now,
      filePath: options.filePath ?? '<input>',
      report(d: ReportDescriptor) {
        if (d.fix && rule.meta.fixable !== true) throw new Error('reported a fix but meta.fixable is not true');
        found.push(toMessage(report, id, severity, url, rule.meta.messages, d, lastLine, sourceLength));
      },
    };
    try {
      rule.check(report, ctx);
      messages.push(...found);
    } catch (error) {
      messages.push(internalMessage(id, error));
    }
  }
  return messages;
}

/** Turn what a rule reported into a message, checking that it makes sense. */
function toMessage(
  report: IncidentReport,
  ruleId: string,
  severity: 1 | 2,
  url: string,
  templates: Record<string, string>,
  d: ReportDescriptor,
  lastLine: number,
  sourceLength: number,
): LintMessage {
  const template = templates[d.messageId];
  if (template === undefined) {
    throw new Error(`reported unknown message id "${d.messageId}"`);
  }
  let line: number;
  let column: number;
  let endLine: number;
  let endColumn: number;
  if ('start' in d.loc) {
    const { start, end } = d.loc;
    if (!(start >= 0 && end >= start && end <= sourceLength)) throw new Error(`reported offsets ${start}..${end} outside the file`);
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
  if (!(Number.isInteger(line) && line >= 1 && line <= lastLine && Number.isInteger(column) && column >= 1)) {
    throw new Error(`reported position ${line}:${column} outside the file (1..${lastLine})`);
  }
  if (endLine < line || endLine > lastLine) endLine = line;
  const msg: LintMessage = {
    ruleId,
    messageId: d.messageId,
    severity: d.severity === 'warn' ? 1 : severity,
    message: formatMessage(template, d.data),
    line,
    column,
    endLine,
    endColumn,
  };
  if (url) msg.url = url;
  if (d.fix) {
    const [s, e] = d.fix.range;
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e <= sourceLength)) throw new Error(`fix range ${s}..${e} outside the file`);
    if (splitsCharacter(report.source, s) || splitsCharacter(report.source, e)) throw new Error(`fix range ${s}..${e} splits a line ending or a character`);
    msg.fix = { range: [s, e], text: d.fix.text };
  }
  if (d.related && d.related.length > 0) {
    msg.related = d.related.map((r) => ({
      message: r.message ?? (r.messageId && templates[r.messageId] !== undefined ? formatMessage(templates[r.messageId] as string, r.data) : ''),
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

/** Deterministic order: line, column, rule id, message. */
export function sortMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
      a.message.localeCompare(b.message),
  );
}

/** Parse and lint one source text. */
export function lintText(source: string, options: LintOptions): { messages: LintMessage[]; report: IncidentReport } {
  const opts: { template?: TemplateId } = {};
  if (options.template) opts.template = options.template;
  const report = parseReport(source, opts);
  const raw = runRules(report, options);
  const kept = applyDirectives(report, raw, { reportUnused: options.reportUnusedDisables === true, knownRules: new Set(options.knownRules ?? options.rules.map((r) => r.rule.meta.id)) });
  return { messages: sortMessages(kept), report };
}

/** Count a file's messages into an ESLint-shaped result. */
export function makeResult(filePath: string, messages: LintMessage[], extra: Partial<LintResult> = {}): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, ...extra };
}

/** Parse `--now`: a date or an ISO time; dates are taken as the start of that day in UTC. */
export function parseNow(value: string): DateTime | undefined {
  const dt = DateTime.fromISO(value.trim(), { zone: 'utc', setZone: true });
  return dt.isValid ? dt : undefined;
}
