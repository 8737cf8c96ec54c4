/** Facts about ir-lint itself, stated once. */

export const TOOL_NAME = 'ir-lint';
export const VERSION = '0.1.0';
export const HOMEPAGE = 'https://github.com/ir-lint/ir-lint';

/** The docs URL of a rule (the heading anchor in docs/rules.md). */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules.md#${ruleId}`;
}
