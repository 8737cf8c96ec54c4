import { integer, ruleOptions, stringList } from '../src/options.js';
import { postingDay, reportContext } from '../src/parse/context.js';
import { relatedRows, type RelatedRow } from '../src/parse/related.js';
import { phrasesRegExp } from '../src/parse/terms.js';
import { escapeRegExp, norm } from '../src/parse/text.js';
import { dayOfIso, isoOfDay } from '../src/days.js';
import { perOptions } from '../src/memo.js';
import { at, blocksOf, section } from '../src/query.js';
import { defineRule } from '../src/types.js';

/** Words that show a row or the section looks beyond the CA's own bugs. */
const OTHERS = ['other ca', 'other cas', "other cas'", 'another ca', "another ca's", 'different ca', 'other certification authorit', 'other certificate authorit', 'industry', 'ecosystem', 'similar incidents from', 'incidents by other', 'incidents of other', 'reported by other', 'third-party ca', 'no other', 'none from other', 'we searched', 'we reviewed', 'search of', 'searched bugzilla', 'reviewed bugzilla'];

/** Words that show a row is the CA's own incident. */
const OWN = ['our', 'we', 'us', 'this ca', 'same ca', 'previous incident', 'prior incident', 'earlier incident'];

/** Words that say why no incident of the last two years is listed. */
const NONE_RECENT = /\b(?:no|none|not\s+find|found\s+no|did\s+not\s+identify)\b[^.\n]{0,80}\b(?:last|past|previous|recent)\b/i;

/** Words of a CA Owner's name that do not identify it. */
const NAME_FILLERS = new Set(['the', 'and', 'ltd', 'inc', 'llc', 'corp', 'gmbh', 'plc', 'sas', 'spa', 'oy', 'ab', 'as']);

const compiled = perOptions((o: { others: string[]; own: string[] }) => ({
  others: phrasesRegExp(o.others),
  own: phrasesRegExp(o.own, true),
}));

const REPORT = (rows: string[], front = 'ca-owner: Example Trust\nposted: 2025-09-10\n'): string =>
  `---\n${front}---\n\n## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n${rows.join('\n')}\n`;

export default defineRule({
  meta: {
    id: 'related-incidents-scope',
    description: "Warn when Related Incidents lists only the CA's own bugs, or nothing from the two years before the report.",
    tags: ['related-incidents'],
    severity: 'warn',
    messages: {
      ownOnly:
        "Every related incident listed ({{count}}) is the CA's own ({{owner}}); the IRG asks to consider other CAs' incidents too. Add other CAs' incidents with a similar cause, or say how you searched and found none.",
      noneRecent:
        'No related incident is from the two years before the report was posted ({{posted}}); the newest listed is from {{newest}}. List incidents from at least the last two years, as the IRG asks, or say how you searched and found none.',
    },
    options: ruleOptions({
      /** Word starts that show the section looks beyond the CA's own bugs. */
      others: stringList(OTHERS),
      /** Whole words that mark a row as the CA's own incident ("our", "we"). */
      own: stringList(OWN),
      /** How far back (days before posting) the newest row may be. */
      days: integer(1, 730),
    }),
    rationale:
      'Related incidents show whether the CA learns from history, its own and the industry\'s: the IRG asks the CA to consider incidents from at least the last two years, including other CAs\' incidents, and reviewers ask "have you looked at other CAs\' bugs?". A row counts as the CA\'s own when it names the CA Owner (front matter `ca-owner:` or the title "CA Owner: description") or says "our"/"we"; the rule warns only when every row is the CA\'s own and nothing in the section mentions other CAs or a search. It also warns when every dated row is older than two years before posting (front matter `posted:`, else `--now`) and the section does not say why.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Related Incidents": consider incidents from at least the last two years, including those of other CAs.',
    examples: [
      { title: "Only the CA's own incidents", code: REPORT(['| https://bugzilla.mozilla.org/show_bug.cgi?id=1921254 | 2024-10-14 | Example Trust: domain validation reuse periods |', '| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-03-27 | Our earlier CAA incident |']), expect: [{ messageId: 'ownOnly', line: 12 }] },
      { title: "Another CA's incident listed", code: REPORT(['| https://bugzilla.mozilla.org/show_bug.cgi?id=1921254 | 2024-10-14 | Example Trust: domain validation reuse periods |', '| https://bugzilla.mozilla.org/show_bug.cgi?id=1887007 | 2024-03-27 | Other CA: CAA check reused a stale DNS answer |']), expect: [] },
      { title: 'Nothing from the last two years', code: REPORT(['| https://bugzilla.mozilla.org/show_bug.cgi?id=1551372 | 2019-05-14 | Other CA: CAA check reused a stale DNS answer |']), expect: [{ messageId: 'noneRecent', line: 12 }] },
    ],
  },
  check(report, ctx) {
    const { others, own } = compiled(ctx.options);
    const context = reportContext(report);
    const owner = context.caOwner?.name;
    // The distinctive first word of the CA Owner's name ("Example" of "Example Trust Services").
    const ownerWord = owner ? norm(owner).split(/[\s,.()]+/).find((w) => w.length >= 3 && !NAME_FILLERS.has(w)) : undefined;
    const ownerRe = ownerWord ? new RegExp(`(?<![a-z0-9])${escapeRegExp(ownerWord)}(?![a-z0-9])`, 'i') : undefined;
    const posted = postingDay(report, ctx.now().toMillis());
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const s = section(block, 'related-incidents');
      if (!s) continue;
      const rows = relatedRows(report, s);
      if (rows.length === 0) continue;
      const sectionText = norm([s.heading, s.text].join(' '));
      const looksBeyond = others?.test(sectionText) ?? false;
      // Own bugs: every row names the CA Owner or says "our"/"we", and none has a "CA:" prefix of another name.
      if (!looksBeyond && rows.length >= 1) {
        const isOwn = (r: RelatedRow): boolean => {
          const d = norm(r.description);
          const prefix = /^([a-z0-9][a-z0-9 .&'-]{1,60}?):\s/.exec(d);
          if (prefix && ownerWord && !(prefix[1] as string).includes(ownerWord)) return false;
          return (ownerRe?.test(d) ?? false) || (own?.test(d) ?? false);
        };
        if (rows.every(isOwn)) {
          const loc = at((rows[0] as RelatedRow).span);
          ctx.report({ messageId: 'ownOnly', data: { count: rows.length, owner: owner ?? 'the CA' }, loc });
        }
      }
      // Nothing from the last two years.
      const dated = rows.flatMap((r) => {
        const iso = r.date?.isoDate;
        const d = iso ? dayOfIso(iso) : undefined;
        return d !== undefined && !r.date?.invalidDate ? [{ r, d }] : [];
      });
      if (dated.length > 0 && dated.length === rows.length && !NONE_RECENT.test(sectionText)) {
        const newest = dated.reduce((a, b) => (b.d > a.d ? b : a));
        if (newest.d < posted - ctx.options.days) {
          ctx.report({ messageId: 'noneRecent', data: { posted: isoOfDay(posted), newest: isoOfDay(newest.d) }, loc: at(newest.r.span) });
        }
      }
    }
  },
});
