import { flag, integer, ruleOptions, stringList } from '../src/options.js';
import type { BugThread, ThreadComment } from '../src/parse/thread.js';
import { defineRule } from '../src/types.js';
import { closeOnSettings, commentWith, nextUpdateSettings, commentsUntil, DAY, HOUR, formatDays, formatUtc, irgAt, judgeTime, noAnswerNeeded, resolvedBetween, resolvedIntervals, whiteboardStates } from './bug-common.js';

/** Something the CA owes an answer to: a comment by someone else, or a needinfo on a CA account. */
interface Ask {
  at: number;
  /** The comment it arose at. */
  comment: ThreadComment;
  /** For messages: "Comment 4 by reviewer@example.org", "The needinfo on ca@example.com set by x (with comment 4)". */
  what: string;
}

export default defineRule<{ days: number; ignoreAuthors: string[]; ignoreThanks: boolean }, BugThread>({
  meta: {
    id: 'bug-response-time',
    description: 'Require a CA comment within 7 days of every comment by someone else and every needinfo on a CA account.',
    tags: ['thread', 'lifecycle'],
    severity: 'error',
    appliesTo: 'thread',
    messages: {
      late: '{{what}} ({{at}}) got no answer from the CA within {{limit}} days; the next CA comment came {{days}} later (comment {{answer}}). {{version}}: answer every question within {{limit}} days, even if only to acknowledge it.',
      unanswered: '{{what}} ({{at}}) has had no answer from the CA for {{days}}{{asOf}}. {{version}}: answer every question within {{limit}} days, even if only to acknowledge it.',
    },
    options: ruleOptions({
      /** Logins whose comments need no answer (bots). Compared without case. */
      ignoreAuthors: stringList(['release-mgmt-account-bot@mozilla.tld', 'nobody@mozilla.org']),
      /** A comment that only thanks or acknowledges ("Thanks!", "Noted.") needs no answer. */
      ignoreThanks: flag(true),
      /** The days allowed; the IRG's 7 (a stricter house target is a smaller number). */
      days: integer(1, 7),
    }),
    rationale:
      'Unanswered questions are the commonest way an incident turns into a second incident: CFCA filed bug 1955799 for missing the 7 days on several bugs. Every comment by someone other than the CA (a question, a request such as "please provide a status update", a remark on the report) and every needinfo set on a CA account needs a CA comment within 7 days (at most 7 x 24 hours; any CA comment counts, an acknowledgement with a date included). No answer is needed when the bug is resolved within those 7 days, for the description (comment 0: bug-initial-report covers the first report), for the moderator\'s final call for comments ("I will close this on or about ...", or the comment posted with a whiteboard [close on YYYY-MM-DD]), for bots (option ignoreAuthors), for empty comments (a needinfo cleared with no text), and, by default, for a comment that only says thanks (option ignoreThanks; the IRG says every comment, so set it false to be strict). Quoted lines ("> ...") do not make a comment more than thanks. A needinfo set with a comment counts once, as that comment. A comment posted with a new whiteboard "Next update YYYY-MM-DD" (the moderator scheduling the next update) is answered by that update, so it has until the end of that day when that is later than 7 days. IRG 3.2 (2026-03-20) made the 7 days a MUST; before it the Mozilla expectation of an answer within a week applied (the wiki and IRG 2.0 to 3.1 ask for prompt answers and weekly updates), so older misses are reported as warnings.',
    source:
      'CCADB IRG 3.2, "When are reports updated?": "CA Owners SHOULD respond promptly to comments and questions, and MUST respond within 7 days, even if only to acknowledge the request" (effective 2026-03-20; before it the Mozilla wiki "Responding to an Incident" and IRG 2.0 to 3.1 expected answers within the weekly update, reported as warnings).',
    examples: [
      {
        title: 'A question answered after 12.5 days',
        kind: 'thread',
        now: '2026-06-01',
        code: '{"source":"https://bugzilla.mozilla.org","fetched":"2026-06-01T00:00:00Z","bug":{"id":1999003,"summary":"Example CA: wrong extension","whiteboard":"","status":"NEW","resolution":"","creation_time":"2026-04-01T10:00:00Z","creator":"incidents@example-ca.com","assigned_to":"incidents@example-ca.com","flags":[]},"comments":[{"count":0,"text":"We will post a report.","creator":"incidents@example-ca.com","creation_time":"2026-04-01T10:00:00Z","is_private":false,"tags":[]},{"count":1,"text":"Which profiles were affected?","creator":"reviewer@example.org","creation_time":"2026-04-02T10:00:00Z","is_private":false,"tags":[]},{"count":2,"text":"Only the OV profile.","creator":"incidents@example-ca.com","creation_time":"2026-04-14T22:00:00Z","is_private":false,"tags":[]}],"history":[]}\n',
        expect: [{ messageId: 'late', line: 1, comment: 1 }],
      },
    ],
  },
  check(thread, ctx) {
    const { now, horizon } = judgeTime(ctx);
    const o = ctx.options;
    const limit = o.days * DAY;
    const comments = commentsUntil(thread, horizon);
    const states = whiteboardStates(thread);
    const closeOn = closeOnSettings(thread, states);
    const schedules = nextUpdateSettings(thread, states);
    const resolved = resolvedIntervals(thread);
    const answerOptions = { ignoreAuthors: o.ignoreAuthors.map((a) => a.toLowerCase()), ignoreThanks: o.ignoreThanks };
    const asks: Ask[] = [];
    const asked = new Set<number>();
    for (const c of comments) {
      if (c.count === 0 || c.isCa) continue;
      if (noAnswerNeeded(thread, c, answerOptions, closeOn) !== undefined) continue;
      asks.push({ at: c.time, comment: c, what: `Comment ${c.count} by ${c.creator}` });
      asked.add(c.count);
    }
    for (const n of thread.needinfo) {
      if (n.change !== 'set' || n.when > horizon || !thread.isCa(n.target)) continue;
      if (thread.isCa(n.who)) continue; // the CA asking itself
      const withComment = commentWith(thread, n.when, n.who);
      if (withComment && (asked.has(withComment.count) || withComment.isCa)) continue;
      if (withComment && noAnswerNeeded(thread, withComment, answerOptions, closeOn) === 'final call') continue;
      const at = withComment ?? lastBefore(comments, n.when);
      if (!at) continue;
      asks.push({ at: n.when, comment: at, what: `The needinfo on ${n.target} set by ${n.who}${withComment ? ` with comment ${withComment.count}` : ` after comment ${at.count}`}` });
    }
    asks.sort((a, b) => a.at - b.at);
    let next: { ask: Ask; due: number; version: string; scheduled: boolean } | undefined;
    for (const ask of asks) {
      const version = irgAt(ask.at);
      // A comment posted with a new whiteboard "Next update" date (by its author, within an hour) is answered by that update.
      const schedule = schedules.find((x) => x.who.toLowerCase() === ask.comment.creator.toLowerCase() && Math.abs(x.when - ask.comment.time) <= HOUR && ask.comment.time === ask.at);
      const due = Math.max(ask.at + limit, schedule?.until ?? 0);
      const answer = comments.find((c) => c.isCa && c.time > ask.at);
      const answeredAt = answer?.time;
      ctx.question(answer ? { comment: ask.comment.count, due, answeredBy: answer.count } : { comment: ask.comment.count, due });
      if (answeredAt !== undefined && answeredAt <= due) continue;
      if (resolvedBetween(resolved, ask.at, Math.min(due, answeredAt ?? due)) !== undefined) continue;
      const severity = version.responseMust ? undefined : ('warn' as const);
      const data = { limit: o.days, what: ask.what, at: formatUtc(ask.at), version: version.responseMust ? version.name : `${version.name} (a Mozilla expectation; a MUST from IRG 3.2)` };
      if (answer) {
        ctx.report({ messageId: 'late', comment: ask.comment.count, loc: { line: 1 }, data: { ...data, days: formatDays(answer.time - ask.at), answer: answer.count }, ...(severity ? { severity } : {}) });
        continue;
      }
      if (thread.open) {
        if (!next || due < next.due) next = { ask, due, version: version.name, scheduled: due > ask.at + limit };
      }
      const until = thread.open ? now : Math.min(now, thread.resolvedAt ?? now);
      if (until <= due) continue;
      ctx.report({
        messageId: 'unanswered',
        comment: ask.comment.count,
        loc: { line: 1 },
        data: { ...data, days: formatDays(until - ask.at), asOf: thread.open ? ` as of ${formatUtc(now)}` : ' when the bug was resolved' },
        ...(severity ? { severity } : {}),
      });
    }
    if (next) {
      const label = next.ask.what.startsWith('Comment') ? `answer comment ${next.ask.comment.count}` : `answer the needinfo at comment ${next.ask.comment.count}`;
      ctx.deadline({ obligation: label, due: next.due, basis: next.scheduled ? 'whiteboard Next update' : `${o.days} days after ${next.ask.what.startsWith('Comment') ? `comment ${next.ask.comment.count}` : 'the needinfo'} (${next.version})`, comment: next.ask.comment.count });
    }
  },
});

function lastBefore(comments: readonly ThreadComment[], at: number): ThreadComment | undefined {
  let best: ThreadComment | undefined;
  for (const c of comments) if (c.time <= at) best = c;
  return best;
}

