import { ruleOptions, stringList } from '../src/options.js';
import { norm } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const DEFAULT_SPELLINGS = ['none', 'nil', 'null', '-', '--', '—', '–', 'n.a.', 'n.a', 'na', 'not applicable', 'not applicable.', 'nothing', 'no'];

export default defineRule({
  meta: {
    id: 'na-format',
    description: 'Require "N/A" for an inapplicable field, not "none", "-" or "n.a.".',
    tags: ['structure'],
    severity: 'warn',
    fixable: true,
    messages: {
      spelling: 'Write "N/A" for a field that does not apply; found "{{found}}".',
    },
    options: ruleOptions({ spellings: stringList(DEFAULT_SPELLINGS) }),
    rationale:
      'The IRG marks inapplicable fields with "N/A". Other spellings ("none", "-", "n.a.") read as an answer or as a forgotten field, and tools that collect reports look for N/A. "No" is flagged only where it is the whole value of a field that is not a yes/no question.',
    source: 'CCADB IRG 3.x report templates: an inapplicable field is marked N/A.',
    examples: [
      { title: 'None instead of N/A', code: "## Incident Report\n\n### Lessons Learned\n\n- **What went well:** Fast triage.\n- **What didn't go well:** Late alert.\n- **Where we got lucky:** None\n", expect: [{ messageId: 'spelling', line: 7 }] },
    ],
  },
  check(report, ctx) {
    const spellings = new Set(ctx.options.spellings.map((s) => norm(s)));
    for (const block of report.blocks) {
      for (const section of block.sections) {
        for (const f of section.fields) {
          const v = norm(f.value);
          if (!v || !spellings.has(v)) continue;
          if (v === 'no' && f.spec.key === 'issuance-stopped') continue;
          ctx.report({ messageId: 'spelling', data: { found: f.value }, loc: { start: f.valueSpan.start, end: f.valueSpan.end }, fix: { range: [f.valueSpan.start, f.valueSpan.end], text: 'N/A' } });
        }
        if ((section.spec.fields ?? []).length === 0 && !section.spec.repeatingFields && section.tables.length === 0) {
          const textLines = section.bodyLines.filter((l) => l.kind === 'text');
          const only = textLines.length === 1 ? textLines[0] : undefined;
          if (!only) continue;
          // "-" alone on a line is a list marker to Markdown, but the author meant "nothing".
          const dashOnly = only.body === '' && only.bullet !== undefined && /^[-\u2013\u2014*]$/.test(only.bullet);
          const text = dashOnly ? (only.bullet as string) : only.body;
          const start = dashOnly ? only.start + only.raw.lastIndexOf(text, only.bodyStart - only.start) : only.bodyStart;
          if ((only.bullet === undefined || dashOnly) && spellings.has(norm(text)) && norm(text) !== 'no') {
            ctx.report({ messageId: 'spelling', data: { found: text }, loc: { start, end: start + text.length }, fix: { range: [start, start + text.length], text: 'N/A' } });
          }
        }
      }
    }
  },
});
