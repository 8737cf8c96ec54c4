import type { Field } from '../src/model.js';
import { namedAttachments } from '../src/parse/appendix.js';
import { reportContext } from '../src/parse/context.js';
import { APPROXIMATE_WORDS, readCount } from '../src/parse/counts.js';
import { IRG_CSV_COLUMNS } from '../src/parse/appendix.js';
import { at, blocksOf, field, section } from '../src/query.js';
import { clip } from '../src/parse/text.js';
import { ruleOptions, stringList } from '../src/options.js';
import { defineRule } from '../src/types.js';

const HEADER = IRG_CSV_COLUMNS.join(',');
const csvOf = (rows: number): string =>
  `${HEADER}\n${Array.from({ length: rows }, (_, i) => `N/A,${(i + 1).toString(16).padStart(64, '0')},CN=www${i}.example.com,"CN=Example TLS CA,O=Example CA Inc.,C=US",2025-08-04T00:00:00+00:00,2026-08-03T23:59:59+00:00,5d1e0${i},www${i}.example.com,Planned,2025-12-20,N/A`).join('\n')}\n`;
const REPORT = (total: string, remaining: string): string =>
  `---\nappendix: certs.csv\n---\n## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n- **Total number of "remaining valid" certificates:** ${remaining}\n\n### Appendix\n\nThe affected certificates are in the attached certs.csv.\n`;

export default defineRule({
  meta: {
    id: 'appendix-csv-count',
    description: 'Require the rows of the Appendix CSV beside a report to agree with the Impact totals.',
    tags: ['appendix', 'impact'],
    severity: 'error',
    messages: {
      fewerThanRemaining: 'Impact gives {{remaining}} "remaining valid" certificates, but {{file}} lists only {{rows}}; list every affected certificate in the Appendix CSV.',
      moreThanTotal: 'Impact gives {{total}} certificates in total, but {{file}} lists {{rows}}; correct the total or the list.',
      approximate: '{{field}} is approximate ("{{found}}"), so the {{rows}} rows of {{file}} cannot be checked against it; give the exact number.',
      notFound: 'Front matter names the Appendix attachment "{{name}}", but there is no such file beside the report; put the file beside the report or correct the name.',
    },
    options: ruleOptions({ approximateWords: stringList(APPROXIMATE_WORDS) }),
    rationale:
      'The Appendix lists the affected certificates and Impact counts them, so the two must agree: the CSV holds at least the "remaining valid" certificates and at most the total (CCADB Policy asks auditors to check that a report\'s scope and impact are accurately described, and wrong counts are a standing reviewer complaint). The CSV is the one named in front matter (`appendix: certs.csv`) or in the Appendix text, found beside the report; its rows are counted without the header. Counts are read as impact-counts reads them; an approximate count ("~500", "about 1,200") gets a message instead of a guess. Findings are on the report\'s Impact lines; the CSV\'s own findings are reported when the CSV is linted (name it, or lint the folder).',
    source: 'CCADB IRG 3.2, Full Incident Report, Impact ("Total number of certificates", "Total number of \\"remaining valid\\" certificates") and "Appendix".',
    examples: [
      { title: 'Two rows for four remaining valid certificates', code: REPORT('4', '4'), attachments: { 'certs.csv': csvOf(2) }, expect: [{ messageId: 'fewerThanRemaining', line: 9 }] },
      { title: 'Rows between the two totals', code: REPORT('3', '2'), attachments: { 'certs.csv': csvOf(2) }, expect: [] },
      { title: 'An approximate total', code: REPORT('about 1,200', '0'), attachments: { 'certs.csv': csvOf(2) }, expect: [{ messageId: 'approximate', line: 8 }] },
    ],
  },
  check(report, ctx) {
    const attachments = ctx.attachments;
    if (attachments === undefined) return; // the host did not look (stdin, a text on its own)
    const named = reportContext(report).appendix;
    if (named) {
      for (const name of named.names) {
        if (!attachments.some((a) => a.name === name)) ctx.report({ messageId: 'notFound', data: { name: clip(name, 80) }, loc: { line: named.line } });
      }
    }
    const words = ctx.options.approximateWords;
    for (const block of blocksOf(report, 'ccadb-v3-full')) {
      const csv = namedAttachments(report, section(block, 'appendix'), attachments).find((a) => a.attachment.kind === 'csv');
      if (!csv || csv.attachment.kind !== 'csv') continue;
      const rows = csv.attachment.rows.length;
      const file = clip(csv.name, 80);
      const impact = section(block, 'impact');
      const read = (f: Field | undefined, name: string): number | undefined => {
        if (!f || f.value === '') return undefined;
        const r = readCount(f.value, words);
        if (r.kind === 'approximate') {
          ctx.report({ messageId: 'approximate', data: { field: name, found: clip(r.text), rows, file }, loc: at(f.valueSpan) });
          return undefined;
        }
        return r.kind === 'exact' ? r.value : r.kind === 'not-applicable' ? 0 : undefined;
      };
      const totalField = field(impact, 'total-certificates');
      const remainingField = field(impact, 'remaining-valid');
      const total = read(totalField, 'Total number of certificates');
      const remaining = read(remainingField, 'Total number of "remaining valid" certificates');
      if (remaining !== undefined && remainingField && rows < remaining) {
        ctx.report({ messageId: 'fewerThanRemaining', data: { remaining, rows, file }, loc: at(remainingField.valueSpan) });
      }
      if (total !== undefined && totalField && rows > total) {
        ctx.report({ messageId: 'moreThanTotal', data: { total, rows, file }, loc: at(totalField.valueSpan) });
      }
    }
  },
});
