import { describe, expect, it } from 'vitest';
import rule from '../../rules/bugzilla-comment-length.js';
import { bugzillaLength, markdownOff, posting } from '../../src/parse/posting.js';
import { parseReport } from '../../src/parse/index.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const HEAD = '## Full Incident Report\n\n### Summary\n\n- **Incident description:** Twelve certificates.\n\n### Appendix\n\n';
const link = (i: number): string => `https://crt.sh/?sha256=${i.toString(16).padStart(64, '0')}\n`;
/** A report whose Appendix is `n` crt.sh lines (88 characters each). */
const withLinks = (n: number, eol = '\n'): string => (HEAD + Array.from({ length: n }, (_, i) => link(i)).join('')).replace(/\n/g, eol);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a short report', code: HEAD + link(1) },
    { name: 'exactly 65,535 characters', code: 'x'.repeat(65535) },
    { name: 'trailing white space is not counted', code: `${'x'.repeat(65535)}\n\n   \n` },
    // 72,088 UTF-16 units, 65,535 characters as Bugzilla stores them.
    { name: 'CRLF counts as one character', code: `${'x'.repeat(9)}\r\n`.repeat(6553) + 'x'.repeat(5) },
    { name: 'an emoji counts as one character', code: '\u{1F512}'.repeat(65535) },
    { name: 'front matter is not posted', code: `---\ntitle: "${'t'.repeat(100)}"\n---\n${'x'.repeat(65535)}` },
    { name: 'ir-lint directives are not posted', code: `<!-- ir-lint-disable-file title-format -->\n${'x'.repeat(65535)}` },
    { name: 'a higher limit', code: 'x'.repeat(70000), options: { maxLength: 100000 } },
    {
      name: 'a thread copied from Bugzilla: each comment within the limit, the whole over it',
      code: `${'d'.repeat(40000)}\n\nComment 1\u20222 years ago\n${'a'.repeat(40000)}\n\nComment 2\u20222 years ago\n${'b'.repeat(40000)}\n`,
    },
  ],
  invalid: [
    {
      name: 'one character over',
      code: 'x'.repeat(65536),
      errors: [{ messageId: 'tooLong', line: 1, column: 65536, message: 'The text to paste is 65,536 characters, over the 65,535 that one Bugzilla comment holds (Bugzilla refuses it); attach the bulky part, such as the Appendix certificate data as a CSV or a crt.sh list, to the bug instead of pasting it.' }],
    },
    {
      name: 'a 112,000-character report whose Appendix is a crt.sh list',
      code: withLinks(1272),
      errors: [
        {
          messageId: 'tooLongAppendix',
          line: 752,
          column: 50,
          message: 'The text to paste is 112,037 characters, over the 65,535 that one Bugzilla comment holds (Bugzilla refuses it), and the Appendix is 111,949 of them: attach the certificate data to the bug as a CSV (or, for 10,000 or more, a crt.sh list) and name the attachment in the Appendix.',
        },
      ],
    },
    { name: 'the same with CRLF line endings: CRLF is one character', code: withLinks(1272, '\r\n'), errors: [{ messageId: 'tooLongAppendix', line: 752, column: 50 }] },
    {
      name: 'a thread copied from Bugzilla with one comment over the limit',
      code: `${'d'.repeat(400)}\n\nComment 1\u20222 years ago\n${'a'.repeat(70000)}\n\nComment 2\u20222 years ago\n${'b'.repeat(400)}\n`,
      errors: [{ messageId: 'commentTooLong', line: 3, column: 1, message: 'Comment 1 is 70,022 characters, over the 65,535 that one Bugzilla comment holds (Bugzilla refuses it); attach the bulky part to the bug instead of pasting it.' }],
    },
    { name: 'CRLF: one character more is over', code: `${'x'.repeat(9)}\r\n`.repeat(6553) + 'x'.repeat(6), errors: [{ messageId: 'tooLong', line: 6554, column: 6 }] },
    { name: 'a lower limit', code: 'x'.repeat(101), options: { maxLength: 100 }, errors: [{ messageId: 'tooLong', line: 1, column: 101 }] },
    { name: 'characters, not UTF-16 units: the limit falls after the emoji', code: '\u{1F512}'.repeat(65536), errors: [{ messageId: 'tooLong', line: 1, column: 131071 }] },
    { name: 'the position points into the file, after the front matter', code: `---\nposted: 2025-09-01\n---\n${'x'.repeat(65536)}`, errors: [{ messageId: 'tooLong', line: 4, column: 65536 }] },
  ],
});

describe('bugzillaLength', () => {
  it('counts as Bugzilla counts: code points, CRLF and CR as one, trailing white space left out', () => {
    expect(bugzillaLength('a\r\nb\rc\n').length).toBe(5);
    expect(bugzillaLength('\u00e9\u4e2d\u{1F512}').length).toBe(3);
    expect(bugzillaLength('text \t\n\u00a0\u3000\n').length).toBe(4);
    // U+FEFF is not white space to Perl.
    expect(bugzillaLength('a\ufeff').length).toBe(2);
    expect(bugzillaLength('abc', 2).overAt).toBe(2);
    expect(bugzillaLength('ab', 2).overAt).toBeUndefined();
  });

  it('knows #[markdown(off)] as bmo does', () => {
    expect(markdownOff('#[markdown(off)]\ntext')).toBe(true);
    expect(markdownOff('  \n#[markdown(off)]\r\ntext')).toBe(true);
    expect(markdownOff('#[markdown(off)]')).toBe(false);
    expect(markdownOff('#[markdown(off)] text')).toBe(false);
    expect(markdownOff('text\n#[markdown(off)]\n')).toBe(false);
  });

  it('maps offsets in the text to paste back to the file', () => {
    const source = '---\na: 1\n---\nOne <!-- ir-lint-disable-line x --> two\n<!-- ir-lint-enable -->\nthree\n';
    const p = posting(parseReport(source));
    expect(p.text).toBe('One  two\nthree\n');
    expect(p.removals.map((r) => r.what)).toEqual(['front-matter', 'directive', 'directive']);
    expect(source.slice(p.toSource(p.text.indexOf('two')), p.toSource(p.text.indexOf('two')) + 3)).toBe('two');
    expect(source.slice(p.toSource(p.text.indexOf('three'))).startsWith('three')).toBe(true);
    expect(p.toSource(0)).toBe(source.indexOf('One'));
  });
});
