/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read
 * it: one run whose driver lists every rule ir-lint knows (docs URL, default
 * level, tags), a result per diagnostic with its region, and file URIs
 * relative to the working directory (%SRCROOT%). A file that could not be
 * linted at all, or a rule that crashed, is a problem of the run, not of the
 * report: it becomes a tool execution notification (SARIF §3.20.21) and the
 * invocation is marked unsuccessful.
 */
import type { Formatter } from './index.js';
import { artifactUri, directoryUri } from './paths.js';
import { HOMEPAGE, TOOL_NAME, ruleDocsUrl } from '../meta.js';
import type { Fix, LintMessage, RuleMeta } from '../types.js';
import { escapeJsonControls } from './sanitize.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Json = Record<string, unknown>;
type Level = 'error' | 'warning';

const level = (severity: 1 | 2): Level => (severity === 2 ? 'error' : 'warning');

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function ruleDescriptor(meta: RuleMeta<unknown>): Json {
  const help = [meta.description, meta.rationale, meta.source ? `Source: ${meta.source}` : ''].filter(Boolean).join('\n\n');
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale || meta.description },
    helpUri: meta.url ?? ruleDocsUrl(meta.id),
    help: { text: help },
    defaultConfiguration: { level: level(meta.severity === 'error' ? 2 : 1) },
    properties: { tags: [...new Set(meta.tags)] },
  };
}

/** A diagnostic that is not a rule's (an ir-lint directive problem): described by its message id. */
function extraDescriptor(id: string, m: LintMessage): Json {
  return {
    id,
    name: id,
    shortDescription: { text: m.message },
    defaultConfiguration: { level: level(m.severity) },
    properties: { tags: ['ir-lint'] },
  };
}

function region(m: { line: number; column: number; endLine?: number; endColumn?: number }): Json {
  const r: Json = { startLine: m.line, startColumn: m.column };
  const endLine = m.endLine ?? m.line;
  const endColumn = m.endColumn ?? m.column;
  // An empty span (a point) is shown as the rest of the line: SARIF's default when endColumn is absent.
  if (endLine > m.line || (endLine === m.line && endColumn > m.column)) {
    r['endLine'] = endLine;
    r['endColumn'] = endColumn;
  }
  return r;
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
      rules.push(extraDescriptor(id, m));
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
      artifacts.push({ location: { ...loc }, roles: ['analysisTarget'], mimeType: 'text/markdown' });
    }
    const artifactLocation: Json = { ...loc, index: artifactIndex };
    for (const m of r.messages) {
      const physicalLocation = { artifactLocation, region: region(m) };
      if (m.fatal) {
        const n: Json = {
          level: 'error',
          message: { text: m.message },
          locations: [{ physicalLocation }],
          descriptor: { id: kebab(m.messageId) },
        };
        if (m.ruleId !== null && ruleIndex.has(m.ruleId)) n['associatedRule'] = { id: m.ruleId, index: ruleIndex.get(m.ruleId) };
        notifications.push(n);
        continue;
      }
      const id = m.ruleId ?? kebab(m.messageId);
      const res: Json = {
        ruleId: id,
        ruleIndex: indexFor(id, m),
        level: level(m.severity),
        message: { text: m.message },
        locations: [{ physicalLocation }],
      };
      if (m.related && m.related.length > 0) {
        res['relatedLocations'] = m.related.map((rel, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation, region: region({ line: rel.line, column: rel.column }) },
          message: { text: rel.message },
        }));
      }
      if (m.fix) {
        const fix = sarifFix(m.fix, r.source, artifactLocation);
        if (fix) res['fixes'] = [fix];
      }
      sarifResults.push(res);
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: HOMEPAGE,
            rules,
          },
        },
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
