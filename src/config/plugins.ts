/**
 * Plugins: local modules that export house rules. A plugin is imported
 * through the Io (once per run, however many configs name it), and each
 * rule it exports is checked for the shape a rule needs before it can run.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import '../options.js'; // zod messages in English
import { clause, ConfigError } from '../errors.js';
import { once } from '../memo.js';
import type { OptionsSchema, Rule } from '../types.js';
import { describeIssue, describeValue, formatKeyPath } from './index.js';
import { statKind, type ConfigReader } from './read.js';

const KEBAB_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function isRuleExport(v: unknown): boolean {
  return v !== null && typeof v === 'object' && 'meta' in v && 'check' in v;
}

// Built on first use: most runs have no plugins.
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

/** The rules a plugin module exports, checked; a ConfigError at `plugins[index]` of `file` otherwise. */
export type PluginLoader = (spec: string, index: number, file: string, dir: string) => Promise<Rule[]>;

/** A plugin loader for one run: each module is imported once, however many configs name it. */
export function pluginLoader(r: ConfigReader): PluginLoader {
  const modules = new Map<string, Promise<Rule[]>>();
  return async (spec, index, file, dir) => {
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
      const kind = await statKind(r, abs);
      if (kind === undefined) fail(`cannot find plugin "${spec}" (looked for ${r.show(abs)})`);
      if (kind !== 'file') fail(`plugin "${spec}" is not a file (${r.show(abs)})`);
      let mod: unknown;
      try {
        mod = await r.io.importModule(abs);
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
  };
}
