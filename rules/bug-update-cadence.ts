import { flag, integer, ruleOptions, stringList } from '../src/options.js';
import type { BugThread, ThreadComment, Whiteboard } from '../src/parse/thread.js';
import { defineRule } from '../src/types.js';
import {
  closeOnSettings,
  commentsUntil,
  DAY,
  formatDay,
  formatDays,
  formatUtc,
  irgAt,
  isDone,
  judgeTime,
  noAnswerNeeded,
  postedTables,
  reportKinds,
  resolvedIntervals,
  whiteboardAt,
  whiteboardStates,
  type WhiteboardState,
} from './bug-common.js';

interface Due {
  due: number;
  /** "the whiteboard's Next update 2025-12-05", "7 days after comment 4". */
  basis: string;
  /** For the deadline: "whiteboard Next update", "7 days after comment 4 (IRG 3.1)". */
  short: string;
}

interface Anchor {
  time: number;
  comment: ThreadComment;
  /** "comment 4 by the CA", "comment 9 by reviewer@example.org, which questioned the Closure Summary", "the bug's reopening". */
  what: string;
}

/** When the next update falls due after an anchor, from the whiteboard as it stood then and as it changed before that date. */
function dueAfter(anchor: Anchor, states: readonly WhiteboardState[], days: number): Due {
  const weekly = (): Due => {
    const v = irgAt(anchor.time);
    return { due: anchor.time + days * DAY, basis: `${days} days after comment ${anchor.comment.count}`, short: `${days} days after comment ${anchor.comment.count} (${v.name})` };
  };
  const fromBoard = (wb: Whiteboard, changedAt: number | undefined): Due => {
    if (wb.closeOn) return { due: Number.POSITIVE_INFINITY, basis: `the whiteboard's [close on ${wb.closeOn.iso}]`, short: 'whiteboard close on' };
    const d = wb.nextUpdate;
    if (!d) return weekly();
    const end = d.time + DAY - 1; // "on or before" the date: until its last millisecond (UTC)
    const byDate: Due = { due: end, basis: `the whiteboard's Next update ${d.iso}`, short: 'whiteboard Next update' };
    if (changedAt === undefined) {
      // The date stood when the CA commented: that comment may be the update it asked for; the next is due by the date or a week on, whichever is later.
      if (end <= anchor.time) return weekly();
      const w = weekly();
      return end >= w.due ? byDate : w;
    }
    // A date set after the anchor governs from then on.
    return end > changedAt ? byDate : weekly();
  };
  let current = whiteboardAt(states, anchor.time);
  let due = fromBoard(current.whiteboard, undefined);
  for (const s of states) {
    if (s.since <= anchor.time) continue;
    if (s.since > due.due) break;
    const before = current.whiteboard;
    current = s;
    if (before.nextUpdate?.iso === s.whiteboard.nextUpdate?.iso && before.closeOn?.iso === s.whiteboard.closeOn?.iso) continue;
    due = fromBoard(s.whiteboard, s.since);
  }
  return due;
}

