/** Lint a text with every built-in rule at its default severity (what the CLI does without config). */
import { rules } from '../../rules/index.js';
import { defaultConfig, resolveRules } from '../../src/config/index.js';
import { lintText } from '../../src/engine/index.js';
import { parseNow } from '../../src/now.js';
import type { TemplateId } from '../../src/templates.js';
import type { LintMessage } from '../../src/types.js';

export function lintAll(source: string, now = '2025-09-15', template?: TemplateId): LintMessage[] {
  const opts: Parameters<typeof lintText>[1] = { rules: resolveRules(defaultConfig(), rules), now: parseNow(now)! };
  if (template) opts.template = template;
  return lintText(source, opts).messages;
}

export function compactLine(file: string, m: LintMessage): string {
  return `${file}:${m.line}:${m.column}: ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId} ${m.message}`;
}
