/**
 * The registry of built-in rules. Every rule is listed here once; the parity
 * test checks that each has its test file, its fixtures and its docs entry.
 */
import type { Rule } from '../src/types.js';

// structure
import reportTemplate from './report-template.js';
import templateCurrent from './template-current.js';
import sectionRequired from './section-required.js';
import sectionOrder from './section-order.js';
import sectionDuplicate from './section-duplicate.js';
import fieldRequired from './field-required.js';
import fieldEmpty from './field-empty.js';
import noPlaceholder from './no-placeholder.js';
import naFormat from './na-format.js';
import freeStanding from './free-standing.js';
import titleFormat from './title-format.js';

export const rules: readonly Rule[] = [
  // structure
  reportTemplate,
  templateCurrent,
  sectionRequired,
  sectionOrder,
  sectionDuplicate,
  fieldRequired,
  fieldEmpty,
  noPlaceholder,
  naFormat,
  freeStanding,
  titleFormat,
  // summary and impact

  // timeline

  // root cause, lessons, actions, appendix, closure

];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
