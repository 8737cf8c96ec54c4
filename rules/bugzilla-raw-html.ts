import type { IncidentReport } from '../src/model.js';
import { stringList, ruleOptions } from '../src/options.js';
import { directiveComments, markdownOff, posting } from '../src/parse/posting.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

/**
 * HTML element names (the HTML standard's, and the obsolete ones people still
 * type). Anything else in angle brackets (`<domain>`, `<serial number>`) is a
 * placeholder that Bugzilla shows as typed, which is what its author meant.
 */
const ELEMENTS = new Set(
  (
    'a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html ' +
    'i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q ' +
    'rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt ' +
    'u ul var video wbr'
  ).split(' '),
);

/** What to write instead, per element: a Markdown construct where Bugzilla has one. */
const INSTEAD: Record<string, string> = {};
const advise = (names: string, advice: string): void => {
  for (const n of names.split(' ')) INSTEAD[n] = advice;
};
advise('b strong', 'write "**bold**" instead');
advise('i em cite dfn var', 'write "*italics*" instead');
advise('u ins mark', 'Markdown has no underline or highlight: use "**bold**" or "*italics*"');
advise('s strike del', 'write "~~strikethrough~~" instead');
advise('code tt kbd samp', 'put the code between backticks instead');
advise('pre', 'use a fenced code block (a line of three backticks before and after) instead');
advise('a', 'write "[text](https://...)" or the bare URL (Bugzilla links it) instead');
advise('img picture svg video audio iframe embed object canvas', 'attach the file to the bug and describe in the text what it shows');
advise('h1 h2 h3 h4 h5 h6', 'use a Markdown heading ("#", "##", "###") instead');
advise('p', 'separate paragraphs with a blank line instead');
advise('ul ol li dl dt dd menu dir', 'write list items ("- item", "1. item") instead');
advise('table thead tbody tfoot tr td th caption colgroup col', 'write a Markdown table ("| a | b |" rows) instead');
advise('blockquote', 'start the quoted lines with ">" instead');
advise('q', 'use quotation marks instead');
advise('hr', 'write a line of "***" instead');
advise('details summary', 'it has no collapsible sections either: remove the tags, and attach long data (a CSV or a crt.sh list) to the bug instead of pasting it');
advise('sub sup', 'Markdown has neither: write it as plain text ("2^10", "CO2")');

const NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/** The span of `<...>` from `from` (a `<`) to just after the next `>`, within `end`. */
function tagEnd(source: string, from: number, end: number): number {
  const gt = source.indexOf('>', from);
  return gt >= 0 && gt < end ? gt + 1 : end;
}

const allowedSet = perOptions((o: { allowedElements: string[] }) => new Set(o.allowedElements.map((e) => e.toLowerCase())));

/** The GFM table spans, to tell a `<br>` in a cell (no Markdown line break there) from one in text. */
function inTable(report: IncidentReport, offset: number): boolean {
  return report.tables.some((t) => t.kind === 'gfm' && t.span.start <= offset && offset < t.span.end);
}

