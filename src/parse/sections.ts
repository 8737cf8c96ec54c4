/**
 * A block's sections and a section's fields by template key: the structural
 * look-ups the derived models and the rules share.
 */
import type { Field, ReportBlock, Section } from '../model.js';

export function section(block: ReportBlock, key: string): Section | undefined {
  return block.sections.find((s) => s.spec.key === key);
}

export function fields(sectionOrUndefined: Section | undefined, key: string): Field[] {
  return sectionOrUndefined ? sectionOrUndefined.fields.filter((f) => f.spec.key === key) : [];
}

export function field(sectionOrUndefined: Section | undefined, key: string): Field | undefined {
  return sectionOrUndefined?.fields.find((f) => f.spec.key === key);
}
