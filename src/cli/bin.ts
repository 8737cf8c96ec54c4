/**
 * Process entry: build the real Io, run main, set the exit code. The only
 * place that sets process.exitCode.
 */
import { main } from './main.js';
import { nodeIo } from './node-io.js';

export async function run(): Promise<void> {
  const io = nodeIo();
  try {
    process.exitCode = await main(io);
  } catch (error) {
    const debug = process.argv.includes('--debug');
    process.stderr.write(`ir-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}
