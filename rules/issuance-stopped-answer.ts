import { integer, ruleOptions } from '../src/options.js';
import { blocksOf, fields, section } from '../src/query.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const IMPACT = (v: string): string => `## Full Incident Report\n\n### Impact\n\n- **Was issuance stopped in response to this incident, and why or why not?:** ${v}\n`;

/** "was not halted", "did not stop", "never paused": a No. */
const NEGATED_STOP = /\b(?:not|never|n't|no need to)\b[^.;]{0,30}?\b(?:stop(?:ped)?|halt(?:ed)?|paus(?:e|ed)|suspend(?:ed)?|ceas(?:e|ed)|disabl(?:e|ed))\b/i;
const YES_WORDS = /\b(?:stopped|halted|paused|suspended|disabled|ceased|blocked)\b/i;
const NO_WORDS = /\b(?:not|never|continued|continues|unaffected|did ?n[o']t|was ?n[o']t|were ?n[o']t)\b/i;

export default defineRule({
  meta: {
    id: 'issuance-stopped-answer',
    description: 'Require the issuance question to begin with Yes or No and explain why.',
    tags: ['impact'],
    severity: 'error',
    messages: {
      noAnswer: 'The issuance question must begin with Yes or No, then explain why or why not; found "{{found}}".',
      suggest: 'The issuance question must begin with Yes or No, then explain why or why not; "{{found}}" reads as "{{suggestion}}": begin with "{{suggestion}}." and keep the explanation.',
      noExplanation: 'The issuance question is answered "{{answer}}" without an explanation; say why issuance was or was not stopped.',
      notApplicable: 'The issuance question is answered N/A; begin with Yes or No and explain (e.g. "No. The incident did not involve certificate issuance.").',
    },
    options: ruleOptions({ minExplanationWords: integer(1, 3) }),
    rationale:
      'Whether issuance was stopped is the first thing a root program asks: it tells whether misissuance may still be happening. The IRG asks for a plain Yes or No followed by the reason, because a paragraph that never says which one leaves readers to guess. Even when no issuance was involved, "No, because ..." answers the question; N/A does not.',
    source: 'CCADB IRG 3.x, Full Incident Report, Impact: "Was issuance stopped in response to this incident, and why or why not?".',
    examples: [
      { title: 'Yes, with the reason', code: IMPACT('Yes. We disabled the affected profile at 2025-08-12 16:40 UTC until the fix was deployed.'), expect: [] },
      { title: 'A paragraph that never says Yes or No', code: IMPACT('Certificate issuance was not halted, as issuance was not impacted.'), expect: [{ messageId: 'suggest', line: 5 }] },
      { title: 'Yes alone', code: IMPACT('Yes.'), expect: [{ messageId: 'noExplanation', line: 5 }] },
    ],
  },
  check(report, ctx) {
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      for (const f of fields(section(block, 'impact'), 'issuance-stopped')) {
        if (f.value === '') continue;
        const loc = { start: f.valueSpan.start, end: f.valueSpan.end };
        const text = f.value.replace(/^[*_`"'\s]+/, '');
        if (isNotApplicable(text)) {
          ctx.report({ messageId: 'notApplicable', loc });
          continue;
        }
        const m = /^(yes|no)\b[\s.,;:!\u2013\u2014-]*/i.exec(text);
        if (m) {
          const rest = text.slice(m[0].length).trim();
          const words = rest.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
          if (words < ctx.options.minExplanationWords) ctx.report({ messageId: 'noExplanation', data: { answer: m[1] as string }, loc });
          continue;
        }
        const first = text.split(/(?<=[.!?])\s|\n/)[0] ?? text;
        const suggestion = NEGATED_STOP.test(first) ? 'No' : YES_WORDS.test(first) ? 'Yes' : NO_WORDS.test(first) ? 'No' : undefined;
        if (suggestion) ctx.report({ messageId: 'suggest', data: { found: clip(first), suggestion }, loc });
        else ctx.report({ messageId: 'noAnswer', data: { found: clip(first) }, loc });
      }
    }
  },
});
