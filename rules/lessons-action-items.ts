import { integer, ruleOptions, stringList } from '../src/options.js';
import type { ActionItem, LessonItem } from '../src/model.js';
import { actionItemsOf, factorReferences } from '../src/parse/actions.js';
import { factorsOf, lessonItems } from '../src/parse/factors.js';
import { phrasesRegExp, sameTerms, sharedTerms, termsOf } from '../src/parse/terms.js';
import { clip, norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { at } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Words too common in incident reports to show that a lesson and an action are about the same thing. */
const STOP_WORDS = [
  'the', 'and', 'for', 'with', 'that', 'this', 'these', 'those', 'was', 'were', 'are', 'is', 'been', 'being', 'be', 'has', 'have', 'had', 'not', 'but', 'from', 'into', 'onto', 'our', 'ours', 'we', 'us', 'its', 'it', 'their', 'they', 'them', 'which', 'who', 'whom', 'what', 'when', 'where', 'why', 'how', 'all', 'any', 'each', 'every', 'some', 'more', 'most', 'less', 'than', 'then', 'also', 'only', 'very', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'did', 'does', 'doing', 'done', 'didn', 'don', 'doesn', 'wasn', 'weren', 'after', 'before', 'during', 'while', 'about', 'because', 'due', 'such', 'other', 'same', 'there', 'here', 'over', 'under', 'between', 'within', 'without', 'through', 'until', 'again', 'further', 'once', 'one', 'two', 'three', 'first', 'new', 'well', 'go', 'went', 'going', 'got', 'get', 'make', 'made', 'take', 'taken', 'took', 'use', 'used', 'using', 'need', 'needed', 'able', 'time', 'times', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'week', 'weeks', 'month', 'months', 'year', 'years', 'way', 'case', 'cases', 'lack', 'fact', 'thing', 'things',
  // the subject of every report
  'certificate', 'certificates', 'cert', 'certs', 'incident', 'incidents', 'issue', 'issues', 'problem', 'problems', 'report', 'reports', 'reported', 'item', 'items', 'action', 'actions', 'ca', 'cas', 'root', 'cause', 'causes', 'contributing', 'factor', 'factors',
];

/** Words that name the same thing in lessons and actions. */
const SYNONYMS = [
  'subscriber customer client applicant',
  'email e-mail mail mailbox inbox',
  'alert alarm page paging notification notify',
  'monitor monitoring watch',
  'review check inspect inspection',
  'test testing verify verification',
  'document documentation doc docs',
  'staff employee personnel team operator people',
  'slow late delay delayed',
  'weekend holiday after-hours',
  'communication contact communicate',
  'response respond reply answer acknowledge acknowledgement',
  'procedure process',
  'tool tooling software system',
];

/** Negations always make an Additional item a shortcoming: "not", "no", "never", "didn't". */
const NEGATION = /(?<![a-z0-9])(?:not|no|never|nobody|nothing)(?![a-z0-9])|n't(?![a-z])/;

/** Word starts that make an Additional item a shortcoming (which needs an action) rather than an observation. */
const PROBLEM_WORDS = ['fail', 'lack', 'missing', 'miss', 'late', 'slow', 'without', 'gap', 'could have', 'should have', 'error', 'mistake', 'unclear', 'insufficient', 'inadequate', 'incomplete', 'overlook', 'wrong', 'incorrect', 'delay', 'weak', 'poor', 'unable'];

const LESSON_FIELDS = { 'went-badly': "What didn't go well", 'lessons-other': 'Additional' } as const;

/** An explicit pointer from a lesson to an action item: "see action item 2", "(Action Item #3)", "addressed by AI-2". */
const REFERENCE = /\baction[ \t]+items?[ \t]*(?:(?:#|no\.?|number)[ \t]*)?\d{1,2}\b|\bAI[ \t]*(?:[-#][ \t]*)?\d{1,2}\b|\b(?:addressed|covered|tracked)[ \t]+(?:by|in)[ \t]+(?:the[ \t]+)?action/i;

const compiled = perOptions((o: { stopWords: string[]; synonyms: string[]; problemWords: string[] }) => ({
  problem: phrasesRegExp(o.problemWords),
  stop: new Set(o.stopWords.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0)),
  same: sameTerms(o.synonyms),
}));

const REPORT = (lesson: string, action: string): string =>
  `## Full Incident Report\n\n### Lessons Learned\n\n- **What went well:** The scanner alerted within minutes.\n- **What didn't go well:** ${lesson}\n- **Where we got lucky:** N/A\n- **Additional:** N/A\n\n### Action Items\n\n| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |\n| --- | --- | --- | --- | --- | --- |\n| ${action} | Prevent | Root Cause #1 | Test fails on a stale result | 2025-10-15 | Ongoing |\n`;

export default defineRule({
  meta: {
    id: 'lessons-action-items',
    description: "Warn when an item of What didn't go well or Additional in the Lessons Learned has no corresponding action item.",
    tags: ['lessons-learned', 'action-items'],
    severity: 'warn',
    messages: {
      unaddressed:
        "{{field}} item \"{{item}}\" seems to have no corresponding action item: no action item shares any of its terms ({{terms}}) or refers to it. The IRG requires at least one Action Item for each; add one, or name the item it is addressed by (\"addressed by action item 2\").",
    },
    options: ruleOptions({
      /** Words left out when comparing a lesson with the action items. */
      stopWords: stringList(STOP_WORDS),
      /** Groups of words that count as the same term, one group a string ("customer subscriber client"). */
      synonyms: stringList(SYNONYMS),
      /** Word starts that make an Additional item a shortcoming that needs an action (every What didn't go well item needs one). */
      problemWords: stringList(PROBLEM_WORDS),
      /** Shortest word (letters) that counts as a term. */
      minWordLength: integer(2, 3),
    }),
    rationale:
      'What went wrong and what the CA will change should meet: a reviewer reads each "didn\'t go well" item and looks for the action that fixes it. An item with no action is either not fixed or not explained. ir-lint cannot judge meaning, so it looks for an explicit pointer ("addressed by action item 2") or at least one word the item shares with an action item or its evaluation criteria, or two words it shares with a contributing factor that an action item names in "Corresponding Root Cause(s)" (words stemmed, so "monitoring" meets "monitor"; a few groups of words count as one, such as "customer" and "subscriber"; common words such as "certificate" or "incident" do not count). Every "What didn\'t go well" item is checked; an "Additional" item only when it names a shortcoming ("not", "failed", "lack", "late"...), since that field also holds observations. It warns only when no action is found, naming the terms it looked for; the word lists are options.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Lessons Learned": "each item in What didn\'t go well MUST have at least one corresponding Action Item".',
    examples: [
      { title: 'A lesson and an action that share terms', code: REPORT('The nightly scanner let 8 days pass before the first alert.', 'Run the compliance scanner every 15 minutes instead of nightly'), expect: [] },
      { title: 'A lesson no action addresses', code: REPORT('Our CPS described a validation method we no longer use.', 'Run the compliance scanner every 15 minutes instead of nightly'), expect: [{ messageId: 'unaddressed', line: 6 }] },
    ],
  },
  check(report, ctx) {
    const { stop, same, problem } = compiled(ctx.options);
    const minLength = ctx.options.minWordLength;
    for (const ai of actionItemsOf(report)) {
      if (ai.items.length === 0) continue;
      const lessons = lessonItems(report, ai.block).filter((l: LessonItem) => l.key in LESSON_FIELDS);
      if (lessons.length === 0) continue;
      const actionText = (i: ActionItem): string => [i.action.text, i.criteria?.text ?? '', i.rootCauses?.text ?? ''].join(' ');
      const actionTerms = termsOf(ai.items.map(actionText).join(' '), stop, minLength, same);
      // Contributing factors that an action item names: a lesson that describes one of them is addressed through it.
      const named = new Set<number>();
      let all = false;
      for (const i of ai.items) {
        if (!i.rootCauses) continue;
        const r = factorReferences(i.rootCauses.text);
        all ||= r.all;
        for (const n of r.numbers) named.add(n);
      }
      const factorTerms = factorsOf(report, ai.block)
        .filter((f) => all || (f.number !== undefined && named.has(f.number)))
        .map((f) => termsOf([f.title, ...f.fields.filter((x) => x.spec.key === 'factor-description').map((x) => x.value)].join(' '), stop, minLength, same));
      for (const l of lessons) {
        if (REFERENCE.test(l.text)) continue;
        // An Additional item may be an observation ("The community's questions helped"); only a shortcoming needs an action.
        if (l.key === 'lessons-other') {
          const t = norm(l.text);
          if (!NEGATION.test(t) && !(problem?.test(t) ?? false)) continue;
        }
        const terms = termsOf(l.text, stop, minLength, same);
        // Too little text to judge ("None.", "See above.").
        if (terms.size < 2) continue;
        if (sharedTerms(terms, actionTerms).length > 0) continue;
        if (factorTerms.some((ft) => sharedTerms(terms, ft).length >= 2)) continue;
        const shown = [...terms.values()].slice(0, 6).join(', ');
        ctx.report({ messageId: 'unaddressed', data: { field: LESSON_FIELDS[l.key as keyof typeof LESSON_FIELDS], item: clip(l.text, 70), terms: shown }, loc: at(l.span) });
      }
    }
  },
});
