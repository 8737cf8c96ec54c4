/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read
 * it: one run whose driver lists every rule ir-lint knows (docs URL, default
 * level, tags, a full description and help in text and Markdown, precision
 * and problem severity), a result per diagnostic with a full region (end line
 * and end column included) and a line-hash fingerprint that survives lines
 * moving, and file URIs relative to the working directory (%SRCROOT%). A file
 * that could not be linted at all, or a rule that crashed, is a problem of
 * the run, not of the report: it becomes a tool execution notification (SARIF
 * §3.20.21) described in `driver.notifications`, and the invocation is
 * marked unsuccessful.
 */
import type { Formatter } from './index.js';
import { artifactUri, directoryUri } from './paths.js';
import { HOMEPAGE, TOOL_NAME, ruleDocsUrl } from '../meta.js';
import type { Fix, LintMessage, LintResult, RuleMeta } from '../types.js';
import { escapeJsonControls } from './sanitize.js';
import { lineHashes, precisionOf, problemSeverityOf } from './code-scanning.js';
import { commentLabel, exportLine } from './thread.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Json = Record<string, unknown>;
type Level = 'error' | 'warning';

const level = (severity: 1 | 2): Level => (severity === 2 ? 'error' : 'warning');

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The parts of a descriptor's help, shared by rules and ir-lint's own descriptors. */
interface HelpParts {
  id: string;
  description: string;
  rationale: string;
  source: string;
  url: string;
}

function help(p: HelpParts): Json {
  const text = [p.description, p.rationale, p.source ? `Source: ${p.source}` : '', `Docs: ${p.url}`].filter(Boolean).join('\n\n');
  const markdown = [`**${p.description}**`, p.rationale, p.source ? `Source: ${p.source}` : '', `[${p.id} in the ir-lint docs](${p.url})`].filter(Boolean).join('\n\n');
  return { text, markdown };
}

function ruleDescriptor(meta: RuleMeta<unknown>): Json {
  const url = meta.url ?? ruleDocsUrl(meta.id);
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale || meta.description },
    helpUri: url,
    help: help({ id: meta.id, description: meta.description, rationale: meta.rationale, source: meta.source, url }),
    defaultConfiguration: { level: level(meta.severity === 'error' ? 2 : 1) },
    properties: {
      tags: [...new Set(meta.tags)],
      precision: precisionOf(meta),
      'problem.severity': problemSeverityOf(meta),
    },
  };
}

/**
 * ir-lint's own findings, which no rule reports: problems with ir-lint
 * directives (results), and files or rules that failed (notifications).
 * Each has a descriptor as complete as a rule's.
 */
const OWN: Record<string, { description: string; rationale: string; level: Level }> = {
  'unused-disable': {
    description: 'Remove ir-lint-disable directives that suppress nothing.',
    rationale: 'Reported with --report-unused-disables: a directive that no longer hides a finding hides the next one by accident, and is shown literally in the Bugzilla comment.',
    level: 'warning',
  },
  'unknown-rule-in-directive': {
    description: 'Name only known rules in ir-lint directives.',
    rationale: 'A directive that names a rule ir-lint does not know (often a typo) suppresses nothing, so the finding it was meant to hide is still reported.',
    level: 'warning',
  },
  'file-error': {
    description: 'A file that could not be read or decoded was not linted.',
    rationale: 'ir-lint reports a missing, unreadable, binary, non-UTF-8 or oversized file once, for that file, and lints the other files; the run ends with exit code 2.',
    level: 'error',
  },
  'thread-format': {
    description: 'A bug thread export that is not the documented REST shape was not linted.',
    rationale: 'A .bug.json file holds {"bug", "comments", "history", "source", "fetched"} in Bugzilla\'s REST field names; ir-lint names the first field that is missing or wrong, lints the other files, and the run ends with exit code 2.',
    level: 'error',
  },
  'internal-error': {
    description: 'A rule failed while linting a file.',
    rationale: 'A rule that throws, hangs or reports garbage is a bug in the rule, not in the report: its findings for that file are dropped, the other rules still run, and the run ends with exit code 2.',
    level: 'error',
  },
};

