/**
 * Entry of the language server bundle (dist/ir-lint-lsp.cjs, built by
 * scripts/bundle.mjs): `ir-lint --lsp` loads it on demand (src/lazy.ts), so
 * that a plain lint run does not pay for the protocol library.
 */
import { Readable, Writable } from 'node:stream';
import { Settings } from 'luxon';
import type { Io } from '../io.js';
import { serve, type ServeOptions } from './server.js';

export { serve, type ServeOptions } from './server.js';

/**
 * Serve over the Io's stdin and stdout: the process's own streams, or, with
 * an Io that has none (tests' in-memory Io), what `readStdin()` gives, with
 * the replies written through `stdout`.
 */
export function startServer(io: Io, options: Omit<ServeOptions, 'io' | 'input' | 'output'> = {}): Promise<number> {
  // As in src/cli/bin.ts: ISO dates only, no probe of the system locale (this bundle has its own luxon).
  Settings.defaultLocale = 'en-US';
  const streams = io.stdio ? io.stdio() : memoryStreams(io);
  return serve({ ...options, io, ...streams });
}

function memoryStreams(io: Io): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } {
  const input = new Readable({ read() {} });
  io.readStdin().then(
    (bytes) => {
      if (bytes.length > 0) input.push(Buffer.from(bytes));
      input.push(null);
    },
    (error: unknown) => input.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      io.stdout(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  return { input, output };
}
