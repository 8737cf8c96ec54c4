import { flag, integer, ruleOptions } from '../src/options.js';
import { at, blocksOf } from '../src/query.js';
import { factorsOf, rootCauseTexts } from '../src/parse/factors.js';
import { isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const Options = ruleOptions({
    /** A root cause description shorter than this many words is flagged. */
    minWords: integer(0, 20),
    /** A root cause description with fewer sentences than this is flagged. */
    minSentences: integer(0, 2),
    /** Also flag a v3 analysis that names a single contributing factor (a question reviewers may ask, not a defect: off by default). */
    singleFactor: flag(false),
  });

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

function sentences(text: string): number {
  return text.split(/(?<![.!?;])[.!?;]+(?:\s+|$)|\n/).filter((s) => words(s) >= 3).length;
}

export default defineRule({
  meta: {
    id: 'rca-depth',
    description: 'Warn about root cause descriptions of one line and analyses with a single contributing factor.',
    tags: ['root-cause'],
    severity: 'warn',
    messages: {
      singleFactor: 'The Root Cause Analysis names a single contributing factor. The IRG notes that a single root cause is unusual: look for what let the problem start, what let it go undetected and what made it worse.',
      shallowFactor: 'The Description of {{factor}} is {{size}}; explain how the factor came about, why it was not caught and how it led to the incident.',
      shallowText: 'The root cause in {{where}} is {{size}}; explain how and why the problem came about and why it was not detected earlier.',
    },
    options: Options,
    rationale:
      'A one-line root cause ("the email went to junk") restates the symptom; reviewers then ask "why?" in public, often several times. The IRG expects an analysis deep enough that the action items follow from it, and notes that a single contributing factor is unusual. The thresholds are options; a description shorter than minWords, or with fewer than minSentences sentences and under twice minWords words, is flagged. A single contributing factor is flagged only with singleFactor: true, since a single well-explained factor is not a defect a reviewer sends back.',
    source: 'CCADB IRG 3.x, "Root Cause Analysis"; IRG 2.0 "Root Cause Analysis"; Mozilla question 6.',
    examples: [
      {
        title: 'A one-sentence v2 root cause',
        code: '## Incident Report\n\n### Root Cause Analysis\n\nThe email filter sent the email to junk.\n',
        expect: [{ messageId: 'shallowText', line: 5 }],
      },
    ],
  },
  check(report, ctx) {
    const { minWords, minSentences } = ctx.options;
    const shallow = (text: string): string | undefined => {
      const w = words(text);
      const s = sentences(text);
      if (w < minWords) return `${w} words long`;
      // One long sentence that explains the cause ("because ..., so ...") is not shallow.
      if (s < minSentences && w < 2 * minWords) return s <= 1 ? 'a single sentence' : `${s} sentences`;
      return undefined;
    };
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const factors = factorsOf(report, block);
      if (ctx.options.singleFactor && factors.length === 1) ctx.report({ messageId: 'singleFactor', loc: at((factors[0] as (typeof factors)[number]).heading.span) });
      for (const f of factors) {
        const d = f.fields.find((x) => x.spec.key === 'factor-description');
        // A bracketed template instruction left in is no-placeholder's to report.
        if (!d || !d.value || isNotApplicable(d.value) || /^\[[^\]]*\]$/.test(d.value.trim())) continue;
        const size = shallow(d.value);
        if (size) ctx.report({ messageId: 'shallowFactor', data: { factor: f.number === undefined ? `"${f.title}"` : `Contributing Factor #${f.number}`, size }, loc: at(d.valueSpan) });
      }
    }
    for (const unit of rootCauseTexts(report)) {
      if (unit.from !== 'section' && unit.from !== 'legacy-question') continue;
      if (isNotApplicable(unit.text)) continue;
      const size = shallow(unit.text);
      // A legacy answer's first lines often continue the question: point at the question.
      const line = unit.from === 'legacy-question' ? unit.line : unit.lines[0]?.line;
      if (size && line !== undefined) ctx.report({ messageId: 'shallowText', data: { where: unit.name, size }, loc: { line } });
    }
  },
});
