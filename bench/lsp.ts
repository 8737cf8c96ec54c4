/**
 * The language server's speed as an editor sees it: `ir-lint --lsp` (the
 * built binary) driven over stdio. Each edit is a full-text didChange then
 * didSave (which lints at once, without the typing pause); the time is from
 * sending the change to receiving the diagnostics of that version. Memory:
 * the server's heap (after a forced collection) and RSS after 100 and after
 * 1,000 such edits of a 10 KB report.
 *
 *   npx tsx bench/lsp.ts          (npm run bench runs it after the CLI cases)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileUri, initialize, open, startClient, stop, type LspClient } from '../test/helpers/lsp-client.js';
import { report } from './generate.js';

const PROBE = path.join(import.meta.dirname, 'heap-probe.cjs');

/** About `bytes` of a realistic report: the generated report with as many Appendix CSV rows as it takes. */
export function reportOfSize(bytes: number, index = 7): string {
  const row = report(index, 1).length - report(index, 0).length;
  return report(index, Math.max(0, Math.round((bytes - report(index, 0).length) / row)));
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

async function heap(c: LspClient): Promise<{ heapUsed: number; rss: number }> {
  const before = c.stderr().length;
  c.child.kill('SIGUSR2');
  for (let i = 0; i < 500; i++) {
    const m = /heap (\{.*\})\n/.exec(c.stderr().slice(before));
    if (m) return JSON.parse(m[1] as string) as { heapUsed: number; rss: number };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the server did not report its heap');
}

/** Edit `uri` `n` times (a changing comment at the end), each linted at once; the milliseconds each took. */
async function edits(c: LspClient, uri: string, text: string, n: number, firstVersion: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const version = firstVersion + i;
    const t0 = performance.now();
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${text}\n<!-- edit ${i} -->\n` }] });
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await c.diagnosticsFor(uri, (p) => p.version === version, 60_000);
    times.push(performance.now() - t0);
    // Keep the client's own record small: only the latest diagnostics matter here.
    c.published.splice(0, c.published.length - 1);
  }
  return times;
}

export async function benchLsp(log: (line: string) => void = console.log): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ir-lint-bench-lsp-'));
  const c = startClient(['--lsp', '--stdio', '--now', '2025-12-01'], { cwd: dir, nodeArgs: ['--expose-gc', '-r', PROBE] });
  try {
    await initialize(c, dir);
    for (const [label, bytes, runs, target] of [
      ['10 KB report', 10 * 1024, 200, 20],
      ['1 MB report', 1024 * 1024, 20, 300],
    ] as const) {
      const text = reportOfSize(bytes);
      const uri = fileUri(path.join(dir, `${label.replace(/\W+/g, '-')}.md`));
      await open(c, uri, text);
      await c.diagnosticsFor(uri, () => true, 60_000);
      await edits(c, uri, text, 5, 2); // warm-up
      const times = await edits(c, uri, text, runs, 7);
      const p95 = percentile(times, 95);
      log(`${`LSP ${label} (${(text.length / 1024).toFixed(0)} KiB): edit to diagnostics, p50 / p95 ms`.padEnd(62)} ${percentile(times, 50).toFixed(1).padStart(6)} / ${p95.toFixed(1)}  (target p95 < ${target})  ${p95 < target ? 'ok' : 'MISSED'}`);
      await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    const text = reportOfSize(10 * 1024, 8);
    const uri = fileUri(path.join(dir, 'memory.md'));
    await open(c, uri, text);
    await c.diagnosticsFor(uri);
    await edits(c, uri, text, 100, 2);
    const at100 = await heap(c);
    await edits(c, uri, text, 900, 102);
    const at1000 = await heap(c);
    const mib = (b: number): string => (b / 2 ** 20).toFixed(1);
    log(`${'LSP memory, heap after 100 / 1,000 edits of a 10 KB report (MiB)'.padEnd(62)} ${mib(at100.heapUsed).padStart(6)} / ${mib(at1000.heapUsed)}  (rss ${mib(at100.rss)} / ${mib(at1000.rss)})  ${at1000.heapUsed < at100.heapUsed * 1.5 ? 'flat' : 'GROWS'}`);
    await stop(c);
  } finally {
    if (c.child.exitCode === null) c.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchLsp();
