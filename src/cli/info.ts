/**
 * Commands that answer a question and exit: --init, --list-rules,
 * --explain <rule-id>, --print-config <file>.
 */
import path from 'node:path';
import { didYouMean, parseTemplate } from '../config/index.js';
import { createConfigResolver, type ConfigResolverOptions, type FileConfig } from '../config/load.js';
import { docsUrl, renderExplain } from '../docs.js';
import { clause, errnoCode, IoError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { TOOL_NAME } from '../meta.js';
import type { Rule } from '../types.js';
import type { CliOptions } from './args.js';
import { EXIT_OK } from './exit-codes.js';

export const DEFAULT_INIT_PATH = 'incident-report.md';

/**
 * A v3 Full Incident Report to fill in: every section and field of the IRG
 * template, values empty, the template's own example rows in the tables.
 * Linting it reports only what is still to be written.
 */
export const FULL_REPORT_SKELETON = `## Full Incident Report

### Summary

- **CA Owner CCADB unique ID:**
- **Incident description:**
- **Timeline summary:**
  - **Non-compliance start date:**
  - **Non-compliance identified date:**
  - **Non-compliance end date:**
- **Relevant policies:**
- **Source of incident disclosure:**

### Impact

- **Total number of certificates:**
- **Total number of "remaining valid" certificates:**
- **Affected certificate types:**
- **Incident heuristic:**
- **Was issuance stopped in response to this incident, and why or why not?:**
- **Analysis:**
- **Additional considerations:**

### Timeline

### Related Incidents

| Bug | Date | Description |
| --- | --- | --- |
| Related Bug URL | Date Related Bug was opened | Example |

### Root Cause Analysis

**Contributing Factor #1: title**

- **Description:**
- **Timeline:**
- **Detection:**
- **Interaction with other factors:**
- **Root Cause Analysis methodology used:**

### Lessons Learned

- **What went well:**
- **What didn’t go well:**
- **Where we got lucky:**
- **Additional:**

### Action Items

| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |
| --- | --- | --- | --- | --- | --- |
| Example | Prevent | Root Cause #1 | Criteria | Value | Ongoing |

### Appendix
`;

/** Runs the informational command named by the options; undefined when there is none. */
export async function runInfo(io: Io, opts: CliOptions, builtins: readonly Rule[], configOptions: ConfigResolverOptions): Promise<number | undefined> {
  if (opts.init !== undefined) {
    if (opts.paths.length > 0) throw new UsageError(`--init writes one skeleton and takes one path; found more: ${[opts.init === true ? '' : opts.init, ...opts.paths].filter((p) => p !== '').map((p) => `"${p}"`).join(', ')}`);
    return init(io, opts.init === true ? DEFAULT_INIT_PATH : opts.init);
  }
  if (!opts.listRules && opts.explain === undefined && opts.printConfig === undefined) return undefined;
  const resolver = createConfigResolver(io, configOptions);
  if (opts.listRules) return listRules(io, opts, builtins, await resolver.forDirectory(io.cwd));
  if (opts.explain !== undefined) return explain(io, opts.explain, builtins, await resolver.forDirectory(io.cwd));
  return printConfig(io, opts, opts.printConfig as string, await resolver.forFile(opts.printConfig as string));
}

async function init(io: Io, target: string): Promise<number> {
  if (target === '-') {
    io.stdout(FULL_REPORT_SKELETON);
    return EXIT_OK;
  }
  const abs = path.resolve(io.cwd, target);
  let exists = true;
  try {
    await io.stat(abs);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw new IoError(`cannot check the path: ${clause(error)}`, target);
    exists = false;
  }
  const refuse = (): never => {
    throw new IoError(`already exists; ${TOOL_NAME} --init never overwrites a file; choose another name or move the existing file away`, target);
  };
  if (exists) refuse();
  try {
    await io.writeFile(abs, FULL_REPORT_SKELETON, { exclusive: true });
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') refuse();
    throw new IoError(`cannot write: ${clause(error)}`, target);
  }
  io.stdout(`Wrote ${target}: a v3 Full Incident Report skeleton.\nFill in every field (write N/A where one does not apply), then run "${TOOL_NAME} ${target}" to see what is still missing.\n`);
  return EXIT_OK;
}

function pluginIds(fc: FileConfig): Set<string> {
  return new Set(fc.config.pluginRules.map((r) => r.meta.id));
}

function listRules(io: Io, opts: CliOptions, builtins: readonly Rule[], fc: FileConfig): number {
  const plugins = pluginIds(fc);
  const all = [...builtins, ...fc.config.pluginRules];
  if (opts.format === 'json') {
    const rows = all.map((r) => ({
      id: r.meta.id,
      severity: r.meta.severity,
      fixable: r.meta.fixable === true,
      description: r.meta.description,
      plugin: plugins.has(r.meta.id),
      url: docsUrl(r) || null,
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const rows = all.map((r) => [r.meta.id, r.meta.severity, r.meta.fixable ? 'fixable' : '', `${r.meta.description}${plugins.has(r.meta.id) ? ' (plugin)' : ''}`] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  for (const r of rows) io.stdout(`${r[0].padEnd(w0)}  ${r[1].padEnd(5)}  ${r[2].padEnd(7)}  ${r[3]}\n`.replace(/ +\n$/, '\n'));
  const from = fc.config.sources.length > 0 ? `; config: ${fc.config.sources.join(', ')}` : '';
  io.stdout(`\n${all.length} rules (${builtins.length} built-in, ${plugins.size} from plugins${from}). ${TOOL_NAME} --explain <rule-id> explains one.\n`);
  return EXIT_OK;
}

function explain(io: Io, id: string, builtins: readonly Rule[], fc: FileConfig): number {
  const rule = fc.known.get(id);
  if (!rule) {
    const hint = didYouMean(id, fc.known.keys());
    throw new UsageError(`--explain: unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''} (${TOOL_NAME} --list-rules lists them)`);
  }
  const plugin = !builtins.includes(rule);
  io.stdout(renderExplain(rule, plugin ? `a plugin named in ${fc.config.sources.join(', ')}` : undefined));
  return EXIT_OK;
}

function printConfig(io: Io, opts: CliOptions, file: string, fc: FileConfig): number {
  const enabled = new Map(fc.rules.map((r) => [r.rule.meta.id, r]));
  const rules: Record<string, unknown> = {};
  for (const id of fc.known.keys()) {
    const r = enabled.get(id);
    const sev = r ? (r.severity === 2 ? 'error' : 'warn') : 'off';
    const setting = fc.config.rules.get(id);
    rules[id] = r && r.options !== undefined ? [sev, r.options] : setting?.options !== undefined ? [sev, setting.options] : sev;
  }
  const template = opts.template !== undefined ? parseTemplate(opts.template) : fc.config.template;
  const out = {
    filePath: file,
    configFile: fc.config.sources[0] ?? null,
    ignored: fc.ignored,
    template,
    plugins: fc.config.plugins,
    ignores: fc.config.ignores,
    caAccounts: fc.config.caAccounts ?? [],
    rules,
  };
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT_OK;
}
