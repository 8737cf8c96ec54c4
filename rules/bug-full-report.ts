import { ruleOptions, stringList } from '../src/options.js';
import type { BugThread } from '../src/parse/thread.js';
import { defineRule } from '../src/types.js';
import { commentsUntil, DAY, formatDays, formatUtc, irgAt, judgeTime, reportKinds } from './bug-common.js';

export default defineRule<{ exemptResolutions: string[] }, BugThread>({
  meta: {
    id: 'bug-full-report',
    description: 'Require a Full Incident Report from the CA within 14 days of the initial disclosure.',
    tags: ['thread', 'lifecycle'],
    severity: 'error',
    appliesTo: 'thread',
    messages: {
      late: 'The Full report (comment {{report}}, {{reportAt}}) came {{days}} after the initial disclosure ({{disclosed}}, {{basis}}); {{version}} asks for it within 14 days.',
      missing: 'No Full report from the CA {{days}} after the initial disclosure ({{disclosed}}, {{basis}}){{asOf}}; {{version}} asks for it within 14 days.',
    },
    options: ruleOptions({
      /** Resolutions of a bug that needed no report (not an incident). */
      exemptResolutions: stringList(['INVALID', 'DUPLICATE', 'WORKSFORME', 'INCOMPLETE']),
    }),
    rationale:
      'A Preliminary report buys time for the analysis, not for ever: the Full report (root causes, action items) is due two weeks after the incident was first disclosed. The disclosure is the bug\'s creation (the CA\'s first report, if it came earlier, is in the bug and so never earlier in a thread export). A comment is a Full report when the report parser finds a v3 Full, v2 or Mozilla seven-question report block in a CA comment; a reviewer pasting the template is not the CA\'s report. "Within 14 days" is at most 14 x 24 hours. The same two weeks held under IRG 2.0 and the Mozilla wiki before it, so every bug is judged. A bug resolved as INVALID, DUPLICATE, WORKSFORME or INCOMPLETE (option exemptResolutions) needed no report.',
    source:
      'CCADB IRG 3.2, "When are reports expected?": "A Full Incident Report MUST be submitted within two weeks of the initial disclosure" (two weeks also in IRG 2.0, effective 2023-10-17, and the Mozilla wiki "Responding to an Incident" before it).',
    examples: [
      {
        title: 'A Preliminary report in time, the Full report three weeks later',
        kind: 'thread',
        now: '2025-09-01',
        code: '{"source":"https://bugzilla.mozilla.org","fetched":"2025-09-01T00:00:00Z","bug":{"id":1999002,"summary":"Example CA: wrong extension","whiteboard":"","status":"NEW","resolution":"","creation_time":"2025-08-01T10:00:00Z","creator":"incidents@example-ca.com","assigned_to":"incidents@example-ca.com","flags":[]},"comments":[{"count":0,"text":"## Preliminary Incident Report\\n\\n### Summary\\n\\n- **Incident description:** Certificates carried a wrong extension.\\n","creator":"incidents@example-ca.com","creation_time":"2025-08-01T10:00:00Z","is_private":false,"tags":[]},{"count":1,"text":"## Full Incident Report\\n\\n### Summary\\n\\n- **Incident description:** Certificates carried a wrong extension.\\n\\n### Timeline\\n\\n- 2025-08-01 08:00 UTC We detected the problem.\\n","creator":"incidents@example-ca.com","creation_time":"2025-08-22T10:00:00Z","is_private":false,"tags":[]}],"history":[]}\n',
        expect: [{ messageId: 'late', line: 1, comment: 0 }],
      },
    ],
  },
  check(thread, ctx) {
    const { now, horizon } = judgeTime(ctx);
    const comments = commentsUntil(thread, horizon);
    const firstReport = comments.find((c) => reportKinds(thread, c).size > 0);
    const disclosed = Math.min(thread.created, firstReport?.time ?? thread.created);
    const basis = firstReport && firstReport.time < thread.created ? `the CA's first report, comment ${firstReport.count}` : 'the bug\'s creation';
    const version = irgAt(disclosed);
    const limit = version.fullReportDays * DAY;
    const due = disclosed + limit;
    const full = comments.find((c) => reportKinds(thread, c).has('full'));
    const data = { disclosed: formatUtc(disclosed), basis, version: version.name };
    if (full) {
      if (full.time - disclosed <= limit) return;
      ctx.report({ messageId: 'late', comment: 0, loc: { line: 1 }, data: { ...data, report: full.count, reportAt: formatUtc(full.time), days: formatDays(full.time - disclosed) } });
      return;
    }
    if (!thread.open && ctx.options.exemptResolutions.some((r) => r.toUpperCase() === thread.resolution.toUpperCase())) return;
    if (thread.open) ctx.deadline({ obligation: 'Full report', due, basis: `${version.fullReportDays} days after ${basis} (${version.name})`, comment: 0 });
    const until = thread.open ? now : Math.min(now, thread.resolvedAt ?? now);
    if (until <= due) return;
    ctx.report({ messageId: 'missing', comment: 0, loc: { line: 1 }, data: { ...data, days: formatDays(until - disclosed), asOf: thread.open ? ` as of ${formatUtc(now)}` : ' before the bug was resolved' } });
  },
});
