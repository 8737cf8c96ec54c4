import { describe, it } from 'vitest';
import rule from '../../rules/bugzilla-image.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a link', code: 'See [the screenshot](https://bugzilla.mozilla.org/attachment.cgi?id=1).\n' },
    { name: 'an image in code', code: 'Write `![alt](x.png)` on GitHub.\n\n```\n![a](b)\n```\n' },
    { name: 'an escaped image', code: '\\![not an image](x.png)\n' },
    { name: 'a reference image without a definition is text', code: '![alt][missing]\n' },
    { name: 'a plain-text comment', code: '#[markdown(off)]\n![alt](x.png)\n' },
    { name: 'an exclamation mark before a link', code: 'Wow![really](x)? no: Wow! [really](x)\n'.replace('Wow![really](x)? no: ', '') },
  ],
  invalid: [
    {
      name: 'an inline image',
      code: '## Full Incident Report\n\n### Timeline\n\n- 14:30 the alert ![alert](alert.png)\n',
      errors: [{ messageId: 'image', line: 5, column: 19, message: 'Bugzilla removes images from a comment, so "![alert](alert.png)" will not show at all (not even its text); attach the file to the bug and describe in the text what it shows.' }],
    },
    { name: 'a reference image', code: 'Diagram: ![flow][f]\n\n[f]: https://example.com/f.png\n', errors: [{ messageId: 'image', line: 1, column: 10 }] },
    { name: 'an image in a table cell', code: '| a | b |\n| --- | --- |\n| x | ![i](i.png) |\n', errors: [{ messageId: 'image', line: 3, column: 7 }] },
    { name: 'an image in a heading', code: '## Summary ![logo](l.png)\n', errors: [{ messageId: 'image', line: 1, column: 12 }] },
    { name: 'an image inside a link (a badge)', code: '[![badge](b.svg)](https://example.com)\n', errors: [{ messageId: 'image', line: 1, column: 2 }] },
    { name: 'two images, one line', code: '![a](a.png) ![b](b.png)\n', errors: [{ messageId: 'image', line: 1, column: 1 }, { messageId: 'image', line: 1, column: 13 }] },
  ],
});
