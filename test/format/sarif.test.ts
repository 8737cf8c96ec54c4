/**
 * --format sarif against the official OASIS SARIF 2.1.0 schema (vendored in
 * test/schemas, see its README), on hand-made results and on every corpus
 * seed linted through the CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { ruleDocsUrl } from '../../src/meta.js';
import { CORPUS_DIR, HAS_CORPUS } from '../helpers/corpus.js';
import { runCli } from '../helpers/memory-io.js';
import { ctx, formatter, NASTY, sampleResults } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// Both packages are CommonJS with the class / plugin as `default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; helpUri?: string; defaultConfiguration?: { level: string }; properties?: { tags: string[] } }> } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string }; descriptor: { id: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: Array<{ location: { uri: string; uriBaseId?: string } }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number }; region: Record<string, number> } }>;
      relatedLocations?: Array<{ physicalLocation: { region: Record<string, number> }; message: { text: string } }>;
      fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: Record<string, number>; insertedContent: { text: string } }> }> }>;
    }>;
  }>;
}

async function sarifOf(results = sampleResults()): Promise<SarifLog> {
  const sarif = await formatter('sarif');
  const text = sarif(results, ctx());
  const log = JSON.parse(text) as SarifLog;
  expectValid(log);
  return log;
}

describe('sarif format', () => {
  it('validates against the SARIF 2.1.0 schema, and the schema rejects a broken log', async () => {
    const log = await sarifOf();
    // The validator is not a rubber stamp.
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.runs[0]!.results[0]!['level'] = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('lists every rule with its docs URL, default level and tags', async () => {
    const { driver } = (await sarifOf()).runs[0]!.tool;
    expect(driver.name).toBe('ir-lint');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    for (const r of rules) {
      const d = driver.rules.find((x) => x.id === r.meta.id);
      expect(d, r.meta.id).toBeDefined();
      expect(d?.helpUri).toBe(r.meta.url ?? ruleDocsUrl(r.meta.id));
      expect(d?.defaultConfiguration?.level).toBe(r.meta.severity === 'error' ? 'error' : 'warning');
      expect(d?.properties?.tags).toEqual([...new Set(r.meta.tags)]);
    }
  });

  it('gives results a rule index, a level, a region and a URI relative to the working directory', async () => {
    const run = (await sarifOf()).runs[0]!;
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///repo/');
    const [first, second, third] = run.results;
    expect(run.tool.driver.rules[first!.ruleIndex]?.id).toBe('section-required');
    expect(first).toMatchObject({ ruleId: 'section-required', level: 'error', message: { text: 'Missing section "Timeline".' } });
    expect(first?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'reports/a%3A%20b%2Cc.md', uriBaseId: '%SRCROOT%', index: 0 });
    expect(first?.locations[0]?.physicalLocation.region).toEqual({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 12 });
    expect(first?.relatedLocations?.[0]).toMatchObject({ physicalLocation: { region: { startLine: 1, startColumn: 1 } }, message: { text: 'The previous entry is here.' } });
    expect(second).toMatchObject({ ruleId: 'action-item-status', level: 'warning', message: { text: NASTY } });
    expect(second?.fixes?.[0]?.artifactChanges[0]?.replacements[0]).toEqual({
      deletedRegion: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 13 },
      insertedContent: { text: 'Complete' },
    });
    // A directive problem has no rule of its own: it gets a descriptor named after it.
    expect(third?.ruleId).toBe('unused-disable');
    expect(run.tool.driver.rules[third!.ruleIndex]?.id).toBe('unused-disable');
    // A point location covers the rest of the line (no endColumn).
    expect(third?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('reports a file that could not be read as a tool execution notification', async () => {
    const run = (await sarifOf()).runs[0]!;
    expect(run.results).toHaveLength(3);
    expect(run.invocations[0]?.executionSuccessful).toBe(false);
    const [n] = run.invocations[0]!.toolExecutionNotifications;
    expect(n).toMatchObject({ level: 'error', message: { text: 'Cannot read file: no such file or directory.' }, descriptor: { id: 'file-error' } });
    expect(n?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('reports/missing.md');
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(['reports/a%3A%20b%2Cc.md', 'reports/clean.md', 'reports/missing.md']);
  });

  it('marks a clean run successful and gives files outside the working directory an absolute URI', async () => {
    const results = sampleResults().slice(1, 2).map((r) => ({ ...r, filePath: '/elsewhere/x y.md' }));
    const run = (await sarifOf(results)).runs[0]!;
    expect(run.invocations[0]?.executionSuccessful).toBe(true);
    expect(run.results).toEqual([]);
    expect(run.artifacts[0]?.location).toEqual({ uri: 'file:///elsewhere/x%20y.md' });
  });
});

describe.skipIf(!HAS_CORPUS)('sarif on the corpus seeds', () => {
  it('ir-lint --format sarif on every seed produces a log the schema accepts', async () => {
    const dir = path.join(CORPUS_DIR, 'seeds');
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
    const files = Object.fromEntries(names.map((n) => [`seeds/${n}`, readFileSync(path.join(dir, n))]));
    const { code, out, err } = await runCli({ argv: ['--format', 'sarif', '--now', '2026-11-22', ...Object.keys(files)], files, cwd: '/corpus' });
    expect(err).toBe('');
    expect([0, 1]).toContain(code);
    const log = JSON.parse(out) as SarifLog;
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.artifacts).toHaveLength(names.length);
    expect(run.results.length).toBeGreaterThan(0);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^seeds\/[\w.]+$/);
    }
  });
});

describe('sarif artifacts', () => {
  it('lists a file named twice once, so the artifacts stay unique', async () => {
    const twice = sampleResults().slice(1, 2);
    const run = (await sarifOf([twice[0]!, { ...twice[0]! }])).runs[0]!;
    expect(run.artifacts).toHaveLength(1);
  });
});
