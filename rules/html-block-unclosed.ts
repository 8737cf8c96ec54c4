import { unclosedHtml } from '../src/query.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'html-block-unclosed',
    description: 'Disallow an HTML comment or block that is never closed and hides the rest of the report.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      comment: 'HTML comment "<!--" is never closed: lines {{line}} to {{endLine}} are one comment, hidden when the Markdown is rendered and not read as the report; close it with "-->".',
      block: 'HTML block "{{opener}}" is never closed: lines {{line}} to {{endLine}} are one HTML block, not read as the report; close it with "{{closer}}".',
    },
    rationale:
      'In Markdown an HTML comment (and a <pre>, <script>, <style> or <textarea> block) runs until its end marker. When "-->" is missing, every heading and field after "<!--" is part of the comment: the rendered report loses them, and they are not read as sections either, so the report looks as if they were missing. Bugzilla shows raw HTML as text, so the reader sees the notes and the Markdown marks instead of the report. The finding points at the opener, where the fix belongs; no section is inserted into the comment by --fix.',
    source: 'CommonMark 0.31 "HTML blocks" (kinds 1 to 5 end only at their end marker); CCADB IRG 3.x "check the Bugzilla preview before posting".',
    examples: [
      {
        title: 'A note left open before the Impact section',
        code: '## Full Incident Report\n\n### Summary\n\nText.\n\n<!-- ask legal about this\n\n### Impact\n\nText.\n',
        expect: [{ messageId: 'comment', line: 7 }],
      },
      { title: 'A closed comment', code: '## Full Incident Report\n\n<!-- ask legal -->\n\n### Summary\n\nText.\n', expect: [] },
    ],
  },
  check(report, ctx) {
    const open = unclosedHtml(report);
    if (!open) return;
    const data = { line: open.line, endLine: open.endLine, opener: open.opener, closer: open.closer };
    ctx.report({ messageId: open.opener === '<!--' ? 'comment' : 'block', data, loc: { start: open.start, end: open.start + open.opener.length } });
  },
});
