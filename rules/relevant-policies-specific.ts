import { ruleOptions, stringList } from '../src/options.js';
import type { Field, IncidentReport } from '../src/model.js';
import { blocksOf, fields, section } from '../src/query.js';
import { clip, escapeRegExp, isNotApplicable } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

const DEFAULT_DOCUMENTS = [
  'Baseline Requirements',
  'BR',
  'BRs',
  'TLS BR',
  'SC BR',
  'S/MIME BR',
  'SMIME BR',
  'CSBR',
  'Code Signing BR',
  'Code Signing Baseline Requirements',
  'EV Guidelines',
  'EVG',
  'EV Code Signing Guidelines',
  'Network and Certificate System Security Requirements',
  'NCSSR',
  'NetSec',
  'Mozilla Root Store Policy',
  'MRSP',
  'Root Store Policy',
  'Chrome Root Program Policy',
  'Chrome Root Program',
  'Apple Root Certificate Program',
  'Microsoft Trusted Root Program',
  'CCADB Policy',
  'Common CCADB Policy',
  'Incident Reporting Guidelines',
  'IRG',
  'CP',
  'CPS',
  'CP/CPS',
  'Certificate Policy',
  'Certification Practice Statement',
  'Certificate Practice Statement',
  'RFC',
  'ETSI',
  'WebTrust',
  'ISO',
  'X.509',
  'PSD2',
  'eIDAS',
];

// Version: "version 2.1.6", "v2.0.1", "ver. 3", "BR 2.1.6", a date-stamped edition, or an RFC / ETSI number (fixed text).
const VERSION = /\b(?:version|ver\.?|v\.?)[ \t]*\d+(?:\.\d+)*|\bv\d+(?:\.\d+)+|\b(?:BRs?|EVG|CSBR|MRSP|CPS|CP|NCSSR)[ \t]+\d+\.\d+(?:\.\d+)*\b|\bRFC[ \t]*\d{3,5}\b|\bETSI[ \t]+(?:EN|TS)[ \t]+\d{3}[ \t]+\d{3}(?:-\d+)?[ \t]+V\d+(?:\.\d+)+|\b(?:effective|dated|as of|published)\b[^,;\n]{0,20}\b\d{4}\b/i;
// Section: "section 4.9.1.1", "§ 3.2.2.4", "clause 7", "4.9.1.1" (two dots or more), ETSI requirement ids "DIS-6.1-01A".
const SECTION = /(?:\bsections?|\bsec\.|\u00a7|\bclauses?|\bchapter|\barticle|\bparagraph|\bpara\.|\bitem)[ \t]*\S|\b\d+\.\d+\.\d+(?:\.\d+)*\b|\b[A-Z]{2,4}-\d+(?:\.\d+)*-\d+[A-Z]?\b/i;

/** Split a value into the policies it names (one per line, bullet or ";"). */
function items(value: string): string[] {
  return value
    .split(/\n|;/)
    .map((s) => s.replace(/^[-*\u2022\u00b7][ \t]*/, '').trim())
    .filter((s) => s.length > 0);
}

function locate(report: IncidentReport, f: Field, item: string): { start: number; end: number } {
  const at = report.source.indexOf(item, f.valueSpan.start);
  if (at >= 0 && at + item.length <= f.valueSpan.end) return { start: at, end: at + item.length };
  return { start: f.valueSpan.start, end: f.valueSpan.end };
}

const PRELIM = (v: string): string => `## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Text.\n- **Relevant policies:** ${v}\n- **Source of incident disclosure:** Self Reported\n`;

const documentRegExps = perOptions((o: { documents: string[] }) => o.documents.map((d) => new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(d)}(?![A-Za-z])`, d.length <= 4 ? '' : 'i')));

export default defineRule({
  meta: {
    id: 'relevant-policies-specific',
    description: 'Require Relevant policies to name the document, its version and the section.',
    tags: ['summary'],
    severity: 'warn',
    messages: {
      missing: 'Relevant policies should name the document, its version and the section; "{{found}}" has no {{missing}}.',
      noDocument: 'Relevant policies should name the policy document (e.g. "TLS Baseline Requirements version 2.1.6, section 4.9.1.1"); found "{{found}}".',
    },
    options: ruleOptions({ documents: stringList(DEFAULT_DOCUMENTS) }),
    rationale:
      'Requirements move between sections and change between versions; "the BRs" or "our CPS" leaves the reader to guess which rule was broken and in which wording. Naming the document, the version in force at the time and the section lets a reviewer check the claim in one step. Each policy line (or item separated by ";") is checked on its own. An RFC or ETSI standard number counts as its version. Add your own documents (a CPS title, a national scheme) with the "documents" option.',
    source: 'CCADB IRG 3.x, Summary, "Relevant policies" (the policy document, its version and the section).',
    examples: [
      { title: 'Document, version and section', code: PRELIM('TLS Baseline Requirements version 2.1.6, section 4.9.1.1'), expect: [] },
      { title: 'No version', code: PRELIM('Baseline Requirements section 4.9.1.1'), expect: [{ messageId: 'missing', line: 6 }] },
      { title: 'No document', code: PRELIM('Revocation timelines'), expect: [{ messageId: 'noDocument', line: 6 }] },
    ],
  },
  check(report, ctx) {
    const docs = documentRegExps(ctx.options);
    for (const block of blocksOf(report, 'ccadb-v3-full', 'ccadb-v3-preliminary')) {
      for (const f of fields(section(block, 'summary'), 'relevant-policies')) {
        if (f.value === '' || isNotApplicable(f.value)) continue;
        const list = items(f.value);
        let named = list.filter((it) => docs.some((d) => d.test(it)));
        // A long name wrapped over two lines: read the value as one item.
        const joined = f.value.replace(/(?<!\s)\s*\n\s*/g, ' ');
        if (named.length === 0 && docs.some((d) => d.test(joined))) named = [joined];
        if (named.length === 0) {
          ctx.report({ messageId: 'noDocument', data: { found: clip(f.value) }, loc: { start: f.valueSpan.start, end: f.valueSpan.end } });
          continue;
        }
        for (const it of named) {
          const missing: string[] = [];
          if (!VERSION.test(it)) missing.push('version');
          if (!SECTION.test(it)) missing.push('section');
          if (missing.length === 0) continue;
          ctx.report({ messageId: 'missing', data: { found: clip(it), missing: missing.join(' and no ') }, loc: locate(report, f, it) });
        }
      }
    }
  },
});
