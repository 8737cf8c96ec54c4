import { ruleOptions, stringList } from '../src/options.js';
import { at, blocksOf } from '../src/query.js';
import { escapeRegExp } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { judgedTemplate } from '../src/parse/context.js';
import { defineRule } from '../src/types.js';

const DEFAULT_PHRASES = [
  'contained',
  'ongoing',
  'on-going',
  'still occurring',
  'still happening',
  'has been resolved',
  'is resolved',
  'was resolved',
  'has been remediated',
  'has been fixed',
  'was fixed',
  'has been stopped',
  'was stopped',
  'has been halted',
  'was halted',
  'no longer',
  'non-compliance end date',
  'stopped issuance',
  'issuance was stopped',
  'issuance has been stopped',
  'ceased',
  'mitigated',
  'under control',
  'resolved',
  'remediated',
  'corrected',
  'fixed',
  'stopped',
  'halted',
  'paused',
  'suspended',
  'disabled',
  'no further',
  'has been updated',
  'have been updated',
  'have been revoked',
  'has been revoked',
  'were revoked',
  'deployed',
  'restored',
  'rolled back',
  'reverted',
  'resumed',
  'not yet',
  'still not',
  'remain',
  'remains',
  'continues',
  'continuing',
  'in progress',
  'underway',
  'under way',
];

const phraseRegExps = perOptions((o: { phrases: string[] }) => o.phrases.map((p) => new RegExp(`(?<![A-Za-z])${escapeRegExp(p).replace(/ /g, '[\\s-]+')}(?![A-Za-z])`, 'i')));

export default defineRule({
  meta: {
    id: 'contained-or-ongoing',
    description: 'Require a Preliminary report to say whether the incident is contained or ongoing.',
    tags: ['summary'],
    severity: 'warn',
    messages: {
      missing: 'This Preliminary report does not say whether the incident is contained or still ongoing; state it (e.g. "The incident is contained: the affected profile was disabled at 2025-08-12 16:40 UTC.").',
    },
    options: ruleOptions({ phrases: stringList(DEFAULT_PHRASES) }),
    rationale:
      'A Preliminary report is posted within 72 hours, before the analysis is done; its main job is to tell root programs whether the problem is still happening. The rule looks for words that say so ("contained", "ongoing", "has been stopped", "no longer"); the "phrases" option lists them.',
    source: 'CCADB IRG 3.x, "Preliminary Incident Report": the report states whether the incident is contained or ongoing.',
    examples: [
      { title: 'Says it is contained', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** 14 certificates were issued with a stale CAA check. The incident is contained: the retry path was disabled.\n', expect: [] },
      { title: 'Says neither', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** 14 certificates were issued with a stale CAA check.\n', expect: [{ messageId: 'missing', line: 1 }] },
    ],
  },
  check(report, ctx) {
    const phrases = phraseRegExps(ctx.options);
    const nowMs = ctx.now().toMillis();
    for (const block of blocksOf(report, 'ccadb-v3-preliminary')) {
      // IRG 2.0 had no such requirement: a preliminary report posted before IRG 3.0 is not held to it.
      if (judgedTemplate(report, block, nowMs) !== 'ccadb-v3-preliminary') continue;
      const text = block.lines.filter((l) => l.kind === 'text' || l.kind === 'table').map((l) => (l.kind === 'table' ? l.raw : l.body)).join('\n');
      if (phrases.some((p) => p.test(text))) continue;
      ctx.report({ messageId: 'missing', loc: at(block.headingSpan) });
    }
  },
});
