import { ruleOptions, stringList } from '../src/options.js';
import { closestKey, FRONT_MATTER_KEYS, reportContext } from '../src/parse/context.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'front-matter-keys',
    description: 'Disallow front matter keys that ir-lint does not know.',
    tags: ['structure'],
    severity: 'warn',
    messages: {
      unknown: 'Unknown front matter key "{{key}}"; use one of the known keys: {{known}}.',
      typo: 'Unknown front matter key "{{key}}"; did you mean "{{suggestion}}"?',
    },
    options: ruleOptions({ allow: stringList([]) }),
    rationale:
      'A misspelt key ("postd:", "white-board:") is ignored, so the fact it was meant to give (the posting date, the whiteboard tags) is lost without notice. Keys a team uses for its own tooling can be allowed with the "allow" option.',
    source: 'ir-lint front matter (title, bug, whiteboard, posted, ca-owner, appendix).',
    examples: [
      { title: 'A misspelt key', code: '---\npostd: 2025-09-10\n---\n\n## Preliminary Incident Report\n', expect: [{ messageId: 'typo', line: 2 }] },
      { title: 'A key allowed by the options', options: { allow: ['reviewer'] }, code: '---\nreviewer: J. Doe\n---\n\n## Preliminary Incident Report\n', expect: [] },
    ],
  },
  check(report, ctx) {
    const allow = new Set(ctx.options.allow);
    for (const issue of reportContext(report).frontMatterIssues) {
      if (issue.kind !== 'unknown-key' || allow.has(issue.key)) continue;
      const suggestion = closestKey(issue.key, [...FRONT_MATTER_KEYS, ...ctx.options.allow]);
      if (suggestion) ctx.report({ messageId: 'typo', data: { key: issue.key, suggestion }, loc: { line: issue.line } });
      else ctx.report({ messageId: 'unknown', data: { key: issue.key, known: FRONT_MATTER_KEYS.join(', ') }, loc: { line: issue.line } });
    }
  },
});
