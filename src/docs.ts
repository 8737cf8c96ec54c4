/**
 * Rule documentation from rule metadata: docs/rules.md (`npm run docs`) and
 * `ir-lint --explain <rule-id>`. One source: the rule's `meta`.
 */
import * as z from 'zod/mini';
import './options.js'; // zod messages in English
import { ruleDocsUrl, TOOL_NAME } from './meta.js';
import { runRule } from './testing/rule-tester.js';
import type { Rule, RuleExample } from './types.js';

export interface OptionDoc {
  name: string;
  type: string;
  /** JSON of the default value, or '' when there is none. */
  default: string;
  description?: string;
}

interface JsonSchema {
  type?: string | string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  default?: unknown;
  description?: string;
}

function typeOf(s: JsonSchema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(' | ');
  const t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (t === 'array') return `${typeOf(s.items).includes(' ') ? `(${typeOf(s.items)})` : typeOf(s.items)}[]`;
  return t ?? 'any';
}

/** The options of a rule (top-level keys of its schema) with types and defaults. */
export function optionDocs(rule: Rule): OptionDoc[] {
  const schema = rule.meta.options;
  if (!schema) return [];
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(('zod' in schema && typeof schema.zod === 'function' ? schema.zod() : schema) as z.core.$ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return [];
  }
  const defaults = schema.safeParse(undefined);
  const defaultData = defaults.success && defaults.data !== null && typeof defaults.data === 'object' ? (defaults.data as Record<string, unknown>) : {};
  const props = json.properties ?? (json.anyOf ?? []).find((a) => a.properties)?.properties ?? {};
  return Object.entries(props).map(([name, p]) => {
    const d = name in defaultData ? defaultData[name] : p.default;
    const doc: OptionDoc = { name, type: typeOf(p), default: d === undefined ? '' : JSON.stringify(d) };
    if (p.description) doc.description = p.description;
    return doc;
  });
}

export interface ExampleOutcome {
  example: RuleExample;
  /** What the rule reports on the example, as it runs now. */
  messages: Array<{ line: number; messageId: string; message: string; comment?: number }>;
}

export function exampleOutcomes(rule: Rule): ExampleOutcome[] {
  return rule.meta.examples.map((example) => {
    const c: Parameters<typeof runRule>[1] = { code: example.code };
    if (example.now) c.now = example.now;
    if (example.options !== undefined) c.options = example.options;
    if (example.kind) c.kind = example.kind;
    if (example.attachments) c.attachments = example.attachments;
    let messages: ExampleOutcome['messages'];
    try {
      messages = runRule(rule, c).messages.map((m) => (m.comment !== undefined ? { line: m.line, messageId: m.messageId, message: m.message, comment: m.comment } : { line: m.line, messageId: m.messageId, message: m.message }));
    } catch (error) {
      messages = [{ line: 0, messageId: 'internalError', message: error instanceof Error ? error.message : String(error) }];
    }
    return { example, messages };
  });
}

export function docsUrl(rule: Rule): string {
  return rule.meta.url ?? ruleDocsUrl(rule.meta.id);
}

