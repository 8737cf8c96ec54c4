import { describe, it } from 'vitest';
import rule from '../../rules/no-placeholder.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'the closure template quoted by a reviewer is not the CA\'s report',
      code: 'Please complete a Closure Summary.\n\nHere is a markdown template if needed:\n\nIncident Report Closure Summary\n\n  \u2022 Incident Description: [Two or three sentences summarizing the incident.]\n',
    },
    { name: 'a real related bug link', code: '## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n| [1887007](https://bugzilla.mozilla.org/show_bug.cgi?id=1887007) | 2024-03-27 | Stale CAA. |\n' },
    { name: 'a real report', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** We revoked [12 certificates](https://example.com/list).\n' },
    { name: 'citations in brackets are not instructions', code: '## Incident Report\n\n### Summary\n\nSee [RFC5280] and [BR 4.9.1.1].\n' },
    { name: 'TBD in the Action Items section is left to action-item-due-date', code: '## Incident Report\n\n### Action Items\n\n| Action Item | Kind | Due Date |\n| --- | --- | --- |\n| Fix it | Prevent | TBD |\n' },
    { name: 'lower-case todo in prose', code: '## Incident Report\n\n### Summary\n\nOur todo list was reviewed.\n' },
    { name: 'text outside any report is not checked', code: 'TODO\n\n## Incident Report\n\n### Summary\n\nx\n' },
    { name: 'a word list can be emptied', code: '## Incident Report\n\n### Summary\n\nTODO\n', options: { words: [] } },
  ],
  invalid: [
    {
      name: "the template's own link left in a row",
      code: '## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n| [Related Bug ID](Related Bug URL) | 2024-03-01 | Similar CAA problem. |\n',
      errors: [{ messageId: 'cell', line: 7 }],
    },
    { name: 'a placeholder link as a field value', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** [Example](https://example.com)\n', errors: [{ messageId: 'cell', line: 5 }] },
    {
      name: 'template rows in Related Incidents',
      code: '## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n| Related Bug URL | Date Related Bug was opened | Example |\n',
      errors: [
        { messageId: 'cell', line: 7, column: 3 },
        { messageId: 'cell', line: 7, column: 21 },
        { messageId: 'cell', line: 7, column: 51 },
      ],
    },
    { name: 'bracketed instruction in a closure', code: '## Report Closure Summary\n\n- **Incident description:** [Two or three sentences summarizing the incident.]\n', errors: [{ messageId: 'bracket', line: 3 }] },
    { name: 'factor still titled title', code: '## Full Incident Report\n\n### Root Cause Analysis\n\n**Contributing Factor #1: title**\n', errors: [{ messageId: 'factorTitle', line: 5 }] },
    { name: 'unfinished markers', code: '## Incident Report\n\n### Summary\n\nTODO: describe XXX\n', errors: [{ messageId: 'word', line: 5 }, { messageId: 'word', line: 5 }] },
    { name: 'field value Example', code: '## Full Incident Report\n\n### Impact\n\n- **Incident heuristic:** Example\n', errors: [{ messageId: 'cell', line: 5 }] },
    { name: 'TBD outside Action Items', code: '## Incident Report\n\n### Appendix\n\nTBD\n', errors: [{ messageId: 'word', line: 5 }] },
    { name: 'a CA adds its own marker', code: '## Incident Report\n\n### Summary\n\nFILL-IN later\n', options: { words: ['FILL-IN'] }, errors: [{ messageId: 'word', line: 5 }] },
  ],
});
