/**
 * Command-line arguments → CliOptions. Commander does the parsing; every
 * failure becomes a UsageError (exit 2).
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { VERSION } from '../meta.js';
import { exitCodesHelp } from './exit-codes.js';

export interface CliOptions {
  paths: string[];
  format: string;
  outputFile?: string;
  /** A config path, or false for --no-config. */
  config?: string | false;
  rule: string[];
  template?: string;
  now?: string;
  maxWarnings: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  /** --for-bugzilla: print the text to paste, lint it with the posting rules. */
  forBugzilla: boolean;
  listRules: boolean;
  explain?: string;
  printConfig?: string;
  init?: string | true;
  stdinFilename?: string;
  reportUnusedDisables: boolean;
  color?: boolean;
  maxFileSize?: string;
  maxAttachmentSize?: string;
  ruleTimeout: number;
  /** --lsp: run the language server over stdin and stdout. */
  lsp: boolean;
  debug: boolean;
  /** --fetch: bug numbers, or "open", to download as <id>.bug.json (src/fetch). */
  fetch?: string[];
  fetchDir?: string;
  bugzillaUrl?: string;
  /** Seconds. */
  fetchTimeout?: number;
  fetchAssignee?: string;
  fetchSummary?: string;
}

export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'exit'; code: number; stdout: string };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function nonNegativeInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} expects a whole number, got "${value}"`);
    return Number(value);
  };
}

function positiveSeconds(name: string) {
  return (value: string): number => {
    const n = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} expects a number of seconds above 0, got "${value}"`);
    return n;
  };
}

export const DEFAULT_BUGZILLA_URL = 'https://bugzilla.mozilla.org';
export const DEFAULT_FETCH_TIMEOUT_S = 30;

export function buildProgram(): Command {
  return new Command('ir-lint')
    .description('Lint CA incident reports against the CCADB Incident Reporting Guidelines.')
    .usage('[options] [paths...]')
    .argument('[paths...]', 'files, directories (searched for *.md, *.markdown) and globs; - reads stdin')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, compact, json, sarif, github, junit, due (open bugs by next deadline), html (the same as a page with each bug\'s time line; use with -o)').default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file')
    .option('-c, --config <path>', 'use this config file (no search for others)')
    .option('--no-config', 'ignore config files')
    .option('--rule <id:severity>', 'set a rule severity (off, warn, error); repeatable', collect, [])
    .option('--template <id>', 'force a template: ccadb-v3-full, ccadb-v3-preliminary, ccadb-v3-closure, ccadb-v2, ccadb-v2-preliminary, mozilla-legacy')
    .option('--now <date>', 'the date that date rules compare against (YYYY-MM-DD or ISO time; default: today)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (default: no limit)', nonNegativeInt('--max-warnings'))
    .option('--quiet', 'report errors only', false)
    .option('--fix', 'apply safe fixes in place', false)
    .option('--fix-dry-run', 'print the fixes as a diff; write nothing', false)
    .option('--for-bugzilla', 'print the text to paste into a Bugzilla comment (front matter and ir-lint directives removed) and check it with the posting rules; findings go to stderr', false)
    .option('--list-rules', 'list the rules and exit', false)
    .option('--explain <rule-id>', 'explain a rule and exit')
    .option('--print-config <file>', 'print the configuration that applies to a file and exit')
    .option('--init [path]', 'write a v3 Full Incident Report skeleton to fill in')
    .option('--stdin-filename <name>', 'name for stdin input in output and config lookup')
    .option('--report-unused-disables', 'report ir-lint-disable comments that suppress nothing', false)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--max-file-size <size>', 'refuse files larger than this (default 2MB; 0 = no limit)')
    .option('--max-attachment-size <size>', 'refuse Appendix attachments (*.csv, *.txt) larger than this (default 50MB; 0 = no limit)')
    .option('--rule-timeout <ms>', 'stop a rule (a plugin rule on the main thread, any rule in worker threads) that runs longer than this many ms on one file; 0 = no limit', nonNegativeInt('--rule-timeout'), 10000)
    .option('--fetch <ids...>', 'download bugs (numbers, or "open" for every open CA Certificate Compliance bug) from Bugzilla as <id>.bug.json; an existing export is refreshed; lints nothing')
    .option('--fetch-dir <dir>', 'where --fetch writes the exports (default: the current directory)')
    .option('--bugzilla-url <url>', `the Bugzilla that --fetch reads (default ${DEFAULT_BUGZILLA_URL}); the API key, when needed, comes from BUGZILLA_API_KEY`)
    .option('--fetch-timeout <seconds>', `give up on a request that has not answered after this many seconds (default ${DEFAULT_FETCH_TIMEOUT_S})`, positiveSeconds('--fetch-timeout'))
    .option('--fetch-assignee <login>', 'with --fetch open: only bugs assigned to this Bugzilla login')
    .option('--fetch-summary <prefix>', 'with --fetch open: only bugs whose summary starts with this (e.g. the CA Owner\'s name)')
    .option('--lsp', 'run as a Language Server over stdin and stdout (for editors; see docs/editors.md)', false)
    .option('--stdio', 'with --lsp: talk over stdin and stdout (the only transport; accepted because clients pass it)', false)
    .option('--debug', 'print stack traces for internal errors', false)
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      `\n${exitCodesHelp()}\nDocs: ir-lint --explain <rule-id>, ir-lint --list-rules`,
    )
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
}

