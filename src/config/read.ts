/**
 * Reading a config file: bytes → plain data. JSON with comments
 * (.irlintrc.json), strict JSON (package.json, its "ir-lint" key) and YAML
 * (.irlintrc.yaml, .irlintrc.yml), each error at its line and column. What
 * the data means is checked afterwards (src/config/validate.ts).
 */
import path from 'node:path';
import { clause, ConfigError, errnoCode, errnoText, formatSize } from '../errors.js';
import type { Io } from '../io.js';
import { jsonc, yaml } from '../lazy.js';

export const PACKAGE_JSON_KEY = 'ir-lint';
/** A configuration is a few KB; anything this large is the wrong file. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

/** How config files are read: through the Io, named in messages by `show` (relative to cwd when under it). */
export interface ConfigReader {
  io: Io;
  show(abs: string): string;
}

/** Line and column (1-based) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}

/** Copy parsed data without `__proto__` keys, so nothing can reach a prototype. */
export function sanitize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__') continue;
      out[k] = sanitize(v);
    }
    return out;
  }
  return value;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /at position (\d+)/.exec(message);
    const reason = message.replace(/(?<!\s)\s*in JSON at position \d+.*$/s, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of the file');
    const where = pos ? lineColumn(text, Number(pos[1])) : undefined;
    const at = where ? `line ${where.line}, column ${where.column}: ` : '';
    throw new ConfigError(`${at}invalid JSON: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, file);
  }
}

/** What jsonc-parser's error codes mean, in the words of the other config messages. */
const JSONC_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'unexpected text after the end of the configuration',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'a /* comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (a raw control character)',
};

/**
 * JSON with comments, as ESLint's and markdownlint's JSON configs allow: `//`
 * and block comments and trailing commas. The first error is reported at its
 * line and column. package.json stays strict JSON (parseJson).
 */
export function parseJsonc(text: string, file: string): unknown {
  const { parse, printParseErrorCode } = jsonc();
  const errors: Array<{ error: number; offset: number; length: number }> = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const where = lineColumn(text, first.offset);
    const code = printParseErrorCode(first.error as Parameters<typeof printParseErrorCode>[0]);
    throw new ConfigError(`line ${where.line}, column ${where.column}: invalid JSON: ${JSONC_ERRORS[code] ?? code}`, file);
  }
  return value;
}

function parseYaml(text: string, file: string): unknown {
  // Core schema, no custom tags, no merge keys: plain data only. YAML counts a
  // lone CR as a line break; the parser does not: give it LF (lines and
  // columns in its messages stay the same).
  const doc = yaml().parseDocument(text.replace(/\r\n?/g, '\n'), { schema: 'core', customTags: [], merge: false, uniqueKeys: true, prettyErrors: true, strict: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const where = problem.linePos?.[0];
    const at = where ? `line ${where.line}, column ${where.col}: ` : '';
    throw new ConfigError(`${at}invalid YAML: ${problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '')}`, file);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(`invalid YAML: ${clause(error)}`, file);
  }
}

/** `searching`: a candidate the search cannot stat (a directory we may not enter) is taken as absent. */
export async function statKind(r: ConfigReader, p: string, searching = false): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    return (await r.io.stat(p)).kind;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR' || searching) return undefined;
    throw new ConfigError(`cannot read: ${errnoText(error)}`, r.show(p));
  }
}

function tooLarge(size: number): string {
  return `the file is ${formatSize(size)}, over the ${formatSize(MAX_CONFIG_SIZE)} limit for a configuration; is this the right file?`;
}

async function readText(r: ConfigReader, p: string): Promise<string> {
  const kind = await statKind(r, p);
  if (kind === undefined) throw new ConfigError(`cannot read: ${errnoText({ code: 'ENOENT' })}`, r.show(p));
  if (kind === 'directory') throw new ConfigError('is a directory; name a config file such as .irlintrc.json', r.show(p));
  if (kind !== 'file') throw new ConfigError('is not a regular file', r.show(p));
  const size = (await r.io.stat(p)).size;
  if (size > MAX_CONFIG_SIZE) throw new ConfigError(tooLarge(size), r.show(p));
  let bytes: Uint8Array;
  try {
    bytes = await r.io.readFile(p);
  } catch (error) {
    throw new ConfigError(`cannot read: ${errnoText(error)}`, r.show(p));
  }
  if (bytes.length > MAX_CONFIG_SIZE) throw new ConfigError(tooLarge(bytes.length), r.show(p));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError('is not valid UTF-8 text', r.show(p));
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * A config file's text as plain data (`__proto__` keys dropped); undefined
 * for a package.json without the "ir-lint" key, unless it was named
 * (`explicit`), which is an error.
 */
export async function readConfigData(r: ConfigReader, p: string, explicit: boolean): Promise<unknown> {
  const text = await readText(r, p);
  const name = path.basename(p);
  const file = r.show(p);
  if (text.trim() === '') {
    throw new ConfigError(`the file is empty; write ${name.endsWith('.json') ? '{}' : '{} (or rules: {})'} for a configuration that changes nothing, or delete it`, file);
  }
  const data = sanitize(name === 'package.json' ? parseJson(text, file) : /\.json$/i.test(name) ? parseJsonc(text, file) : parseYaml(text, file));
  if (name === 'package.json') {
    const pkg = data as Record<string, unknown> | null;
    if (pkg === null || typeof pkg !== 'object' || !(PACKAGE_JSON_KEY in pkg)) {
      if (explicit) throw new ConfigError(`has no "${PACKAGE_JSON_KEY}" key`, file);
      return undefined;
    }
    return pkg[PACKAGE_JSON_KEY];
  }
  return data;
}
