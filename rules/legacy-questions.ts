import { at, blocksOf } from '../src/query.js';
import { TEMPLATES } from '../src/templates.js';
import { defineRule } from '../src/types.js';

/** What each question asks for, in the words of the Mozilla wiki. */
const ASKS: Record<number, string> = {
  1: 'how and when (date and time) the CA first became aware of the problem',
  2: 'a date-and-time-stamped timeline of all relevant events',
  3: 'whether the CA has stopped issuance (or the process) behind the problem, and if not, why',
  4: 'the number of problematic certificates and the dates the first and last were issued',
  5: 'the complete certificate data (crt.sh links or fingerprints)',
  6: 'how and why the mistakes were made, and how they avoided detection',
  7: 'the steps taken to resolve the situation and prevent recurrence, with a timeline',
};

const Q = (n: number, title: string): string => `${n}. ${title}\n\nAnswer ${n}.\n`;
// The seven questions as the template data has them, for the examples.
const ALL: Array<[number, string]> = TEMPLATES['mozilla-legacy'].sections.map((q) => [q.number ?? 0, q.title]);
const legacy = (skip: number[] = []): string => ALL.filter(([n]) => !skip.includes(n)).map(([n, t]) => Q(n, t)).join('\n');

export default defineRule({
  meta: {
    id: 'legacy-questions',
    description: 'Require a seven-question incident report to answer all seven questions.',
    tags: ['legacy'],
    severity: 'error',
    messages: {
      missing: 'Question {{number}} ("{{name}}") is missing; answer it: it asks for {{asks}}.',
    },
    rationale:
      'Before IRG 2.0, Mozilla asked every incident report to answer seven questions, and reviewers asked for each missing one in turn. The questions are recognised as written in the wiki, numbered ("5." or "5)"), as "Topic 5:" or "Question 5:", and by short titles under their number ("5. Certificate data"); a pasted copy whose line breaks were lost is read too. A missing question is reported where it should have been: at the next question, or at the end of the report.',
    source: 'Mozilla wiki "CA/Responding To An Incident", "Incident Report" (seven questions); CCADB IRG 1.0.',
    examples: [
      { title: 'All seven questions', code: legacy(), expect: [] },
      { title: 'Question 5 left out', code: legacy([5]), expect: [{ messageId: 'missing', line: 17 }] },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'mozilla-legacy')) {
      const present = new Map(block.sections.map((s) => [s.spec.key, s]));
      const questions = block.spec.sections;
      questions.forEach((q, i) => {
        if (present.has(q.key)) return;
        const next = questions.slice(i + 1).map((n) => present.get(n.key)).find((s) => s !== undefined);
        const loc = next ? at(next.headingSpan) : { line: block.endLine };
        ctx.report({ messageId: 'missing', data: { number: q.number ?? i + 1, name: q.title, asks: ASKS[q.number ?? i + 1] ?? q.title }, loc });
      });
    }
  },
});
