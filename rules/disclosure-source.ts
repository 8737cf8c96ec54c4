import * as z from 'zod/mini';
import { optionField, ruleOptions } from '../src/options.js';
import { blocksOf, fields, section } from '../src/query.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const VALUES = ['Self Reported', 'Third Party Reported', 'Audit'] as const;

const DEFAULT_HINTS = {
  'Third Party Reported': ['third party', 'third-party', 'researcher', 'community', 'external', 'certificate problem report', 'problem report', 'cpr', 'reported by', 'reported to us', 'mozilla', 'root program', 'chrome', 'apple', 'microsoft root', 'customer', 'subscriber', 'bugzilla', 'email from', 'e-mail from'],
  'Self Reported': ['self', 'internal', 'internally', 'we found', 'we detected', 'we identified', 'we discovered', 'our own', 'our team', 'detected', 'monitoring', 'linter', 'linting', 'scan', 'self-audit', 'self audit'],
  Audit: ['audit', 'auditor', 'assessment', 'webtrust', 'etsi'],
};

const PRELIM = (v: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Text.\n- **Relevant policies:** BR 2.1.6, section 4.9.1.1\n- **Source of incident disclosure:** ${v}\n`;

/** One of the three values at the start of the first line, any case or spacing. */
function leadingValue(firstLine: string): (typeof VALUES)[number] | undefined {
  const t = firstLine.replace(/^[*_`"'\s]+/, '').toLowerCase();
  if (/^self[\s-]*reported\b/.test(t)) return 'Self Reported';
  if (/^third[\s-]*party[\s-]*reported\b/.test(t)) return 'Third Party Reported';
  if (/^audit\b(?![-'\u2019])/.test(t)) return 'Audit';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'disclosure-source',
    description: 'Require the Source of incident disclosure to be Self Reported, Third Party Reported or Audit.',
    tags: ['summary'],
    severity: 'error',
    messages: {
      value: 'Source of incident disclosure must be Self Reported, Third Party Reported or Audit; found "{{found}}".',
      suggest: 'Source of incident disclosure must be Self Reported, Third Party Reported or Audit; found "{{found}}" (did you mean "{{suggestion}}"?).',
    },
    options: ruleOptions({
      hints: optionField(
        () => z._default(z.partialRecord(z.enum(VALUES), z.array(z.string())), DEFAULT_HINTS),
        () => DEFAULT_HINTS,
      ),
    }),
    rationale:
      'Root programs count incidents by how they were found: a CA that finds its own problems is in better shape than one whose problems are found by others or by its auditor. The IRG allows exactly three values so that reports can be compared. An explanation may follow the value ("Third Party Reported (a researcher wrote to our problem reporting address)"); only the start of the first line is read. When the value is free text, the rule suggests the value its words point to (the "hints" option lists those words; a hint matches the start of a word, so "audit" also matches "auditor").',
    source: 'CCADB IRG 3.x, Summary: "Source of incident disclosure: Self Reported, Third Party Reported, or Audit".',
    examples: [
      { title: 'One of the three values, with an explanation', code: PRELIM('Third Party Reported. A researcher emailed our problem reporting address.'), expect: [] },
      { title: 'Free text', code: PRELIM('Certificate Problem Reporting'), expect: [{ messageId: 'suggest', line: 7 }] },
    ],
  },
  check(report, ctx) {
    const hints = Object.entries(ctx.options.hints) as Array<[string, string[]]>;
    for (const block of blocksOf(report, 'ccadb-v3-full', 'ccadb-v3-preliminary')) {
      for (const f of fields(section(block, 'summary'), 'disclosure-source')) {
        if (f.value === '') continue;
        const first = (f.value.split('\n')[0] ?? '').trim();
        if (leadingValue(first)) continue;
        const loc = { start: f.valueSpan.start, end: Math.min(f.valueSpan.end, f.valueSpan.start + first.length) };
        const lower = ` ${first.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
        let suggestion: string | undefined;
        if (!isNotApplicable(first)) {
          for (const [value, words] of hints) {
            if (words.some((w) => lower.includes(` ${w.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}`))) {
              suggestion = value;
              break;
            }
          }
        }
        if (suggestion) ctx.report({ messageId: 'suggest', data: { found: clip(first), suggestion }, loc });
        else ctx.report({ messageId: 'value', data: { found: clip(first) }, loc });
      }
    }
  },
});
