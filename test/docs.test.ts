/** docs/rules.md is rendered from rule metadata; the committed file must match a fresh render. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { optionDocs, renderExplain, renderRulesMarkdown } from '../src/docs.js';
import { ruleDocsUrl } from '../src/meta.js';
import noPlaceholder from '../rules/no-placeholder.js';

const docsPath = path.join(import.meta.dirname, '..', 'docs', 'rules.md');

describe('docs/rules.md', () => {
  it('is up to date with the rule metadata (run `npm run docs` to regenerate it)', () => {
    const committed = readFileSync(docsPath, 'utf8');
    const fresh = renderRulesMarkdown(rules);
    expect(committed === fresh, 'docs/rules.md differs from the rule metadata: run `npm run docs` and commit the result').toBe(true);
  });

  it('has a heading per rule that the docs URL points at', () => {
    const text = renderRulesMarkdown(rules);
    for (const r of rules) {
      expect(text).toContain(`\n## ${r.meta.id}\n`);
      expect(ruleDocsUrl(r.meta.id)).toMatch(new RegExp(`/docs/rules\\.md#${r.meta.id}$`));
      expect(text).toContain(r.meta.rationale);
      expect(text).toContain(r.meta.source);
    }
  });

  it('lists options with types and defaults', () => {
    expect(optionDocs(noPlaceholder).map((o) => [o.name, o.type])).toEqual([
      ['cells', 'string[]'],
      ['words', 'string[]'],
      ['brackets', 'boolean'],
    ]);
    const text = renderRulesMarkdown([noPlaceholder]);
    expect(text).toContain('| `brackets` | `boolean` | `true` |');
    expect(text).toContain('| `words` | `string[]` | `["TBD","TODO","XXX","FIXME","TBC"]` |');
  });

  it('shows what each example reports, as the rule runs now', () => {
    const text = renderRulesMarkdown([noPlaceholder]);
    expect(text).toContain('- line 3, `bracket`: Template instruction "[Two or three sentences summarizing the incident.]" left in');
    expect(renderExplain(noPlaceholder)).toContain('→ line 3: Template instruction');
  });

  it('fences example code longer than any backtick run inside it', () => {
    const rule = { ...noPlaceholder, meta: { ...noPlaceholder.meta, examples: [{ title: 'csv', code: '```csv\na,b\n```\n', expect: [] }] } };
    expect(renderRulesMarkdown([rule])).toContain('````markdown\n```csv\na,b\n```\n````');
  });
});

describe('README house rule example', () => {
  it('shows the example rule and its test exactly as the files under docs/examples', () => {
    const root = path.join(import.meta.dirname, '..');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const f of ['acme-internal-hostname.mjs', 'acme-internal-hostname.test.mjs']) {
      const text = readFileSync(path.join(root, 'docs', 'examples', 'house-rules', f), 'utf8');
      expect(readme, `README.md must show docs/examples/house-rules/${f} verbatim`).toContain(`\`\`\`js\n${text}\`\`\``);
    }
  });
});
