import { reportContext } from '../src/parse/context.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'front-matter',
    description: 'Require front matter that is valid YAML with usable values.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      invalidYaml: 'Front matter is not valid YAML: {{message}}. Fix it so that title, bug, whiteboard, posted and ca-owner can be read.',
      badValue: 'Front matter "{{key}}" must be {{expected}}; found "{{found}}".',
    },
    rationale:
      'Front matter gives the rules context: "posted:" is the date template-current compares against, "whiteboard:" tells the revocation rules that the incident is a revocation delay, "title:" is checked by title-format. Front matter that does not parse, or a value of the wrong kind, silently removes that context, so the report would be linted against the wrong facts.',
    source: 'ir-lint front matter (title, bug, whiteboard, posted, ca-owner); CCADB Policy 2.0 §6.1 for the posting date.',
    examples: [
      { title: 'Valid front matter', code: '---\ntitle: "Example CA: Delayed revocation"\nposted: 2025-09-10\n---\n\n## Preliminary Incident Report\n', expect: [] },
      { title: 'An unclosed quote', code: '---\ntitle: "Example CA: Delayed revocation\nposted: 2025-09-10\n---\n\n## Preliminary Incident Report\n', expect: [{ messageId: 'invalidYaml', line: 2 }] },
      { title: 'A posting date that is not a date', code: '---\nposted: last Tuesday\n---\n\n## Preliminary Incident Report\n', expect: [{ messageId: 'badValue', line: 2 }] },
    ],
  },
  check(report, ctx) {
    const fm = report.frontMatter;
    if (!fm) return;
    if (fm.error) {
      ctx.report({ messageId: 'invalidYaml', data: { message: fm.error.message.replace(/(?<![.\s])[.\s]+$/, '') }, loc: { line: fm.error.line, column: fm.error.column } });
      return;
    }
    for (const issue of reportContext(report).frontMatterIssues) {
      if (issue.kind !== 'bad-value') continue;
      ctx.report({ messageId: 'badValue', data: { key: issue.key, expected: issue.expected ?? '', found: issue.found ?? '' }, loc: { line: issue.line } });
    }
  },
});
