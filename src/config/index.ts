/**
 * Configuration: defaults from rule metadata, then config files, then
 * --rule overrides. Validated before any linting.
 */
import { ConfigError, UsageError } from '../errors.js';
import { TEMPLATE_IDS, type TemplateId } from '../templates.js';
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
  /** Plugin rules loaded for this config. */
  pluginRules: Rule[];
  /** The config files that contributed, nearest last. */
  sources: string[];
}

export function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (value === 'off' || value === 0 || value === '0') return 0;
  if (value === 'warn' || value === 'warning' || value === 1 || value === '1') return 1;
  if (value === 'error' || value === 2 || value === '2') return 2;
  return undefined;
}

/** Edit distance, for "did you mean". */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(value, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(value.length / 4)) ? best : undefined;
}

export function defaultConfig(): ResolvedConfig {
  return { template: 'auto', rules: new Map(), ignores: [], pluginRules: [], sources: [] };
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
        const where = ['rules', rule.meta.id, 'options', ...(issue?.path ?? []).map(String)].join('.');
        throw new ConfigError(`${where}: ${issue?.message ?? 'invalid options'}`, configFile, where);
      }
      options = parsed.data;
    }
    out.push({ rule, severity, options });
  }
  return out;
}