export default defineRule({
  meta: {
    id: 'bugzilla-raw-html',
    description: 'Disallow raw HTML, which Bugzilla shows as text instead of rendering it.',
    tags: ['posting'],
    severity: 'warn',
    messages: {
      tag: 'Bugzilla shows "{{tag}}" as text (it renders no HTML); {{instead}}.',
      other: 'Bugzilla shows "{{tag}}" as text (it renders no HTML); remove the tag and keep its text.',
      lineBreak: 'Bugzilla shows "{{tag}}" as text; a line break is already a line break in a Bugzilla comment, so start a new line instead.',
      lineBreakInTable: 'Bugzilla shows "{{tag}}" as text, and a table cell cannot hold a line break there: separate the items with ";" or move them out of the table.',
      comment: 'Bugzilla shows this HTML comment as text ("{{text}}"); delete it, and keep notes to yourself outside the text you post.',
      markup: 'Bugzilla shows "{{text}}" as text; delete it.',
      escapedLt: 'Bugzilla shows the backslash of "\\<": it shows every "<" as typed anyway (it escapes them itself before rendering), so write "<" without the backslash.',
    },
    options: ruleOptions({ allowedElements: stringList([]) }),
    rationale:
      'bugzilla.mozilla.org renders comments with cmark-gfm, but first replaces every `<` that does not start `http://` or `https://` (Bugzilla/Markdown.pm), so no HTML reaches the renderer: tags, comments and `<br>` appear literally in the posted comment, where reviewers read them as noise. ' +
      'ir-lint directives and front matter are not reported: `ir-lint --for-bugzilla` removes them from the text to paste. Code spans and fences show their text as written and are not reported; nor are `<https://...>` autolinks, or angle-bracket placeholders that are not HTML element names (`<domain>`), which Bugzilla shows as typed. ' +
      'An escaped `\\<` is reported too: cmark-gfm sees the character Bugzilla put in place of the `<`, which a backslash does not escape, so the backslash shows. A comment whose first line is `#[markdown(off)]` is shown as plain text on purpose and is not checked.',
    source: 'CCADB IRG 3.x: check the Bugzilla preview before posting; bmo Bugzilla/Markdown.pm (render_html).',
    examples: [
      {
        title: 'A collapsible section in the Appendix',
        code: '## Full Incident Report\n\n### Appendix\n\n<details>\n<summary>Affected certificates</summary>\n\nSee the attached CSV.\n\n</details>\n',
        expect: [
          { messageId: 'tag', line: 5 },
          { messageId: 'tag', line: 6 },
        ],
      },
      {
        title: 'A line break in a table cell, and an HTML comment',
        code: '| Action Item | Status |\n| --- | --- |\n| Add a check<br>Alert on it | Ongoing |\n\n<!-- check with legal before posting -->\n',
        expect: [
          { messageId: 'lineBreakInTable', line: 3 },
          { messageId: 'comment', line: 5 },
        ],
      },
      {
        title: 'Directives, code and autolinks are fine',
        code: '<!-- ir-lint-disable-next-line rca-depth -->\nThe parser accepted `<br>` in names; see <https://bugzilla.mozilla.org/show_bug.cgi?id=1> and the <domain> placeholder.\n',
        expect: [],
      },
    ],
  },
  check(report, ctx) {
    if ((report.markup.html.length === 0 && report.markup.escapedLt.length === 0) || markdownOff(posting(report).text)) return;
    const allowed = allowedSet(ctx.options);
    const source = report.source;
    // "\\<" keeps its backslash on Bugzilla, except before http:// and https://, whose "<" Bugzilla leaves alone.
    for (const at of report.markup.escapedLt) {
      if (!source.startsWith('http://', at + 2) && !source.startsWith('https://', at + 2)) ctx.report({ messageId: 'escapedLt', loc: { start: at, end: at + 2 } });
    }
    const directives = new Set(directiveComments(report).map((c) => c.start));
    let lower: string | undefined;
    for (const node of report.markup.html) {
      for (let i = source.indexOf('<', node.start); i >= 0 && i < node.end; i = source.indexOf('<', i + 1)) {
        if (source.startsWith('<!--', i)) {
          const close = source.indexOf('-->', i + 4);
          const end = close >= 0 && close + 3 <= node.end ? close + 3 : node.end;
          if (!directives.has(i)) ctx.report({ messageId: 'comment', data: { text: source.slice(i, end).replace(/\s+/g, ' ') }, loc: { start: i, end } });
          i = end - 1;
          continue;
        }
        const next = source.charCodeAt(i + 1);
        if (next === 33 /* ! */ || next === 63 /* ? */) {
          const end = tagEnd(source, i, node.end);
          ctx.report({ messageId: 'markup', data: { text: source.slice(i, end) }, loc: { start: i, end } });
          i = end - 1;
          continue;
        }
        // A closing tag is covered by the report on its opening tag.
        if (next === 47 /* / */) continue;
        NAME.lastIndex = i + 1;
        const m = NAME.exec(source);
        if (!m || i + 1 + m[0].length > node.end) continue;
        const name = m[0].toLowerCase();
        if (!ELEMENTS.has(name) || allowed.has(name)) continue;
        const end = tagEnd(source, i, node.end);
        // Only bare words after the name ("a<b and b>c", "<a few seconds>"): prose that CommonMark reads as a tag, unless the element is closed somewhere.
        const attributes = source.slice(i + 1 + m[0].length, end).replace(/\/?>$/, '').trim();
        if (attributes !== '' && !attributes.includes('=') && !(lower ??= source.toLowerCase()).includes(`</${name}`)) continue;
        const tag = `<${m[0]}>`;
        const loc = { start: i, end };
        if (name === 'br') ctx.report({ messageId: inTable(report, i) ? 'lineBreakInTable' : 'lineBreak', data: { tag }, loc });
        else if (INSTEAD[name] !== undefined) ctx.report({ messageId: 'tag', data: { tag, instead: INSTEAD[name] }, loc });
        else ctx.report({ messageId: 'other', data: { tag }, loc });
      }
    }
  },
});
