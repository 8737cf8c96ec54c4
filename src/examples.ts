/**
 * One rule on one snippet, the way the engine runs it on a file: what a
 * rule's examples report (`--explain`, docs/rules.md) and what the
 * RuleTester checks its cases against. Here rather than in the test
 * harness, so that `--explain` does not load it.
 */
import { DateTime } from 'luxon';
import './options.js'; // zod messages in English
import { formatKeyPath } from './config/index.js';
import { runRules, sortMessages, type LintOptions } from './engine/index.js';
import type { IncidentReport } from './model.js';
import { isDateOnly, parseNow } from './now.js';
import { parseAttachment, sniffCsvKind, type Attachment, type DocumentKind, type PairedAttachment } from './parse/attachment.js';
import { parseReport } from './parse/index.js';
import { parseThread, type BugThread } from './parse/thread.js';
import { runThreadRules, sortThreadMessages } from './engine/thread.js';
import type { TemplateId } from './templates.js';
import type { Deadline, LintMessage, OptionsSchema, Rule } from './types.js';

/** The `now` of a snippet that does not pin one. */
export const DEFAULT_SNIPPET_NOW = '2025-06-01';

export interface Snippet {
  code: string;
  options?: unknown;
  /** Default: DEFAULT_SNIPPET_NOW. */
  now?: string;
  template?: TemplateId;
  /** What `code` is: a report (default), an Appendix CSV (`csv`), a crt.sh list (`crtsh`) or a bug thread export (`thread`, the `.bug.json` text). */
  kind?: DocumentKind;
  /** A thread snippet: logins on the CA's side besides the assignee (config `caAccounts`). */
  caAccounts?: string[];
  /** A thread snippet: the deadlines the rule must give (`due` an ISO time), soonest first; the RuleTester checks them when given. */
  deadlines?: Array<{ obligation: string; due: string; basis: string }>;
  /** Files beside the report, by name (`{ 'certs.csv': '...' }`): a `.csv` is a CSV (or a crt.sh list in one column), a `.txt` a crt.sh list. */
  attachments?: Record<string, string>;
}

/** The options of a snippet through the rule's schema; bad options throw with zod's messages. */
function parseOptions<O>(schema: OptionsSchema<O>, value: unknown): O {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new Error(`invalid options for the rule: ${r.error.issues.map((i) => `${formatKeyPath(i.path) || '(top level)'}: ${i.message}`).join('; ')}`);
}

/** Attachments as a host hands them to a report's rules. */
export function snippetAttachments(files: Record<string, string>): PairedAttachment[] {
  return Object.entries(files).map(([name, text]) => ({ name, attachment: parseAttachment(name.toLowerCase().endsWith('.csv') ? sniffCsvKind(text) : 'crtsh', text) }));
}

/**
 * Run one rule on one snippet at its default severity; throws when the rule
 * crashes or the snippet is of a kind the rule does not check. `seal` sees
 * the parsed document and the attachments before the rule does (the
 * RuleTester freezes them).
 */
export function runSnippet(rule: Rule, c: Snippet, seal: <T>(value: T) => T = (v) => v): { messages: LintMessage[]; report: IncidentReport | Attachment | BugThread; deadlines?: Deadline[] } {
  const now = parseNow(c.now ?? DEFAULT_SNIPPET_NOW) ?? DateTime.utc();
  const kind = c.kind ?? 'report';
  const wants = rule.meta.appliesTo ?? 'report';
  if (kind !== wants) throw new Error(`${rule.meta.id} checks ${wants === 'report' ? 'reports' : `${wants} files`}; set the case's kind to "${wants}".`);
  let options: unknown = undefined;
  if (rule.meta.options) options = parseOptions(rule.meta.options, c.options);
  const severity = rule.meta.severity === 'error' ? 2 : 1;
  const lintOptions: LintOptions = { rules: [{ rule, severity, options }], now, nowIsDay: isDateOnly(c.now ?? DEFAULT_SNIPPET_NOW) };
  if (kind === 'thread') {
    // The thread stays writable where it caches (reportIn); its data is sealed.
    const thread = parseThread(c.code, c.caAccounts ? { caAccounts: c.caAccounts } : {});
    for (const v of [thread.comments, thread.needinfo, thread.changes, thread.whiteboard, thread.whiteboardHistory]) seal(v);
    // threadDetail: the questions a rule names are checked too (a malformed one is an internal error).
    const { messages, deadlines } = runThreadRules(thread, { ...lintOptions, threadDetail: true });
    const crashed = messages.find((m) => m.messageId === 'internalError');
    if (crashed) throw new Error(crashed.message);
    return { messages: sortThreadMessages(messages), report: thread, deadlines };
  }
  const report = seal(kind === 'report' ? parseReport(c.code, c.template ? { template: c.template } : {}) : parseAttachment(kind, c.code));
  if (c.attachments) lintOptions.attachments = seal(snippetAttachments(c.attachments));
  const messages = sortMessages(runRules(report, lintOptions, kind));
  const crashed = messages.find((m) => m.messageId === 'internalError');
  if (crashed) throw new Error(crashed.message);
  return { messages, report };
}
