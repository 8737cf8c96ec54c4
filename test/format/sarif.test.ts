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

interface Descriptor {
  id: string;
  helpUri?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  defaultConfiguration?: { level: string };
  properties?: { tags: string[]; precision?: string; 'problem.severity'?: string };
}

interface SarifLog {
  runs: Array<{
    automationDetails?: { id: string };
    tool: { driver: { name: string; version: string; informationUri: string; rules: Descriptor[]; notifications?: Descriptor[] } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string }; descriptor: { id: string; index?: number }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: Array<{ location: { uri: string; uriBaseId?: string } }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number }; region: Record<string, number> } }>;
      relatedLocations?: Array<{ physicalLocation: { region: Record<string, number> }; message: { text: string } }>;
      partialFingerprints?: { primaryLocationLineHash?: string };
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
    // A point location covers the rest of its line ("# Title"), stated in full for code scanning.
    expect(third?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 8 });
    // Related locations get a full region too.
    expect(first?.relatedLocations?.[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 8 });
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
    expectCodeScanningReady(log);
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

/** What GitHub code scanning requires of a log beyond the OASIS schema. */
function expectCodeScanningReady(log: SarifLog): void {
  const run = log.runs[0]!;
  expect(run.automationDetails?.id).toMatch(/^ir-lint\/(?:.*\/)?$/);
  const descriptors = [...run.tool.driver.rules, ...(run.tool.driver.notifications ?? [])];
  for (const d of descriptors) {
    expect(d.shortDescription.text, d.id).not.toBe('');
    expect(d.fullDescription?.text, d.id).toMatch(/\S/);
    expect(d.help?.text, d.id).toMatch(/\S/);
    expect(d.help?.markdown, d.id).toMatch(/\S/);
    expect(['very-high', 'high', 'medium', 'low'], d.id).toContain(d.properties?.precision);
    expect(['error', 'warning', 'recommendation'], d.id).toContain(d.properties?.['problem.severity']);
    expect(d.properties?.tags.length, d.id).toBeGreaterThan(0);
  }
  const full = (region: Record<string, number>): void => {
    expect(Object.keys(region).sort()).toEqual(['endColumn', 'endLine', 'startColumn', 'startLine']);
    expect(region['endLine']).toBeGreaterThanOrEqual(region['startLine']!);
    if (region['endLine'] === region['startLine']) expect(region['endColumn']).toBeGreaterThanOrEqual(region['startColumn']!);
  };
  for (const r of run.results) {
    expect(r.partialFingerprints?.primaryLocationLineHash, `${r.ruleId} ${JSON.stringify(r.locations)}`).toMatch(/^[0-9a-f]{16}:[1-9]\d*$/);
    full(r.locations[0]!.physicalLocation.region);
    for (const rel of r.relatedLocations ?? []) full(rel.physicalLocation.region);
  }
  for (const n of run.invocations[0]!.toolExecutionNotifications) {
    full(n.locations[0]!.physicalLocation.region);
    expect(run.tool.driver.notifications?.[n.descriptor.index!]?.id).toBe(n.descriptor.id);
  }
  // Within one file no two results share a fingerprint.
  const keys = run.results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.partialFingerprints?.primaryLocationLineHash}`);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('sarif for GitHub code scanning', () => {
  it('gives every result a fingerprint and a full region, every descriptor a full description, help, precision and problem severity', async () => {
    const log = await sarifOf();
    expectCodeScanningReady(log);
    const { driver } = log.runs[0]!.tool;
    // The file-level failures are described in driver.notifications, as completely as rules.
    expect(driver.notifications?.map((d) => d.id)).toEqual(['file-error']);
    expect(driver.rules.find((d) => d.id === 'unused-disable')?.fullDescription?.text).toMatch(/--report-unused-disables/);
  });

  it('takes precision and problem severity from the rule: exact checks high, heuristics medium', async () => {
    const { rules: descriptors } = (await sarifOf()).runs[0]!.tool.driver;
    const of = (id: string) => descriptors.find((d) => d.id === id)?.properties;
    expect(of('section-required')).toMatchObject({ precision: 'high', 'problem.severity': 'error' });
    expect(of('rca-human-error')).toMatchObject({ precision: 'medium', 'problem.severity': 'warning' });
    expect(of('timeline-order')).toMatchObject({ precision: 'high', 'problem.severity': 'warning' });
    expect(of('na-format')).toMatchObject({ precision: 'high', 'problem.severity': 'recommendation' });
    expect(of('legacy-questions')).toMatchObject({ precision: 'medium', 'problem.severity': 'error' });
    // help.markdown links the rule's docs.
    expect(descriptors.find((d) => d.id === 'na-format')?.help?.markdown).toContain(`(${ruleDocsUrl('na-format')})`);
  });

  it('lets a rule state its precision, and derives one for a rule that does not', async () => {
    const sarif = await formatter('sarif');
    const base = rules[0]!.meta;
    const metas = [
      { ...base, id: 'acme-exact', severity: 'warn' as const, precision: 'very-high' as const },
      { ...base, id: 'acme-guess', severity: 'warn' as const, precision: undefined },
      { ...base, id: 'acme-must', severity: 'error' as const, precision: undefined },
    ];
    const log = JSON.parse(sarif([], ctx({ rules: metas }))) as SarifLog;
    expectValid(log);
    expect(log.runs[0]!.tool.driver.rules.map((d) => [d.id, d.properties?.precision])).toEqual([
      ['acme-exact', 'very-high'],
      ['acme-guess', 'medium'],
      ['acme-must', 'high'],
    ]);
  });

  it('names the analysis after the paths linted, ending in / (a category)', async () => {
    const sarif = await formatter('sarif');
    const id = (targets?: string[]) => (JSON.parse(sarif([], ctx(targets ? { targets } : {}))) as SarifLog).runs[0]!.automationDetails?.id;
    expect(id()).toBe('ir-lint/');
    expect(id(['.'])).toBe('ir-lint/');
    expect(id(['./incidents/'])).toBe('ir-lint/incidents/');
    expect(id(['b/', 'a', 'b'])).toBe('ir-lint/a,b/');
  });

  it('keeps fingerprints when lines are inserted above, and tells repeated findings on one line apart', async () => {
    const report = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'reports', 'v3-preliminary-broken.md'), 'utf8');
    const lint = async (text: string) => {
      const { out } = await runCli({ argv: ['--format', 'sarif', '--now', '2025-12-01', 'r.md'], files: { 'r.md': text }, cwd: '/repo' });
      const log = JSON.parse(out) as SarifLog;
      expectValid(log);
      expectCodeScanningReady(log);
      return log.runs[0]!.results.map((r) => ({ rule: r.ruleId, line: r.locations[0]!.physicalLocation.region['startLine']!, hash: r.partialFingerprints!.primaryLocationLineHash! }));
    };
    const before = await lint(report);
    expect(before.length).toBeGreaterThan(2);
    // Three lines inserted after the title: every finding below moves, none changes its fingerprint.
    const lines = report.split('\n');
    const titleAt = lines.findIndex((l) => l.startsWith('# '));
    const moved = [...lines.slice(0, titleAt + 1), '', 'An added paragraph.', '', ...lines.slice(titleAt + 1)].join('\n');
    const after = await lint(moved);
    expect(after.map((r) => r.rule)).toEqual(before.map((r) => r.rule));
    for (const [i, b] of before.entries()) {
      const a = after[i]!;
      if (b.line > titleAt + 1) expect(a.line).toBe(b.line + 3);
      expect(a.hash, b.rule).toBe(b.hash);
    }
    // Editing the text of a finding's line changes that finding's fingerprint only.
    const target = before.find((b) => b.line > titleAt + 1)!;
    const edited = lines.map((l, i) => (i === target.line - 1 ? `${l} (edited)` : l)).join('\n');
    const changed = (await lint(edited)).filter((r, i) => r.hash !== before[i]?.hash);
    expect(changed.map((r) => r.line)).toEqual([target.line]);
  });
});

describe('sarif fingerprints when one of several findings on a line is fixed', () => {
  it('leaves the other findings their fingerprints', async () => {
    // The Summary's missing fields are all reported at its heading.
    const fps = async (text: string) => {
      const { out } = await runCli({ argv: ['--format', 'sarif', '--now', '2025-12-01', 'r.md'], files: { 'r.md': text }, cwd: '/repo' });
      const run = (JSON.parse(out) as SarifLog).runs[0]!;
      return new Map(run.results.filter((r) => r.ruleId === 'field-required' && r.message.text.includes('in section "Summary"')).map((r) => [r.message.text, r.partialFingerprints!.primaryLocationLineHash!]));
    };
    const before = await fps('## Full Incident Report\n\n### Summary\n\nText.\n');
    expect(before.size).toBeGreaterThan(3);
    // All on one line, yet each its own fingerprint.
    expect(new Set(before.values()).size).toBe(before.size);
    // One field added: the heading where the others are reported is the same line of text.
    const after = await fps('## Full Incident Report\n\n### Summary\n\n- **Incident description:** A certificate was misissued.\n\nText.\n');
    expect(after.size).toBe(before.size - 1);
    for (const [message, hash] of after) expect(hash, message).toBe(before.get(message));
  });
});

describe('fingerprint helpers', () => {
  it('hashes the rule, the line text and the message; n counts equal hashes within a file', async () => {
    const { lineHashes, hash64 } = await import('../../src/format/code-scanning.js');
    const source = 'TBD\n  TBD  \nother\n';
    const [a, b, c, d] = lineHashes([
      { ruleId: 'no-placeholder', line: 1, message: 'x' },
      { ruleId: 'no-placeholder', line: 2, message: 'x' },
      { ruleId: 'na-format', line: 2, message: 'x' },
      { ruleId: 'na-format', line: 2, message: 'y (first at line 12)' },
    ], source);
    const h = hash64('no-placeholder\u0000TBD\u0000x');
    expect([a, b]).toEqual([`${h}:1`, `${h}:2`]);
    expect(c).toBe(`${hash64('na-format\u0000TBD\u0000x')}:1`);
    // Line numbers cited in the message are left out: they change when lines move.
    expect(d).toBe(`${hash64('na-format\u0000TBD\u0000y (first at line)')}:1`);
    // FNV-1a 64 of the empty string is its offset basis.
    expect(hash64('')).toBe('cbf29ce484222325');
  });
});
