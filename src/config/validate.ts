/**
 * Validating a config: plain data → what the run uses (template, plugins
 * and their rules, rule severities with validated options, ignores). Every
 * problem is a ConfigError naming the file and the key path, before any file
 * is linted.
 */
import path from 'node:path';
import * as z from 'zod/mini';
import '../options.js'; // zod messages in English
import { ConfigError } from '../errors.js';
import { picomatch } from '../lazy.js';
import { once } from '../memo.js';
import { TEMPLATE_IDS, type TemplateId } from '../templates.js';
import type { Rule } from '../types.js';
import { describeIssue, describeValue, didYouMean, formatKeyPath, parseSeverity, validateRuleOptions, type RuleSetting } from './index.js';
import type { PluginLoader } from './plugins.js';

const TOP_LEVEL_KEYS = ['$schema', 'template', 'rules', 'plugins', 'ignores', 'caAccounts'];
/** A Bugzilla login (its e-mail address), or `@domain` for every login there. */
const CA_ACCOUNT = /^(?:[^\s@]{1,200})?@[^\s@]{1,200}$/;

/** The raw shape of a config file (rule entries are checked one by one afterwards). */
// Built on first use: most runs have no config file.
const ConfigFileSchema = once(() => z.strictObject({
  $schema: z.optional(z.string()),
  template: z.optional(z.string()),
  rules: z.optional(z.record(z.string(), z.unknown())),
  plugins: z.optional(z.array(z.string())),
  ignores: z.optional(z.array(z.string().check(z.minLength(1)))),
  // Bug threads: the Bugzilla logins on the CA's side besides the assignee.
  caAccounts: z.optional(z.array(z.string().check(z.refine((v) => CA_ACCOUNT.test(v.trim()), { message: 'expected a Bugzilla login (an e-mail address such as ca@example.com) or @domain for every login there' })))),
}));

/** A config file, validated. */
export interface ValidatedConfig {
  /** Absolute path of the file (an inline config: where one in the working directory would be). */
  path: string;
  dir: string;
  template: 'auto' | TemplateId;
  rules: Map<string, RuleSetting>;
  plugins: string[];
  pluginRules: Rule[];
  ignores: string[];
  /** Whether a path relative to `dir` matches one of `ignores`. */
  isIgnored: (relPath: string) => boolean;
  /** Bug threads: the Bugzilla logins on the CA's side besides the assignee. */
  caAccounts?: string[];
}

/** What validating needs from the run: the built-in rules, plugin loading, and the plugin rules known so far (ids are unique across the run). */
export interface ValidateContext {
  builtinIds: ReadonlyMap<string, Rule>;
  loadPlugin: PluginLoader;
  /** Every rule of the run, plugin rules added as they load. */
  allRules: Map<string, Rule>;
  /** Which module (absolute path) each plugin rule id came from. */
  pluginOrigin: Map<string, string>;
  show(abs: string): string;
}

function validTemplate(value: string | undefined, file: string): 'auto' | TemplateId {
  if (value === undefined || value === 'auto') return 'auto';
  if (!(TEMPLATE_IDS as readonly string[]).includes(value)) {
    const hint = didYouMean(value, TEMPLATE_IDS);
    throw new ConfigError(`template: unknown template "${value}"${hint ? `; did you mean "${hint}"?` : ''} (one of: auto, ${TEMPLATE_IDS.join(', ')})`, file, 'template');
  }
  return value as TemplateId;
}

async function validPlugins(specs: string[], file: string, dir: string, ctx: ValidateContext): Promise<Rule[]> {
  const pluginRules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const [i, spec] of specs.entries()) {
    for (const rule of await ctx.loadPlugin(spec, i, file, dir)) {
      const id = rule.meta.id;
      const keyPath = formatKeyPath(['plugins', i]);
      if (ctx.builtinIds.has(id)) {
        throw new ConfigError(`${keyPath}: plugin "${spec}" defines rule "${id}", which is a built-in rule; give house rules their own prefix (e.g. "acme-${id}")`, file, keyPath);
      }
      const other = seen.get(id);
      if (other !== undefined) throw new ConfigError(`${keyPath}: rule "${id}" is defined twice (in "${other}" and "${spec}")`, file, keyPath);
      const origin = ctx.pluginOrigin.get(id);
      const abs = path.resolve(dir, spec);
      if (origin !== undefined && origin !== abs) {
        throw new ConfigError(`${keyPath}: rule "${id}" from "${spec}" has the same id as a rule from ${ctx.show(origin)}; rule ids must be unique`, file, keyPath);
      }
      seen.set(id, spec);
      ctx.pluginOrigin.set(id, abs);
      ctx.allRules.set(id, rule);
      pluginRules.push(rule);
    }
  }
  return pluginRules;
}

/** One `rules` entry: a severity, or [severity] / [severity, options]; the options are validated here, once. */
function validSetting(id: string, entry: unknown, rule: Rule, file: string): RuleSetting {
  const keyPath = formatKeyPath(['rules', id]);
  const tuple = Array.isArray(entry);
  const severityValue: unknown = tuple ? entry[0] : entry;
  const severity = parseSeverity(severityValue);
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
    const raw: unknown = entry[1];
    const optPath = formatKeyPath(['rules', id, 1]);
    if (!rule.meta.options) throw new ConfigError(`${optPath}: rule "${id}" takes no options`, file, optPath);
    setting.validated = { options: validateRuleOptions(rule, raw, file) };
    setting.options = raw;
  }
  return setting;
}

function ignoreMatcher(ignores: string[]): (rel: string) => boolean {
  const matcher = ignores.length > 0 ? picomatch()(ignores, { dot: true }) : undefined;
  // A pattern ignores a file when it matches the file or one of its directories ("drafts/old" and "drafts/old/**" both work).
  return (rel: string): boolean => {
    if (matcher === undefined) return false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (matcher(prefix) || (i < parts.length && matcher(`${prefix}/`))) return true;
    }
    return false;
  };
}

/** Validate a config's data (`file` names it in messages; `abs` is where it is, for plugins and ignores); plugins load on the way. */
export async function validateConfig(data: unknown, file: string, abs: string, ctx: ValidateContext): Promise<ValidatedConfig> {
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
  const dir = path.dirname(abs);
  const template = validTemplate(cfg.template, file);
  const pluginRules = await validPlugins(cfg.plugins ?? [], file, dir, ctx);
  const known = new Map<string, Rule>([...ctx.builtinIds, ...pluginRules.map((r) => [r.meta.id, r] as const)]);
  const rules = new Map<string, RuleSetting>();
  for (const [id, entry] of Object.entries(cfg.rules ?? {})) {
    const rule = known.get(id);
    if (!rule) {
      const keyPath = formatKeyPath(['rules', id]);
      const hint = didYouMean(id, known.keys());
      throw new ConfigError(`${keyPath}: unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''} (ir-lint --list-rules lists them)`, file, keyPath);
    }
    rules.set(id, validSetting(id, entry, rule, file));
  }
  const ignores = cfg.ignores ?? [];
  const out: ValidatedConfig = { path: abs, dir, template, rules, plugins: cfg.plugins ?? [], pluginRules, ignores, isIgnored: ignoreMatcher(ignores) };
  if (cfg.caAccounts) out.caAccounts = cfg.caAccounts.map((a) => a.trim());
  return out;
}
