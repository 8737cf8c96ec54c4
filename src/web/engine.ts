/**
 * The checks a browser host runs, on the engine API (`lint()` in
 * src/api.ts, with no file system: the config is the JSON box's object):
 * lint, fix all (the `--fix` loop) and the text to paste into Bugzilla (the
 * `--for-bugzilla` stripping, src/parse/posting.ts). The Web Worker and the
 * extension's content script both call `check()`.
 */
import { lint, type ConfigObject } from '../api.js';
import { parseJsonc } from '../config/read.js';
import { ConfigError, clause } from '../errors.js';
import { parseReport } from '../parse/index.js';
import { posting } from '../parse/posting.js';
import type { TemplateId } from '../templates.js';
import type { LintAnswer, LintRequest } from './protocol.js';

/** The name the config box's errors carry, as a file's would. */
export const CONFIG_NAME = 'config';

/** The config box's text as a config object: blank is the defaults; JSON with comments, as `.irlintrc.json`. */
export function configFrom(text: string): ConfigObject | undefined {
  if (text.trim() === '') return undefined;
  const data = parseJsonc(text, CONFIG_NAME);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError('expected an object such as { "rules": { "timeline-order": "warn" } }', CONFIG_NAME);
  return data as ConfigObject;
}

/** A config problem as one line (the message already names the key path or the line and column). */
function configMessage(error: ConfigError): string {
  return error.message;
}

/** Lint (or fix, or strip for Bugzilla) one text under the given settings. Never throws: a problem is one line in the answer. */
export async function check(request: LintRequest, clock: () => Date = () => new Date()): Promise<LintAnswer> {
  const answer: LintAnswer = { seq: request.seq, type: request.type };
  let config: ConfigObject | undefined;
  try {
    config = configFrom(request.config);
  } catch (error) {
    answer.configError = error instanceof ConfigError ? configMessage(error) : clause(error);
    return answer;
  }
  try {
    const input: Parameters<typeof lint>[0] = { text: request.text, filePath: request.filePath };
    if (request.now.trim() !== '') input.now = request.now.trim();
    if (config) input.config = config;
    if (request.template && request.template !== 'auto') input.template = request.template as TemplateId;
    if (request.type === 'fix-all') input.fix = true;
    answer.result = await lint(input, { clock });
    if (request.type === 'posting' && !answer.result.fatalError) answer.posting = posting(parseReport(request.text)).text;
  } catch (error) {
    if (error instanceof ConfigError) answer.configError = configMessage(error);
    else answer.error = clause(error);
  }
  return answer;
}
