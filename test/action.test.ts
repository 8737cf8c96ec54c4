/**
 * The GitHub Action: action.yml, the committed entry action/index.cjs (run as
 * GitHub runs it, `node action/index.cjs` in a workspace, with INPUT_*
 * variables and a GITHUB_STEP_SUMMARY file), and runAction() on the
 * in-memory Io, which must give the same result.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { actionArgs, INPUTS, inputVariable, runAction, splitGlobs, type ActionIo } from '../src/action/run.js';
import { stepSummary } from '../src/format/github-summary.js';
import { childEnv, otherNodes, spawnText } from './helpers/cli-hosts.js';
import { memoryIo } from './helpers/memory-io.js';
import { ctx } from './format/helpers.js';
import { makeResult } from '../src/result.js';
// @ts-expect-error: a plain ES module without types
import { actionBundle } from '../scripts/bundle-action.mjs';

const ROOT = path.join(import.meta.dirname, '..');
const ENTRY = path.join(ROOT, 'action', 'index.cjs');
const fixture = (name: string): string => readFileSync(path.join(ROOT, 'fixtures', 'reports', name), 'utf8');
/** Findings: 1:3 title-format (warn), 3:4 contained-or-ongoing (warn), 5:5 field-required, 7:111 no-placeholder, 8:3 field-empty. */
const broken = fixture('v3-preliminary-broken.md');
const clean = fixture('v3-full-clean.md');

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; main: string };
}
const actionYml = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

interface Case {
  files?: Record<string, string>;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Content of the step summary file before the run (the runner may have written to it). */
  summaryBefore?: string;
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  summary: string | undefined;
  files: Record<string, string>;
}

function inputEnv(inputs: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}

/** The committed entry as a child process, in a fresh workspace. */
async function runEntry(c: Case, node = process.execPath): Promise<Outcome> {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'ir-lint-action-')));
  try {
    const ws = path.join(dir, 'ws');
    for (const [rel, text] of Object.entries(c.files ?? {})) {
      mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      writeFileSync(path.join(ws, rel), text);
    }
    mkdirSync(ws, { recursive: true });
    const summaryPath = path.join(dir, 'step_summary.md');
    if (c.summaryBefore !== undefined) writeFileSync(summaryPath, c.summaryBefore);
    const env = childEnv({ GITHUB_STEP_SUMMARY: summaryPath, ...inputEnv(c.inputs), ...c.env });
    const r = await spawnText(node, [ENTRY], { cwd: ws, env });
    const files: Record<string, string> = {};
    const walk = (rel: string): void => {
      for (const name of (statSync(path.join(ws, rel)).isDirectory() ? readdir(path.join(ws, rel)) : [])) {
        const child = rel ? `${rel}/${name}` : name;
        if (statSync(path.join(ws, child)).isDirectory()) walk(child);
        else files[child] = readFileSync(path.join(ws, child), 'utf8');
      }
    };
    walk('');
    const n = (s: string): string => s.split(ws).join('<ws>');
    return { code: r.code, stdout: n(r.stdout), stderr: n(r.stderr), summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : undefined, files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, n(v)])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readdir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** runAction() on the in-memory Io, with the same case. */
async function runMemory(c: Case): Promise<Outcome> {
  const cwd = '/ws';
  const summaryPath = '/step_summary.md';
  const io = memoryIo({ argv: [], files: c.files ?? {}, cwd, env: { GITHUB_STEP_SUMMARY: summaryPath, ...inputEnv(c.inputs), ...c.env } });
  if (c.summaryBefore !== undefined) io.files.set(summaryPath, c.summaryBefore);
  const aio: ActionIo = {
    ...io,
    stdout: (t) => io.stdout(t),
    stderr: (t) => io.stderr(t),
    async appendFile(p, text) {
      const old = io.files.get(p);
      io.files.set(p, `${typeof old === 'string' ? old : ''}${text}`);
    },
    async ensureDir() {},
  };
  const code = await runAction(aio);
  const files: Record<string, string> = {};
  for (const [abs, content] of io.files) if (abs.startsWith(`${cwd}/`)) files[abs.slice(cwd.length + 1)] = String(content);
  const n = (s: string): string => s.split(cwd).join('<ws>');
  const summary = io.files.get(summaryPath);
  return { code, stdout: n(io.out), stderr: n(io.err), summary: summary === undefined ? undefined : String(summary), files: Object.fromEntries(Object.entries(files).sort().map(([k, v]) => [k, n(v)])) };
}