const OWN_SOURCE = 'ir-lint itself (not an IRG requirement)';

function ownDescriptor(id: string, fallback?: LintMessage): Json {
  const own = OWN[id];
  const description = own?.description ?? `ir-lint: ${id.replace(/-/g, ' ')}.`;
  const rationale = own?.rationale ?? (fallback ? `An ir-lint finding that no rule reports, for example: ${fallback.message}` : 'An ir-lint finding that no rule reports.');
  const lvl = own?.level ?? (fallback ? level(fallback.severity) : 'warning');
  const url = `${HOMEPAGE}#readme`;
  return {
    id,
    name: id,
    shortDescription: { text: description },
    fullDescription: { text: rationale },
    helpUri: url,
    help: help({ id, description, rationale, source: OWN_SOURCE, url }),
    defaultConfiguration: { level: lvl },
    properties: { tags: [TOOL_NAME], precision: 'very-high', 'problem.severity': lvl },
  };
}

/** Where a line ends in `source` (0-based line index → its length), for regions that need an end. */
function lineLengths(source: string | undefined): number[] | undefined {
  if (source === undefined) return undefined;
  return source.split(/\r\n|\r|\n/).map((l) => l.length);
}

/**
 * A full region: startLine, startColumn, endLine, endColumn. A point (an
 * empty span) covers the rest of its line, which is what a viewer shows for a
 * region without an end; code scanning wants the end stated.
 */
function region(m: { line: number; column: number; endLine?: number; endColumn?: number }, lengths: number[] | undefined): Json {
  let endLine = m.endLine ?? m.line;
  let endColumn = m.endColumn ?? m.column;
  if (endLine < m.line || (endLine === m.line && endColumn <= m.column)) {
    endLine = m.line;
    const lineEnd = lengths ? (lengths[m.line - 1] ?? 0) + 1 : m.column;
    endColumn = Math.max(m.column, lineEnd);
  }
  return { startLine: m.line, startColumn: m.column, endLine, endColumn };
}

/** Offset → 1-based line and UTF-16 column in `source`. */
function positionIn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function sarifFix(fix: Fix, source: string | undefined, artifactLocation: Json): Json | undefined {
  if (source === undefined) return undefined;
  const a = positionIn(source, fix.range[0]);
  const b = positionIn(source, fix.range[1]);
  return {
    artifactChanges: [
      {
        artifactLocation,
        replacements: [
          {
            deletedRegion: { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column },
            insertedContent: { text: fix.text },
          },
        ],
      },
    ],
  };
}

/**
 * runAutomationDetails.id: the category of the analysis, so that code
 * scanning replaces this run's alerts with the next run's of the same
 * category and keeps other categories' alerts. It ends in `/` (category only,
 * no run id) and names the paths linted, so two ir-lint steps on different
 * folders do not replace each other's alerts: `ir-lint/` for the whole
 * working directory, `ir-lint/incidents/` for `ir-lint incidents/`.
 */
export function automationId(targets: ReadonlyArray<string> | undefined): string {
  const parts = [...new Set((targets ?? []).map(normaliseTarget).filter((t) => t !== ''))].sort();
  return parts.length === 0 ? `${TOOL_NAME}/` : `${TOOL_NAME}/${parts.join(',')}/`;
}

function normaliseTarget(t: string): string {
  let s = t.split('\\').join('/');
  while (s.startsWith('./')) s = s.slice(2);
  while (s.endsWith('/')) s = s.slice(0, -1);
  return s === '.' ? '' : s;
}

/** A file's results with their fingerprints. */
function fingerprints(r: LintResult, ids: string[]): string[] {
  const kept = r.messages.map((m, i) => ({ m, id: ids[i] as string })).filter((x) => !x.m.fatal);
  // A finding in a bug comment: the comment number stands for the place (the export's lines are not the comment's).
  return lineHashes(kept.map((x) => ({ ruleId: x.id, line: x.m.line, message: x.m.comment === undefined ? x.m.message : `comment ${x.m.comment}: ${x.m.message}` })), r.thread ? undefined : r.source);
}

