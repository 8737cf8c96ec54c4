/** `npm run docs`: render docs/rules.md from rule metadata, and the README's generated blocks (test/docs.test.ts checks both are current). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { renderReadme, renderRulesMarkdown } from '../src/docs.js';

const target = path.join(import.meta.dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRulesMarkdown(rules));
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)} (${rules.length} rules).\n`);
const readme = path.join(import.meta.dirname, '..', 'README.md');
const before = readFileSync(readme, 'utf8');
const after = renderReadme(before);
if (after !== before) {
  writeFileSync(readme, after);
  process.stdout.write('Updated the generated blocks of README.md.\n');
}
