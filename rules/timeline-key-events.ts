import { ruleOptions, stringList } from '../src/options.js';
import type { ReportBlock, TimelineEntry } from '../src/model.js';
import { revocationDelay } from './_vocabulary.js';
import { timelines } from '../src/parse/timeline.js';
import { escapeRegExp } from '../src/parse/text.js';
import { at, fields, section } from '../src/query.js';
import { localDate, parseTimestamp } from '../src/parse/timestamp.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

/** Word beginnings ("notif" matches notified, notifying, notification), matched case-insensitively at the start of a word. */
const DEFAULTS = {
  awareness: ['aware', 'notif', 'report', 'receiv', 'discover', 'identif', 'detect', 'alert', 'learn', 'flag', 'inform', 'notic', 'found', 'became known', 'escalat', 'paged', 'spotted', 'raised'],
  end: [
    'resolv', 'fix', 'deploy', 'revok', 'complet', 'remediat', 'stop', 'ceas', 'correct', 'end', 'ended', 'ends', 'disabl', 'replac', 'updat', 'halt', 'rolled back', 'roll back', 'ongoing',
    'mitigat', 'publish', 'respond', 'closed', 'restor', 'resum', 're-enabl', 'reenabl', 'exempt', 'patch', 'rebuil', 'back in', 'no longer', 'paus', 'suspend', 'block', 'remov', 'reverted', 'revert', 'contain',
  ],
  revocationPlanned: ['will revoke', 'will be revoked', 'expect', 'plan', 'schedul', 'deadline', 'no later than', 'target', 'due'],
  revocationDone: ['revoked', 'revocation completed', 'revocation was completed', 'completed revocation', 'completed the revocation', 'revocation complete'],
};

/** The CA posting (sending, filing) its own report or bug. */
const OWN_REPORT = /\b(?:post|posts|posted|posting|publish|published|publishes|file|files|filed|filing|submit|submits|submitted|send|sends|sent|share|shares|shared|upload|uploaded|open|opens|opened|create|created|update|updated)\b[^.\n]{0,40}?\b(?:report|bug)\b/gi;
/** An entry that plainly records awareness, so it is not also the end. */
const AWARENESS_EVENT = /\b(?:became aware|become aware|becomes aware|notified|received|discovered|detected|alerted|learned|noticed|found|finds|identified|reported)\b/i;

function wordsRe(words: string[]): RegExp | undefined {
  const w = words.map((x) => x.trim()).filter((x) => x.length > 0);
  return w.length > 0 ? new RegExp(`\\b(?:${w.map((x) => escapeRegExp(x).replace(/ +/g, '\\s+')).join('|')})`, 'i') : undefined;
}

const compiled = perOptions((o: { awareness: string[]; end: string[]; revocationPlanned: string[]; revocationDone: string[] }) => ({
  aware: wordsRe(o.awareness),
  end: wordsRe(o.end),
  planned: wordsRe(o.revocationPlanned),
  done: wordsRe(o.revocationDone),
}));

