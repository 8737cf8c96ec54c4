import { describe, it } from 'vitest';
import rule from '../../rules/bugzilla-raw-html.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const appendix = (body: string): string => `## Full Incident Report\n\n### Appendix\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'plain Markdown', code: appendix('- **Affected:** 12 certificates, listed in the attached CSV.') },
    { name: 'ir-lint directives on their own line and inside a line', code: '<!-- ir-lint-disable-next-line rca-depth -->\nOne factor. <!-- ir-lint-disable-line na-format -- agreed -->\n<!-- ir-lint-disable-file title-format -->\n' },
    { name: 'HTML in a code span and a fence', code: 'Names with `<br>` were accepted.\n\n```\n<details><summary>x</summary></details>\n<!-- not a comment here -->\n```\n' },
    { name: 'autolinks (http, https, email)', code: 'See <https://crt.sh/?sha256=ab> and <http://example.com> or write to <pki@example.com>.\n' },
    { name: 'placeholders that are not HTML elements', code: 'Certificates for <domain> with serial <serial number> and <CUSTOMER NAME>.\n' },
    { name: 'an escaped angle bracket before a URL keeps working', code: 'Write \\<https://example.com> to show the brackets.\n' },
    { name: 'a backslash before < in code', code: 'Type `\\<br>` here.\n' },
    { name: 'front matter', code: '---\ntitle: "<b>CA</b>: x"\n---\n\nText.\n' },
    { name: 'a plain-text comment (#[markdown(off)])', code: '#[markdown(off)]\nThe parser accepted <b>bold</b> names.\n' },
    { name: 'an allowed element', code: 'H<sub>2</sub>O\n', options: { allowedElements: ['SUB'] } },
    { name: 'HTML in an image text (the image rule reports the image)', code: '![<b>x</b>](a.png)\n' },
    { name: 'a comparison, not a tag', code: 'Fewer than 5 <10 certificates, a<b and b>c.\n' },
    { name: 'prose in angle brackets with an element name', code: 'The check ran <a few seconds> late.\n' },
  ],
  invalid: [
    {
      name: 'details and summary in the Appendix',
      code: appendix('<details>\n<summary>Certificates</summary>\n\n| Serial | Subject |\n| --- | --- |\n| 01 | CN=a |\n\n</details>'),
      errors: [
        { messageId: 'tag', line: 5, column: 1, message: 'Bugzilla shows "<details>" as text (it renders no HTML); it has no collapsible sections either: remove the tags, and attach long data (a CSV or a crt.sh list) to the bug instead of pasting it.' },
        { messageId: 'tag', line: 6, column: 1 },
      ],
    },
    { name: 'a line break in a paragraph', code: 'First line<br>\nsecond line\n', errors: [{ messageId: 'lineBreak', line: 1, column: 11 }] },
    { name: 'self-closing and upper-case line breaks', code: 'a<br/>b<BR />c\n', errors: [{ messageId: 'lineBreak', line: 1, column: 2 }, { messageId: 'lineBreak', line: 1, column: 8 }] },
    {
      name: 'a line break in a table cell',
      code: '| Action Item | Status |\n| --- | --- |\n| Add a check<br>Alert | Ongoing |\n',
      errors: [{ messageId: 'lineBreakInTable', line: 3, column: 14 }],
    },
    { name: 'an HTML comment', code: 'Text.\n\n<!-- TODO: ask legal -->\n', errors: [{ messageId: 'comment', line: 3, message: 'Bugzilla shows this HTML comment as text ("<!-- TODO: ask legal -->"); delete it, and keep notes to yourself outside the text you post.' }] },
    { name: 'an inline HTML comment', code: 'Text <!-- note --> more.\n', errors: [{ messageId: 'comment', line: 1, column: 6 }] },
    { name: 'a comment over several lines', code: '<!--\nsource: bug 1\n-->\n\nText.\n', errors: [{ messageId: 'comment', line: 1 }] },
    { name: 'a directive-looking comment over two lines is a comment', code: '<!-- ir-lint-disable\nrca-depth -->\n', errors: [{ messageId: 'comment', line: 1 }] },
    { name: 'an unknown ir-lint comment is not a directive', code: '<!-- ir-lint-ignore x -->\n', errors: [{ messageId: 'comment', line: 1 }] },
    {
      name: 'formatting tags, each with its Markdown',
      code: 'A <b>bold</b>, <i>italic</i>, <code>x</code> and <s>old</s> word.\n',
      errors: [
        { messageId: 'tag', line: 1, column: 3, message: 'Bugzilla shows "<b>" as text (it renders no HTML); write "**bold**" instead.' },
        { messageId: 'tag', line: 1, column: 16 },
        { messageId: 'tag', line: 1, column: 31 },
        { messageId: 'tag', line: 1, column: 50, message: 'Bugzilla shows "<s>" as text (it renders no HTML); write "~~strikethrough~~" instead.' },
      ],
    },
    { name: 'sub and sup', code: 'H<sub>2</sub>O and 2<sup>10</sup>\n', errors: [{ messageId: 'tag', line: 1, column: 2 }, { messageId: 'tag', line: 1, column: 21 }] },
    { name: 'a tag without Markdown', code: 'A <span style="color:red">red</span> word.\n', errors: [{ messageId: 'other', line: 1, column: 3 }] },
    { name: 'HTML in a heading', code: '## Timeline <small>(UTC)</small>\n', errors: [{ messageId: 'other', line: 1, column: 13 }] },
    { name: 'HTML in a link text', code: '[<b>bug 1</b>](https://bugzilla.mozilla.org/show_bug.cgi?id=1)\n', errors: [{ messageId: 'tag', line: 1, column: 2 }] },
    { name: 'an HTML block with text inside', code: '<div align="center">\nCentered text with <a href="x">a link</a>\n</div>\n', errors: [{ messageId: 'other', line: 1, column: 1 }, { messageId: 'tag', line: 2, column: 20 }] },
    { name: 'an img tag', code: 'Screenshot: <img src="a.png">\n', errors: [{ messageId: 'tag', line: 1, column: 13 }] },
    { name: 'a bare attribute on an element that is closed', code: '<details open>\n\nText.\n\n</details>\n', errors: [{ messageId: 'tag', line: 1, column: 1 }] },
    { name: 'an escaped angle bracket: Bugzilla shows the backslash', code: 'Write \\<br> to break a line on GitHub.\n', errors: [{ messageId: 'escapedLt', line: 1, column: 7 }] },
    { name: 'a declaration', code: '<!DOCTYPE html>\n', errors: [{ messageId: 'markup', line: 1 }] },
    { name: 'a list item', code: '- Step one<br>then two\n', errors: [{ messageId: 'lineBreak', line: 1, column: 11 }] },
    { name: 'a block quote', code: '> quoted <b>x</b>\n', errors: [{ messageId: 'tag', line: 1, column: 10 }] },
    { name: 'a directive and other HTML on one line', code: 'Text <br> <!-- ir-lint-disable-line na-format -->\n', errors: [{ messageId: 'lineBreak', line: 1, column: 6 }] },
    { name: 'markdown(off) only counts on the first line', code: 'Text\n#[markdown(off)]\n<b>x</b>\n', errors: [{ messageId: 'tag', line: 3, column: 1 }] },
    { name: 'CRLF line endings', code: 'a\r\n<details>\r\nb\r\n', errors: [{ messageId: 'tag', line: 2, column: 1 }] },
  ],
});
