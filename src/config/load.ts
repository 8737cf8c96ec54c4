/**
 * Config files: find, read, parse, validate, load plugins.
 *
 * Search: from the linted file's directory upwards to the filesystem root,
 * the first directory holding one of CONFIG_FILE_NAMES wins (in that order
 * within a directory; a package.json counts only when it has an "ir-lint"
 * key). The nearest config is the whole config: files are not merged.
 * `--config <path>` uses that file for every linted file; `--no-config`
 * uses none. `--rule` flags apply on top.
 *
 * Everything is read through the Io. A config is rejected (ConfigError,
 * exit 2) before any file is linted, with the file and the key path.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import '../options.js'; // zod messages in English
import { clause, ConfigError, errnoCode, formatSize } from '../errors.js';
import type { Io } from '../io.js';
import { TEMPLATE_IDS, type TemplateId } from '../templates.js';
import type { OptionsSchema, ResolvedRule, Rule } from '../types.js';
import { jsonc, picomatch, yaml } from '../lazy.js';
import { once } from '../memo.js';
import {
  applyRuleFlags,
  defaultConfig,
  describeIssue,
  describeValue,
  didYouMean,
  formatKeyPath,
  optionKeys,
  resolveRules,
  type ResolvedConfig,
  type RuleSetting,
  type SeveritySetting,
} from './index.js';

export const CONFIG_FILE_NAMES = ['.irlintrc.json', '.irlintrc.yaml', '.irlintrc.yml', 'package.json'] as const;
export const PACKAGE_JSON_KEY = 'ir-lint';
/** A configuration is a few KB; anything this large is the wrong file. */
export const MAX_CONFIG_SIZE = 1024 * 1024;
const TOP_LEVEL_KEYS = ['$schema', 'template', 'rules', 'plugins', 'ignores', 'caAccounts'];
/** A Bugzilla login (its e-mail address), or `@domain` for every login there. */
const CA_ACCOUNT = /^(?:[^\s@]{1,200})?@[^\s@]{1,200}$/;
const KEBAB_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The raw shape of a config file (rule entries are checked one by one afterwards). */
// Built on first use: most runs have no config file and no plugins.
const ConfigFileSchema = once(() => z.strictObject({
  $schema: z.optional(z.string()),
  template: z.optional(z.string()),
  rules: z.optional(z.record(z.string(), z.unknown())),
  plugins: z.optional(z.array(z.string())),
  ignores: z.optional(z.array(z.string().check(z.minLength(1)))),
  // Bug threads: the Bugzilla logins on the CA's side besides the assignee.
  caAccounts: z.optional(z.array(z.string().check(z.refine((v) => CA_ACCOUNT.test(v.trim()), { message: 'expected a Bugzilla login (an e-mail address such as ca@example.com) or @domain for every login there' })))),
}));

/** What a run needs to know about the config that applies to one file. */
export interface FileConfig {
  config: ResolvedConfig;
  /** Enabled rules with validated options. */
  rules: ResolvedRule[];
  /** Every rule id this config knows (built-in and its plugins), enabled or not. */
  known: ReadonlyMap<string, Rule>;
  /** The file matches an `ignores` pattern of its config. */
  ignored: boolean;
  /** Absolute path of the config file, when one applies. */
  configPath?: string;
}

export interface ConfigResolverOptions {
  builtins: readonly Rule[];
  /** `--config <path>`, or false for `--no-config`. */
  config?: string | false;
  /** `--rule id:severity` flags. */
  ruleFlags?: string[];
  /**
   * A config given as data, not read from a file (the `lint()` API's
   * `config`): it is validated as a config file would be, and named `name`
   * in messages. Its plugins are found relative to `io.cwd`.
   */
  inline?: { data: unknown; name: string };
}

export interface ConfigResolver {
  /** The config for a file path (relative to cwd or absolute). */
  forFile(filePath: string): Promise<FileConfig>;
  /** The config that applies in a directory (for --list-rules and --explain). */
  forDirectory(dir: string): Promise<FileConfig>;
  /** Every rule loaded so far: built-ins, then plugin rules in load order. */
  readonly allRules: ReadonlyMap<string, Rule>;
}

interface LoadedFile {
  path: string;
  dir: string;
  template: 'auto' | TemplateId;
  rules: Map<string, RuleSetting>;
  plugins: string[];
  pluginRules: Rule[];
  ignores: string[];
  caAccounts?: string[];
  isIgnored: (relPath: string) => boolean;
}

