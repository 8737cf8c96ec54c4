/**
 * Configuration: defaults from rule metadata, then config files, then
 * --rule overrides. Validated before any linting.
 */
import { ConfigError, UsageError } from '../errors.js';
import { TEMPLATE_IDS, type TemplateId } from '../templates.js';
import { didYouMean } from '../suggest.js';
import '../options.js'; // zod messages in English
import type { ResolvedRule, Rule, SeverityLevel } from '../types.js';

export type SeveritySetting = 0 | SeverityLevel;

export interface RuleSetting {
  severity: SeveritySetting;
  /** Raw options as written (validated against the rule's schema when resolved). */
  options?: unknown;
}

export interface ResolvedConfig {
  template: 'auto' | TemplateId;
  rules: Map<string, RuleSetting>;
  ignores: string[];
  /** Plugin modules named by the config, as written. */
  plugins: string[];
  /** Plugin rules loaded for this config. */
  pluginRules: Rule[];
  /** The config files that contributed, nearest last. */
  sources: string[];
  /** Bug threads: Bugzilla logins on the CA's side besides the assignee (`@domain` for a whole domain). */
  caAccounts?: string[];
}

export function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (value === 'off' || value === 0 || value === '0') return 0;
  if (value === 'warn' || value === 'warning' || value === 1 || value === '1') return 1;
  if (value === 'error' || value === 2 || value === '2') return 2;
  return undefined;
}

export { didYouMean, levenshtein } from '../suggest.js';

export function defaultConfig(): ResolvedConfig {
  return { template: 'auto', rules: new Map(), ignores: [], plugins: [], pluginRules: [], sources: [] };
}

/** Apply `--rule id:severity` overrides. */
export function applyRuleFlags(config: ResolvedConfig, flags: string[], known: ReadonlyMap<string, Rule>): ResolvedConfig {
  const rules = new Map(config.rules);
  for (const flag of flags) {
    const idx = flag.lastIndexOf(':');
    if (idx <= 0) throw new UsageError(`--rule expects "rule-id:severity" (off, warn or error), got "${flag}"`);
    const id = flag.slice(0, idx).trim();
    const sev = parseSeverity(flag.slice(idx + 1).trim());
    if (!known.has(id)) {
      const hint = didYouMean(id, known.keys());
      throw new UsageError(`--rule names unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''} (ir-lint --list-rules lists them)`);
    }
    if (sev === undefined) throw new UsageError(`--rule ${id}: severity must be off, warn or error (or 0, 1, 2), got "${flag.slice(idx + 1)}"`);
    rules.set(id, { ...rules.get(id), severity: sev });
  }
  return { ...config, rules };
}

export function parseTemplate(value: string | undefined): 'auto' | TemplateId {
  if (value === undefined || value === 'auto') return 'auto';
  if ((TEMPLATE_IDS as readonly string[]).includes(value)) return value as TemplateId;
  const hint = didYouMean(value, TEMPLATE_IDS);
  throw new UsageError(`unknown template "${value}"${hint ? `; did you mean "${hint}"?` : ''} (one of: auto, ${TEMPLATE_IDS.join(', ')})`);
}

/** A key path as a reader writes it: `rules.rca-human-error[1].phrases`. */
export function formatKeyPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\w$-]+$/.test(String(seg))) out += out === '' ? String(seg) : `.${String(seg)}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** A value quoted briefly for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  return String(value);
}

function valueAt(root: unknown, segments: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const seg of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = { array: 'a list', object: 'an object', record: 'an object', string: 'a string', number: 'a number', boolean: 'true or false', int: 'a whole number' };

/** One zod issue as "<key path>: <what is wrong>", the key path prefixed by `prefix`. */
export function describeIssue(
  issue: { code: string; path: ReadonlyArray<PropertyKey>; message: string; expected?: unknown; keys?: string[]; values?: unknown[] },
  input: unknown,
  prefix: ReadonlyArray<PropertyKey> = [],
  knownKeys: Iterable<string> = [],
): { keyPath: string; text: string } {
  const found = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
    const key = issue.keys[0] as string;
    const hint = didYouMean(key, knownKeys);
    const keyPath = formatKeyPath([...prefix, ...issue.path, key]);
    return { keyPath, text: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''}` };
  }
  const keyPath = formatKeyPath([...prefix, ...issue.path]) || '(top level)';
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    return { keyPath, text: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${describeValue(found)}` };
  }
  if (issue.code === 'invalid_value' && issue.values) {
    return { keyPath, text: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}` };
  }
  return { keyPath, text: `${issue.message.replace(/^Invalid input: /, '')} (found ${describeValue(found)})` };
}

/** Rules to run with their severities and validated options. */
export function resolveRules(config: ResolvedConfig, registry: readonly Rule[], configFile?: string): ResolvedRule[] {
  const out: ResolvedRule[] = [];
  for (const rule of [...registry, ...config.pluginRules]) {
    const setting = config.rules.get(rule.meta.id);
    const severity: SeveritySetting = setting ? setting.severity : rule.meta.severity === 'error' ? 2 : 1;
    if (severity === 0) continue;
    let options: unknown = undefined;
    if (rule.meta.options) {
      const parsed = rule.meta.options.safeParse(setting?.options);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const known = optionKeys(rule);
        const { keyPath, text } = issue
          ? describeIssue(issue as Parameters<typeof describeIssue>[0], setting?.options, ['rules', rule.meta.id, 1], known)
          : { keyPath: formatKeyPath(['rules', rule.meta.id, 1]), text: 'invalid options' };
        throw new ConfigError(`${keyPath}: ${text}`, configFile, keyPath);
      }
      options = parsed.data;
    }
    out.push({ rule, severity, options });
  }
  return out;
}

/** The option names of a rule (top level), for "did you mean". */
export function optionKeys(rule: Rule): string[] {
  const parsed = rule.meta.options?.safeParse(undefined);
  const data = parsed?.success ? parsed.data : undefined;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
}
