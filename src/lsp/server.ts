/**
 * The language server (`ir-lint --lsp`): another host of the engine API.
 * Each open document is linted with `lint()` (src/api.ts) under the nearest
 * config file, as the CLI lints a file on disk, and its findings are
 * published as diagnostics: on open and save at once, on change after a
 * short pause in typing (the newest version wins; a result for a version
 * the editor has moved past is dropped). Each rule fix is a `quickfix`
 * code action, and `source.fixAll.ir-lint` runs the `--fix` loop on the
 * buffer. Config files are cached until the client reports that one
 * changed; a config that does not validate is shown once as an error
 * message, and its documents get no diagnostics until it is fixed.
 *
 * File access goes through the `Io` it is given (the CLI's node Io), the
 * protocol through the two streams.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  Emitter,
  ExitNotification,
  MessageType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type MessageReader,
  type MessageWriter,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rules as builtinRules } from '../../rules/index.js';
import { lint } from '../api.js';
import { createConfigResolver, type ConfigResolver } from '../config/load.js';
import { ConfigError, UsageError } from '../errors.js';
import { applyFixes, adaptLineEndings, lineEndingOf, MAX_FIX_PASSES } from '../engine/fix.js';
import type { Io } from '../io.js';
import { kindOf, type DocumentKind } from '../kinds.js';
import { TOOL_NAME, VERSION } from '../meta.js';
import type { LintMessage } from '../types.js';

/** The pause in typing after which a changed document is linted (vscode-markdownlint waits 500 ms). */
export const DEFAULT_DEBOUNCE_MS = 300;

/** The code action kind of "fix all": `source.fixAll.ir-lint`, as ESLint's server names its own. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${TOOL_NAME}`;

/** The config files a change to which reloads the configuration. */
export const WATCHED_CONFIG_GLOBS = ['**/.irlintrc.json', '**/.irlintrc.yaml', '**/.irlintrc.yml', '**/package.json'];

/** Names the server lints; anything else an editor sends (a JSON file, source code) gets nothing. */
const LINTED_NAME = /\.(?:md|markdown|mdown|mkd|txt|csv|bug\.json)$/i;

export interface ServeOptions {
  /** Files (configs, plugins, Appendix attachments) are read through it. */
  io: Io;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** `--now`: the date rules compare against; default: the clock at each lint. */
  now?: string;
  /** Milliseconds of quiet after a change before it is linted. */
  debounceMs?: number;
}

/** What the server keeps for one open document. */
interface DocState {
  timer?: ReturnType<typeof setTimeout>;
  /** The version whose findings were published last, and those findings. */
  linted?: { version: number; messages: LintMessage[] };
}

/** A diagnostic's `data`: where its fix is in `DocState.linted.messages`. */
interface DiagnosticData {
  version: number;
  index: number;
}

/** The notification the input reader adds after the client's last message when the input ends. */
const INPUT_CLOSED = '$/ir-lint/inputClosed';

/**
 * The client's messages, parsed as they arrive (the LSP base protocol:
 * `Content-Length` headers, then a UTF-8 JSON body), and after the last one,
 * when the input ends, one of ours (INPUT_CLOSED), delivered in that order
 * (the library's stream reader decodes bodies asynchronously, so its close
 * event can overtake the last messages): it is queued behind the messages
 * not yet handled, so that those are answered before the server stops. The
 * connection itself never sees the input close (it would refuse to send
 * from then on).
 */
