import { ruleOptions, stringList } from '../src/options.js';
import type { BugThread } from '../src/parse/thread.js';
import { defineRule } from '../src/types.js';
import { awarenessIn, commentsUntil, formatHours, formatUtc, HOUR, irgAt, judgeTime, reportKinds, type Awareness } from './bug-common.js';

export default defineRule<{ exemptResolutions: string[] }, BugThread>({
  meta: {
    id: 'bug-initial-report',
    description: 'Require a Preliminary or Full report from the CA within 72 hours of it becoming aware of the incident.',
    tags: ['thread', 'lifecycle'],
    severity: 'error',
    appliesTo: 'thread',
    messages: {
      late: "The CA's first report (comment {{report}}, {{reportAt}}) came {{hours}} after awareness ({{aware}}, {{basis}}); {{version}} asks for a Preliminary or Full report within 72 hours.",
      missing: 'No Preliminary or Full report from the CA {{hours}} after awareness ({{aware}}, {{basis}}){{asOf}}; {{version}} asks for one within 72 hours.',
    },
    options: ruleOptions({
      /** Resolutions of a bug that needed no report (not an incident). */
      exemptResolutions: stringList(['INVALID', 'DUPLICATE', 'WORKSFORME', 'INCOMPLETE']),
    }),
    rationale:
      'The first thing the IRG asks of a CA is a report within 72 hours of becoming aware: a Preliminary report when the analysis is not done, or the Full report. Awareness is what the CA\'s own report states (the Non-compliance identified date of a Full report, else the first Timeline entry that records it becoming aware: notified, detected, discovered...), read at the latest moment it can mean (the end of a date-only day; UTC-12 for a time without a zone), so a vague timestamp never makes a report late. When the CA states none, the bug\'s creation is used: the moment someone else told the CA by filing it, or, for a bug the CA filed itself, a moment it was certainly aware. A comment is a report when the report parser finds a Preliminary, Full (v3, v2 or the Mozilla questions) report block in it; comments by others (a reviewer pasting the template) do not count. Obligations that arose before IRG 2.0 (2023-10-17) are not judged: the Mozilla wiki asked only for a report "promptly". A bug resolved as INVALID, DUPLICATE, WORKSFORME or INCOMPLETE (option exemptResolutions) needed no report.',
    source:
      'CCADB IRG 3.2, "When are reports expected?": "A Preliminary Incident Report MUST be submitted within 72 hours of the CA Owner becoming aware of an incident" (72 hours since IRG 2.0, effective 2023-10-17; a Full Incident Report within 72 hours satisfies it).',
    examples: [
      {
        title: 'A third-party report answered with a Full report four days later',
        kind: 'thread',
        now: '2025-09-01',
        code: '{"source":"https://bugzilla.mozilla.org","fetched":"2025-09-01T00:00:00Z","bug":{"id":1999001,"summary":"Example CA: wrong extension","whiteboard":"","status":"NEW","resolution":"","creation_time":"2025-08-01T10:00:00Z","creator":"reporter@example.org","assigned_to":"incidents@example-ca.com","flags":[]},"comments":[{"count":0,"text":"Certificates from Example CA carry a wrong extension.","creator":"reporter@example.org","creation_time":"2025-08-01T10:00:00Z","is_private":false,"tags":[]},{"count":1,"text":"## Full Incident Report\\n\\n### Summary\\n\\n- **Incident description:** Certificates carried a wrong extension.\\n\\n### Timeline\\n\\n- 2025-08-01 10:00 UTC We were notified by this bug.\\n","creator":"incidents@example-ca.com","creation_time":"2025-08-05T10:00:00Z","is_private":false,"tags":[]}],"history":[]}\n',
        expect: [{ messageId: 'late', line: 1, comment: 0 }],
      },
    ],
  },
  check(thread, ctx) {
    const { now, horizon } = judgeTime(ctx);
    const comments = commentsUntil(thread, horizon);
    // The first CA comment holding a Preliminary or Full report.
    const first = comments.find((c) => {
      const k = reportKinds(thread, c);
      return k.has('preliminary') || k.has('full');
    });
    // Awareness: what the CA's reports state (the first that states it), else the bug's creation.
    let aware: Awareness | undefined;
    for (const c of comments) {
      if (!c.isCa) continue;
      const r = thread.reportIn(c);
      const a = r ? awarenessIn(r) : undefined;
      if (a) {
        aware = { at: a.at, from: `as ${a.from} in comment ${c.count} states` };
        break;
      }
    }
    aware ??= { at: thread.created, from: thread.selfReported ? 'the bug filed by the CA' : 'the bug filed by someone else' };
    const version = irgAt(aware.at);
    if (version.initialReportHours === undefined) return;
    const due = aware.at + version.initialReportHours * HOUR;
    const data = { aware: formatUtc(aware.at), basis: aware.from, version: version.name };
    if (first) {
      if (first.time - aware.at <= version.initialReportHours * HOUR) return;
      ctx.report({ messageId: 'late', comment: 0, loc: { line: 1 }, data: { ...data, report: first.count, reportAt: formatUtc(first.time), hours: formatHours(first.time - aware.at) } });
      return;
    }
    const resolved = !thread.open && ctx.options.exemptResolutions.some((r) => r.toUpperCase() === thread.resolution.toUpperCase());
    if (resolved) return;
    if (thread.open) ctx.deadline({ obligation: 'Preliminary or Full report', due, basis: `${version.initialReportHours} hours after awareness (${aware.from}; ${version.name})`, comment: 0 });
    const until = thread.open ? now : Math.min(now, thread.resolvedAt ?? now);
    if (until <= due) return;
    ctx.report({ messageId: 'missing', comment: 0, loc: { line: 1 }, data: { ...data, hours: formatHours(until - aware.at), asOf: thread.open ? ` as of ${formatUtc(now)}` : ' before the bug was resolved' } });
  },
});
