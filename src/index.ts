/**
 * The public API of the ir-lint package: lint a text, parse a report, write
 * and test a house rule.
 *
 *   import { defineRule, z } from 'ir-lint';
 *   import { RuleTester } from 'ir-lint/testing';
 */
export { isDateOnly, lintText, parseNow, type LintOptions } from './engine/index.js';
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
