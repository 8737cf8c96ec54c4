/**
 * A language client over stdio, as editors are: spawns the built
 * `bin/ir-lint.js --lsp --stdio` and speaks JSON-RPC to it with
 * vscode-jsonrpc. Diagnostics are collected per document URI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.join(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'ir-lint.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>; changes?: Record<string, TextEdit[]> };
}

export interface LspClient {
  connection: MessageConnection;
  child: ChildProcess;
  /** Every publishDiagnostics, in arrival order. */
  published: Published[];
  /** Every window/showMessage. */
  messages: Array<{ type: number; message: string }>;
  /** client/registerCapability requests the server made. */
  registrations: unknown[];
  stderr: () => string;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept`. */
  diagnosticsFor(uri: string, accept?: (p: Published) => boolean, timeoutMs?: number): Promise<Published>;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

export const fileUri = (p: string): string => pathToFileURL(p).href;

export function startClient(args: string[] = ['--lsp', '--stdio'], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): LspClient {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
  const published: Published[] = [];
  const messages: Array<{ type: number; message: string }> = [];
  const registrations: unknown[] = [];
  const waiters: Array<{ uri: string; accept: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    messages.push(m);
  });
  connection.onRequest('client/registerCapability', (params: unknown) => {
    registrations.push(params);
    return null;
  });
  connection.listen();
  return {
    connection,
    child,
    published,
    messages,
    registrations,
    stderr: () => err,
    exited,
    diagnosticsFor(uri, accept = () => true, timeoutMs = 15000) {
      const seen = published.find((p) => p.uri === uri && accept(p));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
        waiters.push({
          uri,
          accept,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
  };
}

/** The capabilities a modern editor announces (watchers registered dynamically, versioned edits). */
export const CLIENT_CAPABILITIES = {
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true }, codeAction: { dataSupport: true } },
};

export async function initialize(client: LspClient, rootDir: string): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
  const result = await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(rootDir), capabilities: CLIENT_CAPABILITIES, workspaceFolders: [{ uri: fileUri(rootDir), name: 'w' }] });
  await client.connection.sendNotification('initialized', {});
  return result as { capabilities: Record<string, unknown> };
}

export function open(client: LspClient, uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
  return client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** Apply LSP text edits to a text (offsets by UTF-16 code units, as the protocol counts). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }): number => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** shutdown, exit, and the process's exit code. */
export async function stop(client: LspClient): Promise<number | null> {
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  const code = await client.exited;
  client.connection.dispose();
  return code;
}
