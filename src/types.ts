/**
 * Core types shared by the parser, the engine, the rules and the formatters.
 * This module has no runtime code and imports nothing from Node.
 */
import type { DateTime } from 'luxon';
import type { IncidentReport } from './model.js';
import type { DocumentKind, PairedAttachment } from './parse/attachment.js';
import type { BugThread } from './parse/thread.js';

/** Severity as written in config and on the command line. */
export type SeverityName = 'off' | 'warn' | 'error';
/** ESLint's numeric severity: 1 warning, 2 error. */
export type SeverityLevel = 1 | 2;

/** A text edit: replace source[range[0]..range[1]) with `text` (ESLint's fix shape). */
export interface Fix {
  range: [number, number];
  text: string;
}

/** A second location a diagnostic refers to ("previous entry is here"). */
export interface RelatedLocation {
  message: string;
  line: number;
  column: number;
}

/** One finding, in ESLint's message shape plus a few extras. */
export interface LintMessage {
  ruleId: string | null;
  messageId: string;
  severity: SeverityLevel;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Docs URL of the rule. */
  url?: string;
  /** True for a file-level failure (unreadable file, internal error). */
  fatal?: boolean;
  /**
   * In a bug thread (`.bug.json`): the comment the finding is in (Bugzilla's
   * count, 0 the description); `line` and `column` are then within that
   * comment's text.
   */
  comment?: number;
}

/** An open bug's next obligation, as a result carries it (`due` an ISO time, UTC). */
export interface Deadline {
  /** What is owed, e.g. `update`, `answer comment 12`, `Full report`. */
  obligation: string;
  due: string;
  /** Why it falls due then, e.g. `whiteboard Next update`, `7 days after comment 12 (IRG 3.2)`. */
  basis: string;
  /** The comment the obligation arose at. */
  comment?: number;
  /** The rule that found it. */
  ruleId?: string;
}

/** What a thread rule passes to `ctx.deadline()`. */
export interface DeadlineDescriptor {
  obligation: string;
  /** Epoch ms. */
  due: number;
  basis: string;
  comment?: number;
}

/** The result for one file, ESLint-compatible. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Fixed text when --fix changed the file. */
  output?: string;
  /** Set when the file could not be read or linted at all (exit 2). */
  fatalError?: boolean;
  /** Source text, kept for formatters that show context. */
  source?: string;
  /** A bug thread: its open obligations, soonest first (empty for a closed bug). */
  deadlines?: Deadline[];
  /** A bug thread: what the formatters show of it (comment times and authors, the bug's id and state). */
  thread?: ThreadSummary;
}

/** What a result keeps of a bug thread, for formatters (plain data: it crosses worker threads). */
export interface ThreadSummary {
  id: number;
  summary: string;
  url: string;
  open: boolean;
  status: string;
  resolution: string;
  /** The visible comments by count: creation time (ISO, as exported), author, the line of its text in the export and that line's length. */
  comments: Record<number, ThreadCommentSummary>;
}

/**
 * One visible comment of a bug thread as a result keeps it. `reports` and
 * `question` are filled only when the host asks for a thread's time line
 * (`LintOptions.threadDetail`, set for `-f html`); other formats never see them.
 */
export interface ThreadCommentSummary {
  iso: string;
  creator: string;
  line: number;
  lineLength: number;
  isCa: boolean;
  /** The report blocks a CA comment holds, in order (a comment may hold a Full report and a Closure Summary). */
  reports?: Array<'preliminary' | 'full' | 'closure'>;
  /** A comment by someone else that the CA owed an answer to: when the answer fell due, and the CA comment that gave it (none yet when absent). */
  question?: { due: string; answeredBy?: number };
}

/** What a thread rule passes to `ctx.question()`: a comment the CA owes an answer to, answered or not. */
export interface QuestionDescriptor {
  /** The comment that asked (its count). */
  comment: number;
  /** When the answer falls due (epoch ms). */
  due: number;
  /** The CA comment that answered it, if any. */
  answeredBy?: number;
}

/** Where a rule reports: a line/column span (1-based, end exclusive) or source offsets. */
export type ReportLocation =
  | { line: number; column?: number; endLine?: number; endColumn?: number }
  | { start: number; end: number };

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  loc: ReportLocation;
  fix?: Fix;
  related?: Array<{ messageId?: string; message?: string; data?: Record<string, string | number>; line: number; column?: number }>;
  /** Lower this finding to a warning (a rule at error severity reporting a lesser case, e.g. a clear but non-ISO date). Never raises. */
  severity?: 'warn';
  /**
   * Thread rules: the comment the finding is at (its count); `loc` is then
   * within that comment's text (`{ line: 1 }` for the comment as a whole).
   * Left out, the finding is on the export file itself.
   */
  comment?: number;
}