function closingReader(input: NodeJS.ReadableStream): MessageReader {
  const errors = new Emitter<Error>();
  const never = new Emitter<void>();
  const partial = new Emitter<{ messageToken: number; waitingTime: number }>();
  let buffer = Buffer.alloc(0);
  let ended = false;
  return {
    onError: errors.event,
    onClose: never.event,
    onPartialMessage: partial.event,
    listen(callback) {
      const onData = (chunk: Buffer | string): void => {
        buffer = Buffer.concat([buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd < 0) return;
          const length = /(?:^|\r\n)content-length:[ \t]*(\d{1,10})[ \t]*(?:\r\n|$)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
          if (!length) {
            errors.fire(new Error('a message without a Content-Length header'));
            buffer = buffer.subarray(headerEnd + 4);
            continue;
          }
          const start = headerEnd + 4;
          const bodyEnd = start + Number(length[1]);
          if (buffer.length < bodyEnd) return;
          const body = buffer.subarray(start, bodyEnd).toString('utf8');
          buffer = buffer.subarray(bodyEnd);
          let message: Message;
          try {
            message = JSON.parse(body) as Message;
          } catch {
            errors.fire(new Error('a message that is not JSON'));
            continue;
          }
          callback(message);
        }
      };
      const onEnd = (): void => {
        if (ended) return;
        ended = true;
        callback({ jsonrpc: '2.0', method: INPUT_CLOSED } as Message);
      };
      input.on('data', onData);
      input.on('end', onEnd);
      input.on('close', onEnd);
      input.on('error', onEnd);
      return {
        dispose() {
          input.off('data', onData);
          input.off('end', onEnd);
          input.off('close', onEnd);
          input.off('error', onEnd);
        },
      };
    },
    dispose() {
      errors.dispose();
      never.dispose();
      partial.dispose();
    },
  };
}

/**
 * Messages written to the output at once, in the order sent (the library's
 * stream writer queues them behind a lock), so that the last ones are
 * written when the server returns.
 */
function directWriter(output: NodeJS.WritableStream): MessageWriter {
  const errors = new Emitter<[Error, Message | undefined, number | undefined]>();
  const closes = new Emitter<void>();
  return {
    onError: errors.event,
    onClose: closes.event,
    write(message) {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      output.write(`Content-Length: ${body.length}\r\n\r\n`);
      output.write(body);
      return Promise.resolve();
    },
    end: () => undefined,
    dispose() {
      errors.dispose();
      closes.dispose();
    },
  };
}

const SEVERITY: Record<number, DiagnosticSeverity> = { 2: DiagnosticSeverity.Error, 1: DiagnosticSeverity.Warning };