export function parseArgs(argv: string[]): ParsedArgs {
  const program = buildProgram();
  let out = '';
  let err = '';
  program.exitOverride().configureOutput({
    writeOut: (s) => {
      out += s;
    },
    writeErr: (s) => {
      err += s;
    },
    outputError: (s, write) => write(s),
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return { kind: 'exit', code: 0, stdout: out };
      }
      const text = (err || error.message).replace(/^error: /, '').trim();
      throw new UsageError(text);
    }
    throw error;
  }
  const o = program.opts();
  const options: CliOptions = {
    paths: program.args,
    format: o['format'] as string,
    rule: o['rule'] as string[],
    // -1: no limit.
    maxWarnings: (o['maxWarnings'] as number | undefined) ?? -1,
    quiet: o['quiet'] === true,
    fix: o['fix'] === true,
    fixDryRun: o['fixDryRun'] === true,
    forBugzilla: o['forBugzilla'] === true,
    listRules: o['listRules'] === true,
    reportUnusedDisables: o['reportUnusedDisables'] === true,
    ruleTimeout: o['ruleTimeout'] as number,
    lsp: o['lsp'] === true,
    debug: o['debug'] === true,
  };
  if (o['outputFile'] !== undefined) options.outputFile = o['outputFile'] as string;
  if (o['config'] !== undefined && o['config'] !== true) options.config = o['config'] as string | false;
  if (o['template'] !== undefined) options.template = o['template'] as string;
  if (o['now'] !== undefined) options.now = o['now'] as string;
  if (o['explain'] !== undefined) options.explain = o['explain'] as string;
  if (o['printConfig'] !== undefined) options.printConfig = o['printConfig'] as string;
  if (o['init'] !== undefined) options.init = o['init'] as string | true;
  if (o['stdinFilename'] !== undefined) options.stdinFilename = o['stdinFilename'] as string;
  if (o['color'] !== undefined) options.color = o['color'] as boolean;
  if (o['maxFileSize'] !== undefined) options.maxFileSize = o['maxFileSize'] as string;
  if (o['maxAttachmentSize'] !== undefined) options.maxAttachmentSize = o['maxAttachmentSize'] as string;
  if (o['fetch'] !== undefined) options.fetch = o['fetch'] as string[];
  if (o['fetchDir'] !== undefined) options.fetchDir = o['fetchDir'] as string;
  if (o['bugzillaUrl'] !== undefined) options.bugzillaUrl = o['bugzillaUrl'] as string;
  if (o['fetchTimeout'] !== undefined) options.fetchTimeout = o['fetchTimeout'] as number;
  if (o['fetchAssignee'] !== undefined) options.fetchAssignee = o['fetchAssignee'] as string;
  if (o['fetchSummary'] !== undefined) options.fetchSummary = o['fetchSummary'] as string;
  checkFetchOptions(options);
  if (o['stdio'] === true && !options.lsp) throw new UsageError('--stdio is the transport of --lsp; use it with --lsp');
  return { kind: 'run', options };
}

/** The --fetch-* options mean something only with --fetch, and --fetch lints nothing. */
function checkFetchOptions(options: CliOptions): void {
  const flags = { fetchDir: '--fetch-dir', bugzillaUrl: '--bugzilla-url', fetchTimeout: '--fetch-timeout', fetchAssignee: '--fetch-assignee', fetchSummary: '--fetch-summary' } as const;
  if (options.fetch === undefined) {
    const given = (Object.keys(flags) as Array<keyof typeof flags>).find((k) => options[k] !== undefined);
    if (given !== undefined) throw new UsageError(`${flags[given]} is used with --fetch`);
    return;
  }
  if (options.paths.length > 0) throw new UsageError(`--fetch downloads bugs and lints nothing; lint the exports in a second run (ir-lint ${options.fetchDir ?? '.'}), got "${options.paths[0] as string}"`);
  const open = options.fetch.includes('open');
  for (const k of ['fetchAssignee', 'fetchSummary'] as const) {
    if (options[k] !== undefined && !open) throw new UsageError(`${flags[k]} is used with --fetch open`);
  }
}

export function usageText(): string {
  return buildProgram().helpInformation();
}
