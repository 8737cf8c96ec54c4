/**
 * A small rule tester in the spirit of ESLint's RuleTester: valid cases must
 * report nothing; invalid cases list every diagnostic by message id and line.
 * The parsed report is frozen, so a rule that mutates it fails; `now` is
 * pinned per case. Works with any test runner that provides describe/it.
 */
import { DateTime } from 'luxon';
import '../options.js'; // zod messages in English
import { applyFixes } from '../engine/fix.js';
import { isDateOnly, parseNow, runRules, sortMessages } from '../engine/index.js';
import { runThreadRules, sortThreadMessages } from '../engine/thread.js';
import { parseThread, type BugThread } from '../parse/thread.js';
import type { IncidentReport } from '../model.js';
import { parseAttachment, sniffCsvKind, type Attachment, type DocumentKind, type PairedAttachment } from '../parse/attachment.js';
import { parseReport } from '../parse/index.js';
import type { TemplateId } from '../templates.js';
import { formatKeyPath } from '../config/index.js';
import type { Deadline, LintMessage, OptionsSchema, Rule } from '../types.js';

export interface ValidCase {
  name?: string;
  code: string;
  options?: unknown;
  /** Default: 2025-06-01. */
  now?: string;
  template?: TemplateId;
  /** What `code` is: a report (default), an Appendix CSV (`csv`), a crt.sh list (`crtsh`) or a bug thread export (`thread`, the `.bug.json` text). */
  kind?: DocumentKind;
  /** A thread case: logins on the CA's side besides the assignee (config `caAccounts`). */
  caAccounts?: string[];
  /** A thread case: the deadlines the rule must give (`due` an ISO time), soonest first; checked when given. */
  deadlines?: Array<{ obligation: string; due: string; basis: string }>;
  /** Files beside the report, by name (`{ 'certs.csv': '...' }`): a `.csv` is a CSV (or a crt.sh list in one column), a `.txt` a crt.sh list. */
  attachments?: Record<string, string>;
}

export interface ExpectedDiagnostic {
  messageId: string;
  line: number;
  column?: number;
  /** The whole message text, with its data filled in (checked when given). */
  message?: string;
  /** A thread rule's finding in a comment: its count (`line` and `column` are then within that comment's text). Always compared: leave it out for a finding on the export itself. */
  comment?: number;
  /** `warn` or `error`, for a rule that lowers some findings (checked when given). */
  severity?: 'warn' | 'error';
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedDiagnostic[];
  /** Text after applying the rule's fixes (omit when the rule offers none here). */
  output?: string;
}

export interface RuleCases {
  valid: Array<ValidCase | string>;
  invalid: InvalidCase[];
}

type Describe = (name: string, fn: () => void) => void;
type It = (name: string, fn: () => void) => void;

export const DEFAULT_TEST_NOW = '2025-06-01';

/** The options of a case through the rule's schema; bad options fail the case with zod's messages. */
function parseOptions<O>(schema: OptionsSchema<O>, value: unknown): O {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new Error(`invalid options for the rule: ${r.error.issues.map((i) => `${formatKeyPath(i.path) || '(top level)'}: ${i.message}`).join('; ')}`);
}

function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v as object)) continue;
    if (v instanceof Map) continue; // the derived-model cache stays writable
    seen.add(v as object);
    Object.freeze(v);
    for (const k of Object.keys(v as object)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}

/** Run one rule on one snippet, the way the engine does. */
/** Attachments as a host hands them to a report's rules. */
export function pairedAttachments(files: Record<string, string>): PairedAttachment[] {
  return Object.entries(files).map(([name, text]) => ({ name, attachment: parseAttachment(name.toLowerCase().endsWith('.csv') ? sniffCsvKind(text) : 'crtsh', text) }));
}

export function runRule(rule: Rule, c: ValidCase): { messages: LintMessage[]; report: IncidentReport | Attachment | BugThread; deadlines?: Deadline[] } {
  const now = parseNow(c.now ?? DEFAULT_TEST_NOW) ?? DateTime.utc();
  const kind = c.kind ?? 'report';
  const wants = rule.meta.appliesTo ?? 'report';
  if (kind !== wants) throw new Error(`${rule.meta.id} checks ${wants === 'report' ? 'reports' : `${wants} files`}; set the case's kind to "${wants}".`);
  let options: unknown = undefined;
  if (rule.meta.options) options = parseOptions(rule.meta.options, c.options);
  const severity = rule.meta.severity === 'error' ? 2 : 1;
  const lintOptions: Parameters<typeof runRules>[1] = { rules: [{ rule, severity, options }], now, nowIsDay: isDateOnly(c.now ?? DEFAULT_TEST_NOW) };
  if (kind === 'thread') {
    // The thread stays writable where it caches (reportIn); its data is frozen.
    const thread = parseThread(c.code, c.caAccounts ? { caAccounts: c.caAccounts } : {});
    for (const v of [thread.comments, thread.needinfo, thread.changes, thread.whiteboard, thread.whiteboardHistory]) deepFreeze(v);
    // threadDetail: the questions a rule names are checked too (a malformed one is an internal error).
    const { messages, deadlines } = runThreadRules(thread, { ...lintOptions, threadDetail: true });
    const crashed = messages.find((m) => m.messageId === 'internalError');
    if (crashed) throw new Error(crashed.message);
    return { messages: sortThreadMessages(messages), report: thread, deadlines };
  }
  const report = kind === 'report' ? parseReport(c.code, c.template ? { template: c.template } : {}) : parseAttachment(kind, c.code);
  deepFreeze(report);
  if (c.attachments) lintOptions.attachments = deepFreeze(pairedAttachments(c.attachments));
  const messages = sortMessages(runRules(report, lintOptions, kind));
  const crashed = messages.find((m) => m.messageId === 'internalError');
  if (crashed) throw new Error(crashed.message);
  return { messages, report };
}

