/**
 * The language server as editors run it: the built `bin/ir-lint.js --lsp
 * --stdio` (npm test builds it), spoken to over stdio with vscode-jsonrpc.
 * Each case checks what the client receives: diagnostics by rule id and
 * line, the edits of quick fixes and fix-all applied to the text, config
 * reloads, the one message for a bad config, and the exit code.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin, tempDir } from './helpers/bin.js';
import { corpusNow, HAS_CORPUS, seed } from './helpers/corpus.js';
import { applyEdits, fileUri, initialize, open, ROOT, startClient, stop, type CodeAction, type Diagnostic, type LspClient, type Published } from './helpers/lsp-client.js';

const NOW = '2025-08-01';
const STATUS_FIXTURE = readFileSync(path.join(ROOT, 'fixtures', 'fix', 'action-item-status.md'), 'utf8');
/** 0-based line of the "Done" row (31 in the CLI's 1-based numbering). */
const DONE_LINE = STATUS_FIXTURE.split('\n').findIndex((l) => l.includes('| Done |'));
const ERROR = 1;
const WARNING = 2;

const clients: LspClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) if (c.child.exitCode === null) c.child.kill();
});

function client(args: string[] = ['--lsp', '--stdio', '--now', NOW], cwd?: string): LspClient {
  const c = startClient(args, cwd !== undefined ? { cwd } : {});
  clients.push(c);
  return c;
}

/** A workspace: a report with action-item-status findings, a README, and a config. */
function workspace(): { dir: string; report: string; readme: string; config: string } {
  const dir = tempDir('ir-lint-lsp-');
  mkdirSync(path.join(dir, 'reports'));
  const report = path.join(dir, 'reports', 'caa.md');
  writeFileSync(report, STATUS_FIXTURE);
  const readme = path.join(dir, 'README.md');
  writeFileSync(readme, '# Compliance drafts\n\nThis folder holds our incident report drafts.\n\n- TODO: move old drafts\n');
  const config = path.join(dir, '.irlintrc.json');
  writeFileSync(config, '{ "rules": { "field-required": "off" } }\n');
  return { dir, report, readme, config };
}

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const byRule = (p: Published, rule: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === rule);
const lines = (ds: Diagnostic[]): number[] => ds.map((d) => d.range.start.line);

async function quickFixes(c: LspClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } })) as CodeAction[];
}

