/**
 * The config resolver of a run: which config applies to a file, composed of
 * finding (src/config/find.ts: the nearest config file upwards), reading
 * (src/config/read.ts: bytes → data), plugins (src/config/plugins.ts) and
 * validating (src/config/validate.ts: data → settings). The nearest config
 * is the whole config: files are not merged. `--config <path>` uses that
 * file for every linted file; `--no-config` uses none. `--rule` flags apply
 * on top.
 *
 * Everything is read through the Io. A config is rejected (ConfigError,
 * exit 2) before any file is linted, with the file and the key path. Each
 * directory, config file and plugin is looked at once per run.
 */
import path from 'node:path';
import type { Io } from '../io.js';
import type { ResolvedRule, Rule } from '../types.js';
import { configFinder } from './find.js';
import { applyRuleFlags, defaultConfig, resolveRules, type ResolvedConfig } from './index.js';
import { pluginLoader } from './plugins.js';
import { readConfigData, sanitize, type ConfigReader } from './read.js';
import { validateConfig, type ValidateContext, type ValidatedConfig } from './validate.js';

export { CONFIG_FILE_NAMES } from './find.js';
export { MAX_CONFIG_SIZE, PACKAGE_JSON_KEY } from './read.js';

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

type Resolved = Omit<FileConfig, 'ignored'> & { file?: ValidatedConfig };

/** Builds the resolver used for a whole run; caches per directory and per config file. */
export function createConfigResolver(io: Io, options: ConfigResolverOptions): ConfigResolver {
  const builtins = options.builtins;
  const builtinIds = new Map(builtins.map((r) => [r.meta.id, r]));
  const allRules = new Map<string, Rule>(builtinIds);
  const flags = options.ruleFlags ?? [];
  const loaded = new Map<string, Promise<ValidatedConfig>>();
  const resolved = new Map<string, Promise<Resolved>>();
  // An inline config stands where a config file in the working directory would.
  const inlinePath = path.join(io.cwd, '<inline config>');
  const isInline = (p: string): boolean => options.inline !== undefined && p === inlinePath;

  const reader: ConfigReader = {
    io,
    show(abs) {
      if (options.inline !== undefined && abs === inlinePath) return options.inline.name;
      const rel = path.relative(io.cwd, abs);
      return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
    },
  };
  const findConfig = configFinder(reader);
  const validation: ValidateContext = { builtinIds, loadPlugin: pluginLoader(reader), allRules, pluginOrigin: new Map(), show: reader.show };

  function loadFile(p: string, explicit: boolean): Promise<ValidatedConfig> {
    const cached = loaded.get(p);
    if (cached) return cached;
    const promise = (async () => {
      const data = isInline(p) ? sanitize(options.inline?.data) : await readConfigData(reader, p, explicit);
      return validateConfig(data, reader.show(p), p, validation);
    })();
    loaded.set(p, promise);
    return promise;
  }

  function resolveFor(configPath: string | undefined, explicit: boolean): Promise<Resolved> {
    const key = configPath ?? '';
    const cached = resolved.get(key);
    if (cached) return cached;
    const promise = (async () => {
      const file = configPath !== undefined ? await loadFile(configPath, explicit) : undefined;
      const base: ResolvedConfig = file
        ? { template: file.template, rules: file.rules, ignores: file.ignores, plugins: file.plugins, pluginRules: file.pluginRules, sources: [reader.show(file.path)], ...(file.caAccounts ? { caAccounts: file.caAccounts } : {}) }
        : defaultConfig();
      const known = new Map<string, Rule>([...builtinIds, ...base.pluginRules.map((r) => [r.meta.id, r] as const)]);
      const config = applyRuleFlags(base, flags, known);
      const rules = resolveRules(config, builtins, file ? reader.show(file.path) : undefined);
      const out: Resolved = { config, rules, known };
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

  function strip(r: Resolved, ignored: boolean): FileConfig {
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