export default defineRule({
  meta: {
    id: 'timeline-key-events',
    description: 'Require timeline entries for awareness and for the end of the incident, and for revocation delays the expected and actual completion of revocation.',
    tags: ['timeline'],
    severity: 'warn',
    messages: {
      missingAwareness: 'The timeline has no entry for when the CA became aware of the incident (a report received, an alert, a finding); add the awareness event with its date and time, as the IRG expects.',
      missingEnd: 'The timeline has no entry for when the incident ended (fix deployed, issuance stopped, certificates revoked) or that says it is ongoing; add the end of the incident with its date and time, as the IRG expects.',
      missingRevocationPlanned: 'This is a revocation-delay incident ({{evidence}}), but the timeline has no entry for when revocation was expected to be complete; add it, as the IRG asks.',
      missingRevocationDone: 'This is a revocation-delay incident ({{evidence}}), but the timeline has no entry for when revocation was actually completed (or that it is still ongoing); add it, as the IRG asks.',
    },
    options: ruleOptions({
        awareness: stringList(DEFAULTS.awareness),
        end: stringList(DEFAULTS.end),
        revocationPlanned: stringList(DEFAULTS.revocationPlanned),
        revocationDone: stringList(DEFAULTS.revocationDone),
      }),
    rationale:
      'The IRG lists the events a timeline must show: the changes that contributed, the start of the incident, when the CA became aware, when it ended, and for revocation delays when revocation was expected to complete and when it did. Without the awareness and end entries a reviewer cannot measure the response time, which is what most incidents are judged on. The words that mark each event are options, so a CA can add its own vocabulary.',
    source: 'CCADB IRG 3.x "Timeline": include the start, the awareness, the end of the incident and, for revocation delays, the expected and actual completion of revocation.',
    examples: [
      {
        title: 'A timeline that never says when the incident ended',
        code: '## Incident Report\n\n### Timeline\n\nAll times are UTC.\n\n- 2024-03-05 10:18 A certificate problem report was received.\n- 2024-03-05 11:00 We began the investigation.\n',
        expect: [{ messageId: 'missingEnd', line: 3 }],
      },
    ],
  },
  check(report, ctx) {
    const o = ctx.options;
    const { aware, end, planned, done } = compiled(o);
    const delay = revocationDelay(report);
    for (const t of timelines(report)) {
      if (t.block.template !== 'ccadb-v3-full' && t.block.template !== 'ccadb-v2') continue;
      if (t.entries.length === 0) continue;
      // Only the entries themselves count: words in the Summary or in a paragraph after the timeline say nothing about it.
      const texts = t.entries.map((e: TimelineEntry) => e.text);
      const any = (re: RegExp | undefined, filter: (s: string) => boolean = () => true): boolean => re === undefined || texts.some((s) => filter(s) && re.test(s));
      // "We post this report" is the CA's own report, not a report that made it aware.
      const awareTexts = texts.map((x) => (x.includes('report') || x.includes('Report') ? x.replace(OWN_REPORT, ' ') : x));
      const anyAware = aware === undefined || awareTexts.some((x) => aware.test(x));
      const loc = at(t.section.headingSpan);
      // The Summary's own dates place awareness and the end in the timeline: an entry on the identified date is the awareness,
      // and when the incident has ended, an entry on the end date is the end.
      const summaryDates = summaryDays(t.block);
      // An entry that is plainly the other event (the end on the identified day) does not count.
      const onDay = (day: string | undefined, other: RegExp | undefined): boolean =>
        day !== undefined && t.entries.some((e) => e.instant !== undefined && localDate(e.timestamp) === day && !(other?.test(e.text) ?? false));
      if (!anyAware && !onDay(summaryDates.identified, end)) ctx.report({ messageId: 'missingAwareness', loc });
      if (!any(end) && !onDay(summaryDates.end, AWARENESS_EVENT)) ctx.report({ messageId: 'missingEnd', loc });
      if (delay) {
        const aboutRevocation = (s: string): boolean => /revo/i.test(s);
        if (!any(planned, aboutRevocation)) ctx.report({ messageId: 'missingRevocationPlanned', data: { evidence: delay.evidence }, loc });
        const happened = (x: string): boolean => aboutRevocation(x) && !(planned?.test(x) ?? false);
        if (!any(done, happened) && !texts.some((s) => aboutRevocation(s) && /\bongoing\b/i.test(s))) ctx.report({ messageId: 'missingRevocationDone', data: { evidence: delay.evidence }, loc });
      }
    }
  },
});

/** The Summary's Non-compliance identified and end dates (ISO), when they are plain dates. */
function summaryDays(block: ReportBlock): { identified?: string; end?: string } {
  const summary = section(block, 'summary');
  const out: { identified?: string; end?: string } = {};
  if (!summary) return out;
  const day = (key: string): string | undefined => {
    const f = fields(summary, key)[0];
    if (!f) return undefined;
    const ts = parseTimestamp(f.value.replace(/[*_`]/g, ''));
    return ts && !ts.ambiguousDate && !ts.missingYear && !ts.invalidDate ? ts.isoDate : undefined;
  };
  const identified = day('noncompliance-identified');
  const end = day('noncompliance-end');
  if (identified) out.identified = identified;
  if (end) out.end = end;
  return out;
}