describe('ir-lint --lsp over stdio', () => {
  it('initializes, publishes diagnostics with rule ids and docs links on open, and exits 0 after shutdown', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    const init = await initialize(c, ws.dir);
    expect(init.serverInfo?.name).toBe('ir-lint');
    expect(init.capabilities['codeActionProvider']).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.ir-lint'] });
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    const p = await c.diagnosticsFor(uri);
    expect(p.version).toBe(1);
    const status = byRule(p, 'action-item-status');
    expect(lines(status)).toEqual([DONE_LINE, DONE_LINE + 1, DONE_LINE + 2]);
    const done = status[0] as Diagnostic;
    expect(done).toMatchObject({ severity: ERROR, source: 'ir-lint', code: 'action-item-status', codeDescription: { href: expect.stringMatching(/docs\/rules\.md#action-item-status$/) } });
    // The range is the cell's text: "Done", 0-based.
    const row = STATUS_FIXTURE.split('\n')[DONE_LINE] as string;
    expect(done.range).toEqual({ start: { line: DONE_LINE, character: row.indexOf('Done') }, end: { line: DONE_LINE, character: row.indexOf('Done') + 4 } });
    expect(byRule(p, 'field-required')).toEqual([]); // off in the workspace's config
    expect(p.diagnostics.every((d) => d.severity === ERROR || d.severity === WARNING)).toBe(true);
    expect(await stop(c)).toBe(0);
  });

  it('publishes what the CLI reports for the same file and config, position for position', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    const p = await c.diagnosticsFor(uri);
    const cli = runBin(['--now', NOW, '-f', 'json', ws.report], { cwd: ws.dir });
    const messages = (JSON.parse(cli.out) as Array<{ messages: Array<{ ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number }> }>)[0]?.messages ?? [];
    expect(messages.length).toBeGreaterThan(3);
    expect(p.diagnostics.map((d) => [d.code, d.severity === ERROR ? 2 : 1, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1])).toEqual(
      messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]),
    );
    expect(await stop(c)).toBe(0);
  });

  it('offers a quick fix that writes Complete, as a versioned edit, and relints the changed text', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    const p = await c.diagnosticsFor(uri);
    const done = byRule(p, 'action-item-status')[0] as Diagnostic;
    const actions = await quickFixes(c, uri, [done]);
    expect(actions).toHaveLength(1);
    const fix = actions[0] as CodeAction;
    expect(fix.kind).toBe('quickfix');
    expect(fix.diagnostics?.[0]?.code).toBe('action-item-status');
    const change = fix.edit?.documentChanges?.[0];
    expect(change?.textDocument).toEqual({ uri, version: 1 });
    expect(change?.edits.map((e) => e.newText)).toEqual(['Complete']);
    const fixed = applyEdits(STATUS_FIXTURE, change?.edits ?? []);
    expect(fixed.split('\n')[DONE_LINE]).toMatch(/\| 2025-08-20 \| Complete \|$/);
    // The editor applies it: version 2, and the Done finding is gone.
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: change?.edits.map((e) => ({ range: e.range, text: e.newText })) });
    const p2 = await c.diagnosticsFor(uri, (x) => x.version === 2);
    expect(lines(byRule(p2, 'action-item-status'))).toEqual([DONE_LINE + 1, DONE_LINE + 2]);
    expect(await stop(c)).toBe(0);
  });

  it('publishes only the newest version when changes come faster than the pause', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    await c.diagnosticsFor(uri, (x) => x.version === 1);
    // Three edits in a row: In progress → Ongoing, then Cancelled → Canceled, then Done → Complete.
    const texts = [
      STATUS_FIXTURE.replace('| In progress |', '| Ongoing |'),
      STATUS_FIXTURE.replace('| In progress |', '| Ongoing |').replace('| Cancelled |', '| Canceled |'),
      STATUS_FIXTURE.replace('| In progress |', '| Ongoing |').replace('| Cancelled |', '| Canceled |').replace('| Done |', '| Complete |'),
    ];
    for (const [i, text] of texts.entries()) await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
    const last = await c.diagnosticsFor(uri, (x) => x.version === 4);
    expect(byRule(last, 'action-item-status')).toEqual([]);
    expect(c.published.filter((x) => x.uri === uri).map((x) => x.version)).toEqual([1, 4]);
    expect(await stop(c)).toBe(0);
  });

  it('fix all (source.fixAll.ir-lint) gives one edit whose result is what ir-lint --fix writes', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    await c.diagnosticsFor(uri);
    const actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.ir-lint']);
    const change = actions[0]?.edit?.documentChanges?.[0];
    expect(change?.textDocument).toEqual({ uri, version: 1 });
    expect(change?.edits).toHaveLength(1);
    const fixed = applyEdits(STATUS_FIXTURE, change?.edits ?? []);
    const copy = path.join(ws.dir, 'reports', 'copy.md');
    copyFileSync(ws.report, copy);
    runBin(['--now', NOW, '--fix', copy], { cwd: ws.dir });
    expect(fixed).toBe(readFileSync(copy, 'utf8'));
    expect(fixed).toContain('| Complete |');
    expect(fixed).toContain('| Canceled |');
    expect(await stop(c)).toBe(0);
  });

  it('reloads the config when a config file changes, and shows a bad config once without crashing', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    await waitFor(() => c.registrations.length > 0);
    expect(c.registrations).toEqual([{ registrations: [expect.objectContaining({ method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: ['**/.irlintrc.json', '**/.irlintrc.yaml', '**/.irlintrc.yml', '**/package.json'].map((globPattern) => ({ globPattern })) } })] }]);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    await c.diagnosticsFor(uri, (x) => byRule(x, 'action-item-status').length === 3);
    const changed = (): Promise<void> => c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ws.config), type: 2 }] });

    writeFileSync(ws.config, '{ "rules": { "field-required": "off", "action-item-status": "off" } }\n');
    const before = c.published.length;
    await changed();
    const reloaded = await c.diagnosticsFor(uri, (x) => c.published.indexOf(x) >= before);
    expect(byRule(reloaded, 'action-item-status')).toEqual([]);
    expect(reloaded.diagnostics.length).toBeGreaterThan(0);

    writeFileSync(ws.config, '{ "rules": { "action-item-statuz": "off" } }\n');
    const beforeBad = c.published.length;
    await changed();
    const bad = await c.diagnosticsFor(uri, (x) => c.published.indexOf(x) >= beforeBad);
    expect(bad.diagnostics).toEqual([]);
    // Typing on under the bad config: still one message.
    for (let v = 2; v <= 4; v++) await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `${STATUS_FIXTURE}\n<!-- ${v} -->\n` }] });
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await c.diagnosticsFor(uri, (x) => x.version === 4);
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({ type: 1, message: expect.stringMatching(/invalid configuration in .*\.irlintrc\.json.*action-item-statuz.*did you mean "action-item-status"/) });

    writeFileSync(ws.config, '{}\n');
    const beforeGood = c.published.length;
    await changed();
    const good = await c.diagnosticsFor(uri, (x) => c.published.indexOf(x) >= beforeGood);
    expect(byRule(good, 'action-item-status').length).toBeGreaterThan(0);
    expect(byRule(good, 'field-required').length).toBeGreaterThan(0);
    expect(c.child.exitCode).toBe(null);
    expect(await stop(c)).toBe(0);
  });

  it('gives a Markdown file that is not a report nothing, and one that looks like a report its findings', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const readme = fileUri(ws.readme);
    await open(c, readme, readFileSync(ws.readme, 'utf8'));
    expect((await c.diagnosticsFor(readme)).diagnostics).toEqual([]);
    // The same file once it has a report heading.
    const text = '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** TODO\n';
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: readme, version: 2 }, contentChanges: [{ text }] });
    const p = await c.diagnosticsFor(readme, (x) => x.version === 2);
    expect(p.diagnostics.map((d) => d.code)).toContain('no-placeholder');
    expect(p.diagnostics.map((d) => d.code)).not.toContain('report-template');
    expect(await stop(c)).toBe(0);
  });

  it('a config that names the template lints every Markdown file under it as a report', async () => {
    const ws = workspace();
    writeFileSync(ws.config, '{ "template": "ccadb-v3-full" }\n');
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const readme = fileUri(ws.readme);
    await open(c, readme, readFileSync(ws.readme, 'utf8'));
    const p = await c.diagnosticsFor(readme);
    expect(p.diagnostics.map((d) => d.code)).toContain('section-required');
    expect(await stop(c)).toBe(0);
  });

  it('gives a file that its config ignores nothing', async () => {
    const ws = workspace();
    writeFileSync(ws.config, '{ "ignores": ["reports/**"] }\n');
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    expect((await c.diagnosticsFor(uri)).diagnostics).toEqual([]);
    expect(await stop(c)).toBe(0);
  });

  it('lives in a bundle of its own: the CLI bundle a lint run loads does not hold the protocol library', () => {
    const cli = readFileSync(path.join(ROOT, 'dist', 'ir-lint.cjs'), 'latin1');
    const server = readFileSync(path.join(ROOT, 'dist', 'ir-lint-lsp.cjs'), 'latin1');
    expect(server).toContain('textDocument/publishDiagnostics');
    expect(cli).not.toContain('textDocument/publishDiagnostics');
    expect(cli).toContain('require("./ir-lint-lsp.cjs")');
  });

  it('lints an Appendix CSV, and an unsaved buffer with the default config', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const csvPath = path.join(ROOT, 'fixtures', 'csv', 'broken-values.csv');
    const csv = fileUri(csvPath);
    await open(c, csv, readFileSync(csvPath, 'utf8'), 1, 'csv');
    const pc = await c.diagnosticsFor(csv);
    expect(byRule(pc, 'appendix-csv-values').map((d) => d.range.start.line)).toContain(2);
    const untitled = 'untitled:Untitled-1.md';
    await open(c, untitled, STATUS_FIXTURE);
    const pu = await c.diagnosticsFor(untitled);
    expect(lines(byRule(pu, 'action-item-status'))).toEqual([DONE_LINE, DONE_LINE + 1, DONE_LINE + 2]);
    expect(byRule(pu, 'field-required').length).toBeGreaterThan(0); // no config file applies
    expect(await stop(c)).toBe(0);
  });

  it('counts columns in UTF-16 code units and keeps CRLF in fixes', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const text = STATUS_FIXTURE.replace('| Repeat the CAA check on retry |', '| Repeat the \u{1F512} CAA check on retry |').replace(/\n/g, '\r\n');
    const uri = fileUri(path.join(ws.dir, 'reports', 'crlf.md'));
    await open(c, uri, text);
    const p = await c.diagnosticsFor(uri);
    const done = byRule(p, 'action-item-status')[0] as Diagnostic;
    const row = text.split('\r\n')[DONE_LINE] as string;
    expect(done.range.start).toEqual({ line: DONE_LINE, character: row.indexOf('| Done |') + 2 });
    const fix = (await quickFixes(c, uri, [done]))[0];
    const fixed = applyEdits(text, fix?.edit?.documentChanges?.[0]?.edits ?? []);
    expect(fixed.split('\r\n')[DONE_LINE]).toContain('| Complete |');
    expect(fixed.split('\r\n')).toHaveLength(text.split('\r\n').length);
    expect(await stop(c)).toBe(0);
  });

  it('clears a closed document, and exits 1 on exit without shutdown, 0 when stdin closes', async () => {
    const ws = workspace();
    const c = client(undefined, ws.dir);
    await initialize(c, ws.dir);
    const uri = fileUri(ws.report);
    await open(c, uri, STATUS_FIXTURE);
    await c.diagnosticsFor(uri, (x) => x.diagnostics.length > 0);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.diagnosticsFor(uri, (x) => x.diagnostics.length === 0);
    await c.connection.sendNotification('exit');
    expect(await c.exited).toBe(1);

    const d = client(undefined, ws.dir);
    await initialize(d, ws.dir);
    d.child.stdin?.end();
    expect(await d.exited).toBe(0);
    expect(d.stderr()).toBe('');
  });
});

