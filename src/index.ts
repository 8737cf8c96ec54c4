/**
 * The public API of the ir-lint package: lint a text, parse a report, write
 * and test a house rule.
 *
 *   import { lint } from 'ir-lint';
 *   const result = await lint({ text, now: '2026-11-22' });
 *
 *   import { defineRule, z } from 'ir-lint';
 *   import { RuleTester } from 'ir-lint/testing';
 */
import { lint as lintWith, type LintHost, type LintInput } from './api.js';
import type { LintResult } from './types.js';

/**
 * Lint one text (a report, an Appendix CSV or a crt.sh list) with the
 * built-in rules and a config object, or with `config: 'file'` the nearest
 * config file to `filePath`. Returns what `ir-lint -f json` prints for it.
 */
export async function lint(input: LintInput, host: LintHost = {}): Promise<LintResult> {
  if (host.io === undefined && input?.config === 'file') {
    const { nodeIo } = await import('./cli/node-io.js');
    return lintWith(input, { ...host, io: nodeIo() });
  }
  return lintWith(input, host);
}
export type { ConfigObject, LintHost, LintInput } from './api.js';
export type { Io } from './io.js';
export { ConfigError, UsageError } from './errors.js';
export { lintText, type LintOptions } from './engine/index.js';
export { isDateOnly, parseNow } from './now.js';
export { parseReport, type ParseOptions } from './parse/index.js';
export { defineRule } from './types.js';
export type {
  Fix,
  LintMessage,
  LintResult,
  ReportDescriptor,
  ReportLocation,
  ResolvedRule,
  Rule,
  RuleContext,
  RuleExample,
  RuleMeta,
  SeverityLevel,
  SeverityName,
} from './types.js';
export type * from './model.js';
export { TEMPLATES, TEMPLATE_IDS, type TemplateId, type TemplateSpec, type SectionSpec, type FieldSpec } from './templates.js';
export { at, atLine, blocksOf, derived, field, fields, section, sectionsNamed, templateName } from './query.js';
export { RuleTester } from './testing/rule-tester.js';
export { VERSION } from './meta.js';
/** zod, for rule option schemas (the same copy ir-lint validates configs with). */
export { z } from 'zod';