function ioReason(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error);
  }
}

/** Line and column (1-based) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}

/** Copy parsed data without `__proto__` keys, so nothing can reach a prototype. */
function sanitize(value: unknown): unknown {
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
function parseJsonc(text: string, file: string): unknown {
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

function parseSeverityStrict(value: unknown): SeveritySetting | undefined {
  if (value === 'off' || value === 0) return 0;
  if (value === 'warn' || value === 1) return 1;
  if (value === 'error' || value === 2) return 2;
  return undefined;
}

function isRuleExport(v: unknown): boolean {
  return v !== null && typeof v === 'object' && 'meta' in v && 'check' in v;
}

const PluginRuleShape = once(() => z.object({
  meta: z.looseObject({
    id: z.string().check(z.regex(KEBAB_ID, 'must be a kebab-case id such as "acme-internal-hostname"')),
    description: z.string().check(z.minLength(1, 'must be one sentence')),
    tags: z.optional(z.array(z.string())),
    severity: z.enum(['warn', 'error']),
    fixable: z.optional(z.boolean()),
    messages: z.record(z.string(), z.string()).check(z.refine((m) => Object.keys(m).length > 0, 'must name at least one message')),
    options: z.optional(z.custom<OptionsSchema<unknown>>((v) => v !== null && typeof v === 'object' && typeof (v as { safeParse?: unknown }).safeParse === 'function', 'must be a zod schema')),
    rationale: z.optional(z.string()),
    source: z.optional(z.string()),
    examples: z.optional(z.array(z.unknown())),
    url: z.optional(z.string()),
  }),
  check: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'must be a function check(report, ctx)'),
}));

/** Builds the resolver used for a whole run; caches per directory and per config file. */
export function createConfigResolver(io: Io, options: ConfigResolverOptions): ConfigResolver {
  const builtins = options.builtins;
  const builtinIds = new Map(builtins.map((r) => [r.meta.id, r]));
  const allRules = new Map<string, Rule>(builtinIds);
  const pluginOrigin = new Map<string, string>();
  const flags = options.ruleFlags ?? [];
  const found = new Map<string, Promise<string | undefined>>();
  const loaded = new Map<string, Promise<LoadedFile>>();
  const resolved = new Map<string, Promise<Omit<FileConfig, 'ignored'> & { file?: LoadedFile }>>();
  const modules = new Map<string, Promise<Rule[]>>();
  // An inline config stands where a config file in the working directory would.
  const inlinePath = path.join(io.cwd, '<inline config>');

  const show = (abs: string): string => {
    if (options.inline !== undefined && abs === inlinePath) return options.inline.name;
    const rel = path.relative(io.cwd, abs);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
  };

  /** `searching`: a candidate the search cannot stat (a directory we may not enter) is taken as absent. */
  async function statKind(p: string, searching = false): Promise<'file' | 'directory' | 'other' | undefined> {
    try {
      return (await io.stat(p)).kind;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR' || searching) return undefined;
      throw new ConfigError(`cannot read: ${ioReason(error)}`, show(p));
    }
  }

  async function readText(p: string): Promise<string> {
    const kind = await statKind(p);
    if (kind === undefined) throw new ConfigError('cannot read: no such file', show(p));
    if (kind === 'directory') throw new ConfigError('is a directory; name a config file such as .irlintrc.json', show(p));
    if (kind !== 'file') throw new ConfigError('is not a regular file', show(p));
    const size = (await io.stat(p)).size;
    if (size > MAX_CONFIG_SIZE) {
      throw new ConfigError(`the file is ${formatSize(size)}, over the ${formatSize(MAX_CONFIG_SIZE)} limit for a configuration; is this the right file?`, show(p));
    }
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(p);
    } catch (error) {
      throw new ConfigError(`cannot read: ${ioReason(error)}`, show(p));
    }
    if (bytes.length > MAX_CONFIG_SIZE) {
      throw new ConfigError(`the file is ${formatSize(bytes.length)}, over the ${formatSize(MAX_CONFIG_SIZE)} limit for a configuration; is this the right file?`, show(p));
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ConfigError('is not valid UTF-8 text', show(p));
    }
    return text.replace(/^\uFEFF/, '');
  }

  /** Parse a config file's text into plain data (undefined: a package.json without the key). */
  async function readData(p: string, explicit: boolean): Promise<unknown> {
    const text = await readText(p);
    const name = path.basename(p);
    if (text.trim() === '') {
      throw new ConfigError(`the file is empty; write ${name.endsWith('.json') ? '{}' : '{} (or rules: {})'} for a configuration that changes nothing, or delete it`, show(p));
    }
    const data = sanitize(name === 'package.json' ? parseJson(text, show(p)) : /\.json$/i.test(name) ? parseJsonc(text, show(p)) : parseYaml(text, show(p)));
    if (name === 'package.json') {
      const pkg = data as Record<string, unknown> | null;
      if (pkg === null || typeof pkg !== 'object' || !(PACKAGE_JSON_KEY in pkg)) {
        if (explicit) throw new ConfigError(`has no "${PACKAGE_JSON_KEY}" key`, show(p));
        return undefined;
      }
      return pkg[PACKAGE_JSON_KEY];
    }
    return data;
  }

  async function findConfig(dir: string): Promise<string | undefined> {
    const cached = found.get(dir);
    if (cached) return cached;
    const promise = (async () => {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(dir, name);
        const kind = await statKind(candidate, true);
        if (kind === undefined) continue;
        if (name === 'package.json') {
          if (kind !== 'file') continue;
          const data = await readData(candidate, false);
          if (data === undefined) continue;
        }
        return candidate;
      }
      const parent = path.dirname(dir);
      return parent === dir ? undefined : findConfig(parent);
    })();
    found.set(dir, promise);
    return promise;
  }

  async function loadPlugin(spec: string, index: number, file: string, dir: string): Promise<Rule[]> {
    const keyPath = formatKeyPath(['plugins', index]);
    const fail = (text: string): never => {
      throw new ConfigError(`${keyPath}: ${text}`, file, keyPath);
    };
    if (!(spec.startsWith('./') || spec.startsWith('../') || path.isAbsolute(spec))) {
      fail(`"${spec}" is not a local path; plugins are local modules named relative to the config file, e.g. "./rules/house-rules.mjs"`);
    }
    const abs = path.resolve(dir, spec);
    const cached = modules.get(abs);
    if (cached) return cached;
    const promise = (async () => {
      const kind = await statKind(abs);
      if (kind === undefined) fail(`cannot find plugin "${spec}" (looked for ${show(abs)})`);
      if (kind !== 'file') fail(`plugin "${spec}" is not a file (${show(abs)})`);
      let mod: unknown;
      try {
        mod = await io.importModule(abs);
      } catch (error) {
        // A house rule imports the package; Node looks for it from the plugin's folder, which a global install is not in.
        const code = (error as { code?: string } | null)?.code;
        if (code === 'ERR_MODULE_NOT_FOUND' && /(?:package|module) '(?:ir-lint)(?:\/[^']*)?' imported from/.test(clause(error))) {
          fail(`cannot load plugin "${spec}": it imports "ir-lint", which Node cannot find from the plugin's folder; install ir-lint in that project (npm install --save-dev <the git URL or tarball you installed it from>), or, with a global install, link it there with "npm link ir-lint"`);
        }
        fail(`cannot load plugin "${spec}": ${clause(error)}`);
      }
      const m = mod as Record<string, unknown>;
      const exported = m['default'] ?? m['rules'];
      let list: unknown[];
      if (Array.isArray(exported)) list = exported;
      else if (isRuleExport(exported)) list = [exported];
      else if (exported !== null && typeof exported === 'object' && Array.isArray((exported as { rules?: unknown }).rules)) list = (exported as { rules: unknown[] }).rules;
      else {
        return fail(`plugin "${spec}" must export default a rule, an array of rules or { rules: [...] } (found ${describeValue(exported)})`);
      }
      if (list.length === 0) fail(`plugin "${spec}" exports no rules`);
      return list.map((raw, n) => {
        const checked = PluginRuleShape().safeParse(raw);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          const where = formatKeyPath(issue?.path ?? []);
          const id = (raw as { meta?: { id?: unknown } } | null)?.meta?.id;
          fail(`plugin "${spec}", rule ${typeof id === 'string' ? `"${id}"` : `#${n + 1}`}: ${where ? `${where} ` : ''}${issue ? describeIssue(issue as Parameters<typeof describeIssue>[0], raw).text.replace(/^Invalid input: /, '') : 'is not a rule'}`);
        }
        const rule = raw as Rule;
        // Plugin rules may leave out what only the built-in docs need; without a docs URL, the module itself is the docs.
        const meta = { ...rule.meta, tags: rule.meta.tags ?? [], rationale: rule.meta.rationale ?? '', source: rule.meta.source ?? '', examples: rule.meta.examples ?? [], url: rule.meta.url ?? pathToFileURL(abs).href };
        return { meta, check: (report, ctx) => rule.check(report, ctx) } satisfies Rule;
      });
    })();
    modules.set(abs, promise);
    return promise;
  }

  async function loadFile(p: string, explicit: boolean): Promise<LoadedFile> {
    const cached = loaded.get(p);
    if (cached) return cached;
    const promise = (async (): Promise<LoadedFile> => {
      const file = options.inline !== undefined && p === inlinePath ? options.inline.name : show(p);
      const dir = path.dirname(p);
      const data = options.inline !== undefined && p === inlinePath ? sanitize(options.inline.data) : await readData(p, explicit);
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new ConfigError(`expected an object with "rules", "template", "plugins" or "ignores"; found ${describeValue(data)}`, file);
      }
      const parsed = ConfigFileSchema().safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0] as Parameters<typeof describeIssue>[0];
        const { keyPath, text } = describeIssue(issue, data, [], TOP_LEVEL_KEYS);
        throw new ConfigError(`${keyPath}: ${text}`, file, keyPath);
      }
      const cfg = parsed.data;

      let template: 'auto' | TemplateId = 'auto';
      if (cfg.template !== undefined && cfg.template !== 'auto') {
        if (!(TEMPLATE_IDS as readonly string[]).includes(cfg.template)) {
          const hint = didYouMean(cfg.template, TEMPLATE_IDS);
          throw new ConfigError(`template: unknown template "${cfg.template}"${hint ? `; did you mean "${hint}"?` : ''} (one of: auto, ${TEMPLATE_IDS.join(', ')})`, file, 'template');
        }
        template = cfg.template as TemplateId;
      }

      const pluginRules: Rule[] = [];
      const seen = new Map<string, string>();
      for (const [i, spec] of (cfg.plugins ?? []).entries()) {
        for (const rule of await loadPlugin(spec, i, file, dir)) {
          const id = rule.meta.id;
          const keyPath = formatKeyPath(['plugins', i]);
          if (builtinIds.has(id)) {
            throw new ConfigError(`${keyPath}: plugin "${spec}" defines rule "${id}", which is a built-in rule; give house rules their own prefix (e.g. "acme-${id}")`, file, keyPath);
          }
          const other = seen.get(id);
          if (other !== undefined) throw new ConfigError(`${keyPath}: rule "${id}" is defined twice (in "${other}" and "${spec}")`, file, keyPath);
          const origin = pluginOrigin.get(id);
          const abs = path.resolve(dir, spec);
          if (origin !== undefined && origin !== abs) {
            throw new ConfigError(`${keyPath}: rule "${id}" from "${spec}" has the same id as a rule from ${show(origin)}; rule ids must be unique`, file, keyPath);
          }
          seen.set(id, spec);
          pluginOrigin.set(id, abs);
          allRules.set(id, rule);
          pluginRules.push(rule);
        }
      }

      const known = new Map<string, Rule>([...builtinIds, ...pluginRules.map((r) => [r.meta.id, r] as const)]);
      const rules = new Map<string, RuleSetting>();
      for (const [id, entry] of Object.entries(cfg.rules ?? {})) {
        const keyPath = formatKeyPath(['rules', id]);
        const rule = known.get(id);
        if (!rule) {
          const hint = didYouMean(id, known.keys());
          throw new ConfigError(`${keyPath}: unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''} (ir-lint --list-rules lists them)`, file, keyPath);
        }
        const tuple = Array.isArray(entry);
        const severityValue = tuple ? entry[0] : entry;
        const severity = parseSeverityStrict(severityValue);
        const sevPath = tuple ? formatKeyPath(['rules', id, 0]) : keyPath;
        if (tuple && (entry.length < 1 || entry.length > 2)) {
          throw new ConfigError(`${keyPath}: expected [severity] or [severity, options]; found a list of ${entry.length}`, file, keyPath);
        }
        if (severity === undefined) {
          const hint = typeof severityValue === 'string' ? didYouMean(severityValue, ['off', 'warn', 'error']) : undefined;
          throw new ConfigError(
            `${sevPath}: severity must be "off", "warn" or "error" (or 0, 1, 2)${tuple ? '' : ', or [severity, options]'}; found ${describeValue(severityValue)}${hint ? `; did you mean "${hint}"?` : ''}`,
            file,
            sevPath,
          );
        }
        const setting: RuleSetting = { severity };
        if (tuple && entry.length === 2) {
          const raw = entry[1];
          const optPath = formatKeyPath(['rules', id, 1]);
          if (!rule.meta.options) throw new ConfigError(`${optPath}: rule "${id}" takes no options`, file, optPath);
          const checked = rule.meta.options.safeParse(raw);
          if (!checked.success) {
            const issue = checked.error.issues[0] as Parameters<typeof describeIssue>[0];
            const d = describeIssue(issue, raw, ['rules', id, 1], optionKeys(rule));
            throw new ConfigError(`${d.keyPath}: ${d.text}`, file, d.keyPath);
          }
          setting.options = raw;
        }
        rules.set(id, setting);
      }

      const ignores = cfg.ignores ?? [];
      const matcher = ignores.length > 0 ? picomatch()(ignores, { dot: true }) : undefined;
      // A pattern ignores a file when it matches the file or one of its directories ("drafts/old" and "drafts/old/**" both work).
      const isIgnored = (rel: string): boolean => {
        if (matcher === undefined) return false;
        const parts = rel.split('/');
        for (let i = 1; i <= parts.length; i++) {
          const prefix = parts.slice(0, i).join('/');
          if (matcher(prefix) || (i < parts.length && matcher(`${prefix}/`))) return true;
        }
        return false;
      };
      const out: LoadedFile = { path: p, dir, template, rules, plugins: cfg.plugins ?? [], pluginRules, ignores, isIgnored };
      if (cfg.caAccounts) out.caAccounts = cfg.caAccounts.map((a) => a.trim());
      return out;
    })();
    loaded.set(p, promise);
    return promise;
  }

  async function resolveFor(configPath: string | undefined, explicit: boolean): Promise<Omit<FileConfig, 'ignored'> & { file?: LoadedFile }> {
    const key = configPath ?? '';
    const cached = resolved.get(key);
    if (cached) return cached;
    const promise = (async () => {
      const file = configPath !== undefined ? await loadFile(configPath, explicit) : undefined;
      const base: ResolvedConfig = file
        ? { template: file.template, rules: file.rules, ignores: file.ignores, plugins: file.plugins, pluginRules: file.pluginRules, sources: [show(file.path)], ...(file.caAccounts ? { caAccounts: file.caAccounts } : {}) }
        : defaultConfig();
      const known = new Map<string, Rule>([...builtinIds, ...base.pluginRules.map((r) => [r.meta.id, r] as const)]);
      const config = applyRuleFlags(base, flags, known);
      const rules = resolveRules(config, builtins, file ? show(file.path) : undefined);
      const out: Omit<FileConfig, 'ignored'> & { file?: LoadedFile } = { config, rules, known };
      if (file) {
        out.file = file;
        out.configPath = file.path;
      }
      return out;
    })();
    resolved.set(key, promise);
    return promise;
  }

  async function configPathFor(dir: string): Promise<{ path: string | undefined; explicit: boolean }> {
    if (options.inline !== undefined) return { path: inlinePath, explicit: true };
    if (options.config === false) return { path: undefined, explicit: false };
    if (typeof options.config === 'string') return { path: path.resolve(io.cwd, options.config), explicit: true };
    return { path: await findConfig(dir), explicit: false };
  }

  function strip(r: Omit<FileConfig, 'ignored'> & { file?: LoadedFile }, ignored: boolean): FileConfig {
    const out: FileConfig = { config: r.config, rules: r.rules, known: r.known, ignored };
    if (r.configPath !== undefined) out.configPath = r.configPath;
    return out;
  }

  return {
    allRules,
    async forFile(filePath) {
      const abs = path.resolve(io.cwd, filePath);
      const where = await configPathFor(path.dirname(abs));
      const r = await resolveFor(where.path, where.explicit);
      let ignored = false;
      if (r.file && r.file.ignores.length > 0) {
        const rel = path.relative(r.file.dir, abs).split(path.sep).join('/');
        ignored = !rel.startsWith('../') && r.file.isIgnored(rel);
      }
      return strip(r, ignored);
    },
    async forDirectory(dir) {
      const where = await configPathFor(path.resolve(io.cwd, dir));
      return strip(await resolveFor(where.path, where.explicit), false);
    },
  };
}