const sarif: Formatter = (results, ctx) => {
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  for (const meta of ctx.rules) {
    if (ruleIndex.has(meta.id)) continue;
    ruleIndex.set(meta.id, rules.length);
    rules.push(ruleDescriptor(meta));
  }
  const indexFor = (id: string, m: LintMessage): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(id, i);
      rules.push(ownDescriptor(id, m));
    }
    return i;
  };
  const notificationDescriptors: Json[] = [];
  const notificationIndex = new Map<string, number>();
  const notificationFor = (id: string): number => {
    let i = notificationIndex.get(id);
    if (i === undefined) {
      i = notificationDescriptors.length;
      notificationIndex.set(id, i);
      notificationDescriptors.push(ownDescriptor(id));
    }
    return i;
  };

  const artifacts: Json[] = [];
  const sarifResults: Json[] = [];
  const notifications: Json[] = [];
  const artifactIndexes = new Map<string, number>();
  for (const r of results) {
    const loc = artifactUri(r.filePath, ctx.cwd);
    const key = `${loc.uriBaseId ?? ''}|${loc.uri}`;
    let artifactIndex = artifactIndexes.get(key);
    if (artifactIndex === undefined) {
      artifactIndex = artifacts.length;
      artifactIndexes.set(key, artifactIndex);
      artifacts.push({ location: { ...loc }, roles: ['analysisTarget'], mimeType: r.thread ? 'application/json' : 'text/markdown' });
    }
    const artifactLocation: Json = { ...loc, index: artifactIndex };
    const lengths = lineLengths(r.source);
    const ids = r.messages.map((m) => m.ruleId ?? kebab(m.messageId));
    const hashes = fingerprints(r, ids);
    let k = 0;
    r.messages.forEach((m, i) => {
      // In a bug thread a finding in a comment is at that comment's text in the export (its line there), and names the comment as a logical location.
      const inComment = m.comment !== undefined ? r.thread?.comments[m.comment] : undefined;
      const physicalLocation = { artifactLocation, region: m.comment === undefined ? region(m, lengths) : { startLine: exportLine(r, m), startColumn: 1, endLine: exportLine(r, m), endColumn: (inComment?.lineLength ?? 0) + 1 } };
      const location: Json = { physicalLocation };
      if (m.comment !== undefined && r.thread) {
        location['logicalLocations'] = [{ name: `comment ${m.comment}`, fullyQualifiedName: `bug ${r.thread.id} comment ${m.comment}`, kind: 'element' }];
        location['message'] = { text: `${commentLabel(r, m.comment)}, line ${m.line}, column ${m.column} of its text` };
      }
      if (m.fatal) {
        const id = kebab(m.messageId);
        const n: Json = {
          level: 'error',
          message: { text: m.message },
          locations: [location],
          descriptor: { id, index: notificationFor(id) },
        };
        if (m.ruleId !== null && ruleIndex.has(m.ruleId)) n['associatedRule'] = { id: m.ruleId, index: ruleIndex.get(m.ruleId) };
        notifications.push(n);
        return;
      }
      const id = ids[i] as string;
      const res: Json = {
        ruleId: id,
        ruleIndex: indexFor(id, m),
        level: level(m.severity),
        message: { text: m.message },
        locations: [location],
        partialFingerprints: { primaryLocationLineHash: hashes[k++] },
      };
      if (m.related && m.related.length > 0) {
        res['relatedLocations'] = m.related.map((rel, j) => ({
          id: j + 1,
          physicalLocation: { artifactLocation, region: region({ line: rel.line, column: rel.column }, lengths) },
          message: { text: rel.message },
        }));
      }
      if (m.fix) {
        const fix = sarifFix(m.fix, r.source, artifactLocation);
        if (fix) res['fixes'] = [fix];
      }
      sarifResults.push(res);
    });
  }

  const driver: Json = {
    name: TOOL_NAME,
    version: ctx.version,
    semanticVersion: ctx.version,
    informationUri: HOMEPAGE,
    rules,
  };
  if (notificationDescriptors.length > 0) driver['notifications'] = notificationDescriptors;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        automationDetails: { id: automationId(ctx.targets) },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(ctx.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${escapeJsonControls(JSON.stringify(log, null, 2))}\n`;
};

export default sarif;
