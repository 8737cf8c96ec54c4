import { integer, ruleOptions } from '../src/options.js';
import { bugzillaLength, posting, type Removal } from '../src/parse/posting.js';
import { sectionsNamed } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Bugzilla's MAX_COMMENT_LENGTH (bmo Bugzilla/Constants.pm). */
export const MAX_COMMENT_LENGTH = 65535;

/** A comment's header line on Bugzilla's page, as copied: "Comment 3•2 years ago". */
const COMMENT_HEADER = /^[ \t]*Comment[ \t]+\d+[ \t]*[\u2022\u00b7]/;

/** The source from `start` to `end` without what the text to paste leaves out. */
function keptText(source: string, removals: Removal[], start: number, end: number): string {
  let text = '';
  let at = start;
  for (const r of removals) {
    if (r.end <= at || r.start >= end) continue;
    if (r.start > at) text += source.slice(at, r.start);
    at = Math.max(at, r.end);
  }
  return at < end ? text + source.slice(at, end) : text;
}

/** 112000 -> "112,000". */
function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

export default defineRule({
  meta: {
    id: 'bugzilla-comment-length',
    description: 'Require the text to paste to fit in one Bugzilla comment (65,535 characters).',
    tags: ['posting'],
    severity: 'error',
    messages: {
      tooLong: 'The text to paste is {{length}} characters, over the {{max}} that one Bugzilla comment holds (Bugzilla refuses it); attach the bulky part, such as the Appendix certificate data as a CSV or a crt.sh list, to the bug instead of pasting it.',
      tooLongAppendix:
        'The text to paste is {{length}} characters, over the {{max}} that one Bugzilla comment holds (Bugzilla refuses it), and the Appendix is {{appendix}} of them: attach the certificate data to the bug as a CSV (or, for 10,000 or more, a crt.sh list) and name the attachment in the Appendix.',
      appendixHere: 'The Appendix starts here.',
      commentTooLong: '{{comment}} is {{length}} characters, over the {{max}} that one Bugzilla comment holds (Bugzilla refuses it); attach the bulky part to the bug instead of pasting it.',
    },
    options: ruleOptions({ maxLength: integer(1, MAX_COMMENT_LENGTH) }),
    rationale:
      'Bugzilla refuses a comment longer than MAX_COMMENT_LENGTH = 65535 characters (bmo Bugzilla/Constants.pm; checked in Bugzilla/Comment.pm after trailing white space is removed and CRLF becomes LF). Perl counts characters of the decoded text, so this counts code points: an accented letter or a CJK character is one, an emoji is one, CRLF is one. ' +
      'What is counted is the text to paste (`ir-lint --for-bugzilla`: front matter and ir-lint directives removed). Long reports are nearly always long because of the certificate list; the IRG lets the Appendix data be an attached CSV or crt.sh list. The finding points at the first character past the limit. The limit is per comment and the file is taken as one comment, as `--for-bugzilla` prints it: keep a report that will be posted later (the Closure Summary) in a file of its own. A bug thread copied from a Bugzilla page is measured comment by comment, split at its "Comment N\u2022..." lines. `maxLength` is for Bugzilla instances with another limit.',
    source: 'CCADB IRG 3.x "Appendix" (attach the certificate data); bmo Bugzilla/Constants.pm MAX_COMMENT_LENGTH, Bugzilla/Comment.pm _check_thetext.',
    examples: [
      {
        title: 'A report over a small limit (the default is 65,535)',
        code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** We issued 12 certificates with a wrong OU.\n',
        options: { maxLength: 60 },
        expect: [{ messageId: 'tooLong', line: 5 }],
      },
      { title: 'A report that fits', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** We issued 12 certificates with a wrong OU.\n', expect: [] },
    ],
  },
  check(report, ctx) {
    const max = ctx.options.maxLength;
    // A comment of up to `max` UTF-16 units is within the limit whatever it holds.
    if (report.source.length <= max) return;
    const p = posting(report);
    // A bug thread copied from Bugzilla's page ("Comment 3•2 years ago" lines) is many comments, each within the limit when it was posted.
    const headers = report.lines.filter((l) => l.kind === 'text' && COMMENT_HEADER.test(l.raw));
    if (headers.length > 0) {
      const starts = [0, ...headers.map((l) => l.start), report.source.length];
      for (let i = 0; i + 1 < starts.length; i++) {
        const text = keptText(report.source, p.removals, starts[i] as number, starts[i + 1] as number);
        const { length } = bugzillaLength(text, max);
        if (length <= max) continue;
        const at = starts[i] as number;
        ctx.report({ messageId: 'commentTooLong', data: { comment: i === 0 ? 'The text before the first "Comment N" line' : `Comment ${/\d+/.exec(headers[i - 1]!.raw)?.[0] ?? i}`, length: thousands(length), max: thousands(max) }, loc: { start: at, end: at } });
      }
      return;
    }
    const { length, overAt } = bugzillaLength(p.text, max);
    if (overAt === undefined) return;
    const at = p.toSource(overAt);
    const data = { length: thousands(length), max: thousands(max) };
    const appendix = sectionsNamed(report, 'appendix')[0]?.section;
    if (appendix) {
      const start = report.lineStarts[appendix.headingSpan.line - 1] as number;
      const end = appendix.endLine < report.lineStarts.length ? (report.lineStarts[appendix.endLine] as number) : report.source.length;
      const size = bugzillaLength(report.source.slice(start, end)).length;
      if (size * 4 >= length) {
        ctx.report({ messageId: 'tooLongAppendix', data: { ...data, appendix: thousands(size) }, loc: { start: at, end: at }, related: [{ messageId: 'appendixHere', line: appendix.headingSpan.line }] });
        return;
      }
    }
    ctx.report({ messageId: 'tooLong', data, loc: { start: at, end: at } });
  },
});