describe.skipIf(!HAS_CORPUS)('ir-lint --lsp on seed 003 (a real report)', () => {
  it('reports action-item-status with a docs link and a quick fix that writes Complete', async () => {
    const dir = tempDir('ir-lint-lsp-seed-');
    const c = client(['--lsp', '--stdio', '--now', corpusNow({ name: 'seeds/003_', path: '', text: '' })], dir);
    await initialize(c, dir);
    const text = seed('003_');
    const uri = fileUri(path.join(dir, 'seed-003.txt'));
    await open(c, uri, text, 1, 'plaintext');
    const p = await c.diagnosticsFor(uri);
    const status = byRule(p, 'action-item-status');
    expect(status.length).toBeGreaterThan(0);
    expect(status[0]?.codeDescription?.href).toMatch(/docs\/rules\.md#action-item-status$/);
    const fix = (await quickFixes(c, uri, status.slice(0, 1)))[0];
    expect(fix?.edit?.documentChanges?.[0]?.edits.map((e) => e.newText)).toEqual(['Complete']);
    const fixedLine = applyEdits(text, fix?.edit?.documentChanges?.[0]?.edits ?? []).split(/\r?\n/)[status[0]?.range.start.line ?? 0];
    expect(fixedLine).toMatch(/Complete/);
    expect(await stop(c)).toBe(0);
  }, 30_000);
});
