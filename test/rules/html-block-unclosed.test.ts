import { describe, it } from 'vitest';
import rule from '../../rules/html-block-unclosed.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const head = '## Full Incident Report\n\n### Summary\n\nText.\n\n';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a closed comment', code: `${head}<!-- note -->\n\n### Impact\n\nText.\n` },
    { name: 'a comment over several lines, closed', code: `${head}<!--\nnote\n\nmore\n-->\n\n### Impact\n` },
    { name: 'a self-closing empty comment', code: `${head}<!-->\n\n### Impact\n` },
    { name: 'an open comment inside a code block is code', code: `${head}\`\`\`\n<!-- not html\n\`\`\`\n\n### Impact\n` },
    { name: 'an inline "<!--" in a paragraph is text', code: `${head}The arrow <!-- in text\n\n### Impact\n` },
    { name: 'a <div> block ends at a blank line', code: `${head}<div>\nx\n\n### Impact\n` },
    { name: 'a closed <pre> block', code: `${head}<pre>\nlog\n</pre>\n\n### Impact\n` },
  ],
  invalid: [
    {
      name: 'an open comment swallows the rest of the report',
      code: `${head}<!-- ask legal\n\n### Impact\n\nText.\n`,
      errors: [{ messageId: 'comment', line: 7, column: 1, message: 'HTML comment "<!--" is never closed: lines 7 to 11 are one comment, hidden when the Markdown is rendered and not read as the report; close it with "-->".' }],
    },
    {
      name: 'a closed comment, then an open one: the open one is reported',
      code: `${head}<!-- ok -->\n<!-- open\n\n### Impact\n`,
      errors: [{ messageId: 'comment', line: 8 }],
    },
    {
      name: 'an open comment in a block quote',
      code: `${head}> <!-- open\n> ### Impact\n`,
      errors: [{ messageId: 'comment', line: 7, column: 3 }],
    },
    {
      name: 'an open <pre> block',
      code: `${head}<pre>\nlog\n\n### Impact\n`,
      errors: [{ messageId: 'block', line: 7, message: 'HTML block "<pre" is never closed: lines 7 to 10 are one HTML block, not read as the report; close it with "</pre>".' }],
    },
    { name: 'an open processing instruction', code: `${head}<?php\n\n### Impact\n`, errors: [{ messageId: 'block', line: 7 }] },
  ],
});