/** Both hosts; they must agree. */
async function both(c: Case): Promise<Outcome> {
  const [entry, memory] = await Promise.all([runEntry(c), runMemory(c)]);
  expect(memory).toEqual(entry);
  return entry;
}

const BASE = { 'incidents/broken.md': broken, 'incidents/clean.md': clean, 'README.md': '# Not a report\n' };
const NOW = { now: '2025-12-01' };

interface SarifRun {
  automationDetails: { id: string };
  results: Array<{ ruleId: string; partialFingerprints: { primaryLocationLineHash: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }> }>;
  tool: { driver: { rules: Array<{ id: string; fullDescription: { text: string }; help: { text: string; markdown: string } }> } };
}

describe('action.yml', () => {
  it('parses, runs on node24, and points at the committed entry', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'action/index.cjs' });
    expect(actionYml.name).toBe('ir-lint');
    expect(existsSync(path.join(ROOT, actionYml.runs.main))).toBe(true);
    let tracked = true;
    try {
      execFileSync('git', ['-C', ROOT, 'ls-files', '--error-unmatch', actionYml.runs.main], { stdio: 'ignore' });
    } catch {
      tracked = !existsSync(path.join(ROOT, '.git'));
    }
    expect(tracked, `${actionYml.runs.main} must be committed: GitHub runs it from a checkout without npm ci`).toBe(true);
  });

  it('declares exactly the inputs the entry reads, each described', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...INPUTS].sort());
    // What the source reads, literally: getInput(io.env, 'name') / getBooleanInput(env, 'name').
    const source = readFileSync(path.join(ROOT, 'src', 'action', 'run.ts'), 'utf8');
    const read = [...source.matchAll(/get(?:Boolean)?Input\((?:io\.)?env, '([a-z-]+)'\)/g)].map((m) => m[1]);
    expect([...new Set(read)].sort()).toEqual(Object.keys(actionYml.inputs).sort());
    for (const [name, input] of Object.entries(actionYml.inputs)) expect(input.description.length, name).toBeGreaterThan(20);
    expect(actionYml.inputs['globs']?.required).toBe(true);
  });

  it('the committed action/index.cjs is a fresh build of src/action (run `npm run build:action` and commit it)', async () => {
    const fresh = (await actionBundle()) as string;
    const committed = readFileSync(ENTRY, 'utf8');
    expect(committed === fresh, 'action/index.cjs differs from a fresh build: run `npm run build:action` and commit the result').toBe(true);
    expect([...committed].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
  });
});

