/** `npm run docs`: render docs/rules.md from rule metadata (test/docs.test.ts checks it is current). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { renderRulesMarkdown } from '../src/docs.js';

const target = path.join(import.meta.dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRulesMarkdown(rules));
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)} (${rules.length} rules).\n`);