/** Where a document lives on disk (a `file:` URI), else undefined (an unsaved buffer). */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The name a document is linted under: its path, or for an unsaved buffer the last part of its URI. */
function nameOf(uri: string): string {
  const onDisk = filePathOf(uri);
  if (onDisk !== undefined) return onDisk;
  const cut = uri.search(/[?#]/);
  const bare = cut < 0 ? uri : uri.slice(0, cut);
  const name = bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf(':')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function toDiagnostic(m: LintMessage, uri: string, data?: DiagnosticData): Diagnostic {
  const start = { line: Math.max(0, m.line - 1), character: Math.max(0, m.column - 1) };
  const endLine = Math.max(start.line, (m.endLine ?? m.line) - 1);
  let endCharacter = Math.max(0, (m.endColumn ?? m.column) - 1);
  if (endLine === start.line && endCharacter < start.character) endCharacter = start.character;
  const d: Diagnostic = {
    range: { start, end: { line: endLine, character: endCharacter } },
    severity: SEVERITY[m.severity] ?? DiagnosticSeverity.Warning,
    source: TOOL_NAME,
    message: m.message,
  };
  if (m.ruleId) d.code = m.ruleId;
  if (m.url) d.codeDescription = { href: m.url };
  if (m.related && m.related.length > 0) {
    d.relatedInformation = m.related.map((r) => {
      const at = { line: Math.max(0, r.line - 1), character: Math.max(0, r.column - 1) };
      return { location: { uri, range: { start: at, end: at } }, message: r.message };
    });
  }
  if (data) d.data = data;
  return d;
}

/**
 * Run the server until the client sends `exit` (exit code 0 after
 * `shutdown`, 1 without, as the protocol says) or closes its end of the
 * input (0: nothing here failed).
 */
export async function serve(options: ServeOptions): Promise<number> {
  const { io } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  // A reader and a writer, not the streams: given streams, the library ends the process itself when input ends.
  const connection: Connection = createConnection(closingReader(options.input), directWriter(options.output));
  /** Lints and code actions under way: a closed input waits for them. */
  const busy = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    busy.add(p);
    void p.finally(() => busy.delete(p));
    return p;
  };
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  let resolver: ConfigResolver = createConfigResolver(io, { builtins: builtinRules });
  /** Config problems already shown to the user (each once, until a config file changes). */
  const shown = new Set<string>();
  let canRegisterWatchers = false;
  let documentChanges = false;
  let shutdown = false;

  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });

  const showOnce = (text: string): void => {
    if (shown.has(text)) return;
    shown.add(text);
    void connection.sendNotification('window/showMessage', { type: MessageType.Error, message: text });
  };

  /** The findings for a document's text as it is now, or undefined when it gets none (not a report, ignored, a bad config). */
  async function findings(doc: TextDocument): Promise<LintMessage[] | undefined> {
    const name = nameOf(doc.uri);
    if (!LINTED_NAME.test(name)) return undefined;
    const filePath = filePathOf(doc.uri);
    const text = doc.getText();
    const kind: DocumentKind = kindOf(name, text);
    try {
      let named = false;
      if (filePath !== undefined) {
        const fc = await resolver.forFile(filePath);
        if (fc.ignored) return undefined;
        // A config that names the template says the files under it are reports.
        named = fc.config.template !== 'auto';
      }
      const input = { text, filePath: filePath ?? name, kind, ...(options.now !== undefined ? { now: options.now } : {}) };
      const result = filePath !== undefined ? await lint({ ...input, config: 'file' }, { io, resolver, clock: io.now }) : await lint(input, { clock: io.now });
      // A Markdown file that is not an incident report (a README) gets nothing, unless its config says it is one.
      if (kind === 'report' && !named && result.messages.some((m) => m.ruleId === 'report-template')) return undefined;
      return result.messages;
    } catch (error) {
      if (error instanceof ConfigError) showOnce(`${TOOL_NAME}: invalid configuration${error.file ? ` in ${error.file}` : ''}: ${error.message}`);
      else if (error instanceof UsageError) showOnce(`${TOOL_NAME}: ${error.message}`);
      else showOnce(`${TOOL_NAME}: internal error on ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** Lint a document now and publish its diagnostics, unless the editor has moved on to a newer version meanwhile. */
  async function lintNow(uri: string): Promise<void> {
    const state = states.get(uri);
    const doc = documents.get(uri);
    if (!state || !doc) return;
    if (state.timer) clearTimeout(state.timer);
    delete state.timer;
    const version = doc.version;
    const messages = await findings(doc);
    // Stale: a newer version is in the editor (its own lint is scheduled) or the document was closed.
    if (states.get(uri) !== state || documents.get(uri)?.version !== version) return;
    state.linted = { version, messages: messages ?? [] };
    const diagnostics = (messages ?? []).map((m, index) => toDiagnostic(m, uri, m.fix ? { version, index } : undefined));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string): void {
    const state = states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => void track(lintNow(uri)), debounceMs);
  }

  /** The findings for the document's current version: the published ones, or a fresh lint. */
  async function current(doc: TextDocument): Promise<LintMessage[]> {
    const state = states.get(doc.uri);
    if (state?.linted && state.linted.version === doc.version) return state.linted.messages;
    return (await findings(doc)) ?? [];
  }

  function edit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
    return { changes: { [doc.uri]: edits } };
  }

  function quickFix(doc: TextDocument, m: LintMessage, diagnostic: Diagnostic, eol: '\n' | '\r\n'): CodeAction | undefined {
    if (!m.fix) return undefined;
    const [start, end] = m.fix.range;
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    return {
      title: `Fix this ${m.ruleId ?? TOOL_NAME} problem`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: edit(doc, [{ range, newText: adaptLineEndings(m.fix.text, eol) }]),
    };
  }

  /** The `--fix` loop on the buffer: one edit replacing the text, or undefined when nothing changes. */
  async function fixAll(doc: TextDocument): Promise<CodeAction | undefined> {
    const source = doc.getText();
    let text = source;
    let messages = await current(doc);
    const seen = new Set([text]);
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      if (messages.some((m) => m.fatal) || !messages.some((m) => m.fix)) break;
      const { output } = applyFixes(text, messages);
      if (seen.has(output)) break;
      seen.add(output);
      text = output;
      const next = TextDocument.create(doc.uri, doc.languageId, doc.version, text);
      messages = (await findings(next)) ?? [];
    }
    if (text === source) return undefined;
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(source.length) };
    return { title: `Fix all ${TOOL_NAME} problems`, kind: FIX_ALL_KIND, edit: edit(doc, [{ range, newText: text }]) };
  }

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const out: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const messages = await current(doc);
      if (documents.get(doc.uri)?.version !== doc.version) return [];
      const eol = lineEndingOf(doc.getText());
      const version = states.get(doc.uri)?.linted?.version;
      const used = new Set<number>();
      // The diagnostics the client sends back carry the index of their finding (when from this version).
      for (const d of params.context.diagnostics) {
        if (d.source !== TOOL_NAME) continue;
        const data = d.data as Partial<DiagnosticData> | undefined;
        const index = data && data.version === doc.version && version === doc.version && typeof data.index === 'number' ? data.index : messages.findIndex((m) => m.fix && m.ruleId === d.code && m.line - 1 === d.range.start.line && m.column - 1 === d.range.start.character);
        const m = messages[index];
        if (index < 0 || !m || used.has(index)) continue;
        used.add(index);
        const action = quickFix(doc, m, d, eol);
        if (action) out.push(action);
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const action = await fixAll(doc);
      if (action) out.push(action);
    }
    return out;
  }

  function relintAll(): void {
    for (const uri of states.keys()) void track(lintNow(uri));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: TOOL_NAME, version: VERSION },
    };
  });
  connection.onInitialized(() => {
    if (!canRegisterWatchers) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_CONFIG_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => /(?:^|[/\\])(?:\.irlintrc\.(?:json|ya?ml)|package\.json)$/.test(nameOf(c.uri)))) return;
    resolver = createConfigResolver(io, { builtins: builtinRules });
    shown.clear();
    relintAll();
  });
  // A client without watchers (or one watching only its workspace): a saved config file in the editor reloads too.
  documents.onDidSave((e) => {
    if (/(?:^|[/\\])(?:\.irlintrc\.(?:json|ya?ml)|package\.json)$/.test(nameOf(e.document.uri))) {
      resolver = createConfigResolver(io, { builtins: builtinRules });
      shown.clear();
      relintAll();
      return;
    }
    void track(lintNow(e.document.uri));
  });
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (!states.has(uri)) {
      states.set(uri, {});
      void track(lintNow(uri));
    } else {
      schedule(uri);
    }
  });
  documents.onDidClose((e) => {
    const state = states.get(e.document.uri);
    if (state?.timer) clearTimeout(state.timer);
    states.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onCodeAction((params) => track(codeActions(params)));
  connection.onShutdown(() => {
    shutdown = true;
    for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
  });
  // The library's own exit handler ends the process; this host returns the code to its caller instead.
  connection.onNotification(ExitNotification.type, () => finish(shutdown ? 0 : 1));
  connection.onNotification(INPUT_CLOSED, async () => {
    while (busy.size > 0) await Promise.allSettled([...busy]);
    finish(0);
  });
  // A client that went away (EPIPE) ends the session as a closed input does.
  options.output.on('error', () => finish(0));
  documents.listen(connection);
  connection.listen();

  const code = await finished;
  for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
  states.clear();
  // Everything sent reaches the client before the host ends the process.
  await new Promise<void>((resolve) => options.output.write('', () => resolve()));
  connection.dispose();
  return code;
}