function checkDeadlines(rule: Rule, c: ValidCase, got: Deadline[] | undefined): void {
  if (c.deadlines === undefined) return;
  const have = (got ?? []).map((d) => ({ obligation: d.obligation, due: d.due, basis: d.basis }));
  const want = c.deadlines.map((d) => ({ obligation: d.obligation, due: new Date(Date.parse(d.due)).toISOString(), basis: d.basis }));
  if (JSON.stringify(have) !== JSON.stringify(want)) throw new Error(`${rule.meta.id}: expected deadlines\n  ${JSON.stringify(want)}\ngot\n  ${JSON.stringify(have)}`);
}

function describeMessages(messages: LintMessage[]): string {
  return messages.length === 0 ? '(none)' : messages.map((m) => `${m.messageId}@${m.comment !== undefined ? `c${m.comment}:` : ''}${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warn'} "${m.message}"`).join('\n  ');
}

/** Check one invalid case; throws an Error that explains the difference. */
export function checkInvalid(rule: Rule, c: InvalidCase): void {
  if (c.errors.length === 0) throw new Error('An invalid case must list at least one expected diagnostic.');
  for (const e of c.errors) {
    if (rule.meta.messages[e.messageId] === undefined) throw new Error(`Expected message id "${e.messageId}" is not in ${rule.meta.id}'s meta.messages.`);
  }
  const { messages, deadlines } = runRule(rule, c);
  const got = messages.map((m) => ({ messageId: m.messageId, line: m.line, column: m.column, message: m.message, comment: m.comment, severity: m.severity === 2 ? 'error' : 'warn' }));
  const at = (x: { comment?: number | undefined }): number => x.comment ?? -1;
  const want = [...c.errors].sort((a, b) => at(a) - at(b) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.messageId.localeCompare(b.messageId));
  const gotSorted = [...got].sort((a, b) => at(a) - at(b) || a.line - b.line || a.column - b.column || a.messageId.localeCompare(b.messageId));
  const ok =
    gotSorted.length === want.length &&
    want.every((w, i) => {
      const g = gotSorted[i];
      return g !== undefined && g.messageId === w.messageId && g.comment === w.comment && g.line === w.line && (w.column === undefined || w.column === g.column) && (w.message === undefined || w.message === g.message) && (w.severity === undefined || w.severity === g.severity);
    });
  if (!ok) {
    throw new Error(
      `${rule.meta.id}: expected\n  ${want.map((w) => `${w.messageId}@${w.comment !== undefined ? `c${w.comment}:` : ''}${w.line}${w.column ? `:${w.column}` : ''}${w.severity ? ` ${w.severity}` : ''}${w.message !== undefined ? ` "${w.message}"` : ''}`).join('\n  ')}\ngot\n  ${describeMessages(messages)}`,
    );
  }
  checkDeadlines(rule, c, deadlines);
  if (c.output !== undefined) {
    const fixed = applyFixes(c.code, messages).output;
    if (fixed !== c.output) throw new Error(`${rule.meta.id}: fixed output differs.\nexpected:\n${c.output}\ngot:\n${fixed}`);
  } else if (messages.some((m) => m.fix)) {
    throw new Error(`${rule.meta.id}: the rule offered a fix; add "output" to the case to check it.`);
  }
}

export function checkValid(rule: Rule, c: ValidCase): void {
  const { messages, deadlines } = runRule(rule, c);
  if (messages.length > 0) throw new Error(`${rule.meta.id}: expected no diagnostics, got\n  ${describeMessages(messages)}`);
  checkDeadlines(rule, c, deadlines);
}

export class RuleTester {
  private readonly describe: Describe;
  private readonly it: It;

  constructor(runner?: { describe: Describe; it: It }) {
    const g = globalThis as unknown as { describe?: Describe; it?: It };
    const d = runner?.describe ?? g.describe;
    const i = runner?.it ?? g.it;
    if (!d || !i) throw new Error('RuleTester needs describe() and it(): pass them, e.g. new RuleTester({ describe, it }) with vitest.');
    this.describe = d;
    this.it = i;
  }

  run(rule: Rule, cases: RuleCases): void {
    this.describe(rule.meta.id, () => {
      this.describe('valid', () => {
        cases.valid.forEach((raw, n) => {
          const c = typeof raw === 'string' ? { code: raw } : raw;
          this.it(c.name ?? `valid #${n + 1}`, () => checkValid(rule, c));
        });
      });
      this.describe('invalid', () => {
        cases.invalid.forEach((c, n) => {
          this.it(c.name ?? `invalid #${n + 1}: ${c.errors.map((e) => e.messageId).join(', ')}`, () => checkInvalid(rule, c));
        });
      });
    });
  }
}
