import { ruleOptions } from '../src/options.js';
import { markdownOff, posting } from '../src/parse/posting.js';
import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'bugzilla-image',
    description: 'Disallow Markdown images, which Bugzilla removes from a comment.',
    tags: ['posting'],
    severity: 'warn',
    messages: {
      image: 'Bugzilla removes images from a comment, so "{{image}}" will not show at all (not even its text); attach the file to the bug and describe in the text what it shows.',
    },
    options: ruleOptions({}),
    rationale:
      'bugzilla.mozilla.org renders a comment with cmark-gfm and then deletes every `<img>` element from the result (Bugzilla/Markdown.pm, `@bad_tags`), alt text included: a screenshot of a log or a diagram simply vanishes from the posted report. ' +
      'Attach the file to the bug and say in the text what it shows, so the report stands on its own. Inline (`![text](file.png)`) and reference (`![text][ref]`) images are both reported; a comment whose first line is `#[markdown(off)]` shows them as typed and is not checked.',
    source: 'CCADB IRG 3.x: a report is complete in itself; bmo Bugzilla/Markdown.pm (render_html removes img).',
    examples: [
      {
        title: 'A screenshot in the Timeline',
        code: '## Full Incident Report\n\n### Timeline\n\n- 2025-08-12 14:30 UTC: the monitor alerted ![alert](alert.png)\n',
        expect: [{ messageId: 'image', line: 5 }],
      },
      { title: 'A link to an attachment is fine', code: 'The alert is in [attachment 9400123](https://bugzilla.mozilla.org/attachment.cgi?id=9400123).\n', expect: [] },
    ],
  },
  check(report, ctx) {
    if (report.markup.images.length === 0 || markdownOff(posting(report).text)) return;
    for (const img of report.markup.images) {
      ctx.report({ messageId: 'image', data: { image: report.source.slice(img.start, img.end).replace(/\s+/g, ' ') }, loc: { start: img.start, end: img.end } });
    }
  },
});
