import { integer, ruleOptions } from '../src/options.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'title-format',
    description: 'Require a title that reads "CA Owner: short description".',
    tags: ['structure'],
    severity: 'warn',
    messages: {
      format: 'Title should read "CA Owner: short description"; found "{{title}}".',
      tooLong: 'Title is {{length}} characters; keep the description short (at most {{max}}) and put details in the Summary.',
    },
    options: ruleOptions({ maxLength: integer(1, 120) }),
    rationale:
      'Bugzilla lists incidents by title, and root programs search them by CA Owner. The convention "CA Owner: short description" (e.g. "Example CA: Delayed revocation of 12 TLS certificates") makes every report findable. The title is the front matter "title:" or the first level-1 heading; a report without either is not checked.',
    source: 'CCADB IRG 3.x "Incident Reports" (the Bugzilla bug summary names the CA Owner, then briefly describes the incident).',
    examples: [
      { title: 'A good title', code: '# Example CA: Delayed response to a certificate problem report\n\n## Incident Report\n', expect: [] },
      { title: 'A title without the CA Owner', code: '# Delayed response to CPR\n\n## Incident Report\n', expect: [{ messageId: 'format', line: 1 }] },
    ],
  },
  check(report, ctx) {
    const t = report.title;
    // A file that holds no report (notes, a README) is report-template's finding alone.
    if (!t || report.blocks.length === 0) return;
    const text = t.text.replace(/\s+/g, ' ').trim();
    const loc = t.from === 'h1' ? { start: t.span.start, end: t.span.end } : { line: t.span.line };
    const m = /^([^:]{2,80}):[ \t]+(\S.{2,})$/.exec(text);
    if (!m) {
      ctx.report({ messageId: 'format', data: { title: text.length > 80 ? `${text.slice(0, 79)}…` : text }, loc });
      return;
    }
    if (text.length > ctx.options.maxLength) ctx.report({ messageId: 'tooLong', data: { length: text.length, max: ctx.options.maxLength }, loc });
  },
});
