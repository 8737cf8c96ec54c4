/**
 * Linting a bug thread (`.bug.json`, SPEC §7): read the export, run the
 * thread rules (`meta.appliesTo: 'thread'`) on the whole thread, and lint
 * every CA comment that holds a report block with the report rules as of
 * that comment's creation time. Findings in a comment carry `comment: N`,
 * their line and column within that comment's text. Pure, like the rest of
 * the engine.
 */
import { DateTime } from 'luxon';
import { computeLineStarts } from '../parse/positions.js';
import { parseThread, ThreadFormatError, type BugThread } from '../parse/thread.js';
import type { Deadline, LintMessage, QuestionDescriptor, ThreadCommentSummary, ThreadSummary } from '../types.js';
import { reportKindOf } from '../templates.js';
import { clause } from '../errors.js';
import { lintParsedReport, runRules, type LintedDocument, type LintOptions, type ThreadSinks } from './index.js';

export interface ThreadLint {
  messages: LintMessage[];
  /** The open bug's obligations, soonest first; empty for a closed bug; undefined when the export could not be read. */
  deadlines?: Deadline[];
  thread?: ThreadSummary;
}

/** The one message for an export that cannot be read. */
function formatFailure(error: unknown): LintMessage {
  const known = error instanceof ThreadFormatError;
  const line = known ? error.line : 1;
  return {
    ruleId: null,
    messageId: 'threadFormat',
    severity: 2,
    fatal: true,
    message: `Cannot read the bug export: ${known ? error.message : clause(error)}.`,
    line,
    column: known ? error.column : 1,
    endLine: line,
    endColumn: known ? error.column : 1,
  };
}

/** Order: the export's own findings first, then by comment, then line, column and rule. */
export function sortThreadMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort((a, b) => (a.comment ?? -1) - (b.comment ?? -1) || a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
}

/** What a result keeps of the thread for the formatters; with `questions` (`LintOptions.threadDetail`), its time line too: the CA's reports and the questions by comment. */
export function summarize(thread: BugThread, questions?: ReadonlyMap<number, QuestionDescriptor>): ThreadSummary {
  const comments: ThreadSummary['comments'] = {};
  const { source, lineStarts } = thread;
  for (const c of thread.comments) {
    const start = lineStarts[c.line - 1] ?? 0;
    let end = c.line < lineStarts.length ? (lineStarts[c.line] as number) : source.length;
    while (end > start && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
    const entry: ThreadCommentSummary = { iso: c.iso, creator: c.creator, line: c.line, lineLength: end - start, isCa: c.isCa };
    if (questions) {
      const report = c.isCa ? thread.reportIn(c) : undefined;
      if (report && report.blocks.length > 0) entry.reports = report.blocks.map((b) => reportKindOf(b.template));
      const q = questions.get(c.count);
      if (q) entry.question = q.answeredBy === undefined ? { due: new Date(q.due).toISOString() } : { due: new Date(q.due).toISOString(), answeredBy: q.answeredBy };
    }
    comments[c.count] = entry;
  }
  return { id: thread.id, summary: thread.summary, url: thread.url, open: thread.open, status: thread.status, resolution: thread.resolution, comments };
}

/**
 * Run the thread rules of `options.rules` on a parsed thread: their
 * findings (comment findings located in that comment's text) and, for an
 * open bug, the deadlines they gave, soonest first.
 */
export function runThreadRules(thread: BugThread, options: LintOptions): { messages: LintMessage[]; deadlines: Deadline[]; questions?: Map<number, QuestionDescriptor> } {
  const questions = options.threadDetail ? new Map<number, QuestionDescriptor>() : undefined;
  const byCount = new Map(thread.comments.map((c) => [c.count, c]));
  const docs = new Map<number, LintedDocument>();
  const deadlines: Array<Deadline & { time: number }> = [];
  const sinks: ThreadSinks = {
    comment(count) {
      const c = byCount.get(count);
      if (!c) return undefined;
      let doc = docs.get(count);
      if (!doc) docs.set(count, (doc = { source: c.text, lineStarts: computeLineStarts(c.text) }));
      return doc;
    },
    deadline(_ruleId, d) {
      if (!thread.open) return; // a closed bug owes nothing
      const entry: Deadline & { time: number } = { obligation: d.obligation, due: new Date(d.due).toISOString(), basis: d.basis, time: d.due };
      if (d.comment !== undefined) entry.comment = d.comment;
      deadlines.push(entry);
    },
  };
  if (questions) {
    sinks.question = (_ruleId, q) => {
      // One entry a comment (a needinfo set with it counts once); the earliest due wins.
      const had = questions.get(q.comment);
      if (!had || q.due < had.due) questions.set(q.comment, q);
    };
  }
  const { attachments: _none, ...threadOptions } = options;
  const messages = runRules(thread, threadOptions, 'thread', sinks);
  deadlines.sort((a, b) => a.time - b.time || a.obligation.localeCompare(b.obligation));
  const out: { messages: LintMessage[]; deadlines: Deadline[]; questions?: Map<number, QuestionDescriptor> } = { messages, deadlines: deadlines.map(({ time: _time, ...d }) => d) };
  if (questions) out.questions = questions;
  return out;
}

export function lintThread(source: string, options: LintOptions): ThreadLint {
  let thread: BugThread;
  try {
    thread = parseThread(source, options.caAccounts ? { caAccounts: options.caAccounts } : {});
  } catch (error) {
    return { messages: [formatFailure(error)] };
  }
  const { messages, deadlines, questions } = runThreadRules(thread, options);

  // The CA's reports, each as of its posting time; others' comments are not the CA's report.
  // All the configured rules go in (runRules skips the other kinds in place), so rule indexes stay those the worker watchdog knows.
  if (options.rules.some((r) => (r.rule.meta.appliesTo ?? 'report') === 'report')) {
    for (const c of thread.comments) {
      const report = thread.reportIn(c);
      if (!report) continue;
      const { attachments: _a, template: _t, ...rest } = options;
      const found = lintParsedReport(report, { ...rest, now: DateTime.fromMillis(c.time, { zone: 'utc' }), nowIsDay: false });
      for (const m of found) {
        m.comment = c.count;
        messages.push(m);
      }
    }
  }
  return { messages: sortThreadMessages(messages), deadlines, thread: summarize(thread, questions) };
}
