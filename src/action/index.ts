/**
 * Entry of the GitHub Action (action.yml runs the bundle of this file,
 * dist/action/index.cjs, with the runner's own Node): the real Io plus
 * appending to a file, run, set the exit code. Like src/cli/bin.ts, the only
 * place that sets process.exitCode; nothing here calls process.exit().
 */
import { promises as fs } from 'node:fs';
import { Settings } from 'luxon';
import { nodeIo } from '../cli/node-io.js';
import { runAction } from './run.js';

export async function run(): Promise<void> {
  Settings.defaultLocale = 'en-US';
  const io = nodeIo();
  try {
    process.exitCode = await runAction({
      ...io,
      // The runner creates the summary file; a missing directory is an error worth seeing.
      appendFile: (p, text) => fs.appendFile(p, text, 'utf8'),
      async ensureDir(dir) {
        await fs.mkdir(dir, { recursive: true });
      },
    });
  } catch (error) {
    process.stderr.write(`ir-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

void run();