function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${code.replace(/\n$/, '')}\n${f}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  if (text === '') return '';
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${ticks === '``' ? ' ' : ''}${text}${ticks === '``' ? ' ' : ''}${ticks}`;
}

/** docs/rules.md. */
export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const out: string[] = [];
  out.push('<!-- Generated from rule metadata by `npm run docs`; do not edit by hand. -->', '');
  out.push('# Rules', '');
  out.push(
    `Every rule of ${TOOL_NAME}, generated from the rules' own metadata. Default severity: \`error\` for a MUST of the CCADB Incident Reporting Guidelines (IRG), \`warn\` for a SHOULD or a heuristic. Change a severity or an option in a config file (\`"rules": { "rule-id": ["warn", { ... }] }\`), with \`--rule rule-id:off\`, or for one place with \`<!-- ir-lint-disable-next-line rule-id -->\`. \`${TOOL_NAME} --explain <rule-id>\` prints the same entry in a terminal.`,
    '',
  );
  out.push('| Rule | Default | Fixable | Description |', '| --- | --- | --- | --- |');
  for (const r of rules) out.push(`| [${r.meta.id}](#${r.meta.id}) | ${r.meta.severity} | ${r.meta.fixable ? 'yes' : ''} | ${cell(r.meta.description)} |`);
  out.push('');
  for (const r of rules) {
    const m = r.meta;
    out.push(`## ${m.id}`, '');
    out.push(m.description, '');
    out.push(`- Default severity: \`${m.severity}\``);
    out.push(`- Fixable: ${m.fixable ? 'yes (`--fix`)' : 'no'}`);
    if (m.appliesTo && m.appliesTo !== 'report') {
      const what = m.appliesTo === 'csv' ? 'Appendix CSV files (`*.csv`)' : m.appliesTo === 'thread' ? 'bug thread exports (`*.bug.json`), as of `--now`' : 'crt.sh lists (a `.txt` or one-column `.csv` of crt.sh links)';
      out.push(`- Checks: ${what}, not reports`);
    }
    if (m.tags.length > 0) out.push(`- Tags: ${m.tags.map((t) => `\`${t}\``).join(', ')}`);
    out.push(`- Source: ${m.source}`, '');
    out.push(`**Why.** ${m.rationale}`, '');
    const opts = optionDocs(r);
    if (opts.length > 0) {
      const withDescription = opts.some((o) => o.description);
      out.push('**Options**', '');
      out.push(withDescription ? '| Option | Type | Default | Description |' : '| Option | Type | Default |', withDescription ? '| --- | --- | --- | --- |' : '| --- | --- | --- |');
      for (const o of opts) out.push(`| \`${o.name}\` | ${cell(code(o.type))} | ${cell(code(o.default))} |${withDescription ? ` ${cell(o.description ?? '')} |` : ''}`);
      out.push('');
    } else {
      out.push('**Options:** none.', '');
    }
    const outcomes = exampleOutcomes(r);
    if (outcomes.length > 0) {
      out.push('**Examples**', '');
      for (const { example, messages } of outcomes) {
        const pins = [example.now ? `with \`--now ${example.now}\`` : '', example.options !== undefined ? `with options \`${JSON.stringify(example.options)}\`` : ''].filter(Boolean).join(', ');
        out.push(`*${example.title}*${pins ? ` (${pins})` : ''}:`, '');
        out.push(fence(example.code, example.kind === 'csv' ? 'csv' : example.kind === 'crtsh' ? 'text' : example.kind === 'thread' ? 'json' : 'markdown'), '');
        if (example.attachments) {
          for (const [name, text] of Object.entries(example.attachments)) out.push(`With \`${name}\` beside it:`, '', fence(text, name.toLowerCase().endsWith('.csv') ? 'csv' : 'text'), '');
        }
        if (messages.length === 0) out.push('Reports nothing.', '');
        else {
          for (const msg of messages) out.push(`- ${msg.comment !== undefined ? `comment ${msg.comment}, ` : ''}line ${msg.line}, \`${msg.messageId}\`: ${msg.message}`);
          out.push('');
        }
      }
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function indent(text: string, by: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');
}

/** `ir-lint --explain <rule-id>`: plain text for a terminal. */
export function renderExplain(rule: Rule, origin?: string): string {
  const m = rule.meta;
  const out: string[] = [];
  out.push(`${m.id} (${m.severity} by default${m.fixable ? ', fixable with --fix' : ''}${origin ? `; from ${origin}` : ''})`, '');
  out.push(m.description, '');
  if (m.rationale) out.push('Why:', indent(m.rationale, '  '), '');
  if (m.source) out.push('Source:', indent(m.source, '  '), '');
  const opts = optionDocs(rule);
  if (opts.length > 0) {
    out.push('Options (defaults):');
    const w = Math.max(...opts.map((o) => o.name.length));
    for (const o of opts) out.push(`  ${o.name.padEnd(w)}  ${o.type}${o.default ? `  default ${o.default}` : ''}${o.description ? `  ${o.description}` : ''}`);
    out.push('');
  } else {
    out.push('Options: none', '');
  }
  const outcomes = exampleOutcomes(rule);
  if (outcomes.length > 0) {
    out.push('Examples:');
    for (const { example, messages } of outcomes) {
      out.push(`  ${example.title}${example.now ? ` (--now ${example.now})` : ''}${example.options !== undefined ? ` (options ${JSON.stringify(example.options)})` : ''}`);
      out.push(indent(example.code, '    | '));
      for (const [name, text] of Object.entries(example.attachments ?? {})) out.push(`    with ${name} beside it:`, indent(text, '    | '));
      if (messages.length === 0) out.push('    → reports nothing');
      for (const msg of messages) out.push(`    → line ${msg.line}: ${msg.message}`);
      out.push('');
    }
  }
  const url = docsUrl(rule);
  if (url) out.push(`Docs: ${url}`);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