export interface RuleContext<O = unknown> {
  /** The rule's options, validated and merged with the defaults. */
  readonly options: O;
  /** The date that date-based rules compare against (`--now`). */
  now(): DateTime;
  /**
   * True when `now` is a day (`--now 2025-10-21`): everything on that day, in
   * any zone, is not after it. Compare at the precision both sides have.
   */
  nowIsDay(): boolean;
  /** The report's path as given (for messages only; rules never read files). */
  readonly filePath: string;
  report(descriptor: ReportDescriptor): void;
  /**
   * Appendix attachments found beside the report (a CSV or crt.sh list it
   * names), read by the host. Undefined when the host did not look (stdin, a
   * text linted on its own); only report rules get them.
   */
  readonly attachments?: ReadonlyArray<PairedAttachment>;
}

/** What a thread rule (`meta.appliesTo: 'thread'`) gets besides the common context. */
export interface ThreadRuleContext<O = unknown> extends RuleContext<O> {
  /**
   * The rule's next open obligation on an open bug, e.g. `{ obligation:
   * 'update', due, basis: 'whiteboard Next update' }`; the engine collects
   * them into `LintResult.deadlines`, soonest first.
   */
  deadline(descriptor: DeadlineDescriptor): void;
  /**
   * A comment the CA owes (or owed) an answer to, answered or not, for views
   * that draw the thread's time line (`-f html`). The engine keeps it only
   * when the host asks (`LintOptions.threadDetail`); it never changes findings.
   */
  question(descriptor: QuestionDescriptor): void;
}

export interface RuleExample {
  /** What the example shows, one line. */
  title: string;
  /** A Markdown snippet (a whole small report); for a thread rule, the `.bug.json` export text. */
  code: string;
  /** Expected message ids in order; empty for a passing example. A thread rule's finding in a comment gives its `comment` (the line is then within that comment's text). */
  expect: Array<{ messageId: string; line: number; comment?: number }>;
  /** Pin for date rules. */
  now?: string;
  /** Options for the rule in this example. */
  options?: unknown;
  /** The kind of `code` when it is not a report (an attachment rule's examples). */
  kind?: DocumentKind;
  /** Attachments beside the report in this example, by name. */
  attachments?: Record<string, string>;
}

/** What the engine needs of an options schema: zod's safeParse. */
export interface OptionsSchema<O> {
  safeParse(value: unknown): { success: true; data: O } | { success: false; error: { issues: ReadonlyArray<OptionIssue> } };
}

/** One problem found in options, in zod's issue shape. */
export interface OptionIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: unknown;
  keys?: string[];
  values?: unknown[];
}

export interface RuleMeta<O> {
  /** kebab-case id, equal to the file name. */
  id: string;
  /** One imperative sentence. */
  description: string;
  /** Area tags, e.g. `structure`, `timeline`. */
  tags: string[];
  /** Default severity: error for an IRG MUST, warn for a SHOULD or a heuristic. */
  severity: Exclude<SeverityName, 'off'>;
  /** True when the rule offers fixes. */
  fixable?: boolean;
  /** Message templates by id, with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /** Schema of the options object (a zod schema, or any object with zod's safeParse); its defaults are the rule's defaults. */
  options?: OptionsSchema<O>;
  /** Why the rule exists, for `--explain` and the docs. */
  rationale: string;
  /** The IRG / policy text the rule enforces. */
  source: string;
  /** Examples, executed by the test suite. */
  examples: RuleExample[];
  /** What kind of file the rule checks: a report (default), an Appendix CSV, a crt.sh list or a bug thread. */
  appliesTo?: DocumentKind;
  /** Docs URL of a plugin rule; built-in rules leave it out and link to docs/rules.md. */
  url?: string;
  /**
   * How often a finding is right, as GitHub code scanning reads it from SARIF:
   * `high` for exact checks, `medium` for heuristics. Left out, it is derived
   * (src/format/code-scanning.ts).
   */
  precision?: Precision;
}

/** SARIF `properties.precision` values that GitHub code scanning knows. */
export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/**
 * A rule. `D` is what it reads: the parsed report, or for a rule with
 * `meta.appliesTo: 'csv'` / `'crtsh'` the parsed attachment
 * (`CsvAttachment`, `CrtshList`); for `'thread'` the BugThread, with a
 * ThreadRuleContext.
 */
export interface Rule<O = any, D = any> {
  meta: RuleMeta<O>;
  check(report: D, ctx: [D] extends [BugThread] ? ThreadRuleContext<O> : RuleContext<O>): void;
}

/** Identity helper that keeps the option type of a rule (and its input: a report unless `check` says otherwise). */
export function defineRule<O, D = IncidentReport>(rule: Rule<O, D>): Rule<O, D> {
  return rule;
}

/** A rule as configured for one run. */
export interface ResolvedRule {
  rule: Rule;
  severity: SeverityLevel;
  options: unknown;
}
