import { integer, ruleOptions } from '../src/options.js';
import type { BugThread, ThreadComment } from '../src/parse/thread.js';
import { defineRule } from '../src/types.js';
import { commentsUntil, DAY, formatDays, formatUtc, irgAt, judgeTime, ownText, reportKinds, resolvedIntervals, whiteboardAt, whiteboardStates } from './bug-common.js';

/** The four figures a revocation-delay update gives, and how each is recognised on one line (with a number, or a date for the completion). */
const FIGURES: ReadonlyArray<{ key: string; name: string; test: (line: string) => boolean }> = [
  {
    key: 'revoked',
    name: 'certificates revoked',
    test: (l) => /(?<!not |not yet |yet to be |to be |n't |un)\brevoked\b/i.test(l.replace(/\bnot\s+(?:yet\s+)?(?:been\s+)?revoked\b/gi, '')) && hasCount(l),
  },
  {
    key: 'notRevoked',
    name: 'not yet revoked',
    test: (l) => /\b(?:not\s+(?:yet\s+)?(?:been\s+)?revoked|yet\s+to\s+be\s+revoked|unrevoked|remain(?:s|ing)?\s+(?:to\s+be\s+revoked|unrevoked|valid|active)|still\s+(?:valid|active|unrevoked)|pending\s+revocation|awaiting\s+revocation|outstanding)\b/i.test(l) && hasCount(l),
  },
  {
    key: 'expired',
    name: 'planned for revocation but expired',
    test: (l) => /\bexpir(?:ed|y|ation)\b/i.test(l) && hasCount(l),
  },
  {
    key: 'completion',
    name: 'estimated completion',
    test: (l) =>
      /\b(?:estimated|expected|planned|projected|target(?:ed)?|anticipated)\s+(?:date\s+(?:of|for)\s+)?(?:completion|to\s+(?:be\s+)?complete|completion\s+date|end\s+date|finish)|\b(?:complete|completed|finished|revoked)\s+(?:by|before|no\s+later\s+than)\b|\beta\b|\bcompletion\b/i.test(l) &&
      /\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}\b|\b[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\b|\b(?:completed?|done|finished)\b/i.test(l),
  },
];

/** A count on the line: a number, or words that say none. */
function hasCount(line: string): boolean {
  return /\d|\b(?:no|none|zero|all)\b/i.test(line);
}

/** Words that show a comment is about revocation progress (an update), not an unrelated answer. */
const ABOUT_REVOCATION = /\brevo(?:ked|cation|king|ke)\b/i;
/** Revocation finished: nothing is left to revoke. */
const DONE = /\b(?:all\s+(?:(?:of\s+the\s+)?(?:affected\s+|remaining\s+)?(?:certificates|certs)\s+)?(?:have\s+been|were|are\s+now)\s+revoked|revocation\s+(?:is\s+|has\s+been\s+|was\s+)?(?:now\s+)?(?:complete|completed|finished)|(?:completed|finished)\s+(?:the\s+)?revocation|not\s+yet\s+revoked\W{0,5}\s*(?:0|none|zero)\b)/i;

function figuresIn(c: ThreadComment): { missing: string[]; any: boolean } {
  // Lines, and the sentences of a paragraph.
  const lines = ownText(c).split(/\n|(?<=[.;!])[ \t]+(?=[A-Z0-9])/);
  const missing: string[] = [];
  let any = false;
  for (const f of FIGURES) {
    if (lines.some((l) => f.test(l))) any = true;
    else missing.push(f.name);
  }
  return { missing, any };
}

export default defineRule<{ shouldDays: number; mustDays: number }, BugThread>({
  meta: {
    id: 'bug-revocation-delay-updates',
    description: 'Require updates at most every 3 days (and never more than 7) on a revocation-delay bug, each giving the four revocation figures.',
    tags: ['thread', 'lifecycle', 'revocation'],
    severity: 'error',
    appliesTo: 'thread',
    messages: {
      gapShould: 'After {{anchor}} ({{at}}) the next revocation-delay update came {{days}} later (comment {{next}}); {{version}} asks for one at least every {{should}} days.',
      gapMust: 'After {{anchor}} ({{at}}) the next revocation-delay update came {{days}} later (comment {{next}}); {{version}} requires one at least every {{must}} days (and asks for every {{should}}).',
      silentShould: 'After {{anchor}} ({{at}}) there has been no revocation-delay update for {{days}}{{asOf}}; {{version}} asks for one at least every {{should}} days.',
      silentMust: 'After {{anchor}} ({{at}}) there has been no revocation-delay update for {{days}}{{asOf}}; {{version}} requires one at least every {{must}} days (and asks for every {{should}}).',
      missingFigures: 'This revocation-delay update (comment {{comment}}) does not give: {{missing}}. Each update gives the number of certificates revoked, not yet revoked, planned for revocation but expired, and the estimated completion ({{version}}).',
    },
    options: ruleOptions({
      /** Days between updates before a warning (the IRG's SHOULD). */
      shouldDays: integer(1, 3),
      /** Days between updates before an error (the IRG's MUST). */
      mustDays: integer(1, 7),
    }),
    rationale:
      'While certificates that should have been revoked are still valid, root programs want to watch the number fall. On a bug whose whiteboard carries revocation-delay (the whiteboard as it stood at each moment), every CA update is due at most 3 days after the last (a warning past 3 days, an error past 7), and each gives four figures: how many certificates have been revoked, how many are not yet revoked, how many were planned for revocation but expired first, and when revocation is expected to be complete. A CA comment counts as an update when it speaks of revocation; one that answers something else neither resets the clock nor needs the figures. The figures are read line by line: a line naming the figure with a number (or "none", "all"), and for the completion a date; a finding names the figures it could not find, as a warning, since the wording is free. The updates stop being due once an update says revocation is complete (all revoked, or none left), after a Closure Summary, and while the bug is resolved. Applies to obligations from IRG 3.0 (2025-03-01); before that, revocation delays had the weekly updates of bug-update-cadence.',
    source:
      'CCADB IRG 3.2, "When are reports updated?", delayed revocation: updates SHOULD be provided every 3 days and MUST be provided at least every 7 days until revocation is complete, giving the number of certificates revoked, not yet revoked, planned for revocation but expired, and the estimated completion (since IRG 3.0, effective 2025-03-01).',
    examples: [
      {
        title: 'Five days between updates, and an update without the figures',
        kind: 'thread',
        now: '2025-09-10',
        code: '{"source":"https://bugzilla.mozilla.org","fetched":"2025-09-10T00:00:00Z","bug":{"id":1999005,"summary":"Example CA: delayed revocation","whiteboard":"[ca-compliance] [leaf-revocation-delay]","status":"NEW","resolution":"","creation_time":"2025-09-01T10:00:00Z","creator":"incidents@example-ca.com","assigned_to":"incidents@example-ca.com","flags":[]},"comments":[{"count":0,"text":"Revocation status:\\n- Revoked: 120\\n- Not yet revoked: 30\\n- Planned for revocation but expired: 2\\n- Estimated completion: 2025-09-20","creator":"incidents@example-ca.com","creation_time":"2025-09-01T10:00:00Z","is_private":false,"tags":[]},{"count":1,"text":"Revocation continues; 20 more certificates were revoked.","creator":"incidents@example-ca.com","creation_time":"2025-09-06T10:00:00Z","is_private":false,"tags":[]},{"count":2,"text":"Revocation status:\\n- Revoked: 145\\n- Not yet revoked: 5\\n- Planned for revocation but expired: 2\\n- Estimated completion: 2025-09-20","creator":"incidents@example-ca.com","creation_time":"2025-09-08T10:00:00Z","is_private":false,"tags":[]}],"history":[]}\n',
        expect: [
          { messageId: 'gapShould', line: 1, comment: 0 },
          { messageId: 'missingFigures', line: 1, comment: 1 },
        ],
      },
    ],
  },
  check(thread, ctx) {
    const { now, horizon } = judgeTime(ctx);
    const o = ctx.options;
    const comments = commentsUntil(thread, horizon);
    const states = whiteboardStates(thread);
    const intervals = resolvedIntervals(thread);
    const isResolved = (t: number): boolean => intervals.some((i) => i.from <= t && t < i.to);
    const tagged = (t: number): boolean => whiteboardAt(states, t).whiteboard.revocationDelay;
    if (!thread.whiteboard.revocationDelay && !states.some((s) => s.whiteboard.revocationDelay)) return;

    let anchor: ThreadComment | undefined;
    let finished = false;
    let next: { due: number; comment: number; version: string } | undefined;
    const base = (a: ThreadComment) => {
      const v = irgAt(a.time);
      return { anchor: `comment ${a.count} by the CA`, at: formatUtc(a.time), version: v.name, should: o.shouldDays, must: o.mustDays };
    };
    const judgeGap = (a: ThreadComment, end: number, nextComment: ThreadComment | undefined, asOf: string): void => {
      const gap = end - a.time;
      if (gap <= o.shouldDays * DAY) return;
      const must = gap > o.mustDays * DAY;
      if (nextComment) {
        ctx.report({ messageId: must ? 'gapMust' : 'gapShould', comment: a.count, loc: { line: 1 }, data: { ...base(a), days: formatDays(gap), next: nextComment.count }, ...(must ? {} : { severity: 'warn' as const }) });
      } else {
        ctx.report({ messageId: must ? 'silentMust' : 'silentShould', comment: a.count, loc: { line: 1 }, data: { ...base(a), days: formatDays(gap), asOf }, ...(must ? {} : { severity: 'warn' as const }) });
      }
    };

    for (const c of comments) {
      if (anchor && isResolved(c.time)) {
        // Resolved since the anchor: the gap runs until the resolution.
        const r = intervals.find((i) => i.from > anchor!.time && i.from <= c.time);
        if (r) judgeGap(anchor, r.from, undefined, ' before the bug was resolved');
        anchor = undefined;
      }
      if (!c.isCa || finished || isResolved(c.time)) continue;
      if (!tagged(c.time) || !irgAt(c.time).revocationDelayUpdates) continue;
      const kinds = reportKinds(thread, c);
      const text = ownText(c);
      if (!ABOUT_REVOCATION.test(text) && kinds.size === 0) continue; // not an update on revocation
      if (anchor) judgeGap(anchor, c.time, c, '');
      if (kinds.has('closure')) {
        anchor = undefined;
        finished = true;
        continue;
      }
      if (DONE.test(text)) {
        anchor = undefined;
        finished = true;
        continue;
      }
      const { missing } = figuresIn(c);
      if (missing.length > 0 && kinds.size === 0) {
        ctx.report({ messageId: 'missingFigures', comment: c.count, loc: { line: 1 }, data: { comment: c.count, missing: missing.join(', '), version: irgAt(c.time).name }, severity: 'warn' });
      }
      anchor = c;
    }
    if (anchor && thread.open && !finished) {
      const stillTagged = tagged(horizon);
      if (stillTagged) {
        next = { due: anchor.time + o.shouldDays * DAY, comment: anchor.count, version: irgAt(anchor.time).name };
        if (now > next.due) judgeGap(anchor, now, undefined, ` as of ${formatUtc(now)}`);
      }
    }
    if (next) ctx.deadline({ obligation: 'revocation-delay update', due: next.due, basis: `${o.shouldDays} days after comment ${next.comment} (${next.version}, revocation delay)`, comment: next.comment });
  },
});