describe('action inputs', () => {
  it('reads INPUT_<NAME> with the name upper-cased, spaces as underscores, hyphens kept', () => {
    expect(inputVariable('sarif-file')).toBe('INPUT_SARIF-FILE');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });

  it('splits globs on lines and spaces, keeps quoted spaces, skips blanks and comments', () => {
    expect(splitGlobs('incidents/\n\n  drafts/*.md other.md \n# a comment\n"my report.md" \'b c.md\'\r\nlast')).toEqual(['incidents/', 'drafts/*.md', 'other.md', 'my report.md', 'b c.md', 'last']);
    expect(() => splitGlobs('"open')).toThrow(/unmatched "/);
  });

  it('turns the inputs into CLI arguments, paths after --', () => {
    expect(actionArgs({ ...inputEnv({ globs: 'a.md -b.md', config: 'ci/.irlintrc.json', fix: 'True', now: '2025-01-02' }) })).toEqual(['--format', 'sarif', '--config', 'ci/.irlintrc.json', '--now', '2025-01-02', '--fix', '--', 'a.md', '-b.md']);
    expect(actionArgs(inputEnv({ globs: 'a.md', fix: 'FALSE' }))).toEqual(['--format', 'sarif', '--', 'a.md']);
  });
});

describe('the action, run as GitHub runs it', () => {
  it('annotates, writes the step summary and the SARIF file, and exits 1 on errors', async () => {
    const r = await both({ files: BASE, inputs: { globs: 'incidents/', ...NOW, 'sarif-file': 'results/ir-lint.sarif' }, summaryBefore: '# Earlier step\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const annotations = r.stdout.split('\n').filter((l) => /^::(?:error|warning) /.test(l));
    expect(annotations).toEqual([
      expect.stringMatching(/^::warning file=incidents\/broken\.md,line=1,col=3,endLine=1,endColumn=46,title=title-format::Title should read/),
      expect.stringMatching(/^::warning file=incidents\/broken\.md,line=3,col=4,endLine=3,endColumn=31,title=contained-or-ongoing::/),
      expect.stringMatching(/^::error file=incidents\/broken\.md,line=5,col=5,endLine=5,endColumn=12,title=field-required::Missing field "Relevant policies"/),
      expect.stringMatching(/^::error file=incidents\/broken\.md,line=7,col=111,endLine=7,endColumn=114,title=no-placeholder::/),
      expect.stringMatching(/^::error file=incidents\/broken\.md,line=8,col=3,endLine=8,endColumn=37,title=field-empty::/),
    ]);
    // The full report follows in a collapsed group, with workflow commands switched off around it.
    expect(r.stdout).toMatch(/\n::group::ir-lint: 3 errors, 2 warnings in 2 files\n::stop-commands::(ir-lint-[0-9a-f]{16})\n[\s\S]*\u2716 5 problems \(3 errors, 2 warnings\)\n::\1::\n::endgroup::\n$/);
    // The summary is appended after what the runner already had, with every finding and a docs link per rule.
    const lines = r.summary!.split('\n');
    expect(lines.slice(0, 7)).toEqual(['# Earlier step', '## ir-lint', '', '**5 problems** (3 errors, 2 warnings) in 1 of 2 files.', '', '| File | Line | Severity | Rule | Message |', '| --- | --- | --- | --- | --- |']);
    expect(lines.slice(7, 12).map((l) => l.split(' | ').slice(0, 4).join(' | '))).toEqual([
      '| incidents/broken.md | 1:3 | warning | [title-format](https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#title-format)',
      '| incidents/broken.md | 3:4 | warning | [contained-or-ongoing](https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#contained-or-ongoing)',
      '| incidents/broken.md | 5:5 | error | [field-required](https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#field-required)',
      '| incidents/broken.md | 7:111 | error | [no-placeholder](https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#no-placeholder)',
      '| incidents/broken.md | 8:3 | error | [field-empty](https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#field-empty)',
    ]);
    expect(lines.slice(12)).toEqual(['', '']);
    // The SARIF file: valid, code-scanning ready, paths relative to the workspace.
    const log = JSON.parse(r.files['results/ir-lint.sarif']!.split('<ws>').join('/ws')) as { runs: SarifRun[] };
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const run = log.runs[0]!;
    expect(run.automationDetails.id).toBe('ir-lint/incidents/');
    expect(run.results.map((x) => `${x.locations[0]!.physicalLocation.region['startLine']} ${x.ruleId}`)).toEqual(['1 title-format', '3 contained-or-ongoing', '5 field-required', '7 no-placeholder', '8 field-empty']);
    for (const x of run.results) {
      expect(x.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
      expect(x.locations[0]!.physicalLocation.artifactLocation).toMatchObject({ uri: 'incidents/broken.md', uriBaseId: '%SRCROOT%' });
      expect(Object.keys(x.locations[0]!.physicalLocation.region).sort()).toEqual(['endColumn', 'endLine', 'startColumn', 'startLine']);
    }
    // Nothing else was written; the reports are untouched.
    expect(Object.keys(r.files).sort()).toEqual(['README.md', 'incidents/broken.md', 'incidents/clean.md', 'results/ir-lint.sarif']);
    expect(r.files['incidents/broken.md']).toBe(broken);
  });

  it('exits 0 on a clean report, writes no SARIF file unless asked, and works without a step summary file', async () => {
    const r = await both({ files: BASE, inputs: { globs: 'incidents/clean.md', ...NOW } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::group::ir-lint: no problems in 1 file\n/);
    expect(r.summary).toBe('## ir-lint\n\nNo problems in 1 file.\n\n');
    expect(Object.keys(r.files).sort()).toEqual(['README.md', 'incidents/broken.md', 'incidents/clean.md']);
    const none = await runEntry({ files: BASE, inputs: { globs: 'incidents/clean.md', ...NOW }, env: { GITHUB_STEP_SUMMARY: '' } });
    expect(none.code).toBe(0);
    expect(none.summary).toBeUndefined();
  });

  it('applies the fixes with fix: true and reports what remains', async () => {
    const report = clean.replace('- **Additional:** N/A', '- **Additional:** None');
    const r = await both({ files: { 'r.md': report }, inputs: { globs: 'r.md', fix: 'true', ...NOW } });
    expect(r.code).toBe(0);
    expect(r.files['r.md']).toBe(clean);
    expect(r.summary).toBe('## ir-lint\n\nNo problems in 1 file.\n\n');
    // Without fix, the same file is only reported.
    const unfixed = await runEntry({ files: { 'r.md': report }, inputs: { globs: 'r.md', ...NOW } });
    expect(unfixed.files['r.md']).toBe(report);
    expect(unfixed.stdout).toMatch(/^::warning file=r\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=na-format::/m);
  });

  it('uses the config input and the now input', async () => {
    const files = { ...BASE, 'ci/strict.json': '{ "rules": { "title-format": "error", "field-required": "off" } }' };
    const r = await both({ files, inputs: { globs: 'incidents/broken.md', config: 'ci/strict.json', ...NOW } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=incidents\/broken\.md,line=1,col=3,[^:]*title=title-format::/m);
    expect(r.stdout).not.toMatch(/field-required/);
    const bad = await both({ files: BASE, inputs: { globs: 'incidents/', now: 'yesterday' } });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('::error title=ir-lint::--now expects a date (YYYY-MM-DD) or an ISO time, got "yesterday"\n');
    expect(bad.summary).toBe('## ir-lint\n\nir-lint stopped: --now expects a date (YYYY-MM-DD) or an ISO time, got "yesterday"\n\n');
  });

  it('exits 2 with one line for a bad input, a bad config or an unreadable file', async () => {
    const noGlobs = await both({ files: BASE, inputs: {} });
    expect(noGlobs.code).toBe(2);
    expect(noGlobs.stderr).toBe('ir-lint: input "globs" is required: name the report files, directories or globs to lint (one a line)\n');
    expect(noGlobs.stdout).toMatch(/^::error title=ir-lint::input "globs" is required/);
    const badFix = await both({ files: BASE, inputs: { globs: 'incidents/', fix: 'yes' } });
    expect(badFix.code).toBe(2);
    expect(badFix.stderr).toBe('ir-lint: input "fix" must be true or false, got "yes"\n');
    const badConfig = await both({ files: { ...BASE, '.irlintrc.json': '{ "rules": { "timeline-ordr": "off" } }' }, inputs: { globs: 'incidents/', ...NOW } });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/^ir-lint: invalid configuration in .*\.irlintrc\.json: rules\.timeline-ordr: unknown rule "timeline-ordr"; did you mean "timeline-order"\?/);
    expect(badConfig.stdout).toMatch(/^::error title=ir-lint::invalid configuration in /);
    expect(badConfig.stderr).not.toMatch(/\n\s+at /);
    const missing = await both({ files: BASE, inputs: { globs: 'incidents/clean.md nope/*.md', ...NOW } });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/^::error file=nope\/\*\.md,line=1,col=1,title=ir-lint::No files match this pattern\.$/m);
    expect(missing.summary).toMatch(/; 1 file could not be linted\.\n/);
  });

  it('escapes report text in annotations, the summary and the log', async () => {
    const nasty = broken.replace(/^# .*$/m, '# Title with | pipe, 100% done ::error::injected <b>html</b> [link](http://x)');
    const r = await both({ files: { 'a,b:c.md': nasty }, inputs: { globs: '"a,b:c.md"', ...NOW } });
    const title = r.stdout.split('\n').find((l) => l.includes('title=title-format'))!;
    expect(title).toMatch(/^::warning file=a%2Cb%3Ac\.md,line=1,/);
    expect(title).toContain('100%25 done ::error::injected');
    const row = r.summary!.split('\n').find((l) => l.includes('title-format'))!;
    expect(row).toContain('Title with \\| pipe, 100% done ::error::injected &lt;b&gt;html&lt;/b&gt; \\[link\\](http://x)');
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it('links each file to the commit when the runner says which', async () => {
    const r = await runEntry({ files: BASE, inputs: { globs: 'incidents/broken.md', ...NOW }, env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/reports', GITHUB_SHA: 'abc123' } });
    expect(r.summary).toContain('| [incidents/broken.md](https://github.com/acme/reports/blob/abc123/incidents/broken.md#L5) | 5:5 | error |');
  });

  it('tells how many annotations GitHub hides when there are more than 10 of a kind', async () => {
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`incidents/r${i}.md`, broken]));
    const r = await runEntry({ files, inputs: { globs: 'incidents/', ...NOW } });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^::error file=/gm)).toHaveLength(12);
    expect(r.stdout).toMatch(/^::notice title=ir-lint::ir-lint: 12 errors, 8 warnings in 4 files\. GitHub shows 10 annotations of each kind per step; the step summary lists them all\.$/m);
    expect(r.summary!.split('\n').filter((l) => l.startsWith('| incidents/'))).toHaveLength(20);
  });

  for (const node of otherNodes()) {
    it(`runs on ${node}`, async () => {
      const [here, there] = await Promise.all([runEntry({ files: BASE, inputs: { globs: 'incidents/', ...NOW, 'sarif-file': 'ir-lint.sarif' } }), runEntry({ files: BASE, inputs: { globs: 'incidents/', ...NOW, 'sarif-file': 'ir-lint.sarif' } }, node)]);
      expect(there).toEqual(here);
      expect(there.code).toBe(1);
    });
  }
});

describe('step summary', () => {
  it('stops before GitHub\'s size limit and says how many rows it left out', () => {
    const messages = Array.from({ length: 50 }, (_, i) => ({ ruleId: 'field-required', messageId: 'missing', severity: 2 as const, message: `Missing field ${i}.`, line: i + 1, column: 1, endLine: i + 1, endColumn: 2 }));
    const text = stepSummary([makeResult('r.md', messages)], ctx(), { limit: 2000 });
    expect(text.length).toBeLessThanOrEqual(2200);
    const rows = text.split('\n').filter((l) => l.startsWith('| r.md'));
    expect(rows.length).toBeGreaterThan(3);
    expect(text).toContain(`${50 - rows.length} more problems not shown`);
  });
});

describe('the action when it cannot write', () => {
  it('exits 2 with one line when the step summary or the SARIF file cannot be written', async () => {
    // The summary "file" is a directory.
    const summary = await runEntry({ files: BASE, inputs: { globs: 'incidents/clean.md', ...NOW }, env: { GITHUB_STEP_SUMMARY: 'incidents' } });
    expect(summary.code).toBe(2);
    expect(summary.stderr).toMatch(/^ir-lint: incidents: cannot write the step summary: EISDIR.*\n$/);
    expect(summary.stdout).toMatch(/^::error title=ir-lint::incidents: cannot write the step summary: EISDIR/m);
    // The SARIF file's directory would have to be a file.
    const sarif = await runEntry({ files: BASE, inputs: { globs: 'incidents/clean.md', ...NOW, 'sarif-file': 'README.md/ir-lint.sarif' } });
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toMatch(/^ir-lint: README\.md\/ir-lint\.sarif: cannot write the SARIF file: E(?:EXIST|NOTDIR)\b.*\n$/);
    expect(sarif.stdout).toMatch(/^::error title=ir-lint::README\.md\/ir-lint\.sarif: cannot write the SARIF file/m);
    expect(Object.keys(sarif.files).sort()).toEqual(['README.md', 'incidents/broken.md', 'incidents/clean.md']);
  });
});

describe('step summary links', () => {
  it('links files in the repository and leaves others plain', () => {
    const r = [makeResult('in/repo.md', [{ ruleId: 'na-format', messageId: 'x', severity: 1, message: 'm', line: 3, column: 1, endLine: 3, endColumn: 2 }]), makeResult('/elsewhere/x.md', [{ ruleId: 'na-format', messageId: 'x', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }])];
    const text = stepSummary(r, ctx(), { fileUrl: (f, line) => (f.startsWith('/') ? '' : `https://example.test/${f}#L${line}`) });
    expect(text).toContain('| [in/repo.md](https://example.test/in/repo.md#L3) | 3:1 | warning |');
    expect(text).toContain('| /elsewhere/x.md | 1:1 | warning |');
  });
});

describe('the action and the CLI', () => {
  it('write the same SARIF for the same reports', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'ir-lint-action-cli-')));
    try {
      for (const [rel, text] of Object.entries(BASE)) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
      const action = await spawnText(process.execPath, [ENTRY], { cwd: dir, env: childEnv({ ...inputEnv({ globs: 'incidents/', ...NOW, 'sarif-file': 'action.sarif' }) }) });
      const cli = await spawnText(process.execPath, [path.join(ROOT, 'bin', 'ir-lint.js'), '--now', NOW.now, '-f', 'sarif', 'incidents/'], { cwd: dir, env: childEnv() });
      expect([action.code, cli.code]).toEqual([1, 1]);
      expect(readFileSync(path.join(dir, 'action.sarif'), 'utf8')).toBe(cli.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