function normAction(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

export default defineRule<{ days: number; actionItems: boolean; done: string[]; ignoreAuthors: string[]; ignoreThanks: boolean }, BugThread>({
  meta: {
    id: 'bug-update-cadence',
    description: "Require a CA update by the whiteboard's Next update date, else within 7 days of the last, and from IRG 3.1 within 3 days after an Action Item passes its due date.",
    tags: ['thread', 'lifecycle'],
    severity: 'error',
    appliesTo: 'thread',
    messages: {
      late: 'After {{anchor}} ({{at}}) the next update was due by {{due}} ({{basis}}); the next CA comment came {{days}} later (comment {{next}}). Update the bug at least every {{limit}} days, or by the Next update date the whiteboard gives.',
      overdue: 'After {{anchor}} ({{at}}) the next update was due by {{due}} ({{basis}}); there has been no CA comment for {{days}}{{asOf}}. Update the bug at least every {{limit}} days, or by the Next update date the whiteboard gives.',
      actionItem: 'Action item "{{item}}" (table in comment {{comment}}) was due {{dueDate}} and is {{status}}; {{version}} asks for an update within 3 days after, by {{by}}; {{outcome}}.',
    },
    options: ruleOptions({
      /** Days between updates when the whiteboard gives no Next update date. */
      days: integer(1, 7),
      /** From IRG 3.1: an update within 3 days after an Action Item of the latest table passes its due date while not done. */
      actionItems: flag(true),
      /** Statuses that mean an Action Item needs no more updates. */
      done: stringList(['Complete', 'Canceled']),
      /** Comments that do not question a standing Closure Summary (bots). */
      ignoreAuthors: stringList(['release-mgmt-account-bot@mozilla.tld', 'nobody@mozilla.org']),
      /** A comment that only thanks does not question a Closure Summary. */
      ignoreThanks: flag(true),
    }),
    rationale:
      'Root programs judge an open incident by whether the CA keeps it current. While a bug is open, every CA comment is an update, and the next is due by the whiteboard\'s "Next update YYYY-MM-DD" (on or before that day, UTC), which the moderator sets in place of weekly updates, else 7 days (7 x 24 hours) after the last CA comment. The whiteboard is read as it stood: a date already standing when the CA commented is met by that comment, so the next update is due by that date or a week later, whichever comes last; a date set after the comment governs from then; a [close on YYYY-MM-DD] tag means no update is needed. After a Closure Summary no update is needed unless someone questions it (a comment that needs an answer, see bug-response-time): the CA then owes a comment within 7 days, after which the closure stands again; none is needed while the bug is resolved; a reopening starts the clock again. From IRG 3.1 (2025-07-15) an update is also due within 3 days after an Action Item changes, is completed, or passes its due date: the thread shows only the last, so the rule checks that a CA comment follows within 3 days of the end of the due day of every item that the latest Action Items table the CA posted shows neither Complete nor Canceled (a comment on the due day counts). Updates are owed from the CA\'s first Full report on (or from its due date, 14 days after the bug was filed, when it is late): before that the Full report is the next thing due, and bug-initial-report, bug-full-report and bug-response-time judge that time.',
    source:
      'CCADB IRG 3.2, "When are reports updated?": reports are updated at least every 7 days, or on or before the "Next update" date in the bug\'s whiteboard, and "within 3 days of an Action Item being changed, completed, or delayed" (the weekly update since the Mozilla wiki "Responding to an Incident" and IRG 2.0, 2023-10-17; the 3 days since IRG 3.1, 2025-07-15); no update is needed after a Closure Summary unless new questions come.',
    examples: [
      {
        title: 'Three weeks of silence after the Full report',
        kind: 'thread',
        now: '2025-09-01',
        code: '{"source":"https://bugzilla.mozilla.org","fetched":"2025-09-01T00:00:00Z","bug":{"id":1999004,"summary":"Example CA: wrong extension","whiteboard":"[ca-compliance] [ov-misissuance]","status":"NEW","resolution":"","creation_time":"2025-08-01T10:00:00Z","creator":"incidents@example-ca.com","assigned_to":"incidents@example-ca.com","flags":[]},"comments":[{"count":0,"text":"## Full Incident Report\\n\\n### Summary\\n\\n- **Incident description:** Certificates carried a wrong extension.\\n\\n### Timeline\\n\\n- 2025-08-01 08:00 UTC We detected the problem.\\n","creator":"incidents@example-ca.com","creation_time":"2025-08-01T10:00:00Z","is_private":false,"tags":[]},{"count":1,"text":"We are still investigating.","creator":"incidents@example-ca.com","creation_time":"2025-08-08T09:00:00Z","is_private":false,"tags":[]},{"count":2,"text":"The analysis is done; the report follows.","creator":"incidents@example-ca.com","creation_time":"2025-08-30T09:00:00Z","is_private":false,"tags":[]}],"history":[]}\n',
        expect: [{ messageId: 'late', line: 1, comment: 1 }],
      },
    ],
  },
  check(thread, ctx) {
    const { now, horizon } = judgeTime(ctx);
    const o = ctx.options;
    const comments = commentsUntil(thread, horizon);
    const states = whiteboardStates(thread);
    const closeOn = closeOnSettings(thread, states);
    const answerOptions = { ignoreAuthors: o.ignoreAuthors.map((a) => a.toLowerCase()), ignoreThanks: o.ignoreThanks };
    const intervals = resolvedIntervals(thread).filter((i) => i.from <= horizon);

    type Ev = { time: number; kind: 'ca' | 'ask' | 'resolve' | 'reopen'; comment?: ThreadComment };
    const events: Ev[] = [];
    for (const c of comments) {
      if (c.isCa) events.push({ time: c.time, kind: 'ca', comment: c });
      else if (c.count > 0 && noAnswerNeeded(thread, c, answerOptions, closeOn) === undefined) events.push({ time: c.time, kind: 'ask', comment: c });
    }
    for (const i of intervals) {
      events.push({ time: i.from, kind: 'resolve' });
      if (i.to <= horizon) events.push({ time: i.to, kind: 'reopen' });
    }
    // Same instant: a resolution after the comment posted with it.
    const order = { ca: 0, ask: 1, resolve: 2, reopen: 3 };
    events.sort((a, b) => a.time - b.time || order[a.kind] - order[b.kind]);

    let anchor: Anchor | undefined;
    let resolved = false;
    let closureStanding = false;
    let closurePosted = false;
    let next: { due: number; short: string; comment: number; obligation: string } | undefined;
    const lastComment = (t: number): ThreadComment | undefined => {
      let best: ThreadComment | undefined;
      for (const c of comments) if (c.time <= t) best = c;
      return best;
    };
    // Updates are owed once the Full report is in, or once it is overdue (bug-full-report judges the report itself): until then the 14 days govern.
    const firstFull = comments.find((c) => reportKinds(thread, c).has('full'));
    const fullDue = thread.created + irgAt(thread.created).fullReportDays * DAY;
    const cadenceStart = Math.min(firstFull?.time ?? Number.POSITIVE_INFINITY, fullDue);
    const data = (a: Anchor, d: Due) => ({ anchor: a.what, at: formatUtc(a.time), due: d.due === Number.POSITIVE_INFINITY ? '-' : formatUtc(d.due), basis: d.basis, limit: o.days });
    // The obligation from `a` ends at `end` (a CA comment, a resolution) or is still open.
    const settle = (a: Anchor, end: { time: number; comment?: ThreadComment } | undefined): void => {
      let d = dueAfter(a, states, o.days);
      if (d.due < cadenceStart) {
        // Due before the Full report: the Full report is what is owed then, and bug-full-report judges it.
        if (cadenceStart === fullDue) return;
        d = { ...d, due: cadenceStart };
      }
      if (end) {
        if (end.time <= d.due) return;
        if (end.comment) {
          ctx.report({ messageId: 'late', comment: a.comment.count, loc: { line: 1 }, data: { ...data(a, d), days: formatDays(end.time - a.time), next: end.comment.count } });
        } else {
          ctx.report({ messageId: 'overdue', comment: a.comment.count, loc: { line: 1 }, data: { ...data(a, d), days: formatDays(end.time - a.time), asOf: ' before the bug was resolved' } });
        }
        return;
      }
      if (d.due === Number.POSITIVE_INFINITY) return;
      next = { due: d.due, short: d.short, comment: a.comment.count, obligation: 'update' };
      if (now > d.due) ctx.report({ messageId: 'overdue', comment: a.comment.count, loc: { line: 1 }, data: { ...data(a, d), days: formatDays(now - a.time), asOf: ` as of ${formatUtc(now)}` } });
    };

    for (const ev of events) {
      if (ev.kind === 'resolve') {
        if (anchor) settle(anchor, { time: ev.time });
        anchor = undefined;
        resolved = true;
        continue;
      }
      if (ev.kind === 'reopen') {
        resolved = false;
        closureStanding = false;
        closurePosted = false;
        const c = lastComment(ev.time);
        if (c) anchor = { time: ev.time, comment: c, what: "the bug's reopening" };
        continue;
      }
      const c = ev.comment as ThreadComment;
      if (ev.kind === 'ask') {
        if (closureStanding && !resolved) {
          closureStanding = false;
          anchor = { time: c.time, comment: c, what: `comment ${c.count} by ${c.creator}, which questioned the Closure Summary` };
        }
        continue;
      }
      if (anchor) settle(anchor, { time: c.time, comment: c });
      anchor = undefined;
      if (resolved) continue;
      if (reportKinds(thread, c).has('closure')) closurePosted = true;
      // After a Closure Summary, a CA answer to a question leaves the closure standing.
      if (closurePosted) {
        closureStanding = true;
        continue;
      }
      anchor = { time: c.time, comment: c, what: `comment ${c.count} by the CA` };
    }
    if (anchor && thread.open) settle(anchor, undefined);

    if (o.actionItems) {
      const tables = postedTables(thread, comments);
      const seen = new Set<string>();
      const closures = comments.filter((c) => reportKinds(thread, c).has('closure')).map((c) => c.time);
      for (const t of tables) {
        for (const item of t.items) {
          if (item.due === undefined || isDone(item, o.done.map((d) => d.toLowerCase()))) continue;
          const passes = item.due + DAY; // the end of the due day
          const version = irgAt(passes);
          if (version.actionItemUpdateDays === undefined || passes > horizon) continue;
          const key = `${normAction(item.action)}|${item.due}`;
          if (seen.has(key)) continue;
          // The latest table as the day ends must still show the item, not done.
          const latest = tables.filter((x) => x.comment.time <= passes).pop();
          if (!latest) continue;
          const inLatest = latest.items.find((i) => normAction(i.action) === normAction(item.action));
          if (!inLatest || inLatest.due !== item.due || isDone(inLatest, o.done.map((d) => d.toLowerCase()))) continue;
          seen.add(key);
          if (intervals.some((i) => i.from <= passes && passes < i.to)) continue;
          if (closures.some((ct) => ct <= passes)) continue; // bug-closure judges a closure with open items
          const limit = version.actionItemUpdateDays * DAY;
          const by = passes + limit;
          const update = comments.find((c) => c.isCa && c.time >= item.due! && c.count !== latest.comment.count && c.time > latest.comment.time);
          const base = { item: item.action, comment: latest.comment.count, dueDate: formatDay(item.due), status: inLatest.status ? `"${inLatest.status}"` : 'without a status', version: version.name, by: formatUtc(by) };
          if (update && update.time <= by) continue;
          if (update) {
            ctx.report({ messageId: 'actionItem', comment: latest.comment.count, loc: { line: 1 }, data: { ...base, outcome: `the next CA comment came ${formatDays(update.time - passes)} after the due day ended (comment ${update.count})` } });
            continue;
          }
          const resolvedAfter = intervals.find((i) => i.from > passes);
          if (resolvedAfter && resolvedAfter.from <= by) continue;
          if (thread.open && (!next || by < next.due)) next = { due: by, short: `3 days after action item "${item.action}" was due (${version.name})`, comment: latest.comment.count, obligation: 'action item update' };
          const until = resolvedAfter ? resolvedAfter.from : now;
          if (until <= by) continue;
          ctx.report({ messageId: 'actionItem', comment: latest.comment.count, loc: { line: 1 }, data: { ...base, outcome: `there has been no CA comment since, ${formatDays(until - passes)} after the due day ended${resolvedAfter ? ' (until the bug was resolved)' : ` (as of ${formatUtc(now)})`}` } });
        }
      }
    }
    if (next && thread.open) ctx.deadline({ obligation: next.obligation, due: next.due, basis: next.short, comment: next.comment });
  },
});

